using System;
using System.Text;

namespace AccountLinkGen;

/// <summary>
/// Receives what Stripe sends to a webhook endpoint: checks the <c>Stripe-Signature</c> header against the
/// endpoint's signing secret and reads the event it signs. Pass the request body exactly as it arrived (as text or
/// as its UTF-8 bytes): the signature covers those bytes, so a body that was parsed and written again fails.
/// </summary>
public static class StripeWebhook
{
    /// <summary>How far from now a signature's timestamp may be when no tolerance is given: five minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Checks the signature of a webhook request and reads its event.</summary>
    /// <param name="payload">The request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="StripeSignatureException">A check failed: the request must not be acted on.</exception>
    /// <exception cref="System.Text.Json.JsonException">The signature holds, but the payload is not an event.</exception>
    public static StripeEvent ConstructEvent(string payload, string? signatureHeader, string secret, TimeSpan? tolerance = null) =>
        ConstructEvent(payload, signatureHeader, secret, tolerance, TimeProvider.System);

    /// <inheritdoc cref="ConstructEvent(string, string, string, TimeSpan?)"/>
    /// <param name="payload">The request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    public static StripeEvent ConstructEvent(string payload, string? signatureHeader, string secret, TimeSpan? tolerance, TimeProvider timeProvider)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        byte[] utf8Payload = Encoding.UTF8.GetBytes(payload);
        WebhookSignature.Verify(utf8Payload, signatureHeader, secret, tolerance ?? DefaultTolerance, timeProvider);
        return StripeEventReader.Read(utf8Payload, payload);
    }

    /// <summary>Checks the signature of a webhook request given as the body's bytes, and reads its event.</summary>
    /// <param name="utf8Payload">The request body's bytes, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="StripeSignatureException">A check failed: the request must not be acted on.</exception>
    /// <exception cref="System.Text.Json.JsonException">The signature holds, but the payload is not an event.</exception>
    public static StripeEvent ConstructEvent(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret, TimeSpan? tolerance = null) =>
        ConstructEvent(utf8Payload, signatureHeader, secret, tolerance, TimeProvider.System);

    /// <inheritdoc cref="ConstructEvent(ReadOnlySpan{byte}, string, string, TimeSpan?)"/>
    /// <param name="utf8Payload">The request body's bytes, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    public static StripeEvent ConstructEvent(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret, TimeSpan? tolerance, TimeProvider timeProvider)
    {
        WebhookSignature.Verify(utf8Payload, signatureHeader, secret, tolerance ?? DefaultTolerance, timeProvider);
        return StripeEventReader.Read(utf8Payload, Encoding.UTF8.GetString(utf8Payload.ToArray()));
    }

    /// <summary>
    /// Checks the signature of a webhook request without reading its event, for code that reads the payload itself
    /// (Stripe.net's <c>EventUtility.ValidateSignature</c> stands on it).
    /// </summary>
    /// <param name="payload">The request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="StripeSignatureException">A check failed: the request must not be acted on.</exception>
    public static void VerifySignature(string payload, string? signatureHeader, string secret, TimeSpan? tolerance = null) =>
        VerifySignature(payload, signatureHeader, secret, tolerance, TimeProvider.System);

    /// <inheritdoc cref="VerifySignature(string, string, string, TimeSpan?)"/>
    /// <param name="payload">The request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from now the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    public static void VerifySignature(string payload, string? signatureHeader, string secret, TimeSpan? tolerance, TimeProvider timeProvider)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        WebhookSignature.Verify(Encoding.UTF8.GetBytes(payload), signatureHeader, secret, tolerance ?? DefaultTolerance, timeProvider);
    }

    /// <inheritdoc cref="VerifySignature(string, string, string, TimeSpan?)"/>
    /// <param name="payload">The request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>
    /// <param name="secret">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>
    /// <param name="tolerance">How far from <paramref name="now"/> the signed timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="now">The time to check the timestamp against, instead of the clock's.</param>
    public static void VerifySignature(string payload, string? signatureHeader, string secret, TimeSpan? tolerance, DateTimeOffset now) =>
        VerifySignature(payload, signatureHeader, secret, tolerance, new FixedClock(now));

    /// <summary>
    /// The <c>Stripe-Signature</c> header Stripe would send with <paramref name="payload"/> at
    /// <paramref name="timestamp"/>, for testing an endpoint with payloads of your own.
    /// </summary>
    /// <param name="payload">The body the header signs.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <param name="timestamp">The signing time; it must be within the tolerance of the endpoint's clock to pass.</param>
    public static string GenerateTestHeader(string payload, string secret, DateTimeOffset timestamp) =>
        GenerateTestHeader(payload, secret, timestamp.ToUnixTimeSeconds());

    /// <inheritdoc cref="GenerateTestHeader(string, string, DateTimeOffset)"/>
    /// <param name="payload">The body the header signs.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <param name="timestamp">The signing time in Unix seconds.</param>
    public static string GenerateTestHeader(string payload, string secret, long timestamp)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        return WebhookSignature.Header(Encoding.UTF8.GetBytes(payload), secret, timestamp);
    }

    // A clock stopped at one instant, for a check against a time the caller gives.
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
