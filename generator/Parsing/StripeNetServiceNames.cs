using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: names the service of a resource served under another resource's
/// item as Stripe.net does, after the resource's own class when the class does not share a word with the parent's
/// (<c>/v1/accounts/{account}/persons</c>: <c>PersonService</c>, <c>PersonCreateOptions</c>, not
/// <c>AccountPersonService</c>), and leaves it merged when it does (<c>/v1/application_fees/{id}/refunds</c> returns a
/// <c>FeeRefund</c>: <c>ApplicationFeeRefundService</c>). The options classes of its operations follow the service.
/// Services of a package are left to <see cref="StripeNetNamespaces"/>; a rename onto a name another type has is not
/// made.
/// </summary>
internal static class StripeNetServiceNames
{
    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var renames = new StripeNetRenames(spec);
        foreach (var service in spec.Operations.Where(o => o.Location is { Groups.Count: 0 }).GroupBy(o => o.ServiceName))
        {
            if (OwnClass(service.Key, service) is not { } own)
            {
                if (MergedResource(service.Key, service, spec) is { } resource)
                {
                    renames.TryTake(new Dictionary<string, string>(StringComparer.Ordinal) { [resource] = Naming.ServiceResource(service.Key) });
                }

                continue;
            }

            string stem = Naming.ServiceResource(service.Key);
            var classes = new Dictionary<string, string>(StringComparer.Ordinal) { [service.Key] = Naming.Service(own) };
            foreach (string name in service.SelectMany(o => StripeNetNamespaces.OptionsClosure(o.OptionsClass, options)))
            {
                if (name.Length > stem.Length && name.StartsWith(stem, StringComparison.Ordinal) && char.IsUpper(name[stem.Length]))
                {
                    classes[name] = own + name.Substring(stem.Length);
                }
            }

            // Two services of nested paths may stand for resources of one class: the first keeps the name.
            renames.TryTake(classes);
        }

        return renames.Apply(spec);
    }

    /// <summary>
    /// For a service left merged because its resource shares a word with the parent (<c>ApplicationFeeRefundService</c>,
    /// returning a <c>FeeRefund</c>): the resource, when its name ends the service's and no other service returns it,
    /// so that it takes the service's name as in Stripe.net (<c>ApplicationFeeRefund</c>); else null.
    /// </summary>
    private static string? MergedResource(string serviceName, IEnumerable<OperationModel> operations, SpecModel spec)
    {
        string stem = Naming.ServiceResource(serviceName);
        string? resource = operations.Select(o => StripeNetNamespaces.ResourceOf(o.Response)).FirstOrDefault(r => r is not null);
        bool suffix = resource is not null && resource != stem && stem.EndsWith(resource, StringComparison.Ordinal) && char.IsUpper(stem[stem.Length - resource.Length]);
        return suffix && spec.Operations.All(o => o.ServiceName == serviceName || StripeNetNamespaces.ResourceOf(o.Response) != resource) ? resource : null;
    }

    /// <summary>
    /// The class of the resource a service of a nested path stands for, when its name is that class led by the
    /// whole of the parent's (<c>AccountPersonService</c>: <c>Account</c>, then <c>Person</c>); else null.
    /// </summary>
    private static string? OwnClass(string serviceName, IEnumerable<OperationModel> operations)
    {
        foreach (OperationModel operation in operations)
        {
            string[] segments = StripeNetNamespaces.PathSegments(operation.Path);
            if (segments.Length < 4 || !segments[2].StartsWith("{", StringComparison.Ordinal)
                || StripeNetNamespaces.ResourceOf(operation.Response) is not { } resource)
            {
                continue; // not /v1/{parents}/{parent}/…, or no resource to be named after
            }

            string parent = Naming.Pascal(Naming.Singular(segments[1]));
            if (serviceName == Naming.Service(parent + resource))
            {
                return resource;
            }
        }

        return null;
    }
}
