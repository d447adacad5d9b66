using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec.Parity;

/// <summary>
/// The names a Stripe.net user finds: Stripe.net's service methods (read by reflection) against the generated
/// services, for the SDK variant of Stripe's spec (which names every operation) and for the plain spec (where the
/// path rules name them). The misses print; README lists them and why each stays.
/// </summary>
public sealed class StripeNetParityTests
{
    private readonly ITestOutputHelper _output;

    public StripeNetParityTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void SdkSpec_NamesAtLeast95PercentOfStripeNetsMethodsAsStripeNetDoes() => AssertParity(Repo.StripeSdkSpecPath, 0.95, "SDK variant, 2022-05-10");

    [SkippableFact]
    public void PlainSpec_NamesAtLeast90PercentOfStripeNetsMethodsAsStripeNetDoes() => AssertParity(Repo.StripeSpecPath, 0.90, "published, 2023-09-12");

    [Fact]
    public void StripeNetsRequests_AreReadFromItsIl()
    {
        StripeNetMethod finalize = StripeNetServices.All["InvoiceService"].Single(m => m.Name == "FinalizeInvoiceAsync");
        StripeNetMethod list = StripeNetServices.All["CheckoutSessionService"].Single(m => m.Name == "ListAsync");

        Assert.Equal(new[] { "POST /v1/invoices/{}/finalize" }, finalize.Operations);
        Assert.Equal(new[] { "GET /v1/checkout/sessions" }, list.Operations);
        Assert.DoesNotContain(StripeNetServices.All["CustomerService"], m => m.Name.EndsWith("AutoPagingAsync"));
    }

    private void AssertParity(string specPath, double target, string readmeRow)
    {
        Skip.IfNot(File.Exists(specPath), $"Stripe's spec is not at {specPath}; this test runs where the shared folder is present (CI).");
        string text = File.ReadAllText(specPath);
        SpecModel model = ModelBuilder.Parse(text, path: specPath);
        var parity = NameParity.Of(model, StripeNetServices.All, Operations(text));

        _output.WriteLine($"{Path.GetFileName(specPath)} against Stripe.net {StripeNetServices.Version}: {parity}");
        foreach (string miss in parity.Misses)
        {
            _output.WriteLine("  differs: " + miss);
        }

        _output.WriteLine($"services of other names: {string.Join(", ", parity.ServicesOnlyHere)}");

        // Auto-paging twins, counted apart: Stripe.net's of the methods generated with its name, and which of them are here.
        var (pagingFound, pagingMisses) = NameParity.AutoPaging(model, StripeNetServices.AutoPagingMethods, parity.Matched);
        int pagingTotal = pagingFound.Count + pagingMisses.Count;
        double pagingShare = pagingTotal == 0 ? 1 : (double)pagingFound.Count / pagingTotal;
        _output.WriteLine($"auto-paging: {pagingFound.Count} of {pagingTotal} ({pagingShare:P1}) of Stripe.net's auto-paging methods of those methods are generated with its name");
        foreach (string miss in pagingMisses)
        {
            _output.WriteLine("  auto-paging differs: " + miss);
        }

        foreach (DiagnosticInfo diagnostic in model.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Descriptor.Id == "ALG0017"))
        {
            _output.WriteLine($"{diagnostic.Descriptor.Id}: {string.Format(System.Globalization.CultureInfo.InvariantCulture, diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Arguments.ToArray())}");
        }

        Assert.DoesNotContain(model.Diagnostics, d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.True(parity.Share >= target, $"{parity}; the target is {target:P0}");
        Assert.True(pagingFound.Count > 0 && pagingShare >= target, $"auto-paging: {pagingFound.Count} of {pagingTotal}; the target is {target:P0}");

        // README states the measurement, and names every difference that stays and every service of another name.
        string readme = File.ReadAllText(Repo.ReadmePath);
        string row = System.FormattableString.Invariant($"| {readmeRow} | {parity.Matched.Count} of {parity.Methods} ({parity.Share * 100:F1} %) |");
        Assert.True(readme.Contains(row, System.StringComparison.Ordinal), $"README.md does not state the measurement: add the row '{row} … |'.");
        var unlisted = parity.Misses.Select(m => m.Substring(0, m.IndexOf(' ')))
            .Concat(parity.ServicesOnlyHere)
            .Where(m => !readme.Contains("`" + m + "`", System.StringComparison.Ordinal))
            .ToList();
        Assert.True(unlisted.Count == 0, "README.md does not say why these stay different: " + string.Join(", ", unlisted));
    }

    /// <summary>Every operation of the spec, as <see cref="NameParity.Operation"/> writes it.</summary>
    private static HashSet<string> Operations(string text)
    {
        OpenApiDocument document = new OpenApiStringReader().Read(text, out _);
        return document.Paths
            .SelectMany(path => path.Value.Operations.Keys.Select(method => NameParity.Operation(method.ToString(), path.Key)))
            .ToHashSet();
    }
}
