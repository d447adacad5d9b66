using System.Net;

namespace AccountLinkGen;

/// <summary>Thrown when Stripe answers with a non-success status code (after any retries).</summary>
public sealed class StripeApiException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the final attempt.</param>
    /// <param name="stripeError">The parsed <c>error</c> object, or null when the body was not one.</param>
    /// <param name="requestId">The <c>Request-Id</c> response header.</param>
    /// <param name="idempotencyKey">The idempotency key sent with every attempt, if any.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="bodyExcerpt">A short, already redacted excerpt of a body that was not a Stripe error.</param>
    public StripeApiException(
        HttpStatusCode statusCode,
        StripeError? stripeError,
        string? requestId,
        string? idempotencyKey,
        int attempts,
        string? bodyExcerpt = null)
        : base(BuildMessage(statusCode, stripeError, requestId, attempts, bodyExcerpt), requestId, idempotencyKey, null)
    {
        StatusCode = statusCode;
        HttpStatusCode = statusCode;
        StripeError = stripeError;
        Attempts = attempts;
    }

    /// <summary>The HTTP status of the final attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>How many attempts were made, including the first.</summary>
    public int Attempts { get; }

    private static string BuildMessage(HttpStatusCode status, StripeError? error, string? requestId, int attempts, string? excerpt)
    {
        string kind = error?.Type is { } type ? $" ({type}{(error.Code is { } code ? "/" + code : string.Empty)})" : string.Empty;
        string detail = error?.Message is { Length: > 0 } message ? message
            : excerpt is { Length: > 0 } ? "the body was not a Stripe error object: " + excerpt
            : "no error details were returned.";
        string param = error?.Param is { } name ? $" [param: {name}]" : string.Empty;
        string request = requestId is null ? string.Empty : $" [request: {requestId}]";
        return $"Stripe returned HTTP {(int)status}{kind}: {detail}{param}{request} [attempts: {attempts}]";
    }
}
