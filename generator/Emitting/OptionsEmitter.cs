using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits an options class: one property per parameter in spec order, <c>required</c> for required parameters,
/// <c>[Obsolete]</c> with the spec's own words, in plain text and written once, for deprecated ones.
/// </summary>
internal static class OptionsEmitter
{
    /// <summary>Writes the class declaration into <paramref name="writer"/>, after the file header.</summary>
    public static void Write(SourceWriter writer, SpecModel spec, OptionsClassModel model, bool hasRuntime, TypeSummaries summaries)
    {
        SourceFile.WriteTypeHeader(writer, spec, model.Description, () => summaries.For(model), $"sealed partial class {Naming.DeclaredName(model.Name)}");
        using (writer.Braces())
        {
            bool first = true;
            foreach (PropertyModel property in model.Properties)
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteSummary(property.Description);
                if (property.Type.Kind == TypeKind.Binary)
                {
                    writer.WriteLine("/// <remarks>");
                    writer.WriteLine($"/// Sent as the <c>{DocText.EscapeXml(property.WireName)}</c> part of a <c>multipart/form-data</c> request, read from its current");
                    writer.WriteLine("/// position as the request is sent, never buffered whole, and never disposed: the stream stays yours. The upload is");
                    writer.WriteLine("/// retried only when the stream can seek (<see cref=\"global::System.IO.Stream.CanSeek\"/>): it is put back at its");
                    writer.WriteLine("/// starting position before each retry. A stream that cannot seek is sent once, and a failure that would");
                    writer.WriteLine("/// otherwise be retried ends the call.");
                    writer.WriteLine("/// </remarks>");
                }
                else
                {
                    writer.WriteLine($"/// <remarks>Sent as <c>{DocText.EscapeXml(property.WireName)}</c>.</remarks>");
                }

                if (property.Deprecation is not null)
                {
                    writer.WriteLine($"[global::System.Obsolete({Naming.DeprecationConstant(property.Name)})]");
                    if (hasRuntime && property is { ReplacedBy: { } replacedBy, Replacement: { } replacement })
                    {
                        writer.WriteLine($"[{TypeNames.Runtime}.ReplacedBy({DocText.Literal(replacedBy)}, {DocText.Literal(replacement)})]");
                    }
                }

                if (hasRuntime && StripeValues(spec, property.Type) is { } values)
                {
                    writer.WriteLine(values);
                }

                bool required = property.RequiredMember;
                writer.WriteLine($"public {(required ? "required " : string.Empty)}{TypeNames.Parameter(property.Type, required)} {property.Name} {{ get; set; }}");
                if (property.AlternativeName is { } alternative)
                {
                    writer.WriteLine();
                    writer.WriteLine(property.Type.IdKind == TypeKind.String
                        ? $"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}</c> as the ID (or token) of an existing object instead of <see cref=\"{property.Name}\"/>; set one of the two.</summary>"
                        : $"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}</c> as one exact value instead of <see cref=\"{property.Name}\"/>; set one of the two.</summary>");
                    if (property.Deprecation is not null)
                    {
                        writer.WriteLine($"[global::System.Obsolete({Naming.DeprecationConstant(property.Name)})]");
                    }

                    writer.WriteLine($"public {TypeNames.Parameter(property.Type.Alternative, required: false)} {alternative} {{ get; set; }}");
                }

                if (property.Type.Kind == TypeKind.Binary)
                {
                    WriteFileMembers(writer, property);
                }

                if (property.ClearName is { } clear)
                {
                    writer.WriteLine();
                    writer.WriteLine($"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}=</c> (an empty value), which clears the field; leave <see cref=\"{property.Name}\"/> unset.</summary>");
                    writer.WriteLine($"public bool {clear} {{ get; set; }}");
                }
            }

            if (spec.Compatibility == CompatibilityMode.StripeNet
                && model.Properties.FirstOrDefault(p => p.WireName == "expand" && p.Type is { Kind: TypeKind.Array, Item.Kind: TypeKind.String }) is { } expand
                && model.Properties.All(p => p.Name != GeneratedMembers.AddExpand))
            {
                writer.WriteLine();
                writer.WriteLine($"/// <summary>Adds a field to <see cref=\"{expand.Name}\"/>, as Stripe.net's <c>{GeneratedMembers.AddExpand}</c> does.</summary>");
                writer.WriteLine("/// <param name=\"value\">The field's path in the response, such as <c>customer</c>.</param>");
                writer.WriteLine($"public void {GeneratedMembers.AddExpand}(string value) => ({expand.Name} ??= new()).Add(value);");
            }

            if (model.HasDeprecatedMembers)
            {
                writer.WriteLine();
                NestedClass.Write(
                    writer,
                    "What each deprecated parameter's <c>[Obsolete]</c> says, and its validation warning.",
                    Naming.DeprecationsClass,
                    model.Properties.Where(p => p.Deprecation is not null).Select(p => $"public const string {p.Name} = {DocText.Literal(p.Deprecation!)};"));
            }
        }
    }

    /// <summary>The file name and content type of a file's part, beside the file.</summary>
    private static void WriteFileMembers(SourceWriter writer, PropertyModel property)
    {
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The file name sent with <see cref=\"{property.Name}\"/>; when null, a <see cref=\"global::System.IO.FileStream\"/>'s own file name, else <c>blob</c>.</summary>");
        writer.WriteLine($"public string? {property.FileNameMember} {{ get; set; }}");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The media type sent with <see cref=\"{property.Name}\"/>, such as <c>application/pdf</c>; <c>application/octet-stream</c> when null.</summary>");
        writer.WriteLine($"public string? {property.ContentTypeMember} {{ get; set; }}");
    }
    /// <summary>
    /// For an enum parameter typed as a string (<see cref="TypeRef.AsString"/>), or a list of them, the attribute that
    /// tells the analyzer its values; null for any other parameter.
    /// </summary>
    private static string? StripeValues(SpecModel spec, TypeRef type)
    {
        TypeRef values = type.Kind == TypeKind.Array && type.Item is { } item ? item : type;
        if (!values.AsString || spec.Enums.FirstOrDefault(e => e.Name == values.Name) is not { } model)
        {
            return null;
        }

        string closed = values.Kind == TypeKind.Enum ? "true" : "false";
        return $"[{TypeNames.Runtime}.StripeValues({closed}{string.Concat(model.Members.Select(m => ", " + DocText.Literal(m.WireName)))})]";
    }
}
