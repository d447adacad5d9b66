using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: where a resource's create and another of its operations have
/// nested parameters of one name but different shapes, the generator gives the other its verb
/// (<c>SubscriptionUpdateItemOptions</c> beside the create's <c>SubscriptionItemOptions</c>); Stripe.net has one class
/// with the members of both (<c>SubscriptionUpdateOptions.Items</c> is a list of <c>SubscriptionItemOptions</c>, which
/// has the update's <c>Id</c> and <c>Deleted</c> too). The two are merged, down their nested classes, where every
/// member they share has one type (an enum by its values); a member is required in the merged class only where both
/// require it, and the rest is Stripe's to check. A pair that cannot merge keeps its two classes.
/// </summary>
internal static class StripeNetMergedTwins
{
    private const string Create = "Create";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var enums = EnumValues(spec);
        Dictionary<string, string> pairs = Pairs(spec, options);

        // A pair whose shared members disagree cannot merge, nor can a pair that holds it: drop them until none is left.
        bool dropped = true;
        while (dropped)
        {
            dropped = false;
            foreach (var pair in pairs.ToArray())
            {
                if (!Agree(options[pair.Value], options[pair.Key], pairs, enums))
                {
                    pairs.Remove(pair.Key);
                    dropped = true;
                }
            }
        }

        if (pairs.Count == 0)
        {
            return spec;
        }

        var twinsOf = pairs.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => options[p.Key]).ToList(), StringComparer.Ordinal);
        SpecModel merged = spec with
        {
            OptionsClasses = spec.OptionsClasses
                .Where(o => !pairs.ContainsKey(o.Name))
                .Select(o => twinsOf.TryGetValue(o.Name, out List<OptionsClassModel>? twins) ? Merge(o, twins) : o)
                .ToEquatableArray(),
        };
        return StripeNetNamespaces.Rename(merged, pairs);
    }

    /// <summary>Each enum's wire names, joined: two enums of one set of values are one for <see cref="Agree"/>.</summary>
    internal static Dictionary<string, string> EnumValues(SpecModel spec) =>
        spec.Enums.ToDictionary(e => e.Name, e => string.Join("|", e.Members.Select(m => m.WireName)), StringComparer.Ordinal);

    /// <summary>Each verb-named class of a resource's other operations, with the create's class of the same name.</summary>
    private static Dictionary<string, string> Pairs(SpecModel spec, Dictionary<string, OptionsClassModel> options)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OperationModel create in spec.Operations)
        {
            if (StripeNetCreateNames.ResourceOfCreate(create) is not { } resource)
            {
                continue;
            }

            HashSet<string> created = StripeNetNamespaces.OptionsClosure(create.OptionsClass, options);
            // Only operations that send a body: a list's filter of the same name stays its own (PriceListRecurringOptions).
            foreach (OperationModel other in spec.Operations.Where(o => o.ServiceName == create.ServiceName && o.Names.Sync != Create && o.OptionsClass is not null && o.HttpMethodName == "Post"))
            {
                string prefix = resource + other.Names.Sync;
                foreach (string twin in StripeNetNamespaces.OptionsClosure(other.OptionsClass, options))
                {
                    string plain = twin.StartsWith(prefix, StringComparison.Ordinal) ? resource + twin.Substring(prefix.Length) : string.Empty;
                    if (twin != other.OptionsClass && created.Contains(plain) && !created.Contains(twin) && !pairs.ContainsKey(twin))
                    {
                        pairs[twin] = plain;
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>Whether every member the two classes share has one type, once the twins' names are the plain ones.</summary>
    internal static bool Agree(OptionsClassModel plain, OptionsClassModel twin, Dictionary<string, string> pairs, Dictionary<string, string> enums)
    {
        foreach (PropertyModel member in twin.Properties)
        {
            PropertyModel? mate = plain.Properties.FirstOrDefault(p => p.WireName == member.WireName);
            if (mate is not null && (mate.Name != member.Name || !Same(mate.Type, member.Type, pairs, enums)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(TypeRef plain, TypeRef twin, Dictionary<string, string> pairs, Dictionary<string, string> enums)
    {
        // Emptyable may differ (an update can clear what a create sets): the merged member is emptyable if either is.
        if (plain.Kind != twin.Kind || plain.OrId != twin.OrId || plain.IdKind != twin.IdKind
            || (plain.Item is null) != (twin.Item is null) || (plain.Item is { } item && !Same(item, twin.Item!, pairs, enums)))
        {
            return false;
        }

        if (plain.Name is null || twin.Name is null)
        {
            return plain.Name == twin.Name;
        }

        string renamed = pairs.TryGetValue(twin.Name, out string? name) ? name : twin.Name;
        return renamed == plain.Name
            || (plain.Kind is TypeKind.Enum or TypeKind.OpenEnum && enums.TryGetValue(plain.Name, out string? values) && enums.TryGetValue(twin.Name, out string? others) && values == others);
    }

    /// <summary>A member of both: required only where every class requires it, emptyable where any is.</summary>
    private static PropertyModel Merge(PropertyModel plain, List<PropertyModel?> mates)
    {
        return plain with
        {
            Required = plain.Required && mates.All(m => m is { Required: true }),
            RequiredMember = false,
            ClearName = plain.ClearName ?? mates.FirstOrDefault(m => m?.ClearName is not null)?.ClearName,
            Type = plain.Type with { Emptyable = plain.Type.Emptyable || mates.Any(m => m is { Type.Emptyable: true }) },
        };
    }

    /// <summary>The plain class with the twins' members: those of both merged, the twins' others never required.</summary>
    internal static OptionsClassModel Merge(OptionsClassModel plain, List<OptionsClassModel> twins)
    {
        var properties = plain.Properties.Select(p => Merge(p, twins.Select(t => (PropertyModel?)t.Properties.FirstOrDefault(m => m.WireName == p.WireName)).ToList())).ToList();
        foreach (PropertyModel extra in twins.SelectMany(t => t.Properties))
        {
            if (!properties.Any(p => p.WireName == extra.WireName))
            {
                properties.Add(extra with { Required = false, RequiredMember = false });
            }
        }

        return plain with
        {
            Properties = properties.ToEquatableArray(),
            MutuallyExclusive = plain.MutuallyExclusive.Concat(twins.SelectMany(t => t.MutuallyExclusive)).Distinct().ToEquatableArray(),
            HasDeprecatedMembers = plain.HasDeprecatedMembers || twins.Any(t => t.HasDeprecatedMembers),
        };
    }
}
