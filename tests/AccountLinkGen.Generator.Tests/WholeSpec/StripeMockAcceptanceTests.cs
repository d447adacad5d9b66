using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Acceptance over Stripe's whole spec: every operation is sent through its generated service to stripe-mock,
/// which validates the request against the spec and answers from Stripe's fixtures; the answer must then read into
/// the generated model value for value (<see cref="ResponseComparer"/>), and the request must have carried every
/// parameter the case sets, bar those the generator skips with ALG0004.
/// </summary>
public sealed class StripeMockAcceptanceTests : IClassFixture<StripeMockFixture>, IClassFixture<WholeSpecClientFixture>
{
    /// <summary>
    /// Ratchets: requests that stripe-mock accepted and whose response read exactly. The target is every
    /// operation; these numbers may only go up, so a regression anywhere in the spec fails here. What holds them
    /// below 468 is listed, operation by operation, in <see cref="KnownShortfalls"/>.
    /// </summary>
    private const int MinimalCompleteAtLeast = 461;

    /// <inheritdoc cref="MinimalCompleteAtLeast"/>
    private const int RichCompleteAtLeast = 461;

    /// <inheritdoc cref="MinimalCompleteAtLeast"/>
    private const int EdgeCompleteAtLeast = 461;

    private const string FixtureLacksRequiredField = "stripe-mock answers with Stripe's outbound-payment fixture, which lacks "
        + "'billing_details', a field the spec requires: the reader refuses it by name rather than return a non-nullable property holding null";

    private const string MissingBillingDetails = "The response has no 'billing_details', which OutboundPaymentsPaymentMethodDetails requires.";

    /// <summary>
    /// The operations that do not reach "accepted and complete": how each falls short in every case, and why. No
    /// other operation may fall short, and none of these in any other way (<see cref="Shortfall.Violations"/>).
    /// </summary>
    private static readonly Dictionary<string, Shortfall> KnownShortfalls = new(StringComparer.Ordinal)
    {
        ["GetTreasuryOutboundPayments"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["GetTreasuryOutboundPaymentsId"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["PostTreasuryOutboundPayments"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["PostTreasuryOutboundPaymentsIdCancel"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["PostTestHelpersTreasuryOutboundPaymentsIdFail"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["PostTestHelpersTreasuryOutboundPaymentsIdPost"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
        ["PostTestHelpersTreasuryOutboundPaymentsIdReturn"] = new(Outcome.Unreadable, MissingBillingDetails, FixtureLacksRequiredField),
    };

    private const int Concurrency = 4;

    private readonly StripeMockFixture _mock;
    private readonly WholeSpecClientFixture _client;
    private readonly ITestOutputHelper _output;

    public StripeMockAcceptanceTests(StripeMockFixture mock, WholeSpecClientFixture client, ITestOutputHelper output)
    {
        _mock = mock;
        _client = client;
        _output = output;
    }

    /// <summary>Where the full report goes; CI prints it.</summary>
    public static string ReportPath => Path.Combine(Repo.Root, "TestResults", "stripe-mock-acceptance.txt");

    [SkippableFact]
    public async Task EveryOperation_IsAcceptedByStripeMock_WithEveryParameter_AndReadsValueForValue()
    {
        SkipUnlessReady();
        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        using var runner = new AcceptanceRunner(_client, spec, _mock.BaseAddress);

        IReadOnlyList<CaseResult> results = await runner.RunAsync(spec.Operations, Concurrency);

        string report = AcceptanceReport.Full(results, runner.Compared);
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, report);
        _output.WriteLine(report);
        Console.WriteLine(AcceptanceReport.Summary(results));

        Assert.Equal(spec.Operations.Count * AcceptanceRunner.Cases.Length, results.Count);
        Assert.True(
            AcceptanceReport.Count(results, AcceptanceRunner.Minimal, Outcome.Complete) >= MinimalCompleteAtLeast,
            $"Fewer minimal requests accepted and read completely than the ratchet ({MinimalCompleteAtLeast}); see {ReportPath}.{Environment.NewLine}{AcceptanceReport.Summary(results)}");
        Assert.True(
            AcceptanceReport.Count(results, AcceptanceRunner.Rich, Outcome.Complete) >= RichCompleteAtLeast,
            $"Fewer rich requests accepted and read completely than the ratchet ({RichCompleteAtLeast}); see {ReportPath}.{Environment.NewLine}{AcceptanceReport.Summary(results)}");
        Assert.True(
            AcceptanceReport.Count(results, AcceptanceRunner.Edge, Outcome.Complete) >= EdgeCompleteAtLeast,
            $"Fewer edge-case requests accepted and read completely than the ratchet ({EdgeCompleteAtLeast}); see {ReportPath}.{Environment.NewLine}{AcceptanceReport.Summary(results)}");
        Assert.Empty(Shortfall.Violations(results, KnownShortfalls));

        // The comparer looked at every kind of value the response models hold.
        Assert.DoesNotContain(ResponseComparer.ResponseKinds, kind => runner.Compared[kind] == 0);

        // What the run leaves out is what the generator reports, one for one: each ALG0004 of the spec explains a
        // parameter left unsent or an operation not generated, and nothing else is left out (the violations above).
        Assert.Empty(_client.Skips.Unplaced);
        Assert.Equal(_client.Diagnostics.Count(d => d.Id == "ALG0004"), _client.Skips.All.Count);
        var used = results.SelectMany(r => r.Skips).ToHashSet();
        Assert.Empty(_client.Skips.All.Where(s => !used.Contains(s)).Select(s => $"{s.OperationId} {s.Parameter ?? "(the operation)"}: {s.Message}: explains nothing the run left out"));
    }

    [SkippableFact]
    public async Task CreateAccountLink_IsAcceptedAndReadsCompletely()
    {
        SkipUnlessReady();
        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        using var runner = new AcceptanceRunner(_client, spec, _mock.BaseAddress);
        SpecOperation operation = spec.Operations.Single(o => o.OperationId == "PostAccountLinks");

        foreach (string @case in new[] { AcceptanceRunner.Minimal, AcceptanceRunner.Rich })
        {
            CaseResult result = await runner.RunAsync(operation, @case);
            _output.WriteLine($"{@case}: {result.Outcome} {result.Detail}{Environment.NewLine}  sent: {result.Request}");
            Assert.True(result.Outcome == Outcome.Complete, $"{@case}: {result.Outcome}: {result.Detail} (sent: {result.Request})");
            if (@case == AcceptanceRunner.Rich)
            {
                // Every optional member, collection_options among them: the spec stripe-mock validates with has it.
                Assert.Contains("collection_options[fields]=", result.Request, StringComparison.Ordinal);
            }
        }
    }

    [SkippableTheory]
    [InlineData("PostPaymentMethods", "card[number]=", "card[token]=")]
    [InlineData("PostPaymentIntentsIntentConfirm", "mandate_data[customer_acceptance][type]=offline", "mandate_data[customer_acceptance][type]=online")]
    [InlineData("PostSetupIntentsIntentConfirm", "mandate_data[customer_acceptance][type]=offline", "mandate_data[customer_acceptance][type]=online")]
    public async Task EachObjectAParameterCanBe_IsSentAndAccepted(string operationId, string first, string last)
    {
        // The rich case sends a union's first object (card details, a secret-key mandate), the edge case its last
        // (a token, a client-key mandate): each through its own member, under the parameter's one wire name.
        SkipUnlessReady();
        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        using var runner = new AcceptanceRunner(_client, spec, _mock.BaseAddress);
        SpecOperation operation = spec.Operations.Single(o => o.OperationId == operationId);

        foreach (var (@case, expected, other) in new[] { (AcceptanceRunner.Rich, first, last), (AcceptanceRunner.Edge, last, first) })
        {
            CaseResult result = await runner.RunAsync(operation, @case);
            _output.WriteLine($"{@case}: {result.Outcome} {result.Detail}{Environment.NewLine}  sent: {result.Request}");
            Assert.True(result.Outcome == Outcome.Complete, $"{@case}: {result.Outcome}: {result.Detail} (sent: {result.Request})");
            Assert.Contains(expected, result.Request, StringComparison.Ordinal);
            Assert.DoesNotContain(other, result.Request, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData("PostCheckoutSessions")]
    [InlineData("PostCustomers")]
    [InlineData("GetCharges")]
    public void TheRequestOracle_SeesADroppedMember_AndAChangedValue(string operationId)
    {
        // The acceptance run's check of what was sent, on the rich options of real operations as the generated
        // encoder writes them: it agrees with the real encoder, and goes red when a member is planted out of the
        // request or one value is changed in it.
        SkipUnlessReady();
        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        SpecOperation operation = spec.Operations.Single(o => o.OperationId == operationId);
        string optionsClass = _client.Model.Operations.Single(o => o.OperationId == operationId).OptionsClass!;
        Type optionsType = _client.Assembly.GetType(WholeSpecClientFixture.Namespace + "." + optionsClass)!;
        var sent = new SentForm();
        object options = new RequestBuilder(spec, _client.Model).Build(optionsType, operation, RequestCase.Rich, new List<RequestGap>(), sent);
        string form = (string)optionsType.GetMethod("ToFormUrlEncoded")!.Invoke(options, null)!;
        string Request(string body) => operation.HttpMethod == "GET" ? $"GET {operation.Path}?{body}" : $"POST {operation.Path} {body}";
        string KeyOf(string pair) => Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' '));

        Assert.True(sent.Expected.Count >= 5, $"only {sent.Expected.Count} values set for {operationId}");
        Assert.Empty(sent.Differences(Request(form)));

        foreach ((string key, string value) in new[] { sent.Expected[0], sent.Expected[sent.Expected.Count / 2], sent.Expected[^1] })
        {
            string dropped = string.Join("&", form.Split('&').Where(pair => KeyOf(pair) != key));
            Assert.Contains($"the request lacks {key} (set to '{value}')", sent.Differences(Request(dropped)));

            string changed = string.Join("&", form.Split('&').Select(pair => KeyOf(pair) == key ? pair + "0" : pair));
            Assert.Contains(sent.Differences(Request(changed)), d => d.StartsWith(key + " was sent as ", StringComparison.Ordinal) && d.EndsWith($"not the '{value}' set", StringComparison.Ordinal));
        }
    }

    private void SkipUnlessReady()
    {
        Skip.If(_mock.SkipReason is not null, _mock.SkipReason);
        Skip.If(_client.SkipReason is not null, _client.SkipReason);
    }
}
