namespace AccountLinkGen;

/// <summary>The API request that caused a <see cref="StripeEvent"/>.</summary>
public sealed class StripeEventRequest
{
    /// <summary>The request's ID (<c>req_…</c>), or null when the event was automatic.</summary>
    public string? Id { get; init; }

    /// <summary>The idempotency key the request was sent with, if any.</summary>
    public string? IdempotencyKey { get; init; }
}
