using System;
using System.IO;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

// Responses: reading bodies, typed errors, and telling transient failures from final ones.
public sealed partial class StripeClient
{
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

    private StripeApiException CreateApiException(HttpResponseMessage response, byte[] body, string? idempotencyKey, int attempts)
    {
        StripeError? error = StripeErrorReader.TryRead(body);
        return new StripeApiException(
            response.StatusCode,
            error is null ? null : _redactor.Redact(error),
            GetRequestId(response),
            idempotencyKey,
            attempts,
            error is null ? _redactor.Excerpt(body) : null);
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

    private static bool IsTransportFailure(Exception ex, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        // A certificate that fails validation will fail again; everything else on the wire may be transient.
        return ex switch
        {
            HttpRequestException { InnerException: AuthenticationException } => false,
            HttpRequestException or IOException or OperationCanceledException => true,
            _ => false,
        };
    }

    private string DescribeTransportFailure(bool timedOut, int attempts) =>
        timedOut
            ? $"The request to Stripe timed out after {_timeout.TotalSeconds:0.###} s on each of {attempts} attempt(s)."
            : $"The request to Stripe failed on the network on each of {attempts} attempt(s).";

    private static string? GetRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values)
            ? string.Join(",", values)
            : null;
}
