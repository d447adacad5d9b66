using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>An operation's names: its service's resource, its method's verb, and the verb its options class takes.</summary>
/// <param name="Location">Where the service accessor hands out its service (<c>Checkout</c>, <c>Sessions</c>).</param>
internal sealed record OperationName(string Resource, string Verb, string OptionsVerb, ServiceLocation Location);

/// <summary>
/// Names each operation as Stripe's SDKs do: by the SDK variant's <c>x-stripeOperations</c> where the spec has
/// them, else by the path rules, which give the same names for the same shapes (<see cref="Naming"/> makes the
/// words). The names depend on the whole spec, never on which operations a filter keeps.
/// </summary>
internal sealed class OperationNamer
{
    private const string NoResource = "Resource";

    private readonly ResourcePaths _paths;
    private readonly SdkOperations _sdk;
    private OptionsTwins? _twins;

    public OperationNamer(ResourcePaths paths, SdkOperations sdk)
    {
        _paths = paths;
        _sdk = sdk;
    }

    public OperationName Name(string httpMethod, string path)
    {
        PathShape shape = _paths.Shape(path);
        if (shape.Resources.Count == 0)
        {
            string verb = Naming.StandardVerb(httpMethod, onCollection: !path.EndsWith("}", StringComparison.Ordinal));
            string resource = shape.Package.Length > 0 ? shape.Package : NoResource;
            return new OperationName(resource, verb, verb, new ServiceLocation(EquatableArray<string>.Empty, resource, OnCollection: false));
        }

        IReadOnlyList<SdkOperation> named = _sdk.For(httpMethod, path);
        return named.Count > 0 ? FromSdk(shape, named) : FromPath(httpMethod, path, shape);
    }

    /// <summary>
    /// Whether the operation's options class takes <see cref="Naming.OwnOptionsClass"/>'s name: a legacy path beside
    /// a twin with the item's parameter that takes other parameters (<see cref="OptionsTwins"/>).
    /// </summary>
    public bool TakesOwnOptionsName(string path, OperationType method) =>
        (_twins ??= new OptionsTwins(_paths.Paths, this)).TakesOwnName(path, method);

    /// <summary>The SDK's class and method; its class nested in the path's outer resources, as Stripe.net nests them.</summary>
    private static OperationName FromSdk(PathShape shape, IReadOnlyList<SdkOperation> named)
    {
        var resources = shape.Resources.ToList();
        ResourceNode own = resources[resources.Count - 1];
        resources.RemoveAt(resources.Count - 1);
        string resourceClass;
        string methodName;
        if (named.FirstOrDefault(n => n.ResourceClass == own.Name) is { } exact)
        {
            (resourceClass, methodName) = (exact.ResourceClass, exact.MethodName);
        }
        else if (named.Count > 1)
        {
            // One operation named for each object it can act on (a payment source's update, for a bank account and
            // for a card): the path's resource has it, with the method most of them name.
            resourceClass = own.Name;
            methodName = named.GroupBy(n => n.MethodName).OrderByDescending(g => g.Count()).First().Key;
        }
        else
        {
            (resourceClass, methodName) = (named[0].ResourceClass, named[0].MethodName);
        }

        string outer = Chain(shape.Package, resources);
        string verb = Naming.SdkVerb(methodName);
        string resource = Naming.Merge(outer, resourceClass);
        return new OperationName(resource, verb, Naming.OptionsVerb(verb, Naming.Relative(outer, resourceClass)), Locate(shape, resource, !own.IsSingleton));
    }

    private OperationName FromPath(string httpMethod, string path, PathShape shape)
    {
        var resources = shape.Resources.ToList();
        ResourceNode own = resources[resources.Count - 1];
        string outer = Chain(shape.Package, resources.Take(resources.Count - 1));
        string local = Naming.Relative(outer, own.Name);
        bool get = httpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);
        string verb;
        if (shape.Action.Count > 0)
        {
            verb = get && shape.Action.Count > 1 && !own.HasItem && _paths.Lists(path)
                ? ListUnderAction(path, shape.Action, own)
                : Naming.ActionVerb(shape.Action, local, own.HasItem);
        }
        else if (own.HasItem || own.IsSingleton)
        {
            verb = Naming.StandardVerb(httpMethod, onCollection: false);
            if (!own.HasItem && resources.Count > 1 && !_paths.HasOperation(own.Path, OperationType.Post))
            {
                // A part of a resource that is only read or removed (a customer's discount) is its resource's.
                verb += local;
                resources.RemoveAt(resources.Count - 1);
            }
        }
        else if (get && resources.Count > 1 && !_paths.HasItems(own.Path) && !_paths.HasOperation(own.Path, OperationType.Post))
        {
            // A list with no items of its own to get or change (an invoice's lines) is its resource's to list.
            verb = Naming.ListVerb(local);
            resources.RemoveAt(resources.Count - 1);
        }
        else
        {
            verb = Naming.StandardVerb(httpMethod, onCollection: true);
        }

        string resource = Chain(shape.Package, resources);
        string ownWord = Naming.Relative(Chain(shape.Package, resources.Take(resources.Count - 1)), resources[resources.Count - 1].Name);
        return new OperationName(resource, verb, Naming.OptionsVerb(verb, ownWord), Locate(shape, resource, !resources[resources.Count - 1].IsSingleton));
    }

    /// <summary>
    /// The service's place in the accessor: in its package's group (<c>TestHelpers</c>, <c>Issuing</c>), by the
    /// resource's words after the package's (<c>TestHelpersIssuingCard</c> → <c>Card</c>).
    /// </summary>
    private static ServiceLocation Locate(PathShape shape, string resource, bool onCollection) =>
        new(shape.PackageWords.ToEquatableArray(), shape.Package.Length == 0 ? resource : Naming.Relative(shape.Package, resource), onCollection);

    /// <summary>A list below an action (<c>/v1/credit_notes/preview/lines</c>): <c>ListPreviewLineItems</c>.</summary>
    private string ListUnderAction(string path, IReadOnlyList<string> action, ResourceNode own)
    {
        string? listed = _paths.ListedClass(path);
        string items = Naming.MoreSpecific(Naming.Pascal(Naming.Singular(action[action.Count - 1])), listed is null ? null : Naming.Relative(own.Name, listed));
        return Naming.List + Naming.Pascal(string.Join("_", action.Take(action.Count - 1))) + Naming.Plural(items);
    }

    /// <summary>The package and the resources from the outermost in, as one name, their shared words once.</summary>
    private static string Chain(string package, IEnumerable<ResourceNode> resources) =>
        resources.Aggregate(package, (name, resource) => Naming.Merge(name, resource.Name));
}
