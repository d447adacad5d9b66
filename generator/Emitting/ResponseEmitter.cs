using System;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a response model and, with the runtime referenced, its JSON reader: a hand-written-style loop over
/// <c>Utf8JsonReader</c> tokens, because a System.Text.Json source-generated context cannot see types that another
/// generator emits. Unknown fields are skipped; missing required ones throw a <c>JsonException</c> naming them.
/// </summary>
internal static class ResponseEmitter
{
    public static string Emit(SpecModel spec, ResponseModel model, bool hasRuntime, TypeSummaries summaries)
    {
        if (model.Variants.Count > 0)
        {
            return ResponseUnionEmitter.Emit(spec, model, hasRuntime, summaries);
        }

        SourceWriter writer = SourceFile.StartType(spec, model.Name, model.Description, () => summaries.For(model), $"sealed partial class {Naming.DeclaredName(model.Name)}");
        using (writer.Braces())
        {
            bool first = true;
            foreach (ResponsePropertyModel property in model.Properties)
            {
                if (!hasRuntime && property.Type.Kind is TypeKind.List or TypeKind.SearchResult)
                {
                    // A page is the runtime's StripeList or StripeSearchResult: without the runtime (models only,
                    // ALG0009) there is no type to hold it, and no reader to fill it either.
                    continue;
                }

                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                if (string.IsNullOrWhiteSpace(property.Description))
                {
                    // Every public member has a summary, so that a consumer that builds its docs gets no CS1591.
                    writer.WriteLine($"/// <summary>The <c>{DocText.EscapeXml(property.WireName)}</c> field.</summary>");
                }
                else
                {
                    writer.WriteSummary(property.Description);
                }

                bool nonNullable = IsNonNullable(property);
                string initializer = nonNullable && !TypeNames.IsValueType(property.Type) ? " = null!;" : string.Empty;
                writer.WriteLine($"public {TypeNames.Response(property.Type, nonNullable, MutableCollections(spec))} {property.Name} {Accessors(spec)}{initializer}");
                if (property.ExpandedName is { } expanded)
                {
                    writer.WriteLine();
                    writer.WriteLine("/// <summary>");
                    writer.WriteLine(property.Type.Kind == TypeKind.Array
                        ? $"/// The objects themselves when the request expanded <c>{DocText.EscapeXml(property.WireName)}</c> (<c>expand[]</c>), else null;"
                        : $"/// The object itself when the request expanded <c>{DocText.EscapeXml(property.WireName)}</c> (<c>expand[]</c>), else null;");
                    writer.WriteLine($"/// <see cref=\"{property.Name}\"/> holds {(property.Type.Kind == TypeKind.Array ? "their IDs" : "its ID")} either way.");
                    writer.WriteLine("/// </summary>");
                    writer.WriteLine($"public {ExpandedType("global::" + spec.Namespace + ".", property, MutableCollections(spec))}? {expanded} {Accessors(spec)}");
                }
            }

            if (hasRuntime)
            {
                writer.WriteLine();
                // An event's data.object is read with the spec's object table (see ObjectTableEmitter).
                string? table = spec.ObjectTable is { } objects ? "global::" + spec.Namespace + "." + objects.Name + ".Read" : null;
                WriteReader(writer, model, "global::" + spec.Namespace + ".", table, MutableCollections(spec));
            }
        }

        return writer.Complete();
    }

    /// <summary>
    /// A response property's accessors: read-only after it is read (<c>init</c>), or, in Stripe.net's shape, settable
    /// as Stripe.net's are, so code that fills a model itself (a test's fake customer) compiles.
    /// </summary>
    internal static string Accessors(SpecModel spec) => spec.Compatibility == CompatibilityMode.StripeNet ? "{ get; set; }" : "{ get; init; }";

    /// <summary>
    /// Whether a model's lists and maps are <c>List</c> and <c>Dictionary</c>, as in Stripe.net, whose users add to
    /// them (<c>customer.Metadata["plan"] = …</c>) and pass them on (<c>new CustomerUpdateOptions { Metadata =
    /// customer.Metadata }</c>); read-only otherwise.
    /// </summary>
    private static bool MutableCollections(SpecModel spec) => spec.Compatibility == CompatibilityMode.StripeNet;

    /// <param name="qualifier">Prefixes generated type names: a property may share a nested type's name.</param>
    /// <param name="table">The object table's reader, for fields that hold any resource.</param>
    private static void WriteReader(SourceWriter writer, ResponseModel model, string qualifier, string? table, bool mutable)
    {
        const string Json = "global::System.Text.Json";
        if (model.Properties.Count > 0)
        {
            NestedClass.Write(
                writer,
                "Field names as Stripe sends them; an error names a missing one.",
                Naming.WireNamesClass,
                model.Properties.Select(p => $"public const string {p.Name} = {DocText.Literal(p.WireName)};"));
            writer.WriteLine();
            NestedClass.Write(
                writer,
                "Field names in UTF-8, as the reader compares them.",
                Naming.JsonNamesClass,
                model.Properties.Select(p => $"public static readonly byte[] {p.Name} = global::System.Text.Encoding.UTF8.GetBytes({Naming.WireNameConstant(p.Name)});"));
            writer.WriteLine();
        }

        WriteFromJson(writer, model, "The JSON is malformed or lacks a required field.");
        using (writer.Braces())
        {
            WriteExpectObject(writer, model);
            // Read's parameter is part of its signature; every name the method declares is kept apart from it.
            LocalNames names = Naming.Locals(ClassMembers.Of(model, "reader"));
            string item = names.Declare("item");
            var locals = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (ResponsePropertyModel property in model.Properties)
            {
                locals[property.Name] = names.DeclareCamel(property.Name);
                writer.WriteLine($"{TypeNames.Response(property.Type, required: false, mutable)} {locals[property.Name]} = default;");
                if (property.ExpandedName is { } expandedName)
                {
                    locals[expandedName] = names.DeclareCamel(expandedName);
                    writer.WriteLine($"{ExpandedType(qualifier, property, mutable)}? {locals[expandedName]} = default;");
                }
            }

            writer.WriteLine($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
            using (writer.Braces())
            {
                bool first = true;
                foreach (ResponsePropertyModel property in model.Properties)
                {
                    writer.WriteLine($"{(first ? "if" : "else if")} (reader.ValueTextEquals({Naming.JsonNameField(property.Name)}))");
                    first = false;
                    using (writer.Braces())
                    {
                        writer.WriteLine("reader.Read();");
                        writer.WriteLine(property.ExpandedName is null
                            ? $"{locals[property.Name]} = {ReadValue(property.Type, qualifier, item, table, mutable)};"
                            : $"{locals[property.Name]} = {TypeNames.Runtime}.JsonRead.{(property.Type.Kind == TypeKind.Array ? Collection(mutable) + "ExpandableList" : "Expandable")}(ref reader, static (ref global::System.Text.Json.Utf8JsonReader {item}) => {TypeNames.Qualified(qualifier, ExpandedObject(property).Name!)}.{GeneratedMembers.Read}(ref {item}), out {locals[property.ExpandedName]});");
                    }
                }

                if (first)
                {
                    writer.WriteLine("reader.Read();");
                    writer.WriteLine($"{TypeNames.Runtime}.JsonRead.Skip(ref reader);");
                }
                else
                {
                    writer.WriteLine("else");
                    using (writer.Braces())
                    {
                        writer.WriteLine("reader.Read();");
                        writer.WriteLine($"{TypeNames.Runtime}.JsonRead.Skip(ref reader);");
                    }
                }
            }

            writer.WriteLine();
            writer.WriteLine($"return new {model.Name}");
            using (writer.Braces(";"))
            {
                foreach (ResponsePropertyModel property in model.Properties)
                {
                    string value = !property.Required ? locals[property.Name]
                        : !property.Lenient ? $"{locals[property.Name]} ?? throw {TypeNames.Runtime}.JsonRead.Missing(nameof({model.Name}), {Naming.WireNameConstant(property.Name)})"
                        : TypeNames.IsValueType(property.Type) ? $"{locals[property.Name]} ?? default"
                        : locals[property.Name];
                    writer.WriteLine($"{property.Name} = {value},");
                    if (property.ExpandedName is { } expanded)
                    {
                        writer.WriteLine($"{expanded} = {locals[expanded]},");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the property's type is not nullable: a required field, unless it is read leniently and a null could
    /// stand for it (a lenient number, boolean or time reads as its default instead).
    /// </summary>
    private static bool IsNonNullable(ResponsePropertyModel property) =>
        property.Required && (!property.Lenient || TypeNames.IsValueType(property.Type));

    /// <summary>
    /// Writes <c>FromJson</c>, which reads a whole document through <c>Read</c>, and the signature of <c>Read</c>,
    /// whose body the caller writes next.
    /// </summary>
    internal static void WriteFromJson(SourceWriter writer, ResponseModel model, string whenThrown)
    {
        const string Json = "global::System.Text.Json";
        string subject = English.Article(Naming.DeclaredName(model.Name)) + $" <see cref=\"{model.Name}\"/>";
        writer.WriteLine($"/// <summary>Reads {subject} from a UTF-8 JSON document.</summary>");
        writer.WriteLine($"/// <exception cref=\"{Json}.JsonException\">{DocText.EscapeXml(whenThrown)}</exception>");
        writer.WriteLine($"public static {model.Name} {GeneratedMembers.FromJson}(global::System.ReadOnlySpan<byte> utf8Json)");
        using (writer.Braces())
        {
            string reader = Naming.Locals(ClassMembers.Of(model, "utf8Json")).Declare("reader");
            writer.WriteLine($"var {reader} = new {Json}.Utf8JsonReader(utf8Json);");
            writer.WriteLine($"{TypeNames.Runtime}.JsonRead.StartDocument(ref {reader}, nameof({model.Name}));");
            writer.WriteLine($"return {GeneratedMembers.Read}(ref {reader});");
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Reads {subject} from a reader positioned on its <c>{{</c>.</summary>");
        writer.WriteLine($"public static {model.Name} {GeneratedMembers.Read}(ref {Json}.Utf8JsonReader reader)");
    }

    /// <summary>
    /// Refuses anything but an object before reading one: a list item or map value that is a string or a number
    /// would otherwise be read from the tokens after it, and the rest of the document with it.
    /// </summary>
    internal static void WriteExpectObject(SourceWriter writer, ResponseModel model)
    {
        writer.WriteLine($"{TypeNames.Runtime}.JsonRead.ExpectObject(ref reader, nameof({model.Name}));");
    }

    /// <summary>The object an expandable field (or each item of an expandable list) expands to.</summary>
    private static TypeRef ExpandedObject(ResponsePropertyModel property) =>
        property.Type.Kind == TypeKind.Array ? property.Type.Item!.Item! : property.Type.Item!;

    /// <summary>The type of the property that holds the expanded object, or the expanded objects of a list.</summary>
    private static string ExpandedType(string qualifier, ResponsePropertyModel property, bool mutable) =>
        property.Type.Kind == TypeKind.Array
            ? $"global::System.Collections.Generic.{(mutable ? "List" : "IReadOnlyList")}<{TypeNames.Qualified(qualifier, ExpandedObject(property).Name!)}>"
            : TypeNames.Qualified(qualifier, ExpandedObject(property).Name!);

    /// <summary>The prefix of the runtime's readers of lists and maps: the read-only ones, or the <c>Mutable</c> ones.</summary>
    private static string Collection(bool mutable) => mutable ? "Mutable" : string.Empty;

    private static string ReadValue(TypeRef type, string qualifier, string item, string? table, bool mutable) => type.Kind switch
    {
        TypeKind.StripeObject => $"{TypeNames.Runtime}.StripeObjects.Read(ref reader, {table})",
        TypeKind.Integer => $"{TypeNames.Runtime}.JsonRead.Int64(ref reader)",
        TypeKind.Number => $"{TypeNames.Runtime}.JsonRead.{DecimalReader(type)}(ref reader)",
        TypeKind.Boolean => $"{TypeNames.Runtime}.JsonRead.Boolean(ref reader)",
        TypeKind.UnixTime => $"{TypeNames.Runtime}.JsonRead.{UnixTimeReader(type)}(ref reader)",
        TypeKind.StringMap => $"{TypeNames.Runtime}.JsonRead.{Collection(mutable)}StringMap(ref reader)",
        TypeKind.Json => $"{TypeNames.Runtime}.JsonRead.Element(ref reader)",
        TypeKind.Object => $"reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject ? {TypeNames.Qualified(qualifier, type.Name!)}.{GeneratedMembers.Read}(ref reader) : {TypeNames.Runtime}.JsonRead.Skipped<{TypeNames.Qualified(qualifier, type.Name!)}>(ref reader)",
        TypeKind.Array => $"{TypeNames.Runtime}.JsonRead.{Collection(mutable)}List(ref reader, static (ref global::System.Text.Json.Utf8JsonReader {item}) => {ItemValue(type.Item!, qualifier, item, table)})",
        TypeKind.Map => $"{TypeNames.Runtime}.JsonRead.{Collection(mutable)}Map(ref reader, static (ref global::System.Text.Json.Utf8JsonReader {item}) => {ItemValue(type.Item!, qualifier, item, table)})",
        TypeKind.List or TypeKind.SearchResult => ReadPage(type, "ref reader", qualifier, item, table),
        _ => $"{TypeNames.Runtime}.JsonRead.String(ref reader)",
    };

    /// <summary>
    /// Reads a page of a list or search with the runtime's reader and the reader of its items, from
    /// <paramref name="source"/>: <c>ref reader</c> for a field, a whole response body for an operation.
    /// </summary>
    internal static string ReadPage(TypeRef type, string source, string qualifier, string item, string? table) =>
        $"{TypeNames.Runtime}.StripePageReader.{(type.Kind == TypeKind.List ? "List" : "SearchResult")}({source}, static (ref global::System.Text.Json.Utf8JsonReader {item}) => {ItemValue(type.Item!, qualifier, item, table)})";

    private static string DecimalReader(TypeRef type) => type.IsDecimal ? "DecimalText" : "Decimal";

    private static string UnixTimeReader(TypeRef type) => type.AsDateTime ? "UnixDateTime" : "UnixTime";

    private static string ItemValue(TypeRef type, string qualifier, string item, string? table) => type.Kind switch
    {
        // Null items are refused before an item is read, so the table's read gives an object.
        TypeKind.StripeObject => $"{TypeNames.Runtime}.StripeObjects.Read(ref {item}, {table})!",
        TypeKind.Object => $"{TypeNames.Qualified(qualifier, type.Name!)}.{GeneratedMembers.Read}(ref {item})",
        TypeKind.Integer => $"{TypeNames.Runtime}.JsonRead.Int64(ref {item}) ?? 0",
        TypeKind.Number => $"{TypeNames.Runtime}.JsonRead.{DecimalReader(type)}(ref {item}) ?? 0",
        TypeKind.Boolean => $"{TypeNames.Runtime}.JsonRead.Boolean(ref {item}) ?? false",
        TypeKind.UnixTime => $"{TypeNames.Runtime}.JsonRead.{UnixTimeReader(type)}(ref {item}) ?? default",
        TypeKind.Json => $"{TypeNames.Runtime}.JsonRead.Element(ref {item}) ?? default",

        // The parser gives no collection of collections: a model would not say how to read one.
        TypeKind.Array or TypeKind.Map or TypeKind.StringMap or TypeKind.List or TypeKind.SearchResult =>
            throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "A collection's items are never collections."),
        _ => $"{TypeNames.Runtime}.JsonRead.String(ref {item}) ?? string.Empty",
    };
}
