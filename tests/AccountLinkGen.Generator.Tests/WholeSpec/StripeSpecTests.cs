using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Stripe's whole published spec (4 MB, 468 operations) as generator input. It lives in the shared folder beside
/// the repository: present in CI, skipped with a message in a clone without it.
/// </summary>
public sealed partial class StripeSpecTests
{
    private readonly ITestOutputHelper _output;

    public StripeSpecTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void WholeSpec_GeneratesCodeThatCompilesWithoutErrors()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        // Doc comments are checked too: every description's markup, every cref, every param name.
        var harness = new GeneratorHarness { DocumentationMode = DocumentationMode.Diagnose }.WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((Repo.StripeSpecPath, File.ReadAllText(Repo.StripeSpecPath)));

        var watch = Stopwatch.StartNew();
        GeneratorRun run = harness.Run();
        TimeSpan generation = watch.Elapsed;
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        watch.Stop();

        if (Environment.GetEnvironmentVariable("ACCOUNTLINKGEN_WHOLE_SPEC_DUMP") is { Length: > 0 } dump)
        {
            // Opt-in: the generated files and diagnostics, to compare two builds of the generator file by file.
            Directory.CreateDirectory(dump);
            foreach (var source in run.Sources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName.Replace('/', '_')), source.SourceText.ToString());
            }

            File.WriteAllLines(Path.Combine(dump, "diagnostics.txt"), run.GeneratorDiagnostics.Select(d => d.ToString()).OrderBy(l => l, StringComparer.Ordinal));
        }

        var byId = run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        _output.WriteLine($"generated files: {run.Sources.Count}, lines: {run.Sources.Sum(s => s.SourceText.Lines.Count)}");
        _output.WriteLine($"generator diagnostics: {string.Join(", ", byId)}");
        _output.WriteLine($"generation {generation.TotalSeconds:F1} s, generation + compile {watch.Elapsed.TotalSeconds:F1} s");
        var reasons = run.GeneratorDiagnostics.Where(d => d.Id == "ALG0004")
            .GroupBy(d => System.Text.RegularExpressions.Regex.Match(d.GetMessage(), @"\(([^)]*)\); (the \w+)").Value)
            .OrderByDescending(g => g.Count());
        foreach (var reason in reasons)
        {
            _output.WriteLine($"ALG0004 {reason.Count()}× {reason.Key}");
        }

        foreach (Diagnostic d in run.GeneratorDiagnostics.Where(d => d.Id == "ALG0012"))
        {
            _output.WriteLine(d.GetMessage());
        }

        foreach (Diagnostic d in errors.Concat(run.GeneratedCodeDiagnostics).Take(40))
        {
            _output.WriteLine(d.ToString());
        }

        Assert.Null(run.GeneratorException);
        Assert.Empty(errors);
        Assert.True(run.GeneratedCodeDiagnostics.Count == 0, $"{run.GeneratedCodeDiagnostics.Count} warnings in the generated code, the first: {run.GeneratedCodeDiagnostics.FirstOrDefault()}");
        AssertReadmeStatesSize(run.Sources.Count, run.Sources.Sum(s => s.SourceText.Lines.Count));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var service = run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerService");
        Assert.NotNull(service);
        Assert.Contains("CreateAsync", service!.MemberNames);
        Assert.Contains("UpdateAsync", service.MemberNames);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerCreateOptions"));

        // Nothing of the spec is skipped any more: the upload and the PDF were the last operations with an ALG0004.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ALG0004");
        Assert.Contains("CreateAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.FileService")!.MemberNames);
        Assert.Contains("PdfAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.QuoteService")!.MemberNames);
        Assert.Equal("Consumer.Stripe.FilePurpose", ((IPropertySymbol)run.Output.GetTypeByMetadataName("Consumer.Stripe.FileCreateOptions")!.GetMembers("Purpose").Single()).Type.ToDisplayString());
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerUpdateOptions"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions"));

        // Every response model holds something: a union of objects is a wrapper with one property per object.
        var responses = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.GetMembers("FromJson").Length > 0)
            .ToList();
        Assert.Empty(responses.Where(t => !t.GetMembers().OfType<IPropertySymbol>().Any()).Select(t => t.Name));
        AssertProperties(run.Output, "CustomerOrDeletedCustomer", "Customer", "DeletedCustomer");
        AssertProperties(run.Output, "PaymentSourceOrDeletedPaymentSource", "Account", "BankAccount", "Card", "Source", "DeletedBankAccount", "DeletedCard");

        // Each search reads its own items, and lists take their filters (a search its required query).
        foreach (string resource in new[] { "Charge", "Customer", "Invoice", "PaymentIntent", "Price", "Product", "Subscription" })
        {
            var search = (IMethodSymbol)run.Output.GetTypeByMetadataName($"Consumer.Stripe.{resource}Service")!.GetMembers("SearchAsync").Single();
            Assert.Equal($"System.Threading.Tasks.Task<AccountLinkGen.StripeSearchResult<Consumer.Stripe.{resource}>>", search.ReturnType.ToDisplayString());
            Assert.Null(run.Output.GetTypeByMetadataName($"Consumer.Stripe.{resource}SearchResult"));
            var query = (IPropertySymbol)Assert.Single(run.Output.GetTypeByMetadataName($"Consumer.Stripe.{resource}SearchOptions")!.GetMembers("Query"));
            Assert.True(query.IsRequired);
            Assert.Contains("SearchAsync", run.Output.GetTypeByMetadataName($"Consumer.Stripe.{resource}Service")!.MemberNames);
        }

        // Nothing is narrowed to an ID: expandable lists keep their objects beside the IDs, and objects that no
        // 'object' field tells apart (a setup intent's acss_debit options) are kept whole.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ALG0012");
        var invoiceDiscounts = (IPropertySymbol)Assert.Single(run.Output.GetTypeByMetadataName("Consumer.Stripe.Invoice")!.GetMembers("ExpandedDiscounts"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<Consumer.Stripe.DiscountOrDeletedDiscount>?", invoiceDiscounts.Type.ToDisplayString());
        var acssDebit = (IPropertySymbol)Assert.Single(run.Output.GetTypeByMetadataName("Consumer.Stripe.SetupIntentPaymentMethodOptions")!.GetMembers("AcssDebit"));
        Assert.Equal("System.Text.Json.JsonElement?", acssDebit.Type.ToDisplayString());

        AssertProperties(run.Output, "CustomerListOptions", "Created", "CreatedExact", "Email", "EndingBefore", "Expand", "Limit", "StartingAfter", "TestClock");
    }

    private static void AssertProperties(Compilation compilation, string type, params string[] properties)
    {
        INamedTypeSymbol? symbol = compilation.GetTypeByMetadataName("Consumer.Stripe." + type);
        Assert.True(symbol is not null, type + " was not generated");
        Assert.Equal(properties.OrderBy(p => p, StringComparer.Ordinal), symbol!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).OrderBy(p => p, StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Filter_GeneratesOnlyTheNamedOperationsAndTheirTypes()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((Repo.StripeSpecPath, File.ReadAllText(Repo.StripeSpecPath)));
        harness.WithFileMetadata(Repo.StripeSpecPath, "AccountLinkGenOperations", "PostAccountLinks;PostAccountSessions;PostCustomers");

        GeneratorRun run = harness.Run();

        // Services are the types with async methods (response models may end in "Service" too: AccountTermsOfService).
        var services = run.Output.GetSymbolsWithName(n => n.EndsWith("Service"), SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Consumer.Stripe")
            .Where(t => t.GetMembers().OfType<IMethodSymbol>().Any(m => m.Name.EndsWith("Async")))
            .Select(t => t.Name + "." + string.Join("+", t.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async")).Select(m => m.Name)))
            .OrderBy(n => n);
        Assert.Equal(
            new[]
            {
                "AccountLinkService.CreateAsync+CreateWithResponseAsync",
                "AccountSessionService.CreateAsync+CreateWithResponseAsync",
                "CustomerService.CreateAsync+CreateWithResponseAsync",
            },
            services);
        Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerUpdateOptions"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerAddressOptions"));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        _output.WriteLine($"generated files: {run.Sources.Count}, lines: {run.Sources.Sum(s => s.SourceText.Lines.Count)}");
    }

    [SkippableFact]
    public void SdkSpec_GeneratesCodeThatCompilesWithoutErrorsOrWarnings_WithStripesNames()
    {
        Skip.IfNot(File.Exists(Repo.StripeSdkSpecPath), $"Stripe's SDK spec is not at {Repo.StripeSdkSpecPath}; this test runs where the shared folder is present (CI).");
        var harness = new GeneratorHarness { DocumentationMode = DocumentationMode.Diagnose }.WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((Repo.StripeSdkSpecPath, File.ReadAllText(Repo.StripeSdkSpecPath)));

        GeneratorRun run = harness.Run();

        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (Diagnostic d in errors.Concat(run.GeneratedCodeDiagnostics).Take(20))
        {
            _output.WriteLine(d.ToString());
        }

        _output.WriteLine($"generated files: {run.Sources.Count}, lines: {run.Sources.Sum(s => s.SourceText.Lines.Count)}");
        Assert.Null(run.GeneratorException);
        Assert.Empty(errors);
        Assert.Empty(run.GeneratedCodeDiagnostics);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "ALG0017");

        // Stripe's classes, with their packages and outer classes, and no service for a placeholder path.
        Assert.Contains("FinalizeInvoiceAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.InvoiceService")!.MemberNames);
        Assert.Contains("CancelAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.SubscriptionService")!.MemberNames);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.CheckoutSession"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountSettingsBranding"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.ThreeDSecureService"));
        Assert.DoesNotContain(run.Output.GetSymbolsWithName(n => n.Contains("ParametersOverride"), SymbolFilter.Type), t => true);

        // The PDF by Stripe.net's name here too. This spec's upload declares its file a plain string (no format:
        // binary), which says nothing of a file: the upload is an ALG0004 that says so, not a guess.
        Assert.Contains("PdfAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.QuoteService")!.MemberNames);
        Assert.DoesNotContain("CreateAsync", run.Output.GetTypeByMetadataName("Consumer.Stripe.FileService")!.MemberNames);
        Diagnostic upload = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0004");
        Assert.Contains("'FileCreateOptions' has a shape the generator does not support (a multipart body with no file (format: binary)", upload.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>The README states the size this test measures (files exactly, lines to the thousand), so the claim cannot drift.</summary>
    private static void AssertReadmeStatesSize(int files, int lines)
    {
        string readme = File.ReadAllText(Repo.ReadmePath);
        var claim = System.Text.RegularExpressions.Regex.Match(readme, @"the 2023-09-12 spec generates ([\d,]+) files \(about ([\d,]+) lines\)");
        Assert.True(claim.Success, "README.md no longer states the whole spec's size (\"the 2023-09-12 spec generates N files (about M lines)\").");
        int claimedFiles = int.Parse(claim.Groups[1].Value.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture);
        int claimedLines = int.Parse(claim.Groups[2].Value.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture);
        int roundedLines = (int)Math.Round(lines / 1000.0) * 1000;
        Assert.True(
            claimedFiles == files && claimedLines == roundedLines,
            $"README.md says {claimedFiles} files and about {claimedLines} lines; the spec generates {files} files and {lines} lines: fix the README sentence.");
    }
}
