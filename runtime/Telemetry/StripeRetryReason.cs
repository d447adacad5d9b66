namespace AccountLinkGen;

/// <summary>Why an attempt was retried, as <see cref="StripeClientObserver.OnRetry"/> and the retry counter say.</summary>
public enum StripeRetryReason
{
    /// <summary>The status is one that is retried (409, 429 or 5xx) and Stripe sent no <c>Stripe-Should-Retry</c>.</summary>
    Status,

    /// <summary>Stripe asked for a retry with <c>Stripe-Should-Retry: true</c>.</summary>
    StripeShouldRetry,

    /// <summary>No answer arrived: a network failure or the attempt's timeout.</summary>
    Network,
}
