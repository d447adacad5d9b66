using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits an options class: one property per parameter in spec order, <c>required</c> for required parameters,
/// <c>[Obsolete]</c> with the spec's own words for deprecated ones.
/// </summary>
internal static class OptionsEmitter
{
    /// <summary>Writes the class declaration into <paramref name="writer"/>, after the file header.</summary>
    public static void Write(SourceWriter writer, SpecModel spec, OptionsClassModel model, bool hasRuntime, TypeSummaries summaries)
    {
        SourceFile.WriteTypeHeader(writer, spec, model.Description, () => summaries.For(model), $"sealed partial class {model.Name}");
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
                writer.WriteLine($"/// <remarks>Sent as <c>{DocText.EscapeXml(property.WireName)}</c>.</remarks>");
                if (property.Deprecation is not null)
                {
                    writer.WriteLine($"[global::System.Obsolete({DocText.Literal(property.Deprecation)})]");
                    if (hasRuntime && property is { ReplacedBy: { } replacedBy, Replacement: { } replacement })
                    {
                        writer.WriteLine($"[{TypeNames.Runtime}.ReplacedBy({DocText.Literal(replacedBy)}, {DocText.Literal(replacement)})]");
                    }
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
                        writer.WriteLine($"[global::System.Obsolete({DocText.Literal(property.Deprecation)})]");
                    }

                    writer.WriteLine($"public {TypeNames.Parameter(property.Type.Alternative, required: false)} {alternative} {{ get; set; }}");
                }

                if (property.ClearName is { } clear)
                {
                    writer.WriteLine();
                    writer.WriteLine($"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}=</c> (an empty value), which clears the field; leave <see cref=\"{property.Name}\"/> unset.</summary>");
                    writer.WriteLine($"public bool {clear} {{ get; set; }}");
                }
            }
        }
    }
}
