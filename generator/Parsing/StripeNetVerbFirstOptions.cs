using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: the options of the actions Stripe.net names by hand with their
/// word first (<see cref="Naming.StripeNetVerbFirstActions"/>): <c>GET /v1/invoices/upcoming</c> takes
/// <c>UpcomingInvoiceOptions</c>, not <c>InvoiceUpcomingOptions</c>, and the list below it
/// <c>UpcomingInvoiceListLineItemsOptions</c>, not <c>InvoiceListUpcomingLineItemsOptions</c>. Only the operation's
/// own class moves; the classes nested in it keep their names (<c>InvoiceSubscriptionItemOptions</c>), as in
/// Stripe.net. A name another type has leaves the class as it is.
/// </summary>
internal static class StripeNetVerbFirstOptions
{
    public static SpecModel Apply(SpecModel spec)
    {
        var renames = new StripeNetRenames(spec);
        foreach (OperationModel operation in spec.Operations)
        {
            string resource = Naming.ServiceResource(operation.ServiceName);
            string? word = StripeNetNamespaces.PathSegments(operation.Path).Select(Naming.Pascal).FirstOrDefault(Naming.StripeNetVerbFirstActions.Contains);
            if (word is null || operation.OptionsClass is not { } options
                || !options.StartsWith(resource, StringComparison.Ordinal) || !options.EndsWith(Naming.OptionsSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            string verb = options.Substring(resource.Length, options.Length - resource.Length - Naming.OptionsSuffix.Length);
            string moved = word + resource + verb.Replace(word, string.Empty) + Naming.OptionsSuffix;
            if (verb.Contains(word))
            {
                renames.TryTake(new Dictionary<string, string>(StringComparer.Ordinal) { [options] = moved });
            }
        }

        return renames.Apply(spec);
    }
}
