using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// Stripe.net's webhook helpers and response shape in <c>AccountLinkGenCompatibility=StripeNet</c>, run as Stripe.net
/// code runs them (only <c>using Stripe;</c>): <c>EventUtility.ConstructEvent</c> checks a signature the test computes
/// itself and reads the spec's own event model, whose <c>Data.Object</c> is the generated resource
/// (<c>as PaymentIntent</c>), with <c>CustomerId</c> beside the expanded <c>Customer</c> and UTC <c>DateTime</c>s.
/// </summary>
public sealed class StripeNetEventsTests
{
    private const string Secret = "whsec_test_secret";

    private const string Probe = """
        namespace Consumer.Probe
        {
            using Stripe;

            public static class EventsProbe
            {
                public static string Read(string json, string header, string secret)
                {
                    try
                    {
                        Event stripeEvent = EventUtility.ConstructEvent(json, header, secret);
                        return Describe(stripeEvent);
                    }
                    catch (StripeException e)
                    {
                        return e.GetType().Name + ": " + e.Message;
                    }
                }

                public static string ReadAt(string json, string header, string secret, long utcNow) =>
                    Describe(EventUtility.ConstructEvent(json, header, secret, 300, utcNow, throwOnApiVersionMismatch: false));

                public static string Parse(string json) => Describe(EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false));

                public static string[] Constants() => new[] { Events.PaymentIntentSucceeded, EventTypes.ChargeSucceeded };

                private static string Describe(Event stripeEvent)
                {
                    if (stripeEvent.Type != Events.PaymentIntentSucceeded || !(stripeEvent.Data.Object is PaymentIntent intent))
                    {
                        return "not a payment intent: " + stripeEvent.Type;
                    }

                    System.DateTime created = intent.Created;
                    Customer? customer = intent.Customer;
                    string state = customer is null ? "-" : customer.Deleted == true ? "deleted" : "live";
                    return string.Join("|", intent.Id, intent.CustomerId ?? "-", customer?.Email ?? "-", state, created.Kind, created.ToString("O"), intent.CanceledAt?.ToString("O") ?? "-");
                }
            }
        }
        """;

    [Fact]
    public void A_signed_event_reads_into_the_generated_models_in_Stripe_nets_shape()
    {
        using var loaded = Load();
        string json = Event("{\"id\":\"cus_1\",\"object\":\"customer\",\"email\":\"jo@example.com\"}");

        Assert.Equal(
            "pi_1|cus_1|jo@example.com|live|Utc|2023-11-14T22:13:20.0000000Z|-",
            loaded.Call<string>("Read", json, Header(json, DateTimeOffset.UtcNow.ToUnixTimeSeconds()), Secret));
        Assert.Equal(new[] { "payment_intent.succeeded", "charge.succeeded" }, loaded.Call<string[]>("Constants"));
    }

    [Fact]
    public void A_deleted_form_is_read_into_its_resource_with_Deleted_set_as_Stripe_net_reads_it()
    {
        using var loaded = Load();

        Assert.Equal(
            "pi_1|cus_2|-|deleted|Utc|2023-11-14T22:13:20.0000000Z|-",
            loaded.Call<string>("Parse", Event("{\"id\":\"cus_2\",\"object\":\"customer\",\"deleted\":true}")));
        Assert.Equal("pi_1|cus_3|-|-|Utc|2023-11-14T22:13:20.0000000Z|-", loaded.Call<string>("Parse", Event("\"cus_3\"")));
    }

    [Fact]
    public void Retrieving_and_deleting_a_resource_return_the_resource_and_its_deleted_form_is_no_type_of_its_own()
    {
        GeneratorRun run = Harness("StripeNet").Run();

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        INamedTypeSymbol service = run.Output.GetTypeByMetadataName("Stripe.CustomerService")!;
        Assert.All(
            new[] { "Get", "GetAsync", "Delete", "DeleteAsync" },
            name => Assert.Contains("Stripe.Customer", ((IMethodSymbol)service.GetMembers(name).First()).ReturnType.ToDisplayString(), StringComparison.Ordinal));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.DeletedCustomer"));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.CustomerOrDeletedCustomer"));
        Assert.Equal("bool?", ((IPropertySymbol)run.Output.GetTypeByMetadataName("Stripe.Customer")!.GetMembers("Deleted").Single()).Type.ToDisplayString());
    }

    [Fact]
    public void A_resource_of_its_own_service_retrieved_under_another_is_a_method_of_the_parents_service()
    {
        GeneratorRun compat = Harness("StripeNet").Run();
        GeneratorRun own = Harness(string.Empty).Run();

        Assert.DoesNotContain(compat.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var retrieve = (IMethodSymbol)compat.Output.GetTypeByMetadataName("Stripe.CustomerService")!.GetMembers("RetrievePaymentMethod").Single();
        Assert.Equal("Stripe.PaymentMethod", retrieve.ReturnType.ToDisplayString());
        Assert.Equal(new[] { "customer", "paymentMethod" }, retrieve.Parameters.Take(2).Select(p => p.Name));
        Assert.Null(compat.Output.GetTypeByMetadataName("Stripe.CustomerPaymentMethodService"));
        Assert.NotNull(own.Output.GetTypeByMetadataName("Stripe.CustomerPaymentMethodService"));
    }

    [Fact]
    public void A_wrong_signature_or_another_API_version_is_a_StripeException()
    {
        using var loaded = Load();
        string json = Event("\"cus_1\"");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        string forged = loaded.Call<string>("Read", json, Header(json, now).Replace("v1=", "v1=0", StringComparison.Ordinal), Secret);
        Assert.StartsWith("StripeSignatureException: ", forged, StringComparison.Ordinal);
        string stale = loaded.Call<string>("Read", json, Header(json, now - 3600), Secret);
        Assert.StartsWith("StripeSignatureException: ", stale, StringComparison.Ordinal);

        string other = Event("\"cus_1\"", apiVersion: "2020-08-27");
        string refused = loaded.Call<string>("Read", other, Header(other, now), Secret);
        Assert.Equal(
            "StripeEventVersionException: The event was rendered in API version 2020-08-27, but the models reading it are generated for 2023-08-16: "
            + "set the webhook endpoint's API version to match, or pass throwOnApiVersionMismatch: false to read what matches.",
            refused);
    }

    [Fact]
    public void A_signature_is_checked_against_the_time_given_as_utcNow()
    {
        using var loaded = Load();
        string json = Event("\"cus_1\"", apiVersion: "2020-08-27");
        const long Then = 1_600_000_000;

        Assert.StartsWith("pi_1|cus_1|", loaded.Call<string>("ReadAt", json, Header(json, Then), Secret, Then + 299), StringComparison.Ordinal);
        var late = Assert.Throws<System.Reflection.TargetInvocationException>(() => loaded.Call<string>("ReadAt", json, Header(json, Then), Secret, Then + 301));
        Assert.Equal("StripeSignatureException", late.InnerException!.GetType().Name);
    }

    [Fact]
    public void Without_the_switch_there_are_no_Stripe_net_helpers_and_the_shape_is_the_generators_own()
    {
        GeneratorRun run = Harness(string.Empty).Run();

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.EventUtility"));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.Events"));
        INamedTypeSymbol intent = run.Output.GetTypeByMetadataName("Stripe.PaymentIntent")!;
        Assert.Equal("string?", ((IPropertySymbol)intent.GetMembers("Customer").Single()).Type.ToDisplayString());
        Assert.Equal("Stripe.CustomerOrDeletedCustomer?", ((IPropertySymbol)intent.GetMembers("ExpandedCustomer").Single()).Type.ToDisplayString());
        Assert.Equal("System.DateTimeOffset", ((IPropertySymbol)intent.GetMembers("Created").Single()).Type.ToDisplayString());
    }

    private static LoadedProbe Load()
    {
        GeneratorHarness harness = Harness("StripeNet");
        harness.Sources.Add(Probe);
        GeneratorRun run = harness.Run();
        Assert.Null(run.GeneratorException);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return new LoadedProbe(run, "Consumer.Probe.EventsProbe", nameof(StripeNetEventsTests));
    }

    private static GeneratorHarness Harness(string compatibility)
    {
        string spec = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Emitting", "Specs", "stripe_net_events.yaml"));
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add(("/repo/spec/stripe_net_events.yaml", spec));
        return harness;
    }

    private static string Event(string customer, string apiVersion = "2023-08-16") =>
        "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"" + apiVersion + "\",\"created\":1700000000,\"livemode\":false,"
        + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":1000,"
        + "\"created\":1700000000,\"canceled_at\":null,\"customer\":" + customer + "}}}";

    // Stripe's scheme, computed here rather than by the code under test: v1 is the hex HMAC-SHA256 of "{t}.{payload}".
    private static string Header(string payload, long timestamp)
    {
        string t = timestamp.ToString(CultureInfo.InvariantCulture);
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + payload));
        return "t=" + t + ",v1=" + Convert.ToHexString(mac).ToLowerInvariant();
    }
}
