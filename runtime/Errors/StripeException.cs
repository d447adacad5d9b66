using System;
using System.Net;

namespace AccountLinkGen;

/// <summary>
/// The base of every exception the client and the generated services throw for a failed Stripe call, so one
/// <c>catch (StripeException)</c> handles them all: <see cref="StripeValidationException"/> (nothing was sent),
/// <see cref="StripeConnectionException"/> (no answer arrived), <see cref="StripeApiException"/> (Stripe answered
/// with an error) and <see cref="StripeResponseException"/> (a success body could not be read). A webhook request whose
/// signature does not check out is a <see cref="StripeSignatureException"/>, and an event of another API version, where
/// a match was asked for, a <see cref="StripeEventVersionException"/>.
/// </summary>
/// <remarks>
/// Configuration mistakes (a missing or unsendable API key, an unsafe header value) are
/// <see cref="ArgumentException"/>s instead, and cancellation by the caller is an
/// <see cref="OperationCanceledException"/>: neither is a failure of the call itself. <see cref="StripeError"/> and
/// <see cref="HttpStatusCode"/> are where Stripe.net code reads them, on every <c>StripeException</c>.
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

    /// <summary>
    /// The <c>error</c> object Stripe answered with (<c>e.StripeError.Code</c>, <c>DeclineCode</c>, …), as Stripe.net
    /// has it on every <c>StripeException</c>; null when Stripe did not answer with one (no answer, a validation
    /// failure before sending, a body that was not an error object).
    /// </summary>
    public StripeError? StripeError { get; protected init; }

    /// <summary>
    /// The HTTP status Stripe answered with, as Stripe.net's <c>HttpStatusCode</c>; 0 when there was no answer or
    /// nothing was sent.
    /// </summary>
    public HttpStatusCode HttpStatusCode { get; protected init; }
}
