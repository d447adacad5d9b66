using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;

namespace AccountLinkGen;

/// <summary>
/// One logical request, encoded once: every attempt builds a fresh <see cref="HttpRequestMessage"/> (a message
/// cannot be sent twice) from the same URI, body bytes and headers, so retries are byte-for-byte identical.
/// </summary>
internal sealed class StripeRequest(
    HttpMethod method,
    Uri uri,
    byte[]? body,
    string authorization,
    string? apiVersion,
    string? stripeAccount,
    string? idempotencyKey,
    bool canRetry,
    StripeFilePart? upload)
{
    // The SDK stamps every build with its informational version.
    private static readonly string UserAgent = "AccountLinkGen/"
        + (typeof(StripeRequest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>The key sent on every attempt of this logical request, or null.</summary>
    public string? IdempotencyKey { get; } = idempotencyKey;

    /// <summary>
    /// Whether another attempt is safe after one that may have reached the server: the request carries an
    /// idempotency key, or its method is idempotent by HTTP's definition.
    /// </summary>
    public bool CanRetry { get; } = canRetry;

    /// <summary>Builds the message for one attempt.</summary>
    public HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(method, uri);
        HttpRequestHeaders headers = message.Headers;

        // Values were checked up front (printable ASCII only); skipping validation keeps them byte-exact.
        headers.TryAddWithoutValidation("Authorization", authorization);
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (apiVersion is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Version", apiVersion);
        }

        if (stripeAccount is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Account", stripeAccount);
        }

        if (IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        message.Content = upload?.CreateContent(); // Multipart, rebuilt from the file put back at its start.
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        }

        return message;
    }
}
