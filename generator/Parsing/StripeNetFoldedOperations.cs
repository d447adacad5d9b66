using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: an operation that lists or retrieves, under another resource's
/// item, a resource that has a service of its own (<c>GET /v1/customers/{customer}/payment_methods</c> lists payment
/// methods, which <c>PaymentMethodService</c> serves) is a method of the parent's service, as in Stripe.net:
/// <c>CustomerService.ListPaymentMethods(customer, CustomerListPaymentMethodsOptions)</c> and
/// <c>RetrievePaymentMethod(customer, id)</c>, instead of a service of its own. A method or class name the parent's
/// service or another type already has leaves the operation where it was.
/// </summary>
internal static class StripeNetFoldedOperations
{
    private const string List = "List";
    private const string Get = "Get";
    private const string Retrieve = "Retrieve";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = spec.OptionsClasses.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var taken = new HashSet<string>(StripeNetNamespaces.AllTypeNames(spec), StringComparer.Ordinal);
        var ownServices = OwnServices(spec);
        var parents = spec.Operations
            .Where(o => StripeNetNamespaces.PathSegments(o.Path) is { Length: 3 } s && s[2].StartsWith("{", StringComparison.Ordinal))
            .GroupBy(o => StripeNetNamespaces.PathSegments(o.Path)[1])
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var methods = spec.Operations.GroupBy(o => o.ServiceName).ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(o => o.Names.Sync)), StringComparer.Ordinal);
        var folded = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            string[] segments = StripeNetNamespaces.PathSegments(operation.Path);
            if (segments.Length is not (4 or 5) || !segments[2].StartsWith("{", StringComparison.Ordinal)
                || !parents.TryGetValue(segments[1], out OperationModel? parent) || parent.ServiceName == operation.ServiceName
                || StripeNetNamespaces.ResourceOf(operation.Response) is not { } resource
                || !ownServices.TryGetValue(resource, out string? own) || own == operation.ServiceName
                || Verb(operation, segments) is not { } verb || methods[parent.ServiceName].Contains(verb)
                || spec.Operations.Any(o => o.OperationId != operation.OperationId && o.OptionsClass is not null && o.OptionsClass == operation.OptionsClass))
            {
                continue; // not such an operation, a name the parent has, or options shared with a twin that stays
            }

            string parentStem = Naming.ServiceResource(parent.ServiceName);
            var renames = Classes(operation, parentStem + verb, options);
            if (renames.Values.Any(taken.Contains))
            {
                continue;
            }

            taken.UnionWith(renames.Values);
            methods[parent.ServiceName].Add(verb);
            foreach (var rename in renames)
            {
                classes[rename.Key] = rename.Value;
            }

            folded[operation.OperationId] = operation with
            {
                ServiceName = parent.ServiceName,
                Location = parent.Location,
                Names = operation.Names with
                {
                    Async = Naming.ServiceMethod(verb),
                    WithResponseAsync = Naming.ServiceMethodWithResponse(verb),
                    Sync = Naming.SyncServiceMethod(verb),
                    SyncWithResponse = Naming.SyncServiceMethodWithResponse(verb),
                },
                Paging = operation.Paging is { } paging
                    ? paging with { MethodName = Naming.AutoPagingMethod(verb), SyncMethodName = Naming.SyncAutoPagingMethod(verb) }
                    : null,
            };
        }

        SpecModel moved = spec with
        {
            Operations = spec.Operations.Select(o => folded.TryGetValue(o.OperationId, out OperationModel? f) ? f : o).ToEquatableArray(),
        };
        return StripeNetNamespaces.Rename(moved, classes);
    }

    /// <summary>The method's verb as Stripe.net has it: <c>ListPaymentMethods</c>, <c>RetrievePaymentMethod</c>; null for other operations.</summary>
    private static string? Verb(OperationModel operation, string[] segments) =>
        operation.Names.Sync == List && segments.Length == 4 ? List + Naming.Pascal(segments[3])
        : operation.Names.Sync == Get && segments.Length == 5 ? Retrieve + Naming.Pascal(Naming.Singular(segments[3]))
        : null;

    /// <summary>The operation's options class and the classes in it, renamed after the parent and the new verb.</summary>
    private static Dictionary<string, string> Classes(OperationModel operation, string stem, Dictionary<string, OptionsClassModel> options)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (operation.OptionsClass is not { } body || !body.EndsWith(Naming.OptionsSuffix, StringComparison.Ordinal))
        {
            return renames;
        }

        string oldStem = body.Substring(0, body.Length - Naming.OptionsSuffix.Length);
        foreach (string name in StripeNetNamespaces.OptionsClosure(body, options).Where(n => n.StartsWith(oldStem, StringComparison.Ordinal)))
        {
            renames[name] = stem + name.Substring(oldStem.Length);
        }

        return renames;
    }

    /// <summary>Each resource that a service of a top-level path returns (<c>PaymentMethod</c>: <c>PaymentMethodService</c>).</summary>
    private static Dictionary<string, string> OwnServices(SpecModel spec)
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            string[] segments = StripeNetNamespaces.PathSegments(operation.Path);
            // /v1/payment_methods or /v1/payment_methods/{payment_method}; a singleton's sub-path (/v1/account/persons) is not one.
            bool topLevel = segments.Length >= 2 && !segments[1].StartsWith("{", StringComparison.Ordinal)
                && (segments.Length == 2 || (segments.Length == 3 && segments[2].StartsWith("{", StringComparison.Ordinal)));
            if (topLevel && StripeNetNamespaces.ResourceOf(operation.Response) is { } resource && !services.ContainsKey(resource))
            {
                services[resource] = operation.ServiceName;
            }
        }

        return services;
    }
}
