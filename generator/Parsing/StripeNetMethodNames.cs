using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: names a method as Stripe.net does where the path's word would
/// not, by four rules over the spec:
/// <list type="bullet">
/// <item>a <c>DELETE</c> the spec describes as "Cancels …" (a subscription) is <c>Cancel</c>;</item>
/// <item>a <c>POST</c> action named <c>delete</c> on a collection, which deletes what its parameters name rather than
/// one item by ID (<c>POST /v1/apps/secrets/delete</c>), is <c>DeleteWhere</c>: <c>Delete</c> is the item's;</item>
/// <item>a top-level singleton's read whose service also reads items by ID (<c>GET /v1/account</c> beside
/// <c>/v1/accounts/{account}</c>) is <c>GetSelf</c>: the caller's own account;</item>
/// <item>an action named with its resource (<c>ReturnOutboundTransfer</c>, <c>DeliverCard</c>) takes options
/// named with the whole method name, as Stripe.net's generated ones are (<c>CardDeliverCardOptions</c>), except
/// the few Stripe.net wrote by hand before (<see cref="Naming.StripeNetHandWrittenActionOptions"/>:
/// <c>InvoiceFinalizeOptions</c>).</item>
/// </list>
/// The options classes of the operation that carry its old verb follow (<c>SubscriptionCancelOptions</c>,
/// <c>SecretDeleteWhereOptions</c>, <c>OutboundTransferReturnOutboundTransferOptions</c>). A service that already has
/// a method of the new name, or a class name another type has, keeps the generator's names.
/// </summary>
internal static class StripeNetMethodNames
{
    private const string Delete = "Delete";
    private const string Cancel = "Cancel";
    private const string DeleteWhere = "DeleteWhere";
    private const string Get = "Get";
    private const string GetSelf = "GetSelf";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var renames = new StripeNetRenames(spec);
        var renamed = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            if (NewVerb(spec, operation) is not var (oldVerb, verb)
                || spec.Operations.Any(o => o.ServiceName == operation.ServiceName && o.Names.Sync == verb && o != operation))
            {
                continue;
            }

            // Options another operation takes too keep their name (GetSelf's are the account's, which
            // /v1/accounts/{account} takes as well).
            var classes = new Dictionary<string, string>(StringComparer.Ordinal);
            string stem = Naming.ServiceResource(operation.ServiceName) + oldVerb;
            var closure = StripeNetNamespaces.SharesOptions(spec, operation) ? new HashSet<string>() : StripeNetNamespaces.OptionsClosure(operation.OptionsClass, options);
            foreach (string name in closure)
            {
                // The verb as a word of its own: OutboundTransferReturnOptions, not OutboundTransferReturnedDetailsOptions.
                if (name.Length > stem.Length && name.StartsWith(stem, StringComparison.Ordinal) && char.IsUpper(name[stem.Length]))
                {
                    classes[name] = stem.Substring(0, stem.Length - oldVerb.Length) + verb + name.Substring(stem.Length);
                }
            }

            if (renames.TryTake(classes))
            {
                renamed[operation.OperationId] = operation.WithVerb(verb);
            }
        }

        return renames.Apply(spec with
        {
            Operations = spec.Operations.Select(o => renamed.TryGetValue(o.OperationId, out OperationModel? r) ? r : o).ToEquatableArray(),
        });
    }

    /// <summary>
    /// Where the rules above give Stripe.net's verb, the verb as the operation's options classes carry it and
    /// Stripe.net's; else null. An action the generator names with its resource is named so already
    /// (<c>ReturnOutboundTransfer</c>, <c>DeliverCard</c>); only its options are not (<c>CardDeliverOptions</c>).
    /// </summary>
    private static (string Old, string New)? NewVerb(SpecModel spec, OperationModel operation)
    {
        string verb = operation.Names.Sync;
        string[] segments = StripeNetNamespaces.PathSegments(operation.Path);
        string word = segments[segments.Length - 1];
        if (verb == Get && operation.HttpMethodName == Get && segments.Length == 2
            && spec.Operations.Any(o => o.ServiceName == operation.ServiceName && StripeNetNamespaces.ItemPath(o.Path) is { Tail.Length: 0 }))
        {
            return (Get, GetSelf); // GET /v1/account beside /v1/accounts/{account}: the caller's own
        }

        if (verb == Delete)
        {
            // A POST to a collection's delete (/v1/apps/secrets/delete), not to an item's (/v1/…/{id}/delete).
            bool onCollection = segments.Length > 1 && !Naming.IsParameterSegment(segments[segments.Length - 2]);
            return operation.HttpMethodName == Delete
                ? (Naming.DescribedAsCancel(operation.Description) ? (Delete, Cancel) : null)
                : operation.HttpMethodName == "Post" && word == "delete" && onCollection ? (Delete, DeleteWhere) : null;
        }

        if (operation.Location is not { } location || Naming.StripeNetHandWrittenActionOptions.Contains(word)
            || verb.Length <= location.Word.Length || !verb.EndsWith(location.Word, StringComparison.Ordinal))
        {
            return null;
        }

        return (verb.Substring(0, verb.Length - location.Word.Length), verb);
    }
}
