using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.Parity;

/// <summary>
/// How many of Stripe.net's method names a generated client has, over the services that have the same name in
/// both: of Stripe.net's methods of those services (auto-paging twins left out), those whose operation the spec
/// has, and of those, the ones a generated method of the same service has the name of and calls.
/// </summary>
/// <remarks>
/// A method whose operation the spec lacks (Stripe.net follows newer API versions) could have no counterpart under
/// any name, so it is counted apart (<see cref="AllMethods"/>, <see cref="AllMatched"/>), as the first measurement of
/// this was.
/// </remarks>
internal sealed class NameParity
{
    private NameParity(int sharedServices, List<string> matched, List<string> misses, int allMethods, int allMatched, List<string> onlyHere)
    {
        SharedServices = sharedServices;
        Matched = matched;
        Misses = misses;
        AllMethods = allMethods;
        AllMatched = allMatched;
        ServicesOnlyHere = onlyHere;
    }

    public int SharedServices { get; }

    /// <summary>Stripe.net's methods whose operation the spec has that a generated method matches, as <c>Service.Method</c>.</summary>
    public IReadOnlyList<string> Matched { get; }

    /// <summary>Stripe.net's methods whose operation the spec has that no generated method matches, each with the name it has here.</summary>
    public IReadOnlyList<string> Misses { get; }

    public int Methods => Matched.Count + Misses.Count;

    public double Share => Methods == 0 ? 0 : (double)Matched.Count / Methods;

    /// <summary>Every Stripe.net method of the shared services, whether or not the spec has its operation.</summary>
    public int AllMethods { get; }

    /// <summary>Of <see cref="AllMethods"/>, those a generated method of the same service has the name of.</summary>
    public int AllMatched { get; }

    /// <summary>Generated services that no Stripe.net service has the name of.</summary>
    public IReadOnlyList<string> ServicesOnlyHere { get; }

    /// <param name="specOperations">Every operation of the spec, generated or not, as <c>POST /v1/invoices/{}/finalize</c>.</param>
    public static NameParity Of(SpecModel model, IReadOnlyDictionary<string, IReadOnlyList<StripeNetMethod>> stripeNet, IReadOnlySet<string> specOperations)
    {
        var matched = new List<string>();
        var misses = new List<string>();
        var onlyHere = new List<string>();
        int shared = 0, all = 0, allMatched = 0;
        foreach (var service in model.Operations.GroupBy(o => o.ServiceName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!stripeNet.TryGetValue(service.Key, out IReadOnlyList<StripeNetMethod>? theirs))
            {
                onlyHere.Add(service.Key);
                continue;
            }

            shared++;
            foreach (StripeNetMethod method in theirs.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                all++;
                var ours = service.Where(o => o.MethodName == method.Name).ToList();
                allMatched += ours.Count > 0 ? 1 : 0;

                // A method whose request could not be read from its IL counts as one the spec has.
                if (method.Operations.Count > 0 && !method.Operations.Overlaps(specOperations))
                {
                    continue;
                }

                string name = service.Key + "." + method.Name;
                if (ours.Any(o => method.Operations.Count == 0 || method.Operations.Contains(Operation(o.HttpMethod, o.Path))))
                {
                    matched.Add(name);
                }
                else
                {
                    string operation = string.Join(", ", method.Operations.Order(StringComparer.Ordinal));
                    var here = model.Operations.Where(o => method.Operations.Contains(Operation(o.HttpMethod, o.Path))).Select(o => o.ServiceName + "." + o.MethodName).ToList();
                    misses.Add($"{name} ({operation}): {(here.Count == 0 ? "not generated" : "here " + string.Join(", ", here))}");
                }
            }
        }

        return new NameParity(shared, matched, misses, all, allMatched, onlyHere);
    }

    /// <summary>
    /// Stripe.net's auto-paging methods whose paged method is generated with Stripe.net's name (<paramref name="matched"/>):
    /// each as <c>Service.Method</c>, in <c>Matched</c> when the generated method has an auto-paging twin of the
    /// same name, else in <c>Misses</c> with the name it has here.
    /// </summary>
    public static (List<string> Matched, List<string> Misses) AutoPaging(SpecModel model, IReadOnlyDictionary<string, IReadOnlyList<string>> stripeNet, IReadOnlyList<string> matched)
    {
        var found = new List<string>();
        var misses = new List<string>();
        foreach (var service in model.Operations.GroupBy(o => o.ServiceName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!stripeNet.TryGetValue(service.Key, out IReadOnlyList<string>? theirs))
            {
                continue;
            }

            foreach (string method in theirs.Order(StringComparer.Ordinal))
            {
                string paged = StripeNetServices.PagedMethod(method);
                if (!matched.Contains(service.Key + "." + paged))
                {
                    continue;
                }

                var ours = service.Where(o => o.MethodName == paged).Select(o => o.Paging?.MethodName).ToList();
                (ours.Contains(method) ? found : misses).Add(service.Key + "." + method + (ours.Contains(method) ? string.Empty : ": here " + (ours.FirstOrDefault(n => n is not null) ?? "none")));
            }
        }

        return (found, misses);
    }

    /// <summary>An operation as Stripe.net's IL and the spec are compared: <c>POST /v1/invoices/{}/finalize</c>.</summary>
    public static string Operation(string httpMethod, string path) =>
        httpMethod.ToUpperInvariant() + " " + Regex.Replace(path, @"\{[^}]*\}", "{}");

    public override string ToString() =>
        $"{Matched.Count} of {Methods} ({Share:P1}) of Stripe.net's methods whose operation the spec has, in {SharedServices} services of the same name, "
        + $"are generated with Stripe.net's name; of all {AllMethods} of their methods, {AllMatched}";
}
