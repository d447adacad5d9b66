using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: makes the options classes Stripe.net shares by hand
/// (<see cref="Naming.StripeNetSharedOptions"/>: <c>AddressOptions</c>, <c>AddressJapanOptions</c>,
/// <c>DateRangeOptions</c>) out of every class of exactly their wire names, so that <c>Address = new AddressOptions
/// { … }</c> compiles wherever Stripe.net takes it. One class cannot carry each site's rules, so it takes the loosest
/// (no member required, the longest <c>maxLength</c>), and each parameter's <c>Validate()</c> still checks the members
/// the spec requires there (<see cref="PropertyModel.NestedRequired"/>). A class of that name that is no such class
/// leaves the entry unused.
/// </summary>
internal static class StripeNetSharedOptions
{
    public static SpecModel Apply(SpecModel spec)
    {
        foreach (SharedOptionsClass shared in Naming.StripeNetSharedOptions)
        {
            spec = Share(spec, shared);
        }

        return spec;
    }

    private static SpecModel Share(SpecModel spec, SharedOptionsClass shared)
    {
        var wireNames = new HashSet<string>(shared.Members.Select(m => m.WireName), StringComparer.Ordinal);
        // A range of times (created) is a DateRangeOptions; a range of amounts of the same shape is not.
        var notTimes = new HashSet<string>(
            spec.OptionsClasses.SelectMany(o => o.Properties).Where(p => p.Type.Name is not null && !Naming.IsTimeParameter(p.WireName)).Select(p => p.Type.Name!),
            StringComparer.Ordinal);
        var candidates = spec.OptionsClasses
            .Where(o => o.Properties.Count == wireNames.Count && o.Properties.All(p => wireNames.Contains(p.WireName) && Fits(p.Type, shared)))
            .Where(o => !shared.Times || !notTimes.Contains(o.Name))
            .ToDictionary(o => o.Name, StringComparer.Ordinal);
        if (candidates.Count == 0 || (StripeNetNamespaces.AllTypeNames(spec).Contains(shared.Name, StringComparer.Ordinal) && !candidates.ContainsKey(shared.Name)))
        {
            return spec;
        }

        var classes = new List<OptionsClassModel>();
        bool placed = false;
        foreach (OptionsClassModel model in spec.OptionsClasses)
        {
            if (!candidates.ContainsKey(model.Name))
            {
                classes.Add(model with { Properties = model.Properties.Select(p => WithNestedRequired(p, candidates, shared)).ToEquatableArray() });
            }
            else if (!placed)
            {
                // The shared class takes the place of the first class it stands for.
                classes.Add(Merge(shared, candidates.Values));
                placed = true;
            }
        }

        var names = candidates.Keys.ToDictionary(name => name, _ => shared.Name, StringComparer.Ordinal);
        return StripeNetNamespaces.Rename(spec with { OptionsClasses = classes.ToEquatableArray() }, names);
    }

    private static bool Fits(TypeRef type, SharedOptionsClass shared) =>
        !type.OrId && (shared.Times ? type.Kind is TypeKind.Integer or TypeKind.UnixTime : type.Kind == TypeKind.String && !type.IsDecimal);

    private static OptionsClassModel Merge(SharedOptionsClass shared, IEnumerable<OptionsClassModel> candidates)
    {
        OptionsClassModel[] all = candidates.ToArray();
        var properties = shared.Members.Select(member =>
        {
            PropertyModel[] sites = all.Select(c => c.Properties.First(p => p.WireName == member.WireName)).ToArray();
            TypeRef type = shared.Times
                ? new TypeRef(TypeKind.UnixTime)
                : new TypeRef(TypeKind.String, MaxLength: sites.Any(p => p.Type.MaxLength == 0) ? 0 : sites.Max(p => p.Type.MaxLength));
            return new PropertyModel(member.WireName, member.Name, type, Required: false, sites[0].Description, Deprecation: null, ReplacedBy: null);
        });
        return new OptionsClassModel(shared.Name, null, properties.ToEquatableArray(), default);
    }

    /// <summary>A parameter of a class the shared one replaces, with the members the spec requires there.</summary>
    private static PropertyModel WithNestedRequired(PropertyModel property, Dictionary<string, OptionsClassModel> candidates, SharedOptionsClass shared)
    {
        if (property.Type.Kind != TypeKind.Object || property.Type.Name is not { } name || !candidates.TryGetValue(name, out OptionsClassModel? replaced))
        {
            return property;
        }

        // A range's exact alternative is a time too (created=…), as Stripe.net's DateTime.
        TypeRef type = shared.Times && property.Type.OrId && property.Type.IdKind == TypeKind.Integer ? property.Type with { IdKind = TypeKind.UnixTime } : property.Type;
        var required = shared.Members.Where(m => replaced.Properties.Any(p => p.WireName == m.WireName && p.Required));
        return property with { Type = type, NestedRequired = required.ToEquatableArray() };
    }
}
