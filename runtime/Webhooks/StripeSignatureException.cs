using System;

namespace AccountLinkGen;

/// <summary>
/// Thrown by <see cref="StripeWebhook.ConstructEvent(string, string, string, TimeSpan?)"/> when a webhook request's
/// signature does not prove that Stripe sent this payload recently; answer such a request with 400 and do not act on
/// it. The message says which check failed and never holds the payload or the secret.
/// </summary>
public sealed class StripeSignatureException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Which check failed.</param>
    /// <param name="message">What went wrong, without the payload or the secret.</param>
    public StripeSignatureException(StripeSignatureFailure failure, string message)
        : base(message, requestId: null, idempotencyKey: null, innerException: null)
    {
        Failure = failure;
    }

    /// <summary>Which check failed.</summary>
    public StripeSignatureFailure Failure { get; }
}
