using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// Sends requests to the Stripe API for generated services: authentication and version headers, idempotency keys,
/// retries with backoff, per-attempt timeouts and typed errors. Thread-safe; share one instance.
/// </summary>
public sealed partial class StripeClient : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _authorization;
    private readonly string? _apiVersion;
    private readonly Uri _baseAddress, _filesBaseAddress;
    private readonly TimeSpan _timeout;
    private readonly RetryPolicy _retryPolicy;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Redactor _redactor;
    private readonly StripeClientObserver? _observer;
    private int _disposed;

    /// <summary>Creates a client for the live API with default settings.</summary>
    /// <param name="apiKey">The secret or restricted API key.</param>
    public StripeClient(string apiKey)
        : this(new StripeClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; they are copied, later changes have no effect.</param>
    /// <param name="httpClient">
    /// The client to send through, for example one from <c>IHttpClientFactory</c>; it is not disposed with this
    /// instance. Its <see cref="HttpClient.BaseAddress"/> is ignored and its own
    /// <see cref="HttpClient.Timeout"/> should be infinite or longer than <see cref="StripeClientOptions.Timeout"/>.
    /// When null, the client creates and owns one.
    /// </param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or unsafe, such as an API key with a line break or a non-ASCII character (a key that could
    /// never be sent is a configuration error here, not a network failure on every request).
    /// </exception>
    public StripeClient(StripeClientOptions options, HttpClient? httpClient = null)
    {
        Throw.IfNull(options, nameof(options));
        string apiKey = options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("An API key is required.", nameof(options.ApiKey));
        }

        EnsureSafeHeader(apiKey, "Authorization", nameof(options.ApiKey));
        EnsureSafeHeader(options.ApiVersion, "Stripe-Version", nameof(options.ApiVersion));
        (_baseAddress, _filesBaseAddress) = (ValidateBaseAddress(options.BaseAddress, nameof(options.BaseAddress)), ValidateBaseAddress(options.FilesBaseAddress, nameof(options.FilesBaseAddress)));
        _retryPolicy = new RetryPolicy(options);
        _authorization = "Bearer " + apiKey;
        _apiVersion = options.ApiVersion;
        _timeout = options.Timeout > TimeSpan.Zero || options.Timeout == Timeout.InfiniteTimeSpan
            ? options.Timeout
            : throw new ArgumentOutOfRangeException(nameof(options.Timeout), options.Timeout, "Timeout must be positive or infinite.");
        _delay = options.DelayAsync ?? Task.Delay;
        _redactor = new Redactor(apiKey);
        _observer = options.Observer;

        if (httpClient is null)
        {
#if NET
            // The pooled connection lifetime lets DNS changes take effect.
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
            // netstandard2.0 has no pooled connection lifetime: callers that need DNS changes to take effect should
            // pass an HttpClient from IHttpClientFactory.
            var handler = new HttpClientHandler();
#endif
            handler.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
            handler.AllowAutoRedirect = false;
            handler.UseCookies = false;

            // Per-attempt timeouts are ours.
            _httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttpClient = true;
        }
        else
        {
            _httpClient = httpClient;
        }
    }

    /// <summary>
    /// Sends one logical request, retrying transient failures, and returns the parsed response.
    /// Generated services call this; application code normally uses those services instead.
    /// </summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="method">
    /// The HTTP method. POST sends the form as the body; other methods send it as the query string. A failed attempt
    /// is retried only where a repeat cannot act twice: a POST (it always carries an idempotency key), any request
    /// with the caller's key, or an idempotent method (GET, HEAD, PUT, DELETE, OPTIONS, TRACE). Any other method
    /// without a key is sent once.
    /// </param>
    /// <param name="path">The path relative to the base address, such as <c>/v1/account_links</c>.</param>
    /// <param name="form">The request parameters, or null for none. Encoded once and reused on every attempt.</param>
    /// <param name="readResponse">Parses a successful body.</param>
    /// <param name="defaultApiVersion">The API version the service was generated from, used when no other is set.</param>
    /// <param name="requestOptions">Per-call headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between attempts; it is never retried.</param>
    /// <returns>The parsed response.</returns>
    /// <exception cref="StripeApiException">Stripe answered with a non-success status.</exception>
    /// <exception cref="StripeConnectionException">No answer arrived: network errors or timeouts on every attempt.</exception>
    /// <exception cref="StripeResponseException">A success body could not be parsed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ArgumentException">
    /// A header value (<c>Stripe-Account</c>, <c>Idempotency-Key</c>, <c>Stripe-Version</c>) holds a character outside
    /// printable ASCII, or the path is not relative. Nothing is sent.
    /// </exception>
    public Task<TResponse> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        IFormEncodable? form,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        SendCoreAsync(method, null, path, form, null, readResponse ?? throw new ArgumentNullException(nameof(readResponse)), defaultApiVersion, requestOptions, static (value, _, _, _) => value, cancellationToken);

    /// <summary>
    /// Sends one logical request, retrying transient failures, and returns the parsed response together with its
    /// <c>Request-Id</c>, status, headers, idempotency key and number of attempts.
    /// Generated services call this; application code normally uses those services instead.
    /// </summary>
    /// <inheritdoc cref="SendAsync{TResponse}(HttpMethod, string, IFormEncodable?, StripeResponseReader{TResponse}, string?, RequestOptions?, CancellationToken)" path="/typeparam|/param|/exception"/>
    /// <returns>The parsed body and what Stripe said about the request.</returns>
    public Task<StripeResponse<TResponse>> SendWithResponseAsync<TResponse>(
        HttpMethod method,
        string path,
        IFormEncodable? form,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        SendCoreAsync(method, null, path, form, null, readResponse ?? throw new ArgumentNullException(nameof(readResponse)), defaultApiVersion, requestOptions, WithDetails<TResponse>, cancellationToken);

    /// <summary>Releases the HTTP client when this instance created it; an injected one is left alone.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static StripeResponse<T> WithDetails<T>(T value, HttpResponseMessage response, string? idempotencyKey, int attempts) =>
        new(value, response.StatusCode, response.Headers, GetRequestId(response), idempotencyKey, attempts);

    // One loop for every entry point: the plain ones project to the value alone (a cached static lambda, so the common
    // call allocates nothing more), the others keep the details. A null reader means a download (TResponse is Stream).
    private async Task<TResult> SendCoreAsync<TResponse, TResult>(
        HttpMethod method,
        StripeOperation? operation,
        string path,
        IFormEncodable? form,
        StripeFilePart? file,
        StripeResponseReader<TResponse>? readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        Func<TResponse, HttpResponseMessage, string?, int, TResult> project,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(method, nameof(method));
        Throw.IfNull(path, nameof(path));
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(typeof(StripeClient).FullName);
        }

        cancellationToken.ThrowIfCancellationRequested();

        StripeRequest request = Prepare(method, BaseAddressOf(operation), path, form, file, defaultApiVersion, requestOptions);
        var telemetry = OperationTelemetry.Start(operation, method, BaseAddressOf(operation), request.IdempotencyKey, requestOptions?.StripeAccount, _observer);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                bool lastAttempt = attempt > _retryPolicy.MaxRetries || !request.CanRetry;
                HttpResponseMessage? response = null;
                byte[] body;
                try
                {
                    using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    if (_timeout != Timeout.InfiniteTimeSpan)
                    {
                        attemptCts.CancelAfter(_timeout);
                    }

                    try
                    {
                        using HttpRequestMessage message = request.CreateMessage();
                        response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
                        body = readResponse is null && response.IsSuccessStatusCode ? Array.Empty<byte>() : await ReadBodyAsync(response.Content, attemptCts.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
                    {
                        response?.Dispose();
                        response = null;
                        bool timedOut = attemptCts.IsCancellationRequested || ex is OperationCanceledException;
                        if (lastAttempt)
                        {
                            string failure = timedOut
                                ? $"The request to Stripe timed out after {_timeout.TotalSeconds:0.###} s on each of {attempt} attempt(s)."
                                : $"The request to Stripe failed on the network on each of {attempt} attempt(s).";
                            throw new StripeConnectionException(failure, attempt, request.IdempotencyKey, timedOut, ex);
                        }

                        TimeSpan backoff = _retryPolicy.Backoff(attempt - 1);
                        telemetry.Retrying(attempt, backoff, null, ex);
                        await DelayAsync(backoff, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not StripeConnectionException)
                {
                    // Whatever the transport reported once the caller canceled, the caller sees their own cancellation.
                    response?.Dispose();
                    if (ex is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken)
                    {
                        throw;
                    }

                    throw new OperationCanceledException("The request was canceled by the caller.", ex, cancellationToken);
                }
                catch
                {
                    response?.Dispose();
                    throw;
                }

                using (readResponse is null && response.IsSuccessStatusCode ? null : response) // A download's stream owns its response.
                {
                    if (response.IsSuccessStatusCode)
                    {
                        TResponse value = readResponse is null ? await DownloadAsync<TResponse>(response, cancellationToken).ConfigureAwait(false) : Read(readResponse, response, body, request.IdempotencyKey);
                        telemetry.Succeeded(response);
                        return project(value, response, request.IdempotencyKey, attempt);
                    }

                    if (!lastAttempt && RetryPolicy.ShouldRetry(response))
                    {
                        TimeSpan delay = _retryPolicy.GetDelay(attempt - 1, response);
                        telemetry.Retrying(attempt, delay, response, null);
                        response.Dispose();
                        await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    StripeError? error = StripeErrorReader.TryRead(body, _redactor);
                    string? excerpt = error is null ? _redactor.Excerpt(body) : null;
                    throw new StripeApiException(response.StatusCode, error, GetRequestId(response), request.IdempotencyKey, attempt, excerpt);
                }
            }
        }
        catch (Exception ex) when (telemetry.Failed(ex))
        {
            // Never reached: the filter ends the telemetry and declines the exception.
            throw;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        // No cancelable ReadAsByteArrayAsync here: copy the stream with the token instead, and dispose the stream
        // on cancellation because not every stream observes the token during a pending read.
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        using (cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream))
        {
            try
            {
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException("Reading the response body was canceled.", ex, cancellationToken);
            }
        }

        return buffer.ToArray();
#endif
    }

    private TResponse Read<TResponse>(StripeResponseReader<TResponse> readResponse, HttpResponseMessage response, byte[] body, string? idempotencyKey)
    {
        try
        {
            return readResponse(body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new StripeResponseException(response.StatusCode, GetRequestId(response), idempotencyKey, _redactor.Excerpt(body), ex);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await _delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken != cancellationToken && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The request was canceled by the caller.", ex, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    // Unless the caller canceled: a certificate that fails validation will fail again; everything else on the wire
    // may be transient.
    private static bool IsTransportFailure(Exception ex, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested && ex switch
        {
            HttpRequestException { InnerException: AuthenticationException } => false,
            HttpRequestException or IOException or OperationCanceledException => true,
            _ => false,
        };

    private static string? GetRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values)
            ? string.Join(",", values)
            : null;
}
