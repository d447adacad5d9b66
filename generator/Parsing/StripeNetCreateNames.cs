using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: where two operations of a resource have nested parameters of one
/// name but different shapes, the generator gives the plain name to the first it reads and the verb to the other
/// (<c>PriceRecurringOptions</c> for the list's filter, <c>PriceCreateRecurringOptions</c> for the price's own);
/// Stripe.net gives the plain name to the create's (<c>PriceCreateOptions.Recurring</c> is a
/// <c>PriceRecurringOptions</c>) and the verb to the other (<c>PriceListRecurringOptions</c>). The two names are
/// swapped, with the other operation's verb; a name another type has leaves the pair as it is.
/// </summary>
internal static class StripeNetCreateNames
{
    private const string Create = "Create";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var taken = new HashSet<string>(StripeNetNamespaces.AllTypeNames(spec), StringComparer.Ordinal);
        var owners = Owners(spec, options);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OperationModel create in spec.Operations)
        {
            if (ResourceOfCreate(create) is not { } resource)
            {
                continue;
            }

            HashSet<string> closure = StripeNetNamespaces.OptionsClosure(create.OptionsClass, options);
            foreach (string nested in closure)
            {
                if (nested == create.OptionsClass || !nested.StartsWith(resource + Create, StringComparison.Ordinal) || names.ContainsKey(nested))
                {
                    continue;
                }

                string plain = resource + nested.Substring(resource.Length + Create.Length);
                if (closure.Contains(plain) || !owners.TryGetValue(plain, out OperationModel? other) || names.ContainsKey(plain))
                {
                    continue; // no plain twin of another operation's, or one the create holds too
                }

                string moved = resource + other.Names.Sync + plain.Substring(resource.Length);
                if (!taken.Contains(moved))
                {
                    names[nested] = plain;
                    names[plain] = moved;
                    taken.Add(moved);
                }
            }
        }

        return StripeNetNamespaces.Rename(spec, names);
    }

    /// <summary>
    /// For a create whose options class is <c>{Resource}CreateOptions</c>, the stem its nested classes are named after
    /// (<c>Price</c>); null for any other operation.
    /// </summary>
    internal static string? ResourceOfCreate(OperationModel operation)
    {
        string suffix = Create + Naming.OptionsSuffix;
        return operation.Names.Sync == Create && operation.OptionsClass is { } body && body.EndsWith(suffix, StringComparison.Ordinal)
            ? body.Substring(0, body.Length - suffix.Length)
            : null;
    }

    /// <summary>The first operation, in the spec's order, whose parameters hold each nested options class.</summary>
    private static Dictionary<string, OperationModel> Owners(SpecModel spec, Dictionary<string, OptionsClassModel> options)
    {
        var owners = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            foreach (string name in StripeNetNamespaces.OptionsClosure(operation.OptionsClass, options))
            {
                if (!owners.ContainsKey(name))
                {
                    owners[name] = operation;
                }
            }
        }

        return owners;
    }
}
