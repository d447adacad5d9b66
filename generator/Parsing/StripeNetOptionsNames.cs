using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: renames nested options classes as Stripe.net names them, before
/// <see cref="StripeNetNamespaces"/> places them. The class of a list parameter's items takes the parameter's last
/// word in the singular, and so do the classes nested in it (<c>lines</c>: <c>CreditNoteLineOptions</c>,
/// <c>CreditNoteLineTaxAmountOptions</c>); a class whose parameter ends with <c>_options</c> keeps the word and still
/// gets <c>Options</c> (<c>currency_options</c>: <c>PriceCurrencyOptionsOptions</c>, <c>shipping_options</c>:
/// <c>CheckoutSessionShippingOptionOptions</c>). A rename that would meet another type's name is not made, unless that
/// type is a class of the same members: then the two are one class, as in Stripe.net.
/// </summary>
internal static class StripeNetOptionsNames
{
    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = new List<(string Stem, string NewStem, HashSet<string> Inside)>();
        foreach (OptionsClassModel owner in spec.OptionsClasses)
        {
            foreach (PropertyModel property in owner.Properties)
            {
                bool list = property.Type.Kind == TypeKind.Array;
                if (ObjectOf(property.Type) is not { } nested || !options.ContainsKey(nested))
                {
                    continue;
                }

                string stem = Naming.NestedStem(nested, property.WireName);
                if (!stem.EndsWith(Naming.Pascal(property.WireName), StringComparison.Ordinal))
                {
                    continue; // not named after this parameter (a class several parameters share)
                }

                string newStem = list ? Naming.StripeNetItemStem(stem, property.WireName) ?? stem : stem;
                renames[nested] = Naming.StripeNetNestedOptions(newStem);
                if (newStem != stem)
                {
                    stems.Add((stem, newStem, StripeNetNamespaces.OptionsClosure(nested, options)));
                }
            }
        }

        // The classes inside a renamed list's items take its new stem, the deepest list's first.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in options.Keys)
        {
            string renamed = renames.TryGetValue(name, out string? own) ? own : name;
            foreach (var (stem, newStem, inside) in stems.OrderByDescending(s => s.Stem.Length))
            {
                if (inside.Contains(name) && renamed.StartsWith(stem, StringComparison.Ordinal))
                {
                    renamed = newStem + renamed.Substring(stem.Length);
                }
            }

            names[name] = renamed;
        }

        // A rename onto a name another type keeps, or two classes onto one name, is left undone; undoing one can make
        // another clash, so this runs until none does.
        var kept = new HashSet<string>(spec.Responses.Select(r => r.Name).Concat(spec.Enums.Select(e => e.Name)).Concat(spec.Operations.Select(o => o.ServiceName)), StringComparer.Ordinal);
        var intended = new Dictionary<string, string>(names, StringComparer.Ordinal);
        for (List<KeyValuePair<string, string>> clashes; (clashes = Clashes(names, options, kept)).Count > 0;)
        {
            foreach (var clash in clashes)
            {
                names[clash.Key] = clash.Key;
            }
        }

        return Deduplicate(StripeNetNamespaces.Rename(spec, names), Duplicates(spec, intended, names, options));
    }

    /// <summary>
    /// The classes whose rename met a class of the same members (<c>SubscriptionItemsPriceDataOptions</c> for the items
    /// of <c>subscription.items</c>, and the subscription item's own <c>SubscriptionItemPriceDataOptions</c>), each with
    /// that class: Stripe.net has one, and so does the mode.
    /// </summary>
    private static Dictionary<string, string> Duplicates(SpecModel spec, Dictionary<string, string> intended, Dictionary<string, string> names, Dictionary<string, OptionsClassModel> options)
    {
        var pairs = intended
            .Where(n => n.Key != n.Value && names[n.Key] == n.Key && options.TryGetValue(n.Value, out OptionsClassModel? other) && names[other.Name] == other.Name)
            .ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        Dictionary<string, string> enums = StripeNetMergedTwins.EnumValues(spec);
        for (bool dropped = true; dropped;)
        {
            dropped = false;
            foreach (var pair in pairs.ToArray())
            {
                OptionsClassModel twin = options[pair.Key];
                OptionsClassModel plain = options[pair.Value];
                bool same = twin.Properties.Count == plain.Properties.Count
                    && twin.Properties.All(p => plain.Properties.Any(q => q.WireName == p.WireName && q.Required == p.Required))
                    && StripeNetMergedTwins.Agree(plain, twin, pairs, enums);
                if (!same)
                {
                    pairs.Remove(pair.Key);
                    dropped = true;
                }
            }
        }

        return pairs;
    }

    /// <summary>The model without the duplicates, every use of one naming the class it duplicates.</summary>
    private static SpecModel Deduplicate(SpecModel spec, Dictionary<string, string> duplicates) =>
        duplicates.Count == 0
            ? spec
            : StripeNetNamespaces.Rename(spec with { OptionsClasses = spec.OptionsClasses.Where(o => !duplicates.ContainsKey(o.Name)).ToEquatableArray() }, duplicates);

    /// <summary>The renames onto a name that another class ends up with, or that another type has.</summary>
    private static List<KeyValuePair<string, string>> Clashes(Dictionary<string, string> names, Dictionary<string, OptionsClassModel> options, HashSet<string> kept) =>
        names.Where(n => n.Key != n.Value)
            .GroupBy(n => n.Value)
            .Where(g => g.Count() > 1 || kept.Contains(g.Key) || (options.ContainsKey(g.Key) && names[g.Key] == g.Key))
            .SelectMany(g => g)
            .ToList();

    /// <summary>The object class a parameter holds, directly or as the items of a list or the values of a map.</summary>
    private static string? ObjectOf(TypeRef type) =>
        type.Kind == TypeKind.Object ? type.Name
        : type.Kind is TypeKind.Array or TypeKind.Map && type.Item is { Kind: TypeKind.Object } item ? item.Name
        : null;
}
