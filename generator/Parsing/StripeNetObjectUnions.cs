using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: a parameter that takes one of several objects, which the
/// generator gives a member per object (<c>PaymentMethodCreateOptions.CardDetails</c> and <c>CardToken</c>, of which
/// one may be set), is one member of one class with the members of all, as in Stripe.net:
/// <c>PaymentMethodCreateOptions.Card</c>, a <c>PaymentMethodCardOptions</c> with <c>Number</c>, <c>Cvc</c>,
/// <c>ExpMonth</c>, <c>ExpYear</c> and <c>Token</c>. Where a class of that name is there already (the update's
/// card), it is the same class, and so are the classes nested in them under one name. A member is required only
/// where every object requires it: which object the members make is Stripe's to check, as with Stripe.net. A union
/// whose objects disagree on a member's type keeps its members apart.
/// </summary>
internal static class StripeNetObjectUnions
{
    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var enums = StripeNetMergedTwins.EnumValues(spec);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, OptionsClassModel>(StringComparer.Ordinal);
        foreach (OptionsClassModel owner in spec.OptionsClasses)
        {
            foreach (var union in owner.Properties.GroupBy(p => p.WireName).Where(IsObjectUnion))
            {
                string member = Naming.Pascal(union.Key);
                if (MergedName(union.Select(p => p.Type.Name!).ToList(), member) is not { } merged
                    || owner.Properties.Any(p => p.Name == member && p.WireName != union.Key)
                    || Pairs(union.Select(p => p.Type.Name!), merged, options) is not { } unionPairs
                    || !unionPairs.All(p => StripeNetMergedTwins.Agree(Plain(p.Value, unionPairs, options), options[p.Key], unionPairs, enums)))
                {
                    continue; // no name the objects share, a member of that name, or members that disagree
                }

                foreach (var pair in unionPairs)
                {
                    pairs[pair.Key] = pair.Value;
                }

                // An owner with two unions is rewritten once for each.
                OptionsClassModel current = owners.TryGetValue(owner.Name, out OptionsClassModel? done) ? done : owner;
                owners[owner.Name] = OneMember(current, union.Key, member, merged);
            }
        }

        if (pairs.Count == 0)
        {
            return spec;
        }

        // Each merged class: the one of its name where there is one, else the first object's under the new name.
        var merges = pairs.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Merged(g.Key, pairs, options), StringComparer.Ordinal);
        var classes = spec.OptionsClasses
            .Where(o => !pairs.ContainsKey(o.Name) && !merges.ContainsKey(o.Name))
            .Select(o => owners.TryGetValue(o.Name, out OptionsClassModel? owner) ? owner : o)
            .Concat(merges.Values)
            .ToEquatableArray();
        return StripeNetNamespaces.Rename(spec with { OptionsClasses = classes }, pairs);
    }

    private static bool IsObjectUnion(IGrouping<string, PropertyModel> members) =>
        members.Count() > 1 && members.All(p => p.Type is { Kind: TypeKind.Object, Name: not null, Item: null });

    /// <summary>
    /// The class the objects' classes become: their names up to the member's word (<c>PaymentMethodCardDetailsOptions</c>
    /// and <c>PaymentMethodCardTokenOptions</c> for <c>card</c>: <c>PaymentMethodCardOptions</c>); null when they do not share it.
    /// </summary>
    private static string? MergedName(List<string> objects, string member)
    {
        string first = objects[0];
        for (int at = first.IndexOf(member, StringComparison.Ordinal); at >= 0; at = first.IndexOf(member, at + 1, StringComparison.Ordinal))
        {
            string stem = first.Substring(0, at + member.Length);
            if (objects.All(o => o.StartsWith(stem, StringComparison.Ordinal) && o.Length > stem.Length && char.IsUpper(o[stem.Length])))
            {
                return stem + Naming.OptionsSuffix;
            }
        }

        return null;
    }

    /// <summary>Each object's class and the classes nested in it under its stem, with the merged name each takes.</summary>
    private static Dictionary<string, string>? Pairs(IEnumerable<string> objects, string merged, Dictionary<string, OptionsClassModel> options)
    {
        string mergedStem = merged.Substring(0, merged.Length - Naming.OptionsSuffix.Length);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in objects)
        {
            string stem = name.Substring(0, name.Length - Naming.OptionsSuffix.Length);
            foreach (string nested in StripeNetNamespaces.OptionsClosure(name, options).Where(n => n.StartsWith(stem, StringComparison.Ordinal)))
            {
                pairs[nested] = mergedStem + nested.Substring(stem.Length);
            }
        }

        // A merged name that another class of the objects' keeps would be two classes of one name.
        return pairs.Values.Any(v => options.ContainsKey(v) && pairs.ContainsKey(v)) ? null : pairs;
    }

    /// <summary>The class the others merge into: the one of the merged name, else the first object's, renamed.</summary>
    private static OptionsClassModel Plain(string merged, Dictionary<string, string> pairs, Dictionary<string, OptionsClassModel> options) =>
        options.TryGetValue(merged, out OptionsClassModel? existing) ? existing : options[FirstTwin(merged, pairs)!] with { Name = merged };

    /// <summary>The merged class: the plain one with the members of every other class that becomes it.</summary>
    private static OptionsClassModel Merged(string merged, Dictionary<string, string> pairs, Dictionary<string, OptionsClassModel> options)
    {
        // Where no class has the merged name, the first object's is the plain one, and not a twin of itself.
        string? plainTwin = options.ContainsKey(merged) ? null : FirstTwin(merged, pairs);
        var twins = pairs.Where(p => p.Value == merged && p.Key != plainTwin).Select(p => options[p.Key]).ToList();
        return StripeNetMergedTwins.Merge(Plain(merged, pairs, options), twins);
    }

    private static string? FirstTwin(string merged, Dictionary<string, string> pairs) =>
        pairs.FirstOrDefault(p => p.Value == merged).Key;

    /// <summary>The owner with the union's members as one, of the merged class; required where any was.</summary>
    private static OptionsClassModel OneMember(OptionsClassModel owner, string wireName, string member, string merged)
    {
        var properties = new List<PropertyModel>();
        foreach (PropertyModel property in owner.Properties)
        {
            if (property.WireName != wireName)
            {
                properties.Add(property);
            }
            else if (!properties.Any(p => p.WireName == wireName))
            {
                bool required = owner.Properties.Any(p => p.WireName == wireName && p.Required);
                properties.Add(property with { Name = member, Type = property.Type with { Name = merged }, Required = required, RequiredMember = false });
            }
        }

        return owner with { Properties = properties.ToEquatableArray() };
    }
}
