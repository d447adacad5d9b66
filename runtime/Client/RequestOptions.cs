namespace AccountLinkGen;

/// <summary>Per-call settings that override or add to the client's defaults.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The API key for this call instead of the client's, as Stripe.net's <c>RequestOptions.ApiKey</c> gives it (a
    /// platform acting with a connected account's own key, say); null to send the client's. It is kept out of every
    /// message and log the call produces, as the client's key is.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The <c>Idempotency-Key</c> to send. When null, a POST gets a fresh key per logical request; either way the
    /// same key is sent on every retry of that request.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The connected account to act as, sent as <c>Stripe-Account</c>.</summary>
    public string? StripeAccount { get; set; }

    /// <summary>The <c>Stripe-Version</c> for this call; it wins over the client's and the spec's version.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>The same setting as <see cref="ApiVersion"/>, under Stripe.net's name.</summary>
    public string? StripeVersion
    {
        get => ApiVersion;
        set => ApiVersion = value;
    }
}
