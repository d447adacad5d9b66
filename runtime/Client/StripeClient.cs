using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// Sends requests to the Stripe API for generated services: authentication and version headers, idempotency keys,
/// retries with backoff, per-attempt timeouts and typed errors. Thread-safe; share one instance.
/// </summary>
/// <remarks>
/// Every call goes through one attempt loop, whether it is asynchronous (<see cref="SendAsync{T}"/>) or synchronous
/// (<see cref="Send{T}"/>). The synchronous path sends with <c>HttpClient.Send</c> and waits between attempts by
/// blocking; on netstandard2.0, which has no <c>HttpClient.Send</c>, it blocks on the asynchronous send instead.
/// </remarks>
public sealed class StripeClient : IStripeClient, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly AttemptLoop _loop;
    private int _disposed;

    /// <summary>Creates a client for the live API with default settings.</summary>
    /// <param name="apiKey">The secret or restricted API key.</param>
    public StripeClient(string apiKey)
        : this(new StripeClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client that sends through an <see cref="HttpClient"/> of its own, disposed with it.</summary>
    /// <param name="options">The settings; they are copied, later changes have no effect.</param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or unsafe, such as an API key with a line break or a non-ASCII character (a key that could
    /// never be sent is a configuration error here, not a network failure on every request).
    /// </exception>
    public StripeClient(StripeClientOptions options)
        : this(Checked(options), null)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>.</summary>
    /// <param name="options">The settings; they are copied, later changes have no effect.</param>
    /// <param name="httpClient">
    /// The client to send through, for example one from <c>IHttpClientFactory</c>; it is not disposed with this
    /// instance. Its <see cref="HttpClient.BaseAddress"/> is ignored and its own
    /// <see cref="HttpClient.Timeout"/> should be infinite or longer than <see cref="StripeClientOptions.Timeout"/>.
    /// Synchronous calls need its handler to send synchronously (see <see cref="IStripeClient.Send{T}"/>). Null, as
    /// in earlier versions, means a client of its own, as <see cref="StripeClient(StripeClientOptions)"/> creates.
    /// </param>
    /// <inheritdoc cref="StripeClient(StripeClientOptions)" path="/exception"/>
    public StripeClient(StripeClientOptions options, HttpClient? httpClient)
        : this(Checked(options), httpClient)
    {
    }

    // The settings are checked before an HttpClient is created, so a bad setting leaves nothing to dispose.
    private StripeClient(ClientSettings settings, HttpClient? httpClient)
    {
        Settings = settings;
        _ownsHttpClient = httpClient is null;
        bool drainsNothing = false;
        _httpClient = httpClient ?? CreateHttpClient(out drainsNothing);
        _loop = new AttemptLoop(settings, new HttpTransport(_httpClient, settings.Timeout, disposeEndsBlockingReads: drainsNothing));
    }

    /// <summary>What the client was built with, checked.</summary>
    internal ClientSettings Settings { get; }

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Throw.IfNull(request, nameof(request));
        ThrowIfDisposed();

        // An asynchronous ValueTask-returning method that did not complete at once is backed by a Task: AsTask hands
        // that one over, without another allocation.
        return _loop.SendAsync(request, requestOptions, async: true, cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Throw.IfNull(request, nameof(request));
        ThrowIfDisposed();
        ValueTask<T> call = _loop.SendAsync(request, requestOptions, async: false, cancellationToken);
        Debug.Assert(call.IsCompleted, "Every step of the loop completes synchronously when async is false.");
        return call.GetAwaiter().GetResult();
    }

    /// <summary>Releases the HTTP client when this instance created it; an injected one is left alone.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static ClientSettings Checked(StripeClientOptions options)
    {
        Throw.IfNull(options, nameof(options));
        return new ClientSettings(options);
    }

    /// <param name="drainsNothing">
    /// Whether the handler closes a disposed response's connection at once instead of draining it, which is what lets
    /// the attempt's timeout end a blocking read of a stalled body.
    /// </param>
    private static HttpClient CreateHttpClient(out bool drainsNothing)
    {
#if NET
        // The pooled connection lifetime lets DNS changes take effect. Every body is read whole except a download's,
        // so nothing is drained: a response disposed early closes its connection, which is what ends a blocking read
        // of a stalled body at the attempt's timeout.
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseDrainSize = 0,
        };
        drainsNothing = true;
#else
        // netstandard2.0 has no pooled connection lifetime: callers that need DNS changes to take effect should
        // pass an HttpClient from IHttpClientFactory.
        var handler = new HttpClientHandler();
        drainsNothing = false;
#endif
        handler.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;

        // Per-attempt timeouts are ours.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(typeof(StripeClient).FullName);
        }
    }
}
