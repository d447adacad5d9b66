using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits the form encoder of an options class: straight-line calls on the runtime's <c>FormWriter</c>, one per
/// property in spec order, with nested objects and lists written under bracketed keys. No reflection. Each wire
/// name is spelled once, in a constant of the nested <c>WireNames</c> class the validator uses too, and escaped
/// once, into a <c>FormEncodedText</c> of the nested <c>FormNames</c> class, not on every write.
/// </summary>
internal static class EncoderEmitter
{
    /// <summary>
    /// Writes the encoder part of the options class into <paramref name="writer"/>. It reads deprecated
    /// parameters too (they are still sent when the caller sets them): CS0618 is disabled around each such read.
    /// </summary>
    public static void Write(SourceWriter writer, OptionsClassModel model)
    {
        writer.WriteLine($"partial class {Naming.DeclaredName(model.Name)} : {TypeNames.Runtime}.IFormEncodable");
        using (writer.Braces())
        {
            if (model.Properties.Count > 0)
            {
                NestedClass.Write(
                    writer,
                    "Parameter names as sent; the validator names them too.",
                    Naming.WireNamesClass,
                    model.Properties.Select(p => $"public const string {p.Name} = {DocText.Literal(p.WireName)};"));
                writer.WriteLine();
                NestedClass.Write(
                    writer,
                    "Parameter names escaped once for the form writer.",
                    Naming.FormNamesClass,
                    model.Properties.Select(p => $"public static readonly {TypeNames.Runtime}.FormEncodedText {p.Name} = {TypeNames.Runtime}.FormEncodedText.Encode({Naming.WireNameConstant(p.Name)});"));
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>The set parameters in Stripe's form encoding, as sent in a request body.</summary>");
            writer.WriteLine($"public string {GeneratedMembers.ToFormUrlEncoded}()");
            using (writer.Braces())
            {
                string form = Naming.Locals(ClassMembers.Of(model)).Declare("writer");
                writer.WriteLine($"var {form} = {TypeNames.Runtime}.FormWriter.Create();");
                writer.WriteLine($"{GeneratedMembers.WriteForm}(ref {form});");
                writer.WriteLine($"return {form}.ToStringAndDispose();");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine($"public void {GeneratedMembers.WriteForm}(ref {TypeNames.Runtime}.FormWriter writer)");
            using (writer.Braces())
            {
                // The interface names the parameter; every name the method declares is kept apart from it.
                LocalNames locals = Naming.Locals(ClassMembers.Of(model, "writer"));
                var loop = new ListLoop(locals.Declare("i"), locals.Declare("itemKey"));
                foreach (PropertyModel property in model.Properties)
                {
                    using SourceWriter.Pragma obsolete = writer.Disable("CS0618", property.Name + " is deprecated, and still sent when set", when: property.Deprecation is not null);
                    if (property.ClearName is { } clear)
                    {
                        writer.WriteLine($"if ({clear})");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"writer.Write({Naming.FormNameField(property.Name)}, string.Empty);");
                        }

                        writer.WriteLine("else");
                        using (writer.Braces())
                        {
                            WriteProperty(writer, property, locals, loop);
                        }
                    }
                    else
                    {
                        WriteProperty(writer, property, locals, loop);
                    }
                }
            }
        }
    }

    /// <summary>The loop variables every list's loop declares alike: its index and the key it pushes for it.</summary>
    private readonly record struct ListLoop(string Index, string ItemKey);

    private static void WriteProperty(SourceWriter writer, PropertyModel property, LocalNames locals, ListLoop loop)
    {
        string wire = Naming.FormNameField(property.Name);
        string name = property.Name;
        TypeRef type = property.Type;
        if (type.AsAnyOf)
        {
            // Whichever kind it holds: an object as name[child]=…, a time as Unix seconds, anything else as text.
            writer.WriteLine($"writer.WriteAnyOf({wire}, {name});");
            return;
        }

        // An enum typed as a string is sent as the string it holds.
        switch (type.AsString ? TypeKind.String : type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Integer:
            case TypeKind.Number:
            case TypeKind.Boolean:
            case TypeKind.UnixTime:
                writer.WriteLine($"writer.Write({wire}, {name});");
                break;
            case TypeKind.OpenEnum:
                writer.WriteLine(property.Required
                    ? $"writer.Write({wire}, {name}.Value);"
                    : $"writer.Write({wire}, {name}?.Value);");
                break;
            case TypeKind.Enum:
                string value = locals.DeclareCamel(name);
                writer.WriteLine($"if ({name} is {{ }} {value})");
                using (writer.Braces())
                {
                    writer.WriteLine($"writer.Write({wire}, {value}.{GeneratedMembers.ToWireName}());");
                }

                break;
            case TypeKind.Object:
                if (type.OrId)
                {
                    writer.WriteLine($"writer.Write({wire}, {property.AlternativeName});");
                }

                writer.WriteLine($"writer.WriteObject({wire}, {name});");
                break;
            case TypeKind.Binary:
                writer.WriteLine($"// {name} is sent by the service as the file's own part, beside these.");
                break;
            case TypeKind.StringMap:
                writer.WriteLine($"writer.WriteMap({wire}, {name});");
                break;
            case TypeKind.Map:
                writer.WriteLine($"writer.WriteObjectMap({wire}, {name});");
                break;
            case TypeKind.Array when type.Item!.Kind == TypeKind.String:
                writer.WriteLine($"writer.WriteList({wire}, {name});");
                break;
            case TypeKind.Array:
                string list = locals.DeclareCamel(name);
                string listKey = locals.DeclareCamel(name, "Key");
                string i = loop.Index;
                writer.WriteLine($"if ({name} is {{ }} {list})");
                using (writer.Braces())
                {
                    writer.WriteLine($"int {listKey} = writer.PushKey({wire});");
                    writer.WriteLine($"if ({list}.Count == 0)");
                    using (writer.Braces())
                    {
                        writer.WriteLine("// Sent as \"name=\", as Stripe's SDK sends an empty list.");
                        writer.WriteLine("writer.WriteValue(string.Empty);");
                    }

                    writer.WriteLine($"for (int {i} = 0; {i} < {list}.Count; {i}++)");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"int {loop.ItemKey} = writer.PushIndex({i});");
                        writer.WriteLine(ItemValue(type.Item!, $"{list}[{i}]"));
                        writer.WriteLine($"writer.PopKey({loop.ItemKey});");
                    }

                    writer.WriteLine($"writer.PopKey({listKey});");
                }

                break;
        }
    }

    private static string ItemValue(TypeRef item, string expression) => item.Kind switch
    {
        TypeKind.Enum or TypeKind.OpenEnum when item.AsString => $"writer.WriteValue({expression});",
        TypeKind.Enum => $"writer.WriteValue({expression}.{GeneratedMembers.ToWireName}());",
        TypeKind.OpenEnum => $"writer.WriteValue({expression}.Value);",
        TypeKind.Object => $"{expression}?.{GeneratedMembers.WriteForm}(ref writer);",
        // Validate() has refused a null item before anything is encoded.
        _ when TypeNames.IsNullableValue(item) => $"writer.WriteValue({expression}!.Value);",
        _ => $"writer.WriteValue({expression});",
    };
}
