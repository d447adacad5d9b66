using System;
using System.Net;

namespace AccountLinkGen;

/// <summary>Thrown when Stripe answered with success but the body could not be read as the expected response.</summary>
public sealed class StripeResponseException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The <c>Request-Id</c> response header.</param>
    /// <param name="idempotencyKey">The idempotency key that was sent, if any.</param>
    /// <param name="bodyExcerpt">A short, already redacted excerpt of the body.</param>
    /// <param name="innerException">The reader's failure.</param>
    public StripeResponseException(HttpStatusCode statusCode, string? requestId, string? idempotencyKey, string bodyExcerpt, Exception? innerException)
        : base(BuildMessage(statusCode, requestId, bodyExcerpt, innerException), requestId, idempotencyKey, innerException)
    {
        StatusCode = statusCode;
        HttpStatusCode = statusCode;
        BodyExcerpt = bodyExcerpt ?? string.Empty;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The start of the body (at most a few hundred characters), with the API key redacted.</summary>
    public string BodyExcerpt { get; }

    private static string BuildMessage(HttpStatusCode status, string? requestId, string? excerpt, Exception? inner)
    {
        string reason = inner is null ? string.Empty : $" ({inner.GetType().Name})";
        string request = requestId is null ? string.Empty : $" [request: {requestId}]";
        return $"Stripe returned HTTP {(int)status} but the body could not be read{reason}{request}. Body starts: {excerpt}";
    }
}
