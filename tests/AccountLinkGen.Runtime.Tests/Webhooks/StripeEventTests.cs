using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using MyApp.Stripe;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// Reading a verified event: the envelope, and <c>data.object</c> as the model generated from
/// <c>Specs/events.yaml</c> (registered by the generated object table when this assembly loaded), or the JSON kept
/// whole when no model has its <c>object</c> or the model refuses it. Nothing depends on the API version.
/// </summary>
public sealed class StripeEventTests
{
    private const string CustomerJson = """{"id":"cus_9s6XKzkNRiz8i3","object":"customer","created":1686089970,"livemode":false,"email":"jenny.rosen@example.com","metadata":{"order_id":"6735"}}""";

    [Fact]
    public void The_envelope_reads_every_field()
    {
        StripeEvent evt = Construct(Signing.Event("customer.created", CustomerJson));

        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", evt.Id);
        Assert.Equal(EventTypes.CustomerCreated, evt.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1686089970), evt.Created);
        Assert.Equal("2023-09-12", evt.ApiVersion);
        Assert.False(evt.Livemode);
        Assert.Null(evt.Account);
        Assert.Equal(2, evt.PendingWebhooks);
        Assert.Equal("req_a1B2c3D4", evt.Request!.Id);
        Assert.Equal("9b1f0c3e-5a7d-4e2b-8c6f-1d2e3f4a5b6c", evt.Request.IdempotencyKey);
        Assert.Null(evt.Data.PreviousAttributes);
        Assert.Null(evt.Data.ReadError);
    }

    [Fact]
    public void A_customer_created_event_holds_the_generated_Customer()
    {
        StripeEvent evt = Construct(Signing.Event("customer.created", CustomerJson));

        var customer = Assert.IsType<Customer>(evt.Data.Object);
        Assert.Equal("cus_9s6XKzkNRiz8i3", customer.Id);
        Assert.Equal("jenny.rosen@example.com", customer.Email);
        Assert.Equal("6735", customer.Metadata!["order_id"]);
    }

    [Fact]
    public void An_updated_event_keeps_the_previous_attributes_whole()
    {
        const string previous = """{"email":"old@example.com","metadata":{"order_id":null}}""";

        StripeEvent evt = Construct(Signing.Event("customer.updated", CustomerJson, previous));

        Assert.IsType<Customer>(evt.Data.Object);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(previous).RootElement, evt.Data.PreviousAttributes!.Value));
    }

    [Fact]
    public void A_deleted_object_reads_as_the_deleted_model()
    {
        StripeEvent evt = Construct(Signing.Event("customer.deleted", """{"id":"cus_9s6XKzkNRiz8i3","object":"customer","deleted":true}"""));

        Assert.Equal("cus_9s6XKzkNRiz8i3", Assert.IsType<DeletedCustomer>(evt.Data.Object).Id);
    }

    [Fact]
    public void An_object_no_model_has_stays_json_without_an_error()
    {
        const string invoice = """{"id":"in_1MtHbELkdIwHu7ixl4OzzPMv","object":"invoice","amount_due":999,"lines":{"object":"list","data":[]}}""";

        StripeEvent evt = Construct(Signing.Event("invoice.paid", invoice));

        var json = Assert.IsType<JsonElement>(evt.Data.Object);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(invoice).RootElement, json));
        Assert.Null(evt.Data.ReadError);
        Assert.Equal(EventTypes.InvoicePaid, evt.Type);
    }

    [Fact]
    public void An_object_its_model_refuses_stays_json_and_the_error_names_the_missing_field()
    {
        const string incomplete = """{"id":"cus_9s6XKzkNRiz8i3","object":"customer","livemode":false}""";

        StripeEvent evt = Construct(Signing.Event("customer.created", incomplete));

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(incomplete).RootElement, Assert.IsType<JsonElement>(evt.Data.Object)));
        Assert.Contains("'created'", evt.Data.ReadError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_of_another_api_version_reads_what_it_can_and_keeps_the_rest()
    {
        // 2015-era shape: request as a bare ID, fields this spec does not know, an object with a field it does not list.
        string payload = """
            {"id":"evt_15r2Fv2eZvKYlo2C","object":"event","api_version":"2015-02-18","created":1426280000,"type":"customer.created",
             "livemode":true,"pending_webhooks":0,"request":"req_5uNeVkXlWv2s7Q","user_id":"acct_old","previous_attributes_v0":[1,2],
             "data":{"object":{"id":"cus_5uNe","object":"customer","created":1426280000,"livemode":true,"email":null,"account_balance":0}}}
            """;

        StripeEvent evt = Construct(payload);

        Assert.Equal("2015-02-18", evt.ApiVersion);
        Assert.Equal("req_5uNeVkXlWv2s7Q", evt.Request!.Id);
        Assert.Null(evt.Request.IdempotencyKey);
        Assert.True(evt.Livemode);
        Assert.Null(Assert.IsType<Customer>(evt.Data.Object).Email);
        Assert.Equal(payload, evt.RawJson);
        Assert.Contains("account_balance", evt.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void An_automatic_event_has_no_request_and_a_connect_event_has_its_account()
    {
        string payload = Signing.Event("customer.created", CustomerJson).Replace("""{"id":"req_a1B2c3D4","idempotency_key":"9b1f0c3e-5a7d-4e2b-8c6f-1d2e3f4a5b6c"}""", """{"id":null,"idempotency_key":null},"account":"acct_1032D82eZvKYlo2C" """, StringComparison.Ordinal);

        StripeEvent evt = Construct(payload);

        Assert.Null(evt.Request!.Id);
        Assert.Equal("acct_1032D82eZvKYlo2C", evt.Account);
        Assert.Null(Construct(payload.Replace("""{"id":null,"idempotency_key":null}""", "null", StringComparison.Ordinal)).Request);
    }

    [Fact]
    public void An_event_without_an_id_or_a_type_is_refused_by_name()
    {
        string withoutType = Signing.Event("customer.created", CustomerJson).Replace(""","type":"customer.created" """.TrimEnd(), string.Empty, StringComparison.Ordinal);

        Assert.Contains("'type'", Assert.Throws<JsonException>(() => Construct(withoutType)).Message, StringComparison.Ordinal);
        Assert.Contains("'id'", Assert.Throws<JsonException>(() => Construct("""{"object":"event","type":"customer.created"}""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_Event_model_reads_data_object_through_the_same_table()
    {
        Event evt = Event.FromJson(System.Text.Encoding.UTF8.GetBytes(Signing.Event("customer.created", CustomerJson)));

        Assert.Equal("jenny.rosen@example.com", Assert.IsType<Customer>(evt.Data.Object).Email);
        Event other = Event.FromJson(System.Text.Encoding.UTF8.GetBytes(Signing.Event("invoice.paid", """{"id":"in_1","object":"invoice"}""")));
        Assert.Equal("in_1", Assert.IsType<JsonElement>(other.Data.Object).GetProperty("id").GetString());
    }

    [Fact]
    public void EventTypes_are_the_enabled_events_of_webhook_endpoints_without_the_wildcard()
    {
        var constants = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        Assert.Equal(
            new[] { ("CustomerCreated", "customer.created"), ("CustomerDeleted", "customer.deleted"), ("CustomerUpdated", "customer.updated"), ("InvoicePaid", "invoice.paid") },
            constants.Select(c => (c.Key, c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    private static StripeEvent Construct(string payload) =>
        StripeWebhook.ConstructEvent(payload, Signing.Header(payload), Signing.Secret, null, new FixedClock(Signing.Now));
}
