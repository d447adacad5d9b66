using System.Collections.Generic;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Resolves each deprecated parameter's <c>x-accountLinkGen-replacedBy</c> wire path
/// (<c>collection_options.fields</c>) into C# property names (<c>CollectionOptions.Fields</c>) once every options
/// class is read, so that the emitters print it as it is. A path that names no parameter is ALG0015.
/// </summary>
internal static class ReplacementResolver
{
    /// <param name="pointers">Where each replacement was read (<see cref="RequestReader.ReplacementPointers"/>).</param>
    public static void Resolve(GeneratedTypes types, IReadOnlyDictionary<(string WireName, string ReplacedBy), string> pointers, ParseDiagnostics diagnostics)
    {
        List<OptionsClassModel> classes = types.OptionsClasses;
        var byName = new Dictionary<string, OptionsClassModel>(System.StringComparer.Ordinal);
        foreach (OptionsClassModel options in classes)
        {
            byName[options.Name] = options;
        }

        for (int i = 0; i < classes.Count; i++)
        {
            OptionsClassModel owner = classes[i];
            if (!owner.HasDeprecatedMembers)
            {
                continue;
            }

            var properties = new List<PropertyModel>(owner.Properties.Count);
            foreach (PropertyModel property in owner.Properties)
            {
                if (property.ReplacedBy is not { } wirePath)
                {
                    properties.Add(property);
                    continue;
                }

                string? replacement = CSharpPath(byName, owner, wirePath);
                if (replacement is null)
                {
                    pointers.TryGetValue((property.WireName, wirePath), out string? pointer);
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidExtension,
                        pointer,
                        StripeConventions.ReplacedBy,
                        owner.Name + "." + property.Name,
                        wirePath,
                        owner.Name + " does not have",
                        "no [ReplacedBy] is generated for it, so assigning it gives no ALG1001");
                }

                properties.Add(property with { Replacement = replacement });
            }

            classes[i] = owner with { Properties = properties.ToEquatableArray() };
        }
    }

    private static string? CSharpPath(Dictionary<string, OptionsClassModel> byName, OptionsClassModel owner, string wirePath)
    {
        OptionsClassModel? current = owner;
        var names = new List<string>();
        foreach (string segment in wirePath.Split('.'))
        {
            PropertyModel? property = null;
            foreach (PropertyModel candidate in current?.Properties ?? EquatableArray<PropertyModel>.Empty)
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
            current = property.Type.Kind == TypeKind.Object && byName.TryGetValue(property.Type.Name!, out OptionsClassModel? next) ? next : null;
        }

        return string.Join(".", names);
    }
}
