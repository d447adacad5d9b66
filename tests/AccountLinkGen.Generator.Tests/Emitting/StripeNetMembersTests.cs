using System;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// <c>AccountLinkGenCompatibility=StripeNet</c> types enum parameters as strings, as Stripe.net does: what is set is
/// sent as it is, and <c>Validate()</c> still refuses a value the spec does not list before anything is sent. Run on
/// the account-link fragment's compiled output, whose <c>collection_options</c> class is Stripe.net's
/// <c>AccountLinkCollectionOptionsOptions</c> in this mode. Responses read leniently, as Stripe.net's do.
/// </summary>
public sealed class StripeNetMembersTests
{
    private const string Probe = """
        namespace Consumer.Probe
        {
            using System.Linq;
            using Consumer.Stripe;

            public static class CompatProbe
            {
                public static string Encode() => Options("account_onboarding", "eventually_due").ToFormUrlEncoded();

                // Stripe.net's options add a field to expand with AddExpand.
                public static string Expanded()
                {
                    var options = Options("account_onboarding", "currently_due");
                    options.AddExpand("account");
                    options.AddExpand("requirements");
                    return string.Join(",", options.Expand!);
                }

                public static string[] Problems(string type, string fields) =>
                    Options(type, fields).Validate().Problems.Select(p => p.Param + " " + p.Code + ": " + p.Message).ToArray();

                public static bool ReadsWithoutItsRequiredFields()
                {
                    AccountLink link = AccountLink.FromJson(System.Text.Encoding.UTF8.GetBytes("{\"object\":\"account_link\"}"));

                    // A required time keeps its non-nullable type, as in Stripe.net (a UTC DateTime), and reads as its default.
                    System.DateTime created = link.Created;
                    return link.Url is null && created == default;
                }

                // A service made without a client reads the process-wide one at each call, as Stripe.net's do.
                public static string[] SendWithoutAClient()
                {
                    var service = new AccountLinkService();
                    string unconfigured = Outcome(service);
                    AccountLinkGen.StripeConfiguration.StripeClient = new AccountLinkGen.StripeClient(new AccountLinkGen.StripeClientOptions
                    {
                        ApiKey = "sk_test_123",
                        BaseAddress = new System.Uri("http://127.0.0.1:1/"),
                        MaxRetries = 0,
                    });
                    return new[] { unconfigured, Outcome(service) };
                }

                private static string Outcome(AccountLinkService service)
                {
                    try
                    {
                        service.Create(Options("account_onboarding", "currently_due"));
                        return "sent";
                    }
                    catch (System.Exception e)
                    {
                        return e.GetType().Name;
                    }
                }

                private static AccountLinkCreateOptions Options(string type, string fields) => new()
                {
                    Account = "acct_1",
                    Type = type,
                    RefreshUrl = "https://example.com/reauth",
                    ReturnUrl = "https://example.com/return",
                    CollectionOptions = new AccountLinkCollectionOptionsOptions { Fields = fields },
                };
            }
        }
        """;

    [Fact]
    public void Enum_parameters_are_strings_sent_as_they_are()
    {
        using var loaded = new LoadedProbe(Generate(), "Consumer.Probe.CompatProbe", nameof(StripeNetMembersTests));

        Assert.Equal(
            "account=acct_1&collection_options[fields]=eventually_due&refresh_url=https%3A%2F%2Fexample.com%2Freauth&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
            string.Join("&", loaded.Call<string>("Encode").Split('&').OrderBy(p => p, StringComparer.Ordinal)));
        Assert.Empty(loaded.Call<string[]>("Problems", "account_update", "currently_due"));
    }

    [Fact]
    public void A_value_a_closed_set_does_not_list_fails_Validate_naming_the_allowed_ones()
    {
        using var loaded = new LoadedProbe(Generate(), "Consumer.Probe.CompatProbe", nameof(StripeNetMembersTests));

        // collection_options[fields] is a closed set; type is open (x-stripeBypassValidation): any non-empty value.
        string problem = Assert.Single(loaded.Call<string[]>("Problems", "account_onboarding_v2", "Eventually_due"));

        Assert.StartsWith("collection_options[fields] invalid_enum: ", problem, StringComparison.Ordinal);
        Assert.Contains("is 'Eventually_due', which is not a value the spec defines; allowed values: currently_due, eventually_due.", problem, StringComparison.Ordinal);
        Assert.Contains(loaded.Call<string[]>("Problems", "", "currently_due"), p => p.StartsWith("type ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_response_that_lacks_a_field_the_spec_requires_is_read_as_Stripe_net_reads_it()
    {
        using var loaded = new LoadedProbe(Generate(), "Consumer.Probe.CompatProbe", nameof(StripeNetMembersTests));

        Assert.True(loaded.Call<bool>("ReadsWithoutItsRequiredFields"));
    }

    [Fact]
    public void AddExpand_adds_to_the_options_Expand_list()
    {
        using var loaded = new LoadedProbe(Generate(), "Consumer.Probe.CompatProbe", nameof(StripeNetMembersTests));

        Assert.Equal("account,requirements", loaded.Call<string>("Expanded"));
    }

    [Fact]
    public void A_service_made_without_a_client_sends_through_the_process_wide_one_read_at_each_call()
    {
        using var loaded = new LoadedProbe(Generate(), "Consumer.Probe.CompatProbe", nameof(StripeNetMembersTests));

        // Unconfigured, the call says so; once a client is set, the same service sends through it (and finds no
        // server at that address).
        Assert.Equal(new[] { "InvalidOperationException", "StripeConnectionException" }, loaded.Call<string[]>("SendWithoutAClient"));
    }

    [Fact]
    public void Without_the_switch_enum_parameters_keep_their_enum_types_and_services_need_a_client()
    {
        var harness = GeneratorHarness.ForFragment();
        GeneratorRun run = harness.Run();

        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions")!;
        Assert.Equal("Consumer.Stripe.AccountLinkType", ((IPropertySymbol)options.GetMembers("Type").Single()).Type.ToDisplayString());
        Assert.DoesNotContain(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkService")!.InstanceConstructors, c => c.Parameters.Length == 0);
    }

    private static GeneratorRun Generate()
    {
        var harness = GeneratorHarness.ForFragment().WithProperty("AccountLinkGenCompatibility", "StripeNet");
        harness.Sources.Add(Probe);
        GeneratorRun run = harness.Run();
        Assert.Null(run.GeneratorException);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return run;
    }
}
