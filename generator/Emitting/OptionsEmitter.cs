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
    public static void Write(SourceWriter writer, SpecModel spec, OptionsClassModel model, bool hasRuntime)
    {
        SourceFile.WriteTypeHeader(writer, spec, model.Description, $"sealed partial class {model.Name}");
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
                    if (hasRuntime && property.ReplacedBy is not null && ResolveReplacement(spec, model, property.ReplacedBy) is { } replacement)
                    {
                        writer.WriteLine($"[{TypeNames.Runtime}.ReplacedBy({DocText.Literal(property.ReplacedBy)}, {DocText.Literal(replacement)})]");
                    }
                }

                // An object-or-ID parameter is required as either; Validate() checks that one of the two is set.
                bool required = property.Required && !property.Type.OrId;
                writer.WriteLine($"public {(required ? "required " : string.Empty)}{TypeNames.Parameter(property.Type, required)} {property.Name} {{ get; set; }}");
                if (property.Type.OrId)
                {
                    writer.WriteLine();
                    writer.WriteLine(property.Type.IdKind == TypeKind.String
                        ? $"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}</c> as the ID (or token) of an existing object instead of <see cref=\"{property.Name}\"/>; set one of the two.</summary>"
                        : $"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}</c> as one exact value instead of <see cref=\"{property.Name}\"/>; set one of the two.</summary>");
                    if (property.Deprecation is not null)
                    {
                        writer.WriteLine($"[global::System.Obsolete({DocText.Literal(property.Deprecation)})]");
                    }

                    writer.WriteLine($"public {TypeNames.Parameter(property.Type.Alternative, required: false)} {IdProperty(property)} {{ get; set; }}");
                }

                if (property.Type.Emptyable)
                {
                    writer.WriteLine();
                    writer.WriteLine($"/// <summary>Sends <c>{DocText.EscapeXml(property.WireName)}=</c> (an empty value), which clears the field; leave <see cref=\"{property.Name}\"/> unset.</summary>");
                    writer.WriteLine($"public bool {EmptyableSwitch(property)} {{ get; set; }}");
                }
            }
        }
    }

    /// <summary>The string property that sends an object-or-ID parameter as an ID.</summary>
    internal static string IdProperty(PropertyModel property) => Naming.AlternativeMember(property.Name, property.Type.IdKind == TypeKind.String);

    /// <summary>The switch that sends an emptyable parameter as <c>key=</c>.</summary>
    internal static string EmptyableSwitch(PropertyModel property) => "Clear" + property.Name;

    /// <summary>Turns a dotted wire path (<c>collection_options.fields</c>) into C# property names (<c>CollectionOptions.Fields</c>).</summary>
    internal static string? ResolveReplacement(SpecModel spec, OptionsClassModel owner, string wirePath)
    {
        OptionsClassModel? current = owner;
        var names = new System.Collections.Generic.List<string>();
        foreach (string segment in wirePath.Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            PropertyModel? property = null;
            foreach (PropertyModel candidate in current.Properties)
            {
                if (candidate.WireName == segment)
                {
                    property = candidate;
                }
            }

            if (property is null)
            {
                return null;
            }

            names.Add(property.Name);
            current = null;
            if (property.Type.Kind == TypeKind.Object)
            {
                foreach (OptionsClassModel options in spec.OptionsClasses)
                {
                    if (options.Name == property.Type.Name)
                    {
                        current = options;
                    }
                }
            }
        }

        return string.Join(".", names);
    }
}
