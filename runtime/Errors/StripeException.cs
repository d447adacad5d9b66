using System;

namespace AccountLinkGen;

/// <summary>
/// The base of every exception the client and the generated services throw for a failed Stripe call, so one
/// <c>catch (StripeException)</c> handles them all: <see cref="StripeValidationException"/> (nothing was sent),
/// <see cref="StripeConnectionException"/> (no answer arrived), <see cref="StripeApiException"/> (Stripe answered
/// with an error) and <see cref="StripeResponseException"/> (a success body could not be read). A webhook request whose
/// signature does not check out is a <see cref="StripeSignatureException"/>.
/// </summary>
/// <remarks>
/// Configuration mistakes (a missing or unsendable API key, an unsafe header value) are
/// <see cref="ArgumentException"/>s instead, and cancellation by the caller is an
/// <see cref="OperationCanceledException"/>: neither is a failure of the call itself.
/// </remarks>
public abstract class StripeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="requestId">The <c>Request-Id</c> of Stripe's response, or null when there was none.</param>
    /// <param name="idempotencyKey">The idempotency key sent with every attempt, or null when none was sent.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    protected StripeException(string message, string? requestId, string? idempotencyKey, Exception? innerException)
        : base(message, innerException)
    {
        RequestId = requestId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>
    /// The <c>Request-Id</c> header of Stripe's response, to quote to Stripe support; null when no response arrived
    /// or nothing was sent.
    /// </summary>
    public string? RequestId { get; }

    /// <summary>
    /// The idempotency key sent with every attempt, or null when none was sent. When Stripe may have applied the
    /// request (no answer, or an unreadable one), retry with this key to get the original result instead of a
    /// duplicate.
    /// </summary>
    public string? IdempotencyKey { get; }
}
