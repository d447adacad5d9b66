using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>Every resource fixture Stripe publishes for the spec, read through the model generated for it.</summary>
public sealed partial class StripeSpecTests
{
    /// <summary>
    /// The fixtures that are not read, each with the exact outcome it has and why that outcome is right. An entry
    /// whose fixture starts reading, or fails differently, fails the test: the list never outlives its reason.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, FixtureExemption> UnreadFixtures = new Dictionary<string, FixtureExemption>(StringComparer.Ordinal)
    {
        ["identity.verification_report"] = new(
            "incomplete: document.address.zip: no member for JSON \"94111\"",
            "Stripe's example writes the document address's postal code as 'zip', a key the spec's address schema "
            + "does not have (it names it 'postal_code'); a key the spec does not list is skipped, as Stripe.net skips it."),
        ["treasury.outbound_payment"] = new(
            "refused: JsonException: The response has no 'billing_details', which OutboundPaymentsPaymentMethodDetails requires.",
            "Stripe's example lacks a field its spec requires; reading refuses it by name (the client turns that into a "
            + "StripeResponseException that keeps the idempotency key) rather than returning a model whose non-nullable "
            + "property is null."),
    };

    /// <summary>
    /// Resources the spec returns only as one member of a larger union, so no model of their own is generated: the
    /// fixture is read through the wrapper a response holds it in, as the client would read it. An entry whose
    /// resource gets a model of its own fails the test.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, HeldByUnion> ReadThroughUnion = new Dictionary<string, HeldByUnion>(StringComparer.Ordinal)
    {
        ["deleted_payment_source"] = new(
            "PaymentSourceOrDeletedPaymentSource",
            "the spec uses it only in anyOf [payment_source, deleted_payment_source], the answer to deleting a "
            + "customer's source; its deleted bank account and deleted card are that wrapper's variants."),
    };

    /// <summary>A generated <c>FromJson</c>, bound once; the result is the model, boxed as object.</summary>
    private delegate object ReadJson(ReadOnlySpan<byte> utf8Json);

    [SkippableFact]
    public void EveryResourceFixture_ReadsIntoItsGeneratedModel()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        Skip.IfNot(File.Exists(Repo.StripeFixturesPath), $"Stripe's fixtures are not at {Repo.StripeFixturesPath}; this test runs where the shared folder is present (CI).");
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", WholeSpecClientFixture.Namespace);
        harness.AdditionalFiles.Add((Repo.StripeSpecPath, File.ReadAllText(Repo.StripeSpecPath)));
        GeneratorRun run = harness.Run();
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));

        var context = new OwnRuntimeLoadContext(nameof(EveryResourceFixture_ReadsIntoItsGeneratedModel));
        try
        {
            image.Position = 0;
            System.Reflection.Assembly consumer = context.LoadFromStream(image);
            using var fixtures = JsonDocument.Parse(File.ReadAllBytes(Repo.StripeFixturesPath));
            var resources = fixtures.RootElement.GetProperty("resources").EnumerateObject().ToList();
            var comparer = new ResponseComparer(ModelOf(run));
            ModelNames names = ModelNames.Read(File.ReadAllText(Repo.StripeSpecPath));
            var read = new Dictionary<string, object>(StringComparer.Ordinal);
            var unread = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty resource in resources)
            {
                if (ReadFixture(consumer, comparer, names, resource, out object? model) is { } outcome)
                {
                    unread[resource.Name] = outcome;
                }
                else
                {
                    read[resource.Name] = model!;
                }
            }

            _output.WriteLine($"{read.Count} of {resources.Count} fixtures read completely");
            foreach (var (name, union) in ReadThroughUnion)
            {
                _output.WriteLine($"read through {union.Wrapper}: {name} ({union.Reason})");
            }

            foreach (var (name, outcome) in unread.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"not read: {name}: {outcome}" + (UnreadFixtures.TryGetValue(name, out FixtureExemption? exemption) ? $" (exempt: {exemption.Reason})" : string.Empty));
            }

            var problems = CheckExemptions(resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal), unread);
            problems.AddRange(ReadThroughUnion.Keys
                .Where(name => consumer.GetType(WholeSpecClientFixture.Namespace + "." + names.Of(name)) is not null)
                .Select(name => $"{name} has a model of its own now: remove it from {nameof(ReadThroughUnion)}"));
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            Assert.Equal(resources.Count - UnreadFixtures.Count, read.Count);
            AssertReadmeStates(read.Count, resources.Count);

            AssertReadValues(fixtures.RootElement.GetProperty("resources"), read);

            // The same fixtures wrapped in webhook events: data.object reads into the same model with the same
            // outcome, or, for the one its model refuses, stays JSON with the error that names the missing field.
            Dictionary<string, string?> asEvents = ReadFixturesAsEvents(context, consumer, ModelOf(run), comparer, resources);
            var eventProblems = resources
                .Select(r => (r.Name, Direct: unread.GetValueOrDefault(r.Name), AsEvent: asEvents[r.Name]))
                .Where(r => r.Direct != r.AsEvent)
                .Select(r => $"{r.Name} in an event: {r.AsEvent ?? "read completely"}, where reading it alone gives {r.Direct ?? "its model, complete"}")
                .ToList();
            _output.WriteLine($"{asEvents.Count(e => e.Value is null)} of {resources.Count} fixtures read completely as an event's data.object");
            Assert.True(eventProblems.Count == 0, string.Join(Environment.NewLine, eventProblems));
            Assert.Contains("billing_details", asEvents["treasury.outbound_payment"], StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Reads one fixture into the model named after its resource id (or the union that holds it) and compares every
    /// non-null key with the model; returns why it did not read completely, or null when it did.
    /// </summary>
    private static string? ReadFixture(System.Reflection.Assembly consumer, ResponseComparer comparer, ModelNames names, JsonProperty resource, out object? model)
    {
        model = null;

        // Models are named after their resource, by the generator's own rules.
        string typeName = WholeSpecClientFixture.Namespace + "." + names.Of(resource.Name);
        if (consumer.GetType(typeName) is null && ReadThroughUnion.TryGetValue(resource.Name, out HeldByUnion? union))
        {
            typeName = WholeSpecClientFixture.Namespace + "." + union.Wrapper;
        }

        if (consumer.GetType(typeName)?.GetMethod("FromJson") is not { } fromJson)
        {
            return $"no model: {typeName} with a FromJson was not generated";
        }

        try
        {
            var readJson = (ReadJson)Delegate.CreateDelegate(typeof(ReadJson), fromJson);
            model = readJson(System.Text.Encoding.UTF8.GetBytes(resource.Value.GetRawText()));
        }
        catch (Exception e)
        {
            return $"refused: {e.GetType().Name}: {e.Message}";
        }

        // Value for value, as the stripe-mock acceptance compares responses.
        List<string> differences = comparer.Differences(resource.Value, model, typeName.Substring(WholeSpecClientFixture.Namespace.Length + 1));
        return differences.Count == 0 ? null : "incomplete: " + string.Join(", ", differences);
    }

    /// <summary>Every unread fixture is exempted with exactly its outcome, and every exemption is still needed.</summary>
    private static List<string> CheckExemptions(HashSet<string> fixtures, Dictionary<string, string> unread)
    {
        var problems = new List<string>();
        foreach (var (name, outcome) in unread.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!UnreadFixtures.TryGetValue(name, out FixtureExemption? exemption))
            {
                problems.Add($"{name} is not read and has no exemption: {outcome}");
            }
            else if (exemption.Outcome != outcome)
            {
                problems.Add($"{name} is exempted as \"{exemption.Outcome}\" but its outcome is now \"{outcome}\"");
            }
        }

        foreach (string name in UnreadFixtures.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (!fixtures.Contains(name))
            {
                problems.Add($"{name} is exempted but is not one of Stripe's fixtures: remove the exemption");
            }
            else if (!unread.ContainsKey(name))
            {
                problems.Add($"{name} reads into its model now: remove the exemption");
            }
        }

        return problems;
    }

    /// <summary>The model step's output: the parsed spec, exactly as the emitters saw it.</summary>
    private static SpecModel ModelOf(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[TrackingNames.Model]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<SpecModel>()
            .Single();

    /// <summary>The README states the count this test measures, so the claim cannot drift from the oracle.</summary>
    private static void AssertReadmeStates(int read, int total)
    {
        string readme = File.ReadAllText(Repo.ReadmePath);
        Match claim = Regex.Match(readme, @"through the generated models: (\d+) of (\d+) read");
        Assert.True(claim.Success, "README.md no longer states how many of Stripe's fixtures read (\"through the generated models: N of M read\").");
        int claimedRead = int.Parse(claim.Groups[1].Value, CultureInfo.InvariantCulture);
        int claimedTotal = int.Parse(claim.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(
            claimedRead == read && claimedTotal == total,
            $"README.md says {claimedRead} of {claimedTotal} fixtures read; the test reads {read} of {total}: fix the README sentence.");
    }

    /// <summary>Spot checks that reading fills values, for the shapes the README describes.</summary>
    private static void AssertReadValues(JsonElement resources, Dictionary<string, object> read)
    {
        // A nullable nested object (a one-schema anyOf) is the object, not an ID string.
        object? profile = read["account"].GetType().GetProperty("BusinessProfile")!.GetValue(read["account"]);
        Assert.NotNull(profile);
        Assert.Equal(
            resources.GetProperty("account").GetProperty("business_profile").GetProperty("name").GetString(),
            profile!.GetType().GetProperty("Name")!.GetValue(profile));

        // An event's data.object is the model its object value names; a field the spec gives no shape (a map of
        // lists) is kept whole.
        object eventData = read["event"].GetType().GetProperty("Data")!.GetValue(read["event"])!;
        object eventObject = eventData.GetType().GetProperty("Object")!.GetValue(eventData)!;
        Assert.Equal("Plan", eventObject.GetType().Name);
        Assert.Equal(
            resources.GetProperty("event").GetProperty("data").GetProperty("object").GetProperty("id").GetString(),
            eventObject.GetType().GetProperty("Id")!.GetValue(eventObject));
        var currencies = (JsonElement)read["country_spec"].GetType().GetProperty("SupportedBankAccountCurrencies")!.GetValue(read["country_spec"])!;
        Assert.Equal("US", currencies.GetProperty("usd")[0].GetString());

        // An expandable field that the fixture holds as an ID: the ID, and no object beside it.
        object price = read["price"];
        Assert.Equal("prod_Oaxlh23kWPWslc", price.GetType().GetProperty("Product")!.GetValue(price));
        Assert.Null(price.GetType().GetProperty("ExpandedProduct")?.GetValue(price));
    }

    /// <param name="Outcome">What reading the fixture gives, exactly as the test words it.</param>
    /// <param name="Reason">Why that is the right outcome and not a defect to fix.</param>
    private sealed record FixtureExemption(string Outcome, string Reason);

    /// <param name="Wrapper">The generated union that a response holds the resource in.</param>
    /// <param name="Reason">Where the spec uses the resource, and so why it has no model of its own.</param>
    private sealed record HeldByUnion(string Wrapper, string Reason);
}
