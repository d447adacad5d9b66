using System.Net;
using System.Text;

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
        StripeError = stripeError;
        Attempts = attempts;
    }

    /// <summary>The HTTP status of the final attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The parsed <c>error</c> object, or null when the body was not a Stripe error (for example a proxy's HTML page).</summary>
    public StripeError? StripeError { get; }

    /// <summary>How many attempts were made, including the first.</summary>
    public int Attempts { get; }

    private static string BuildMessage(HttpStatusCode status, StripeError? error, string? requestId, int attempts, string? excerpt)
    {
        var text = new StringBuilder();
        text.Append("Stripe returned HTTP ").Append((int)status);
        if (error?.Type is { } type)
        {
            text.Append(" (").Append(type);
            if (error.Code is { } code)
            {
                text.Append('/').Append(code);
            }

            text.Append(')');
        }

        text.Append(": ");
        if (error?.Message is { Length: > 0 } message)
        {
            text.Append(message);
        }
        else if (excerpt is { Length: > 0 })
        {
            text.Append("the body was not a Stripe error object: ").Append(excerpt);
        }
        else
        {
            text.Append("no error details were returned.");
        }

        if (error?.Param is { } param)
        {
            text.Append(" [param: ").Append(param).Append(']');
        }

        if (requestId is not null)
        {
            text.Append(" [request: ").Append(requestId).Append(']');
        }

        text.Append(" [attempts: ").Append(attempts).Append(']');
        return text.ToString();
    }
}
