using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: a list under another resource's item, which the generator makes
/// the parent's method (<c>SubscriptionItemService.ListUsageRecordSummaries</c>), is a service of its own where the
/// parent does not hold what it lists, as in Stripe.net: <c>UsageRecordSummaryService.List(parentId, options)</c>,
/// since a subscription item has no usage record summaries in it. A list of what the parent holds stays the
/// parent's (<c>InvoiceService.ListLineItems</c>: an invoice has its <c>lines</c>). The service is named as the
/// generator names a nested resource's (<c>SubscriptionItemUsageRecordSummaryService</c>), so that
/// <see cref="StripeNetServiceNames"/> then gives it Stripe.net's name. A name another type has leaves it where it was.
/// </summary>
internal static class StripeNetOwnLists
{
    private const string List = "List";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var responses = spec.Responses.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var renames = new StripeNetRenames(spec);
        var parents = spec.Operations
            .Where(o => StripeNetNamespaces.ItemPath(o.Path) is { Tail.Length: 0 } && StripeNetNamespaces.ResourceOf(o.Response) is not null)
            .GroupBy(o => StripeNetNamespaces.ItemPath(o.Path)!.Value.Parent)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var moved = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            if (ParentOfList(operation, parents) is not { } items || StripeNetNamespaces.ResourceOf(operation.Response) is not { } listed
                || items.Any(i => Holds(StripeNetNamespaces.ResourceOf(i.Response)!, listed, responses)))
            {
                continue; // not a list its parent's service was given, or one of what the parent (or its deleted form) holds
            }

            OperationModel parent = items[0];
            string stem = Naming.Merge(Naming.ServiceResource(parent.ServiceName), listed);
            string service = Naming.Service(stem);
            string oldStem = Naming.ServiceResource(operation.ServiceName) + operation.Names.Sync;
            var classes = StripeNetNamespaces.OptionsClosure(operation.OptionsClass, options)
                .Where(n => n.StartsWith(oldStem, StringComparison.Ordinal))
                .ToDictionary(n => n, n => stem + List + n.Substring(oldStem.Length), StringComparer.Ordinal);
            if (renames.TryTake(classes, service))
            {
                ServiceLocation? location = parent.Location is { } at
                    ? new ServiceLocation(at.Groups, Naming.Merge(at.Word, listed), OnCollection: true)
                    : null;
                moved[operation.OperationId] = operation.WithVerb(List) with { ServiceName = service, Location = location };
            }
        }

        return renames.Apply(spec with
        {
            Operations = spec.Operations.Select(o => moved.TryGetValue(o.OperationId, out OperationModel? m) ? m : o).ToEquatableArray(),
        });
    }

    /// <summary>
    /// For a list the generator made its parent's method (<c>ListUsageRecordSummaries</c>, under
    /// <c>/v1/subscription_items/{item}</c>), the operations on the parent's item path; else null.
    /// </summary>
    private static List<OperationModel>? ParentOfList(OperationModel operation, Dictionary<string, List<OperationModel>> parents)
    {
        bool listOfParent = operation.Paging is not null && operation.Names.Sync != List && operation.Names.Sync.StartsWith(List, StringComparison.Ordinal);
        return listOfParent && StripeNetNamespaces.ItemPath(operation.Path) is { Tail.Length: 1 } path
            && parents.TryGetValue(path.Parent, out List<OperationModel>? items) && items[0].ServiceName == operation.ServiceName
            ? items
            : null;
    }

    /// <summary>Whether the parent's model reaches the listed resource through its fields, at any depth.</summary>
    private static bool Holds(string parent, string listed, Dictionary<string, ResponseModel> responses)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(parent);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (name == listed && name != parent)
            {
                return true;
            }

            if (!seen.Add(name) || !responses.TryGetValue(name, out ResponseModel? model))
            {
                continue;
            }

            foreach (ResponseVariantModel variant in model.Variants)
            {
                pending.Push(variant.TypeName);
            }

            foreach (ResponsePropertyModel property in model.Properties)
            {
                for (TypeRef? type = property.Type; type is not null; type = type.Item)
                {
                    if (type.Name is { } nested)
                    {
                        pending.Push(nested);
                    }
                }
            }
        }

        return false;
    }
}
