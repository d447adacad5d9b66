using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: places the types of Stripe's packages in namespaces of their
/// own, as Stripe.net does (<c>CheckoutSessionService</c> becomes <c>Stripe.Checkout.SessionService</c>, its
/// <c>CheckoutSessionCreateOptions</c> <c>Stripe.Checkout.SessionCreateOptions</c>, the <c>CheckoutSession</c> it
/// returns <c>Stripe.Checkout.Session</c>). It runs once over the finished model and renames, so the rules that
/// named the types stay the generator's own.
/// </summary>
/// <remarks>
/// Every type name in the model becomes fully qualified (<c>global::Stripe.Customer</c>,
/// <c>global::Stripe.Checkout.Session</c>), so that a reference means the same type from every namespace (a bare
/// <c>Card</c> inside <c>Stripe.Issuing</c> would be <c>Stripe.Issuing.Card</c>), and the emitters declare each type
/// in the namespace its name carries (<see cref="Naming.DeclaredName"/>, <see cref="Naming.NamespaceOf"/>).
/// A type moves into its package's namespace when its name starts with the package's words (a service of
/// <c>/v1/checkout/…</c>, the options classes its operations take, and the resources they return); it stays in the
/// root namespace where moving would clash: with another type of the same name, with one of its own members, or
/// with a root type named like the package.
/// </remarks>
internal static class StripeNetNamespaces
{
    public static SpecModel Apply(SpecModel spec)
    {
        Dictionary<string, string> moved = Plan(spec);
        string root = Naming.GlobalPrefix + spec.Namespace + ".";
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in AllTypeNames(spec))
        {
            names[name] = root + (moved.TryGetValue(name, out string? placed) ? placed : name);
        }

        return Rename(spec, names);
    }

    /// <summary>The model with every type name it holds renamed by <paramref name="names"/>; a name it does not hold is kept.</summary>
    public static SpecModel Rename(SpecModel spec, Dictionary<string, string> names)
    {
        var rename = new Renamer(names);
        return spec with
        {
            Operations = spec.Operations.Select(rename.Operation).ToEquatableArray(),
            OptionsClasses = spec.OptionsClasses.Select(rename.Options).ToEquatableArray(),
            Enums = spec.Enums.Select(e => e with { Name = rename.Name(e.Name) }).ToEquatableArray(),
            Responses = spec.Responses.Select(rename.Response).ToEquatableArray(),
            ObjectTable = spec.ObjectTable is { } table
                ? table with { Entries = table.Entries.Select(e => e with { TypeName = rename.Name(e.TypeName) }).ToEquatableArray() }
                : null,
        };
    }

    /// <summary>The types that move, each with its name relative to the root namespace (<c>Checkout.Session</c>).</summary>
    private static Dictionary<string, string> Plan(SpecModel spec)
    {
        var options = OptionsByName(spec);
        var responses = spec.Responses.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var taken = new HashSet<string>(AllTypeNames(spec), StringComparer.Ordinal);
        var moved = new Dictionary<string, string>(StringComparer.Ordinal);

        // The packages whose operations return each resource: a resource named with no package's word that only one
        // package serves is that package's (scheduled_query_run, served at /v1/sigma/scheduled_query_runs, is
        // Stripe.Sigma's); issuing.card, which only a test helper may return, stays Issuing's.
        var packageWords = new HashSet<string>(spec.Operations.SelectMany(o => o.Location?.Groups ?? EquatableArray<string>.Empty), StringComparer.Ordinal);
        var servedIn = spec.Operations
            .Where(o => ResourceOf(o.Response) is { } r && !packageWords.Any(w => Strip(r, w) is not null))
            .GroupBy(o => ResourceOf(o.Response)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Location is { Groups.Count: > 0 } l ? string.Join(".", l.Groups) : string.Empty).Distinct().ToList(), StringComparer.Ordinal);

        // The longest package first, so TestHelpersIssuingCardService goes to TestHelpers.Issuing, not TestHelpers.
        var byPackage = spec.Operations
            .Where(o => o.Location is { Groups.Count: > 0 })
            .GroupBy(o => string.Join(".", o.Location!.Groups))
            .OrderByDescending(g => g.Key.Length);
        foreach (var package in byPackage)
        {
            string prefix = package.Key.Replace(".", string.Empty);
            if (taken.Contains(package.Key.Split('.')[0]))
            {
                continue; // a root type named like the package would clash with its namespace
            }

            var members = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal);
            foreach (OperationModel operation in package)
            {
                members[operation.ServiceName] = package.Where(o => o.ServiceName == operation.ServiceName)
                    .SelectMany(o => new[] { o.Names.Async, o.Names.WithResponseAsync, o.Names.Sync, o.Names.SyncWithResponse, o.Names.Call });
                foreach (string name in OptionsClosure(operation.OptionsClass, options))
                {
                    members[name] = options[name].Properties.SelectMany(p => new[] { p.Name, p.AlternativeName, p.ClearName, p.FileNameMember, p.ContentTypeMember }).OfType<string>();
                }

                if (ResourceOf(operation.Response) is { } resource && responses.TryGetValue(resource, out ResponseModel? response))
                {
                    members[resource] = response.Properties.SelectMany(p => new[] { p.Name, p.ExpandedName }).OfType<string>().Concat(response.Variants.Select(v => v.PropertyName));
                }
            }

            foreach (var type in members)
            {
                string? simple = Strip(type.Key, prefix)
                    ?? (servedIn.TryGetValue(type.Key, out var packages) && packages.Count == 1 && packages[0] == package.Key ? type.Key : null);
                if (!moved.ContainsKey(type.Key) && simple is not null && !type.Value.Contains(simple, StringComparer.Ordinal))
                {
                    string placed = package.Key + "." + simple;
                    if (!moved.ContainsValue(placed))
                    {
                        moved.Add(type.Key, placed);
                    }
                }
            }
        }

        // A paging operation's options copy themselves in a part of the options class written beside the service:
        // the two must share a namespace, or both stay.
        // Moving one back can part another pair of the same service, so this runs until nothing moves back.
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (OperationModel operation in spec.Operations.Where(o => o.Paging is not null && o.OptionsClass is not null))
            {
                if (NamespaceOf(moved, operation.ServiceName) != NamespaceOf(moved, operation.OptionsClass!))
                {
                    changed |= moved.Remove(operation.ServiceName) | moved.Remove(operation.OptionsClass!);
                }
            }
        }

        return moved;
    }

    private static string? NamespaceOf(Dictionary<string, string> moved, string name) =>
        moved.TryGetValue(name, out string? placed) ? placed.Substring(0, placed.LastIndexOf('.')) : null;

    /// <summary>The name without the package's words, when it starts with them and more follows: <c>CheckoutSession</c> → <c>Session</c>.</summary>
    private static string? Strip(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length])
            ? name.Substring(prefix.Length)
            : null;

    /// <summary>An options class and every nested options class its properties reach; empty for null.</summary>
    internal static HashSet<string> OptionsClosure(string? optionsClass, Dictionary<string, OptionsClassModel> options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (optionsClass is not null)
        {
            pending.Push(optionsClass);
        }

        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!options.TryGetValue(name, out OptionsClassModel? model) || !seen.Add(name))
            {
                continue;
            }

            foreach (PropertyModel property in model.Properties)
            {
                for (TypeRef? type = property.Type; type is not null; type = type.Item)
                {
                    if (type.Kind == TypeKind.Object && type.Name is { } nested)
                    {
                        pending.Push(nested);
                    }
                }
            }
        }

        return seen;
    }

    /// <summary>The resource an operation returns: the object itself, or a list's or search's items.</summary>
    internal static string? ResourceOf(TypeRef response) =>
        response.Kind is TypeKind.List or TypeKind.SearchResult ? ResourceOf(response.Item!) : response.Kind == TypeKind.Object ? response.Name : null;

    /// <summary>A path's segments: <c>/v1/customers/{customer}</c> gives <c>v1</c>, <c>customers</c>, <c>{customer}</c>.</summary>
    internal static string[] PathSegments(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A path as its first item and what follows it: <c>/v1/treasury/financial_accounts/{financial_account}/features</c>
    /// gives <c>/v1/treasury/financial_accounts/{}</c> and <c>features</c>; null without an item. The item's
    /// parameter is left unnamed, as paths under one item name it differently (<c>/v1/subscription_items/{item}</c>,
    /// <c>/v1/subscription_items/{subscription_item}/usage_record_summaries</c>).
    /// </summary>
    internal static (string Parent, string[] Tail)? ItemPath(string path)
    {
        string[] segments = PathSegments(path);
        int item = Array.FindIndex(segments, Naming.IsParameterSegment);
        return item < 2 ? null : ("/" + string.Join("/", segments, 0, item) + "/{}", segments.Skip(item + 1).ToArray());
    }

    /// <summary>Whether another operation takes the operation's options class too (a legacy path's twin).</summary>
    internal static bool SharesOptions(SpecModel spec, OperationModel operation) =>
        operation.OptionsClass is { } options && spec.Operations.Any(o => o.OperationId != operation.OperationId && o.OptionsClass == options);

    /// <summary>The model's options classes by name, for the passes that look one up from an operation or a member.</summary>
    internal static Dictionary<string, OptionsClassModel> OptionsByName(SpecModel spec) =>
        spec.OptionsClasses.ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>Every type name the model declares: options classes, responses, enums and services.</summary>
    internal static IEnumerable<string> AllTypeNames(SpecModel spec) =>
        spec.OptionsClasses.Select(o => o.Name)
            .Concat(spec.Responses.Select(r => r.Name))
            .Concat(spec.Enums.Select(e => e.Name))
            .Concat(spec.Operations.Select(o => o.ServiceName))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Rewrites every type name the model holds by one map; a name it does not hold is kept.</summary>
    private sealed class Renamer(Dictionary<string, string> names)
    {
        public string Name(string name) => names.TryGetValue(name, out string? renamed) ? renamed : name;

        public TypeRef Type(TypeRef type) => type with
        {
            Name = type.Name is null ? null : Name(type.Name),
            Item = type.Item is null ? null : Type(type.Item),
        };

        public OperationModel Operation(OperationModel operation) => operation with
        {
            ServiceName = Name(operation.ServiceName),
            OptionsClass = operation.OptionsClass is null ? null : Name(operation.OptionsClass),
            Response = Type(operation.Response),
        };

        public OptionsClassModel Options(OptionsClassModel model) => model with
        {
            Name = Name(model.Name),
            Properties = model.Properties.Select(p => p with { Type = Type(p.Type) }).ToEquatableArray(),
        };

        public ResponseModel Response(ResponseModel model) => model with
        {
            Name = Name(model.Name),
            Properties = model.Properties.Select(p => p with { Type = Type(p.Type) }).ToEquatableArray(),
            Variants = model.Variants.Select(v => v with { TypeName = Name(v.TypeName) }).ToEquatableArray(),
        };
    }
}
