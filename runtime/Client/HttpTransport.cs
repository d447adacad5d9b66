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
/// <para>
/// The synchronous path calls <c>HttpClient.Send</c> and reads the body with blocking reads. A blocking read of a
/// stalled body observes no token: the attempt's timeout ends it by disposing the response, which closes the
/// connection at once only where the handler drains nothing on dispose (<paramref name="disposeEndsBlockingReads"/>,
/// the client's own handler). Through any other handler (an injected <c>HttpClient</c>), whose dispose may go on
/// draining the connection for about 2 s under the blocked read, the synchronous path blocks on the cancelable
/// asynchronous read instead.
/// </para>
/// <para>netstandard2.0 has no synchronous <c>Send</c>: there the synchronous path blocks on the asynchronous send too.</para>
/// </remarks>
/// <param name="httpClient">The client attempts are sent through.</param>
/// <param name="timeout">The per-attempt timeout, covering the body's read.</param>
/// <param name="disposeEndsBlockingReads">Whether disposing a response ends a blocking read of its body at once.</param>
internal sealed class HttpTransport(HttpClient httpClient, TimeSpan timeout, bool disposeEndsBlockingReads)
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
                ? await ReadBodyAsync(response, async, attemptCts.Token).ConfigureAwait(false)
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

    // Up to this many bytes, an announced Content-Length is allocated at once; a larger one grows as bytes arrive.
    private const int MaxPresizedBody = 1024 * 1024;

    // Into an array of the announced length where there is one, else through a growing buffer; either way to the
    // stream's end, so a body longer than announced is read whole, and one shorter is a failure another attempt may
    // mend. The attempt's timeout disposes the
    // response: that ends a pending read of a stream that does not observe the token, and under the client's own
    // handler (which drains nothing) it closes the connection, so a blocking read ends at once too. A read that the
    // dispose ended may look like the body's end, so a canceled token afterwards means the body is incomplete.
    // A synchronous read through any other handler blocks on the cancelable asynchronous read instead; the stream is
    // opened synchronously either way, so that a synchronous call never continues on another thread.
    private async ValueTask<byte[]> ReadBodyAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        bool blocking = !async && disposeEndsBlockingReads;
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            try
            {
#if NET
                using Stream stream = async
                    ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                    : content.ReadAsStream(cancellationToken);
#else
                using Stream stream = async
                    ? await content.ReadAsStreamAsync().ConfigureAwait(false)
                    : content.ReadAsStreamAsync().GetAwaiter().GetResult();
#endif
                int presized = content.Headers.ContentLength is long length and <= MaxPresizedBody ? (int)length : 0;
                ValueTask<byte[]> read = ReadToEndAsync(stream, presized, blocking, cancellationToken);
                byte[] body = async || read.IsCompleted ? await read.ConfigureAwait(false) : read.AsTask().GetAwaiter().GetResult();
                cancellationToken.ThrowIfCancellationRequested();
                return body;
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException("Reading the response body was canceled.", ex, cancellationToken);
            }
        }
    }

    // Fills an array of the announced length, then reads on: a body that ends there (every body under the client's
    // own handler, which enforces the length) costs one more read of 0 bytes; one that goes on is read to its end.
    private static async ValueTask<byte[]> ReadToEndAsync(Stream stream, int presized, bool blocking, CancellationToken cancellationToken)
    {
        byte[] body = presized == 0 ? Array.Empty<byte>() : new byte[presized];
        int filled = 0;
        while (filled < body.Length)
        {
            int n = blocking
                ? stream.Read(body, filled, body.Length - filled)
                : await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                // Shorter than announced: the connection ended early (or the timeout ended the read), and another
                // attempt may get the whole body.
                cancellationToken.ThrowIfCancellationRequested();
                throw new IOException($"The response body ended after {filled} of the {body.Length} bytes its Content-Length announced.");
            }

            filled += n;
        }

        using var rest = new MemoryStream();
        if (blocking)
        {
            stream.CopyTo(rest);
        }
        else
        {
            await stream.CopyToAsync(rest, 81920, cancellationToken).ConfigureAwait(false);
        }

        if (rest.Length == 0)
        {
            return body;
        }

        var whole = new MemoryStream(body.Length + (int)rest.Length);
        whole.Write(body, 0, body.Length);
        rest.Position = 0;
        rest.CopyTo(whole);
        return whole.ToArray();
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
