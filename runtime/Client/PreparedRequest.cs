using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AccountLinkGen;

/// <summary>
/// One logical request, checked and encoded once: every attempt builds a fresh <see cref="HttpRequestMessage"/> (a
/// message cannot be sent twice) from the same URI, body bytes and headers, so retries are byte-for-byte identical.
/// </summary>
internal sealed class PreparedRequest
{
    private readonly HttpMethod _method;
    private readonly Uri _uri;
    private readonly RequestContent _content;
    private readonly string _authorization;
    private readonly string? _apiVersion;
    private readonly string _userAgent;
    private readonly string? _clientUserAgent;

    private PreparedRequest(HttpMethod method, Uri uri, RequestContent content, string authorization, string? apiVersion, ClientSettings settings)
    {
        _method = method;
        _uri = uri;
        _content = content;
        _authorization = authorization;
        _apiVersion = apiVersion;
        _userAgent = settings.UserAgent;
        _clientUserAgent = settings.ClientUserAgent;
    }

    /// <summary>The host the request goes to.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Masks the key this request sends (the client's, or the call's own) in every text the call produces.</summary>
    public Redactor Redactor { get; private set; } = null!;

    /// <summary>The connected account, sent as <c>Stripe-Account</c>, or null.</summary>
    public string? StripeAccount { get; private set; }

    /// <summary>The key sent on every attempt of this logical request, or null.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>
    /// Whether another attempt is safe after one that may have reached the server: the request carries an
    /// idempotency key or its method is idempotent by HTTP's definition, and its body can be sent again.
    /// </summary>
    public bool CanRetry { get; private set; }

    /// <summary>Checks the call's headers and path, and encodes its body, before anything is sent.</summary>
    /// <exception cref="ArgumentException">A header value is not printable ASCII, or the path is not relative.</exception>
    public static PreparedRequest Create<T>(ClientSettings settings, StripeRequest<T> request, RequestOptions? requestOptions)
    {
        HttpMethod method = request.Operation.Method;
        string? apiVersion = requestOptions?.ApiVersion ?? settings.ApiVersion ?? request.ApiVersion;
        string? stripeAccount = requestOptions?.StripeAccount;
        string? idempotencyKey = requestOptions?.IdempotencyKey;
        ClientSettings.EnsureSafeHeader(apiVersion, "Stripe-Version", requestOptions?.ApiVersion is not null ? nameof(requestOptions) : nameof(request.ApiVersion));
        ClientSettings.EnsureSafeHeader(stripeAccount, "Stripe-Account", nameof(requestOptions));
        ClientSettings.EnsureSafeHeader(idempotencyKey, "Idempotency-Key", nameof(requestOptions));
        string? apiKey = requestOptions?.ApiKey;
        if (apiKey is not null)
        {
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                throw new ArgumentException("RequestOptions.ApiKey must not be empty: leave it null to send the client's key.", nameof(requestOptions));
            }

            ClientSettings.EnsureSafeHeader(apiKey, "Authorization", nameof(requestOptions));
        }

        if (method == HttpMethod.Post && idempotencyKey is null)
        {
            // One key per logical request: if an attempt reached Stripe but its answer was lost, the retry gets
            // the original result instead of creating a second object.
            idempotencyKey = Guid.NewGuid().ToString("D");
        }

        Uri baseAddress = settings.BaseAddressOf(request.Operation.Server);
        CheckPath(request.Path);
        RequestContent content = request.Body.Encode(method);
        string authorization = apiKey is null ? settings.Authorization : "Bearer " + apiKey;
        return new PreparedRequest(method, BuildUri(baseAddress, request.Path, content.Query), content, authorization, apiVersion, settings)
        {
            Redactor = apiKey is null ? settings.Redactor : new Redactor(apiKey),
            BaseAddress = baseAddress,
            StripeAccount = stripeAccount,
            IdempotencyKey = idempotencyKey,
            CanRetry = (idempotencyKey is not null || IsIdempotent(method)) && content.CanResend,
        };
    }

    /// <summary>Builds the message for one attempt.</summary>
    public HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(_method, _uri);
        HttpRequestHeaders headers = message.Headers;

        // Values were checked up front (printable ASCII only); skipping validation keeps them byte-exact.
        headers.TryAddWithoutValidation("Authorization", _authorization);
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (_clientUserAgent is not null)
        {
            headers.TryAddWithoutValidation("X-Stripe-Client-User-Agent", _clientUserAgent);
        }
        if (_apiVersion is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Version", _apiVersion);
        }

        if (StripeAccount is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Account", StripeAccount);
        }

        if (IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        message.Content = _content.CreateContent();
        return message;
    }

    // RFC 9110's idempotent methods: repeating one cannot act twice. Any other method without an idempotency key
    // (a PATCH, say) is sent once, because an attempt that timed out or failed may already have taken effect.
    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get
        || method == HttpMethod.Head
        || method == HttpMethod.Put
        || method == HttpMethod.Delete
        || method == HttpMethod.Options
        || method == HttpMethod.Trace;

    private static void CheckPath(string path)
    {
        // An absolute or scheme-relative path would send the API key to another host.
        if (path.Length == 0 || path.IndexOf("://", StringComparison.Ordinal) >= 0 || path.StartsWith("//", StringComparison.Ordinal) || path[0] == '\\')
        {
            throw new ArgumentException("The path must be relative to the base address, such as /v1/account_links.", nameof(path));
        }

        // Escaped on its way out, a path may hold any other character.
        if (path.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("The request line must not contain CR, LF or NUL characters.", nameof(path));
        }
    }

    private static Uri BuildUri(Uri baseAddress, string path, string query)
    {
        string root = baseAddress.AbsoluteUri;
        string text = root[root.Length - 1] == '/' ? root + path.TrimStart('/') : root + "/" + path.TrimStart('/');
        if (query.Length > 0)
        {
            text += (path.IndexOf('?') >= 0 ? "&" : "?") + query;
        }

        return new Uri(text, UriKind.Absolute);
    }
}
