using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Generated;

/// <summary>
/// The <c>Clear…</c> switches generated from <c>Specs/clearable.yaml</c> for Stripe's emptyable non-string
/// parameters. A switch alone sends <c>key=</c>, which clears the data at Stripe, and nothing else. A switch with a
/// value for the same parameter is a contradiction: <c>Validate()</c> reports it at the parameter's path, so the
/// service sends nothing; the encoder alone (<c>ToFormUrlEncoded</c>, which does not validate) lets the clear win.
/// </summary>
public sealed class ClearSwitchTests : IClassFixture<StripeTestServer>
{
    private const string SubscriptionJson = """{"id":"sub_1","object":"subscription"}""";

    private static readonly Dictionary<string, (Action<SubscriptionUpdateOptions> Clear, Action<SubscriptionUpdateOptions> Set)> Parameters = new()
    {
        ["application_fee_percent"] = (o => o.ClearApplicationFeePercent = true, o => o.ApplicationFeePercent = 1.5m),
        ["billing_thresholds"] = (o => o.ClearBillingThresholds = true, o => o.BillingThresholds = new() { AmountGte = 1000 }),
        ["cancel_at"] = (o => o.ClearCancelAt = true, o => o.CancelAt = DateTimeOffset.FromUnixTimeSeconds(1700000000)),
        ["default_source"] = (o => o.ClearDefaultSource = true, o => o.DefaultSource = new() { Number = "4242424242424242" }),
        ["default_source (ID)"] = (o => o.ClearDefaultSource = true, o => o.DefaultSourceId = "src_1"),
        ["default_tax_rates"] = (o => o.ClearDefaultTaxRates = true, o => o.DefaultTaxRates = ["txr_1"]),
        ["default_tax_rates (empty)"] = (o => o.ClearDefaultTaxRates = true, o => o.DefaultTaxRates = []),
        ["discounts"] = (o => o.ClearDiscounts = true, o => o.Discounts = [new() { Coupon = "c_1" }]),
        ["metadata"] = (o => o.ClearMetadata = true, o => o.Metadata = new() { ["order"] = "7" }),
        ["off_session"] = (o => o.ClearOffSession = true, o => o.OffSession = false),
        ["payment_settings[payment_method_types]"] = (
            o => (o.PaymentSettings ??= new()).ClearPaymentMethodTypes = true,
            o => (o.PaymentSettings ??= new()).PaymentMethodTypes = [SubscriptionPaymentSettingsPaymentMethodTypes.Card]),
        ["pending_invoice_item_interval"] = (
            o => o.ClearPendingInvoiceItemInterval = true,
            o => o.PendingInvoiceItemInterval = new() { Interval = SubscriptionPendingInvoiceItemIntervalInterval.Month }),
    };

    private readonly StripeTestServer _server;

    public ClearSwitchTests(StripeTestServer server) => _server = server;

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (string name in Parameters.Keys)
        {
            cases.Add(name);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_clear_switch_alone_sends_the_key_with_an_empty_value_and_nothing_else(string parameter)
    {
        var options = new SubscriptionUpdateOptions();
        Parameters[parameter].Clear(options);
        var (client, prefix) = CreateClient();
        using (client)
        {
            Subscription subscription = await new SubscriptionService(client).UpdateAsync("sub_1", options);

            Assert.Equal("sub_1", subscription.Id);
            RecordedRequest request = Assert.Single(_server.RequestsFor(prefix + "/v1/subscriptions/sub_1"));
            Assert.Equal("POST", request.Method);
            Assert.Equal(WirePath(parameter) + "=", request.Body);
            Assert.True(options.Validate().IsValid, options.Validate().ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_clear_switch_with_a_value_is_reported_by_Validate_and_nothing_is_sent(string parameter)
    {
        var options = new SubscriptionUpdateOptions();
        Parameters[parameter].Set(options);
        Parameters[parameter].Clear(options);
        var (client, prefix) = CreateClient();
        using (client)
        {
            ValidationResult result = options.Validate();

            Assert.False(result.IsValid);
            ValidationProblem problem = Assert.Single(result.Problems);
            Assert.Equal(WirePath(parameter), problem.Param);
            Assert.Equal(ValidationCodes.MutuallyExclusive, problem.Code);
            var ex = Assert.Throws<StripeValidationException>(() => { _ = new SubscriptionService(client).UpdateAsync("sub_1", options); });
            Assert.Equal(problem.Param, Assert.Single(ex.Result.Problems).Param);
            Assert.Empty(_server.RequestsFor(prefix + "/v1/subscriptions/sub_1"));

            // The encoder on its own picks one rule: the clear wins and the value is not written.
            Assert.Equal(WirePath(parameter) + "=", options.ToFormUrlEncoded());
        }
    }

    [Fact]
    public async Task Each_value_alone_is_sent_as_itself()
    {
        // The counterpart of the tests above: without the switch the same values reach the wire.
        var options = new SubscriptionUpdateOptions();
        foreach (var (name, parameter) in Parameters)
        {
            // The object and the ID of default_source are one parameter, and an empty list has its own case.
            if (name is not ("default_source" or "default_tax_rates (empty)"))
            {
                parameter.Set(options);
            }
        }

        var (client, prefix) = CreateClient();
        using (client)
        {
            await new SubscriptionService(client).UpdateAsync("sub_1", options);

            Assert.Equal(
                "application_fee_percent=1.5&billing_thresholds[amount_gte]=1000&cancel_at=1700000000&default_source=src_1&default_tax_rates[0]=txr_1"
                + "&discounts[0][coupon]=c_1&metadata[order]=7&off_session=false&payment_settings[payment_method_types][0]=card"
                + "&pending_invoice_item_interval[interval]=month",
                Assert.Single(_server.RequestsFor(prefix + "/v1/subscriptions/sub_1")).Body);
        }
    }

    private static string WirePath(string parameter)
    {
        int space = parameter.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? parameter : parameter.Substring(0, space);
    }

    private (StripeClient Client, string Prefix) CreateClient()
    {
        string prefix = _server.NewPath("/clearable");
        _server.Script(prefix + "/v1/subscriptions/sub_1", ScriptedResponse.Ok() with { Body = SubscriptionJson });
        StripeClient client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/"));
        return (client, prefix);
    }
}
