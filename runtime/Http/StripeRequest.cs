using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AccountLinkGen;

/// <summary>
/// One logical request, encoded once: every attempt builds a fresh <see cref="HttpRequestMessage"/> (a message
/// cannot be sent twice) from the same URI, body bytes and headers, so retries are byte-for-byte identical.
/// </summary>
internal sealed class StripeRequest
{
    private readonly HttpMethod _method;
    private readonly Uri _uri;
    private readonly byte[]? _body;
    private readonly string _authorization;
    private readonly string _userAgent;
    private readonly string? _apiVersion;
    private readonly string? _stripeAccount;

    public StripeRequest(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        string authorization,
        string userAgent,
        string? apiVersion,
        string? stripeAccount,
        string? idempotencyKey,
        bool canRetry)
    {
        _method = method;
        _uri = uri;
        _body = body;
        _authorization = authorization;
        _userAgent = userAgent;
        _apiVersion = apiVersion;
        _stripeAccount = stripeAccount;
        IdempotencyKey = idempotencyKey;
        CanRetry = canRetry;
    }

    /// <summary>The key sent on every attempt of this logical request, or null.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>
    /// Whether another attempt is safe after one that may have reached the server: the request carries an
    /// idempotency key, or its method is idempotent by HTTP's definition.
    /// </summary>
    public bool CanRetry { get; }

    /// <summary>Builds the message for one attempt.</summary>
    public HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(_method, _uri);
        HttpRequestHeaders headers = message.Headers;

        // Values were checked up front (printable ASCII only); skipping validation keeps them byte-exact.
        headers.TryAddWithoutValidation("Authorization", _authorization);
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (_apiVersion is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Version", _apiVersion);
        }

        if (_stripeAccount is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Account", _stripeAccount);
        }

        if (IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (_body is not null)
        {
            message.Content = new ByteArrayContent(_body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        }

        return message;
    }
}
