namespace AccountLinkGen;

/// <summary>Per-call settings that override or add to the client's defaults.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> to send. When null, a POST gets a fresh key per logical request; either way the
    /// same key is sent on every retry of that request.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The connected account to act as, sent as <c>Stripe-Account</c>.</summary>
    public string? StripeAccount { get; set; }

    /// <summary>The <c>Stripe-Version</c> for this call; it wins over the client's and the spec's version.</summary>
    public string? ApiVersion { get; set; }
}
