using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace AccountLinkGen.Generator.Tests.WholeSpec.Parity;

/// <summary>A Stripe.net service method and the operations it calls (HTTP method and path, each parameter as <c>{}</c>).</summary>
internal sealed record StripeNetMethod(string Name, IReadOnlySet<string> Operations);

/// <summary>
/// The services of Stripe.net (the version the tests reference) and their methods, read by reflection, each
/// method with the operation its body requests (read from its IL). A service's key is its namespace below
/// <c>Stripe</c> joined to its name, as this generator names a service of a package:
/// <c>Stripe.Checkout.SessionService</c> is <c>CheckoutSessionService</c>.
/// </summary>
internal static class StripeNetServices
{
    private const string RootNamespace = "Stripe";

    // The v2 API has its own paths and is not in the v1 specs this generator reads.
    private const string V2Namespace = "Stripe.V2";

    // The auto-paging twins of ListAsync and SearchAsync, which request nothing themselves.
    private const string AutoPaging = "AutoPagingAsync";

    public static string Version { get; } = typeof(Stripe.StripeClient).Assembly.GetName().Version!.ToString(3);

    /// <summary>Each service's key and its asynchronous methods, auto-paging twins left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<StripeNetMethod>> All { get; } = Read();

    /// <summary>Each service's key and the names of its auto-paging methods (<c>ListAutoPagingAsync</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AutoPagingMethods { get; } = ReadAutoPaging();

    /// <summary>The method an auto-paging method pages with: <c>ListLineItemsAutoPagingAsync</c> pages <c>ListLineItemsAsync</c>.</summary>
    public static string PagedMethod(string autoPagingMethod) =>
        autoPagingMethod.Substring(0, autoPagingMethod.Length - AutoPaging.Length) + "Async";

    private static Dictionary<string, IReadOnlyList<string>> ReadAutoPaging() =>
        Services().ToDictionary(
            s => s.Key,
            s => (IReadOnlyList<string>)s.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith(AutoPaging, StringComparison.Ordinal))
                .Select(m => m.Name)
                .Distinct()
                .ToList(),
            StringComparer.Ordinal);

    private static IEnumerable<(string Key, Type Type)> Services()
    {
        foreach (Type type in typeof(Stripe.StripeClient).Assembly.GetExportedTypes())
        {
            if (type.IsAbstract || !type.IsClass || !type.Name.EndsWith("Service", StringComparison.Ordinal)
                || type.Namespace is not { } ns || !(ns == RootNamespace || ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal))
                || ns == V2Namespace || ns.StartsWith(V2Namespace + ".", StringComparison.Ordinal))
            {
                continue;
            }

            yield return (Key(ns, type.Name), type);
        }
    }

    private static Dictionary<string, IReadOnlyList<StripeNetMethod>> Read()
    {
        var services = new Dictionary<string, IReadOnlyList<StripeNetMethod>>(StringComparer.Ordinal);
        foreach (var (key, type) in Services())
        {
            services[key] = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith(AutoPaging, StringComparison.Ordinal))
                .GroupBy(m => m.Name)
                .Select(g => new StripeNetMethod(g.Key, g.SelectMany(m => IlRequests.Of(m)).ToHashSet(StringComparer.Ordinal)))
                .ToList();
        }

        return services;
    }

    private static string Key(string ns, string name) =>
        string.Concat(ns.Substring(RootNamespace.Length).Split('.', StringSplitOptions.RemoveEmptyEntries)) + name;
}
