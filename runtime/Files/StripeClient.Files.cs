using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

// Files: uploads sent as multipart/form-data and downloads returned as the response's stream, both on the files host
// when the operation says so (StripeOperation.Server).
public sealed partial class StripeClient
{
    /// <summary>
    /// Uploads a file with the parameters beside it as <c>multipart/form-data</c>, streamed from the file's stream,
    /// and returns the parsed response. Generated services call this; application code normally uses those services
    /// instead.
    /// </summary>
    /// <remarks>
    /// The request is retried as any POST (with the same idempotency key) only when the file's stream can seek: it is
    /// put back at its starting position before each retry. A stream that cannot seek is read once, so a failure
    /// that would otherwise be retried ends the call.
    /// </remarks>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="operation">The operation: its method, its host, and the names the telemetry uses.</param>
    /// <param name="path">The path with its parameters filled in, relative to the operation's host.</param>
    /// <param name="form">The other parameters, sent as text parts under their bracketed names, or null.</param>
    /// <param name="file">The file part.</param>
    /// <param name="readResponse">Parses a successful body.</param>
    /// <param name="defaultApiVersion">The API version the service was generated from, used when no other is set.</param>
    /// <param name="requestOptions">Per-call headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between attempts; it is never retried.</param>
    /// <inheritdoc cref="SendAsync{TResponse}(HttpMethod, string, IFormEncodable?, StripeResponseReader{TResponse}, string?, RequestOptions?, CancellationToken)" path="/returns|/exception"/>
    public Task<TResponse> SendMultipartAsync<TResponse>(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        StripeFilePart file,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        Throw.IfNull(file, nameof(file));
        Throw.IfNull(readResponse, nameof(readResponse));
        return SendCoreAsync(operation.Method, operation, path, form, file, readResponse, defaultApiVersion, requestOptions, static (value, _, _, _) => value, cancellationToken);
    }

    /// <summary>
    /// Uploads a file as <see cref="SendMultipartAsync{TResponse}"/> does and returns the parsed response with its
    /// <c>Request-Id</c>, status, headers, idempotency key and number of attempts.
    /// </summary>
    /// <inheritdoc cref="SendMultipartAsync{TResponse}" path="/remarks|/typeparam|/param|/exception"/>
    /// <returns>The parsed body and what Stripe said about the request.</returns>
    public Task<StripeResponse<TResponse>> SendMultipartWithResponseAsync<TResponse>(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        StripeFilePart file,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        Throw.IfNull(file, nameof(file));
        Throw.IfNull(readResponse, nameof(readResponse));
        return SendCoreAsync(operation.Method, operation, path, form, file, readResponse, defaultApiVersion, requestOptions, WithDetails<TResponse>, cancellationToken);
    }

    /// <summary>
    /// Sends a request whose success body is not JSON (a quote's PDF) and returns that body as a stream, read from
    /// the connection as the caller reads it, never buffered whole. Generated services call this; application code
    /// normally uses those services instead.
    /// </summary>
    /// <remarks>
    /// The caller disposes the stream, which frees the connection. The client's timeout covers the wait for the
    /// response's headers; reading the stream is bounded by the cancellation token passed to each read. An error
    /// response is read whole and thrown as for any other request.
    /// </remarks>
    /// <param name="operation">The operation: its method, its host, and the names the telemetry uses.</param>
    /// <param name="path">The path with its parameters filled in, relative to the operation's host.</param>
    /// <param name="form">The request parameters, sent as the query string (or the body of a POST), or null.</param>
    /// <param name="defaultApiVersion">The API version the service was generated from, used when no other is set.</param>
    /// <param name="requestOptions">Per-call headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call until the response's headers arrive, including any wait between attempts.</param>
    /// <returns>The response body, which the caller must dispose.</returns>
    /// <inheritdoc cref="SendAsync{TResponse}(HttpMethod, string, IFormEncodable?, StripeResponseReader{TResponse}, string?, RequestOptions?, CancellationToken)" path="/exception"/>
    public Task<Stream> SendForStreamAsync(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        return SendCoreAsync<Stream, Stream>(operation.Method, operation, path, form, null, null, defaultApiVersion, requestOptions, static (value, _, _, _) => value, cancellationToken);
    }

    /// <summary>
    /// Sends a request as <see cref="SendForStreamAsync"/> does and returns the body's stream with the response's
    /// <c>Request-Id</c>, status, headers, idempotency key and number of attempts.
    /// </summary>
    /// <inheritdoc cref="SendForStreamAsync" path="/remarks|/param|/exception"/>
    /// <returns>The response body, which the caller must dispose, and what Stripe said about the request.</returns>
    public Task<StripeResponse<Stream>> SendForStreamWithResponseAsync(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        return SendCoreAsync<Stream, StripeResponse<Stream>>(operation.Method, operation, path, form, null, null, defaultApiVersion, requestOptions, WithDetails<Stream>, cancellationToken);
    }

    private Uri BaseAddressOf(StripeOperation? operation) =>
        operation?.Server == StripeServer.Files ? _filesBaseAddress : _baseAddress;

    // A download's success: its body is left unread, for the caller to read from the connection. Only a download
    // passes no reader, and its TResponse is Stream.
    private static async Task<TResponse> DownloadAsync<TResponse>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET
            Stream content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            Stream content = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return (TResponse)(object)new ResponseStream(response, content);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
