using System;
using System.Net;
using System.Net.Http.Headers;

namespace AccountLinkGen;

/// <summary>
/// A successful response: the parsed value plus what Stripe said about the request (its <c>Request-Id</c> to quote
/// to support, the status and headers) and what the client sent (the idempotency key, the number of attempts).
/// Returned by the generated services' <c>…WithResponseAsync</c> methods, whose requests read their success with
/// <see cref="StripeReader.WithResponse{T}"/>.
/// </summary>
/// <typeparam name="T">The response model.</typeparam>
public sealed class StripeResponse<T>
{
    /// <summary>Creates the response, for example to stand in for a service in a test; each argument sets the property of its name.</summary>
    public StripeResponse(T value, HttpStatusCode statusCode, HttpResponseHeaders headers, string? requestId, string? idempotencyKey, int attempts)
    {
        Value = value;
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        RequestId = requestId;
        IdempotencyKey = idempotencyKey;
        Attempts = attempts;
    }

    /// <summary>The parsed body.</summary>
    public T Value { get; }

    /// <summary>The HTTP status, a 2xx.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers (readable after the response itself is gone).</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The <c>Request-Id</c> response header (<c>req_…</c>), to find the request in the Dashboard's log or quote to Stripe support.</summary>
    public string? RequestId { get; }

    /// <summary>The idempotency key sent with every attempt (a POST always has one), or null.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>How many attempts were made, including the first: more than one means earlier ones were retried.</summary>
    public int Attempts { get; }
}
