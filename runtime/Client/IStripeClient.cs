using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// What a generated service needs from a client: one way to send a described call, asynchronously or synchronously.
/// <see cref="StripeClient"/> implements it; a test can stand in for it. Application code calls the generated
/// services, not these members, which exist for generated code and are hidden from IntelliSense.
/// </summary>
public interface IStripeClient
{
    /// <summary>
    /// Sends one logical call, retrying transient failures, and returns what <paramref name="request"/>'s reader made
    /// of the success. It exists for generated code and is not a supported API.
    /// </summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="request">The call: operation, path, API version, body and how a success is read.</param>
    /// <param name="requestOptions">Per-call idempotency key, connected account and API version, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between attempts; it is never retried.</param>
    /// <returns>The value the request's reader made of the success.</returns>
    /// <exception cref="StripeApiException">Stripe answered with a non-success status.</exception>
    /// <exception cref="StripeConnectionException">No answer arrived: network errors or timeouts on every attempt.</exception>
    /// <exception cref="StripeResponseException">A success body could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ArgumentException">
    /// A header value (<c>Stripe-Account</c>, <c>Idempotency-Key</c>, <c>Stripe-Version</c>) holds a character outside
    /// printable ASCII, or the path is not relative. Nothing is sent.
    /// </exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one logical call as <see cref="SendAsync{T}"/> does, blocking the calling thread until it ends. It exists
    /// for generated code and is not a supported API.
    /// </summary>
    /// <inheritdoc cref="SendAsync{T}" path="/typeparam|/param|/returns|/exception"/>
    /// <exception cref="NotSupportedException">
    /// The client's <c>HttpClient</c> cannot send synchronously: its handler does not override <c>Send</c>, or the
    /// request asks for HTTP/2 or later. Nothing was sent.
    /// </exception>
    /// <remarks>
    /// A <c>DelegatingHandler</c> in the chain that overrides only <c>SendAsync</c> is passed over, not refused: its
    /// <c>Send</c> hands the request straight to its inner handler. Handlers that must see every request (auth,
    /// logging, fault injection) override <c>Send</c> too, as <c>IHttpClientFactory</c>'s own handlers do.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken);
}
