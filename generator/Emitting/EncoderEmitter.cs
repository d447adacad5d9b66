using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits the form encoder of an options class: straight-line calls on the runtime's <c>FormWriter</c>, one per
/// property in spec order, with nested objects and lists written under bracketed keys. No reflection. Parameter
/// names are escaped once, into static <c>FormEncodedText</c> fields, not on every write.
/// </summary>
internal static class EncoderEmitter
{
    /// <summary>
    /// Writes the encoder part of the options class into <paramref name="writer"/>. It reads deprecated
    /// parameters too (they are still sent when the caller sets them), so the file of a class with one disables CS0618
    /// (<see cref="OptionsClassModel.HasDeprecatedMembers"/>).
    /// </summary>
    public static void Write(SourceWriter writer, OptionsClassModel model)
    {
        writer.WriteLine($"partial class {model.Name} : {TypeNames.Runtime}.IFormEncodable");
        using (writer.Braces())
        {
            if (model.Properties.Count > 0)
            {
                writer.WriteLine("// Parameter names in form encoding, escaped once instead of on every write.");
                foreach (PropertyModel property in model.Properties)
                {
                    writer.WriteLine($"private static readonly {TypeNames.Runtime}.FormEncodedText {NameField(property)} = {TypeNames.Runtime}.FormEncodedText.Encode({DocText.Literal(property.WireName)});");
                }

                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>The set parameters in Stripe's form encoding, as sent in a request body.</summary>");
            writer.WriteLine("public string ToFormUrlEncoded()");
            using (writer.Braces())
            {
                writer.WriteLine($"var writer = {TypeNames.Runtime}.FormWriter.Create();");
                writer.WriteLine("WriteForm(ref writer);");
                writer.WriteLine("return writer.ToStringAndDispose();");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine($"public void WriteForm(ref {TypeNames.Runtime}.FormWriter writer)");
            using (writer.Braces())
            {
                foreach (PropertyModel property in model.Properties)
                {
                    if (property.ClearName is { } clear)
                    {
                        writer.WriteLine($"if ({clear})");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"writer.Write({NameField(property)}, string.Empty);");
                        }

                        writer.WriteLine("else");
                        using (writer.Braces())
                        {
                            WriteProperty(writer, property);
                        }
                    }
                    else
                    {
                        WriteProperty(writer, property);
                    }
                }
            }
        }
    }

    private static void WriteProperty(SourceWriter writer, PropertyModel property)
    {
        string wire = NameField(property);
        string name = property.Name;
        string local = TypeNames.Local(name);
        TypeRef type = property.Type;
        switch (type.Kind)
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
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"writer.Write({wire}, {local}.ToWireName());");
                }

                break;
            case TypeKind.Object:
                if (type.OrId)
                {
                    writer.WriteLine($"writer.Write({wire}, {property.AlternativeName});");
                }

                writer.WriteLine($"writer.WriteObject({wire}, {name});");
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
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"int {local}Key = writer.PushKey({wire});");
                    writer.WriteLine($"if ({local}.Count == 0)");
                    using (writer.Braces())
                    {
                        writer.WriteLine("// Sent as \"name=\", as Stripe's SDK sends an empty list.");
                        writer.WriteLine("writer.WriteValue(string.Empty);");
                    }

                    writer.WriteLine($"for (int i = 0; i < {local}.Count; i++)");
                    using (writer.Braces())
                    {
                        writer.WriteLine("int itemKey = writer.PushIndex(i);");
                        writer.WriteLine(ItemValue(type.Item!, $"{local}[i]"));
                        writer.WriteLine("writer.PopKey(itemKey);");
                    }

                    writer.WriteLine($"writer.PopKey({local}Key);");
                }

                break;
        }
    }

    /// <summary>The static field holding the property's encoded wire name: <c>s_</c> and the camel-cased name.</summary>
    private static string NameField(PropertyModel property) => "s_" + TypeNames.Local(property.Name).TrimStart('@');

    private static string ItemValue(TypeRef item, string expression) => item.Kind switch
    {
        TypeKind.Enum => $"writer.WriteValue({expression}.ToWireName());",
        TypeKind.OpenEnum => $"writer.WriteValue({expression}.Value);",
        TypeKind.Object => $"{expression}?.WriteForm(ref writer);",
        _ => $"writer.WriteValue({expression});",
    };
}
