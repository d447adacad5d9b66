namespace AccountLinkGen;

/// <summary>
/// Thrown when a webhook event was rendered in another API version than the one the models reading it were
/// generated for, and the caller asked for a match (Stripe.net's <c>throwOnApiVersionMismatch</c>): fields the models
/// expect may be missing or mean something else. Set the webhook endpoint's API version to the spec's, or read the
/// event anyway and accept what matches.
/// </summary>
public sealed class StripeEventVersionException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventVersion">The API version the event was rendered in.</param>
    /// <param name="expectedVersion">The API version the models were generated for.</param>
    public StripeEventVersionException(string eventVersion, string expectedVersion)
        : base(
            $"The event was rendered in API version {eventVersion}, but the models reading it are generated for {expectedVersion}: "
            + "set the webhook endpoint's API version to match, or pass throwOnApiVersionMismatch: false to read what matches.",
            requestId: null,
            idempotencyKey: null,
            innerException: null)
    {
        EventVersion = eventVersion;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The API version the event was rendered in.</summary>
    public string EventVersion { get; }

    /// <summary>The API version the models were generated for.</summary>
    public string ExpectedVersion { get; }
}
