using System;
using System.IO;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// Sends one attempt through the <see cref="HttpClient"/> under the attempt's timeout, synchronously or not, and
/// sorts what happened: an answer, a transport failure worth another attempt, or the caller's own cancellation.
/// </summary>
/// <remarks>
/// The synchronous path calls <c>HttpClient.Send</c>, then blocks on the cancelable read of the body, so that the
/// attempt's timeout ends a stalled body as promptly as it does asynchronously. netstandard2.0 has no synchronous
/// <c>Send</c>: there the synchronous path blocks on the asynchronous send too.
/// </remarks>
internal sealed class HttpTransport(HttpClient httpClient, TimeSpan timeout)
{
    /// <summary>Sends one attempt; with <paramref name="async"/> false it completes synchronously.</summary>
    /// <param name="request">The logical request the attempt's message is built from.</param>
    /// <param name="readSuccessBody">Whether a success's body is read whole, rather than left on the connection.</param>
    /// <param name="async">Whether to send asynchronously.</param>
    /// <param name="cancellationToken">The caller's token; the attempt's timeout is linked to it.</param>
    /// <exception cref="OperationCanceledException">The caller canceled, carrying the caller's token.</exception>
    /// <exception cref="NotSupportedException">A synchronous call through a handler that cannot send synchronously.</exception>
    public async ValueTask<AttemptResult> SendAsync(PreparedRequest request, bool readSuccessBody, bool async, CancellationToken cancellationToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            attemptCts.CancelAfter(timeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            using HttpRequestMessage message = request.CreateMessage();
            response = async
                ? await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false)
                : Send(message, attemptCts.Token);
            byte[] body = readSuccessBody || !response.IsSuccessStatusCode
                ? await ReadBodyAsync(response.Content, async, attemptCts.Token).ConfigureAwait(false)
                : Array.Empty<byte>();
            return AttemptResult.Answered(response, body);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            response?.Dispose();
            return AttemptResult.NotAnswered(ex, timedOut: attemptCts.IsCancellationRequested || ex is OperationCanceledException);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
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
    }

    private HttpResponseMessage Send(HttpRequestMessage message, CancellationToken cancellationToken)
    {
#if NET
        try
        {
            return httpClient.Send(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (NotSupportedException ex)
        {
            // A handler that does not override Send, or an HTTP/2 or HTTP/3 request: nothing was sent, and another
            // attempt would fail the same way.
            throw new NotSupportedException(
                "This HttpClient cannot send synchronously (HttpClient.Send is not supported by its handler or for the request's HTTP version), "
                + "so the synchronous call was not sent. Use the asynchronous method, or give the client an HttpClient whose handler sends "
                + "synchronously over HTTP/1.1, such as SocketsHttpHandler.",
                ex);
        }
#else
        return httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).GetAwaiter().GetResult();
#endif
    }

    private static async ValueTask<byte[]> ReadBodyAsync(HttpContent content, bool async, CancellationToken cancellationToken)
    {
#if NET
        if (async)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        using Stream stream = content.ReadAsStream(cancellationToken);
#else
        // No cancelable ReadAsByteArrayAsync here, nor a synchronous ReadAsStream: copy the stream with the token
        // instead. The headers are in, so blocking only opens the stream.
        using Stream stream = async
            ? await content.ReadAsStreamAsync().ConfigureAwait(false)
            : content.ReadAsStreamAsync().GetAwaiter().GetResult();
#endif
        using var buffer = new MemoryStream();

        // Not every stream observes the token during a pending read: disposing the stream ends the read.
        using (cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream))
        {
            try
            {
                // Synchronously too: a blocking read of a stalled body observes no token, and disposing the stream
                // lets it run on while the connection drains (about 2 s), so it blocks on the cancelable read.
                Task copy = stream.CopyToAsync(buffer, 81920, cancellationToken);
                if (async)
                {
                    await copy.ConfigureAwait(false);
                }
                else
                {
                    copy.GetAwaiter().GetResult();
                }
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException("Reading the response body was canceled.", ex, cancellationToken);
            }
        }

        return buffer.ToArray();
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
}
