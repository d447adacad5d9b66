using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Decides, for all specs of a compilation together, each spec's hint-name prefix and whether it would generate
/// a type that another spec already generates in the same namespace (ALG0014, decided here and reported by the
/// diagnostics output). One spec alone keeps the plain file stem, so single-spec projects keep the hint names (and
/// generated file names) they always had.
/// </summary>
internal static class SpecPlacements
{
    /// <summary>The top-level type names a spec generates, as the emitters name them.</summary>
    public static SpecSummary Summarize(SpecModel spec)
    {
        var names = new List<string>();
        foreach (EnumModel model in spec.Enums)
        {
            names.Add(model.Name);
            if (!model.Open)
            {
                names.Add(Naming.EnumExtensions(model.Name));
            }
        }

        names.AddRange(spec.OptionsClasses.Select(m => m.Name));
        names.AddRange(spec.Responses.Select(m => m.Name));
        names.AddRange(spec.Operations.Select(o => o.ServiceName).Distinct(StringComparer.Ordinal));
        names.AddRange(new[] { spec.ObjectTable?.Name, spec.EventTypes?.Name }.OfType<string>());
        return new SpecSummary(spec.FilePath, spec.Namespace, names.ToEquatableArray(), spec.Operations.Count > 0);
    }

    public static EquatableArray<SpecPlacement> Plan(ImmutableArray<SpecSummary?> specs)
    {
        List<SpecSummary> ordered = specs.Where(s => s is not null).Select(s => s!)
            .OrderBy(s => s.FilePath, StringComparer.Ordinal).ToList();
        Dictionary<string, string> prefixes = HintPrefixes(ordered.Select(s => s.FilePath).ToList());

        // namespace → type name → the spec that generates it
        var owners = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var placements = new List<SpecPlacement>(ordered.Count);
        foreach (SpecSummary spec in ordered)
        {
            if (!owners.TryGetValue(spec.Namespace, out Dictionary<string, string>? types))
            {
                owners.Add(spec.Namespace, types = new Dictionary<string, string>(StringComparer.Ordinal));
            }

            List<string> clashes = spec.TypeNames.Where(types.ContainsKey).ToList();
            DiagnosticInfo? conflict = null;
            if (clashes.Count > 0)
            {
                string other = types[clashes[0]];
                conflict = new DiagnosticInfo(
                    DiagnosticDescriptors.SpecsClash,
                    null,
                    new[] { spec.FilePath, other, spec.Namespace, Describe(clashes) }.ToEquatableArray());
            }
            else
            {
                foreach (string name in spec.TypeNames)
                {
                    types[name] = spec.FilePath;
                }
            }

            placements.Add(new SpecPlacement(spec.FilePath, prefixes[spec.FilePath], conflict));
        }

        return NameServices(ordered, placements, owners).ToEquatableArray();
    }

    /// <summary>A spec with its placement, from the placements of every spec, and its service accessor.</summary>
    public static PlacedSpec Place(SpecModel spec, EquatableArray<SpecPlacement> placements)
    {
        SpecPlacement placement = For(placements, spec);
        return new PlacedSpec(spec, placement, ServiceAccessors.Build(spec, placement.ServicesName));
    }

    /// <summary>
    /// Names each spec's service accessor: <c>StripeServices</c> for the one spec with services in its namespace,
    /// else after each spec's file (<c>BillingServices</c>), so that specs sharing a namespace never clash; a name a
    /// generated type already has is not taken.
    /// </summary>
    private static List<SpecPlacement> NameServices(List<SpecSummary> ordered, List<SpecPlacement> placements, Dictionary<string, Dictionary<string, string>> owners)
    {
        for (int i = 0; i < ordered.Count; i++)
        {
            SpecSummary spec = ordered[i];
            if (!spec.HasServices || placements[i].Conflict is not null)
            {
                continue;
            }

            bool alone = ordered.Count(s => s.HasServices && s.Namespace == spec.Namespace) == 1;
            Dictionary<string, string> types = owners[spec.Namespace];
            string name = Naming.Unique(alone ? Naming.StripeServices : Naming.ServicesAccessor(spec.FilePath), types.ContainsKey);
            types[name] = spec.FilePath;
            types[Naming.ServiceRegistrationClass(name)] = spec.FilePath;
            placements[i] = placements[i] with { ServicesName = name };
        }

        return placements;
    }

    private static SpecPlacement For(EquatableArray<SpecPlacement> placements, SpecModel spec)
    {
        foreach (SpecPlacement placement in placements)
        {
            if (string.Equals(placement.FilePath, spec.FilePath, StringComparison.Ordinal))
            {
                return placement;
            }
        }

        return new SpecPlacement(spec.FilePath, Sanitize(System.IO.Path.GetFileNameWithoutExtension(spec.FilePath)), null);
    }

    /// <summary>
    /// The stem of each file, prefixed with as many of its parent folders as it takes to tell it from the other
    /// specs of the same stem: <c>a/spec.yaml</c> and <c>b/spec.yaml</c> become <c>a.spec</c> and <c>b.spec</c>.
    /// </summary>
    private static Dictionary<string, string> HintPrefixes(List<string> paths)
    {
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in paths.GroupBy(p => Sanitize(System.IO.Path.GetFileNameWithoutExtension(p)), StringComparer.Ordinal))
        {
            List<string> members = group.Distinct(StringComparer.Ordinal).ToList();
            if (members.Count == 1)
            {
                prefixes[members[0]] = group.Key;
                continue;
            }

            List<string[]> folders = members.Select(Folders).ToList();
            int depth = 1;
            int deepest = folders.Max(f => f.Length);
            while (depth < deepest && folders.Select(f => Prefix(f, depth, group.Key)).Distinct(StringComparer.Ordinal).Count() < members.Count)
            {
                depth++;
            }

            // Folders that differ only in characters a hint name cannot hold: their order tells them apart.
            bool distinct = folders.Select(f => Prefix(f, depth, group.Key)).Distinct(StringComparer.Ordinal).Count() == members.Count;
            for (int i = 0; i < members.Count; i++)
            {
                prefixes[members[i]] = Prefix(folders[i], depth, group.Key) + (distinct ? string.Empty : "." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return prefixes;
    }

    private static string[] Folders(string path)
    {
        string[] parts = path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Take(parts.Length - 1).Select(Sanitize).ToArray();
    }

    private static string Prefix(string[] folders, int depth, string stem) =>
        string.Join(".", folders.Skip(Math.Max(0, folders.Length - depth)).Concat(new[] { stem }));

    private static string Describe(List<string> names) =>
        names.Count <= 3
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(3)) + $" and {names.Count - 3} more";

    /// <summary>A file or folder name as a hint-name part: letters, digits, <c>_</c> and <c>-</c>.</summary>
    private static string Sanitize(string stem)
    {
        var builder = new System.Text.StringBuilder(stem.Length);
        foreach (char c in stem)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return builder.ToString();
    }
}
