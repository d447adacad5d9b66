using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: names a method by the verb the spec describes it with where
/// Stripe.net does and the HTTP method's word would not: a <c>DELETE</c> the spec describes as "Cancels …" (a
/// subscription) is <c>Cancel</c>, with <c>SubscriptionCancelOptions</c>, as in Stripe.net. The options classes of
/// the operation that carry its old verb follow. A service that already has a method of the new name, or a class
/// name another type has, keeps the generator's names.
/// </summary>
internal static class StripeNetMethodNames
{
    private const string Delete = "Delete";
    private const string Cancel = "Cancel";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = spec.OptionsClasses.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var taken = new HashSet<string>(StripeNetNamespaces.AllTypeNames(spec), StringComparer.Ordinal);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        var methods = new Dictionary<string, OperationNames>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            if (operation.HttpMethodName != Delete || !Naming.DescribedAsCancel(operation.Description)
                || operation.Names.Sync != Delete
                || spec.Operations.Any(o => o.ServiceName == operation.ServiceName && o.Names.Sync == Cancel))
            {
                continue;
            }

            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            string stem = Naming.ServiceResource(operation.ServiceName);
            foreach (string name in StripeNetNamespaces.OptionsClosure(operation.OptionsClass, options))
            {
                if (name.StartsWith(stem + Delete, StringComparison.Ordinal))
                {
                    renames[name] = stem + Cancel + name.Substring(stem.Length + Delete.Length);
                }
            }

            if (renames.Values.Any(taken.Contains))
            {
                continue;
            }

            taken.UnionWith(renames.Values);
            foreach (var rename in renames)
            {
                classes[rename.Key] = rename.Value;
            }

            methods[operation.OperationId] = operation.Names with
            {
                Async = Naming.ServiceMethod(Cancel),
                WithResponseAsync = Naming.ServiceMethodWithResponse(Cancel),
                Sync = Naming.SyncServiceMethod(Cancel),
                SyncWithResponse = Naming.SyncServiceMethodWithResponse(Cancel),
            };
        }

        SpecModel renamed = spec with
        {
            Operations = spec.Operations
                .Select(o => methods.TryGetValue(o.OperationId, out OperationNames? names) ? o with { Names = names } : o)
                .ToEquatableArray(),
        };
        return StripeNetNamespaces.Rename(renamed, classes);
    }
}
