using System;
using System.Linq;
using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// The <c>Stripe-Signature</c> checks, against headers signed in the test with HMACSHA256 itself: what passes, and
/// for each failure, which check the exception names, with neither the payload nor the secret in its message.
/// </summary>
public sealed class WebhookSignatureTests
{
    private static readonly string Payload = Signing.Event("customer.created", """{"id":"cus_9s6XKzkNRiz8i3","object":"customer","created":1686089970,"livemode":false,"email":"jenny.rosen@example.com"}""");

    private static readonly TimeProvider Clock = new FixedClock(Signing.Now);

    private static long T => Signing.Now.ToUnixTimeSeconds();

    [Fact]
    public void A_header_signed_with_the_secret_passes_and_the_event_reads()
    {
        StripeEvent evt = StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, null, Clock);

        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", evt.Id);
        Assert.Equal("customer.created", evt.Type);
        Assert.Equal(Payload, evt.RawJson);
    }

    [Fact]
    public void The_bytes_overload_checks_the_same_bytes_and_keeps_non_ascii_text()
    {
        string payload = Payload.Replace("Jenny", "J\u00e9nny \u4e2d\u6587 \U0001F600", StringComparison.Ordinal).Replace("jenny", "j\u00e9nny", StringComparison.Ordinal);
        byte[] utf8 = Encoding.UTF8.GetBytes(payload);

        StripeEvent evt = StripeWebhook.ConstructEvent(utf8, Signing.Header(payload), Signing.Secret, null, Clock);

        Assert.Equal(payload, evt.RawJson);
        var tampered = (byte[])utf8.Clone();
        tampered[^3] ^= 1;
        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(tampered, Signing.Header(payload), Signing.Secret, null, Clock));
    }

    [Fact]
    public void A_tampered_payload_matches_no_signature()
    {
        string tampered = Payload.Replace("jenny.rosen", "jenny.rosem", StringComparison.Ordinal);

        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(tampered, Signing.Header(Payload), Signing.Secret, null, Clock));
        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload + " ", Signing.Header(Payload), Signing.Secret, null, Clock));
    }

    [Fact]
    public void A_tampered_timestamp_matches_no_signature()
    {
        // The signature of T, sent with T + 1 (a replay that moves the time forward).
        string header = $"t={Signing.Unix(T + 1)},v1={Signing.Signature(Payload, Signing.Secret, T)}";

        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));
    }

    [Fact]
    public void The_timestamp_is_signed_as_sent_so_leading_zeros_count()
    {
        string header = $"t=0{Signing.Unix(T)},v1={Signing.Signature(Payload, Signing.Secret, T)}";

        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));
    }

    [Fact]
    public void Another_secret_matches_no_signature()
    {
        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret + "x", null, Clock));
        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload, "whsec_other"), Signing.Secret, null, Clock));
    }

    [Fact]
    public void While_a_secret_is_rolled_either_of_two_v1_signatures_may_match()
    {
        string current = Signing.Signature(Payload, Signing.Secret, T);
        string previous = Signing.Signature(Payload, "whsec_previous", T);

        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", StripeWebhook.ConstructEvent(Payload, $"t={T},v1={previous},v1={current}", Signing.Secret, null, Clock).Id);
        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", StripeWebhook.ConstructEvent(Payload, $"t={T},v1={current},v1={previous}", Signing.Secret, null, Clock).Id);
        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", StripeWebhook.ConstructEvent(Payload, $"t={T},v1={current},v1={previous}", "whsec_previous", null, Clock).Id);
        AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, $"t={T},v1={previous},v1={previous}", Signing.Secret, null, Clock));
    }

    [Fact]
    public void A_v0_signature_alone_is_no_v1_signature_even_when_it_would_match()
    {
        string header = $"t={T},v0={Signing.Signature(Payload, Signing.Secret, T)}";

        AssertFails(StripeSignatureFailure.MissingSignature, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));
    }

    [Theory]
    [InlineData("t={t},v1={v1}")]
    [InlineData(" t = {t} ,  v1 = {v1} ")]
    [InlineData("t={t},\tv1={v1}\t")]
    [InlineData("v0=abc,t={t},v2=def,scheme=x,v1={v1}")]
    [InlineData("t={t},junk,,v1={v1},=")]
    [InlineData("t={t},v1={v1},t=1")]
    public void Whitespace_unknown_schemes_and_elements_without_a_value_are_ignored(string shape)
    {
        string header = shape.Replace("{t}", Signing.Unix(T), StringComparison.Ordinal).Replace("{v1}", Signing.Signature(Payload, Signing.Secret, T), StringComparison.Ordinal);

        Assert.Equal("customer.created", StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock).Type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_header_is_MissingHeader(string? header) =>
        AssertFails(StripeSignatureFailure.MissingHeader, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));

    [Theory]
    [InlineData("v1={v1}")]
    [InlineData("t=,v1={v1}")]
    [InlineData("t=soon,v1={v1}")]
    [InlineData("t=-1700000000,v1={v1}")]
    [InlineData("t=1.7e9,v1={v1}")]
    [InlineData("t=99999999999999999999,v1={v1}")]
    [InlineData("t=253402300800,v1={v1}")]
    [InlineData("timestamp={t},v1={v1}")]
    public void No_timestamp_that_is_a_unix_time_is_MissingTimestamp(string shape)
    {
        string header = shape.Replace("{t}", Signing.Unix(T), StringComparison.Ordinal).Replace("{v1}", Signing.Signature(Payload, Signing.Secret, T), StringComparison.Ordinal);

        AssertFails(StripeSignatureFailure.MissingTimestamp, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));
    }

    [Theory]
    [InlineData("t={t}")]
    [InlineData("t={t},v1")]
    [InlineData("t={t},V1={v1}")]
    [InlineData("t={t},v2={v1}")]
    public void No_v1_element_is_MissingSignature(string shape)
    {
        string header = shape.Replace("{t}", Signing.Unix(T), StringComparison.Ordinal).Replace("{v1}", Signing.Signature(Payload, Signing.Secret, T), StringComparison.Ordinal);

        AssertFails(StripeSignatureFailure.MissingSignature, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, Clock));
    }

    [Fact]
    public void An_uppercase_or_truncated_or_empty_v1_matches_nothing()
    {
        string signature = Signing.Signature(Payload, Signing.Secret, T);

        foreach (string v1 in new[] { signature.ToUpperInvariant(), signature[..^1], signature + "0", string.Empty })
        {
            AssertFails(StripeSignatureFailure.NoMatchingSignature, () => StripeWebhook.ConstructEvent(Payload, $"t={T},v1={v1}", Signing.Secret, null, Clock));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(-300)]
    public void A_timestamp_within_the_default_five_minutes_of_now_passes(int secondsFromSigning)
    {
        var clock = new FixedClock(Signing.Now.AddSeconds(secondsFromSigning));

        Assert.Equal("customer.created", StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, null, clock).Type);
    }

    [Theory]
    [InlineData(301, "301 s old")]
    [InlineData(-301, "301 s ahead of now")]
    [InlineData(86_400, "86400 s old")]
    public void A_timestamp_just_outside_the_tolerance_is_refused_even_with_a_matching_signature(int secondsFromSigning, string said)
    {
        var clock = new FixedClock(Signing.Now.AddSeconds(secondsFromSigning));

        StripeSignatureException error = AssertFails(StripeSignatureFailure.TimestampOutsideTolerance, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, null, clock));
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Contains("tolerance of 300 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tolerance_given_is_the_one_applied_to_the_tick()
    {
        TimeSpan tolerance = TimeSpan.FromSeconds(10);

        Assert.Equal("customer.created", StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, tolerance, new FixedClock(Signing.Now + tolerance)).Type);
        AssertFails(StripeSignatureFailure.TimestampOutsideTolerance, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, tolerance, new FixedClock(Signing.Now + tolerance + TimeSpan.FromTicks(1))));
        AssertFails(StripeSignatureFailure.TimestampOutsideTolerance, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, TimeSpan.Zero, new FixedClock(Signing.Now.AddSeconds(1))));
    }

    [Fact]
    public void Without_a_clock_the_system_clock_is_used()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal("customer.created", StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload, timestamp: now), Signing.Secret).Type);
        Assert.Equal("customer.created", StripeWebhook.ConstructEvent(Encoding.UTF8.GetBytes(Payload), Signing.Header(Payload, timestamp: now), Signing.Secret).Type);
        AssertFails(StripeSignatureFailure.TimestampOutsideTolerance, () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload, timestamp: now - 3600), Signing.Secret));
    }

    [Fact]
    public void GenerateTestHeader_is_the_header_Stripe_would_send()
    {
        Assert.Equal(Signing.Header(Payload), StripeWebhook.GenerateTestHeader(Payload, Signing.Secret, Signing.Now));
        Assert.Equal(Signing.Header(Payload, "whsec_x", 42), StripeWebhook.GenerateTestHeader(Payload, "whsec_x", 42));
        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", StripeWebhook.ConstructEvent(Payload, StripeWebhook.GenerateTestHeader(Payload, Signing.Secret, Signing.Now), Signing.Secret, null, Clock).Id);
    }

    [Fact]
    public void A_missing_secret_or_a_negative_tolerance_is_a_programming_error_not_a_signature_failure()
    {
        Assert.Throws<ArgumentException>("secret", () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), "", null, Clock));
        Assert.Throws<ArgumentException>("secret", () => StripeWebhook.GenerateTestHeader(Payload, null!, Signing.Now));
        Assert.Throws<ArgumentOutOfRangeException>("tolerance", () => StripeWebhook.ConstructEvent(Payload, Signing.Header(Payload), Signing.Secret, TimeSpan.FromSeconds(-1), Clock));
        Assert.Throws<ArgumentNullException>("payload", () => StripeWebhook.ConstructEvent((string)null!, Signing.Header(Payload), Signing.Secret));
    }

    [Fact]
    public void A_verified_payload_that_is_not_an_event_is_a_JsonException()
    {
        foreach (string payload in new[] { "not json", "[]", """{"object":"event"}""" })
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => StripeWebhook.ConstructEvent(payload, Signing.Header(payload), Signing.Secret, null, Clock));
        }
    }

    [Fact]
    public void Every_failure_says_which_check_failed_and_holds_neither_payload_nor_secret()
    {
        var failures = new (StripeSignatureFailure Failure, string? Header, TimeProvider Clock)[]
        {
            (StripeSignatureFailure.MissingHeader, null, Clock),
            (StripeSignatureFailure.MissingTimestamp, "v1=" + Signing.Signature(Payload, Signing.Secret, T), Clock),
            (StripeSignatureFailure.MissingSignature, $"t={T}", Clock),
            (StripeSignatureFailure.NoMatchingSignature, Signing.Header(Payload, "whsec_other"), Clock),
            (StripeSignatureFailure.TimestampOutsideTolerance, Signing.Header(Payload), new FixedClock(Signing.Now.AddHours(1))),
        };

        Assert.Equal(Enum.GetValues<StripeSignatureFailure>().Order(), failures.Select(f => f.Failure).Order());
        foreach (var (failure, header, clock) in failures)
        {
            StripeSignatureException error = AssertFails(failure, () => StripeWebhook.ConstructEvent(Payload, header, Signing.Secret, null, clock));
            Assert.DoesNotContain(Signing.Secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("whsec_", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("jenny", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Signing.Signature(Payload, Signing.Secret, T), error.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<StripeException>(error);
        }
    }

    private static StripeSignatureException AssertFails(StripeSignatureFailure expected, Func<StripeEvent> construct)
    {
        StripeSignatureException error = Assert.Throws<StripeSignatureException>(() => construct());
        Assert.Equal(expected, error.Failure);
        return error;
    }
}
