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
public sealed class StripeSpecTests
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
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var service = run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerService");
        Assert.NotNull(service);
        Assert.Contains("CreateAsync", service!.MemberNames);
        Assert.Contains("UpdateAsync", service.MemberNames);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.CustomerCreateOptions"));
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
            var data = (IPropertySymbol)Assert.Single(run.Output.GetTypeByMetadataName($"Consumer.Stripe.{resource}SearchResult")!.GetMembers("Data"));
            Assert.Equal($"System.Collections.Generic.IReadOnlyList<Consumer.Stripe.{resource}>", data.Type.ToDisplayString());
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

    /// <summary>A generated <c>FromJson</c>, bound once; the result is the model, boxed as object.</summary>
    private delegate object ReadJson(ReadOnlySpan<byte> utf8Json);

    [SkippableFact]
    public void EveryResourceFixture_ReadsIntoItsGeneratedModel()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        string fixturesPath = Path.Combine(Path.GetDirectoryName(Repo.StripeSpecPath)!, "fixtures3.2023-09-12.json");
        Skip.IfNot(File.Exists(fixturesPath), $"Stripe's fixtures are not at {fixturesPath}.");
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((Repo.StripeSpecPath, File.ReadAllText(Repo.StripeSpecPath)));
        GeneratorRun run = harness.Run();
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));

        var context = new System.Runtime.Loader.AssemblyLoadContext(nameof(EveryResourceFixture_ReadsIntoItsGeneratedModel), isCollectible: true);
        try
        {
            image.Position = 0;
            System.Reflection.Assembly consumer = context.LoadFromStream(image);
            using var fixtures = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(fixturesPath));
            var read = new System.Collections.Generic.Dictionary<string, object>();
            var failures = new System.Collections.Generic.List<string>();
            foreach (var resource in fixtures.RootElement.GetProperty("resources").EnumerateObject())
            {
                // Models are named after x-resourceId, as the generator names them.
                Type? model = consumer.GetType("Consumer.Stripe." + Generator.Helpers.Naming.Pascal(resource.Name));
                if (model?.GetMethod("FromJson") is not { } fromJson)
                {
                    continue;
                }

                try
                {
                    var readJson = (ReadJson)Delegate.CreateDelegate(typeof(ReadJson), fromJson);
                    read[resource.Name] = readJson(System.Text.Encoding.UTF8.GetBytes(resource.Value.GetRawText()));
                }
                catch (Exception e)
                {
                    failures.Add($"{resource.Name}: {e.GetType().Name}: {e.Message}");
                }
            }

            _output.WriteLine($"{read.Count} fixtures read; {failures.Count} refused");

            // Stripe's own example of an outbound payment lacks a field its spec requires. Reading refuses it by
            // name (the client turns that into a StripeResponseException that keeps the idempotency key), rather
            // than returning a model whose non-nullable property is null.
            Assert.Equal(
                new[] { "treasury.outbound_payment: JsonException: The response has no 'billing_details', which OutboundPaymentsPaymentMethodDetails requires." },
                failures);
            Assert.True(read.Count >= 100, $"only {read.Count} fixtures matched a generated model");

            // A nullable nested object (a one-schema anyOf) is the object, not an ID string.
            object? profile = read["account"].GetType().GetProperty("BusinessProfile")!.GetValue(read["account"]);
            Assert.NotNull(profile);
            Assert.Equal(
                fixtures.RootElement.GetProperty("resources").GetProperty("account").GetProperty("business_profile").GetProperty("name").GetString(),
                profile!.GetType().GetProperty("Name")!.GetValue(profile));

            // A field the spec gives no shape (an event's data.object, a map of lists) is kept whole.
            object eventData = read["event"].GetType().GetProperty("Data")!.GetValue(read["event"])!;
            var eventObject = (System.Text.Json.JsonElement)eventData.GetType().GetProperty("Object")!.GetValue(eventData)!;
            Assert.Equal("plan", eventObject.GetProperty("object").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Object, eventObject.GetProperty("metadata").ValueKind);
            var currencies = (System.Text.Json.JsonElement)read["country_spec"].GetType().GetProperty("SupportedBankAccountCurrencies")!.GetValue(read["country_spec"])!;
            Assert.Equal("US", currencies.GetProperty("usd")[0].GetString());

            // An expandable field that the fixture holds as an ID: the ID, and no object beside it.
            object price = read["price"];
            Assert.Equal("prod_Oaxlh23kWPWslc", price.GetType().GetProperty("Product")!.GetValue(price));
            Assert.Null(price.GetType().GetProperty("ExpandedProduct")?.GetValue(price));
        }
        finally
        {
            context.Unload();
        }
    }
}
