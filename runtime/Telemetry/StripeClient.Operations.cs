using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

// The entry points generated services call: the same requests, named after the spec's operation, so that the
// call's span and metrics carry its path template and operationId.
public sealed partial class StripeClient
{
    /// <summary>
    /// Sends one logical request of <paramref name="operation"/>, retrying transient failures, and returns the parsed
    /// response. Generated services call this; application code normally uses those services instead.
    /// </summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="operation">The operation: its method, and the template and operationId the telemetry names.</param>
    /// <param name="path">The path with its parameters filled in, relative to the base address.</param>
    /// <param name="form">The request parameters, or null for none.</param>
    /// <param name="readResponse">Parses a successful body.</param>
    /// <param name="defaultApiVersion">The API version the service was generated from, used when no other is set.</param>
    /// <param name="requestOptions">Per-call headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between attempts; it is never retried.</param>
    /// <inheritdoc cref="SendAsync{TResponse}(HttpMethod, string, IFormEncodable?, StripeResponseReader{TResponse}, string?, RequestOptions?, CancellationToken)" path="/returns|/exception"/>
    public Task<TResponse> SendAsync<TResponse>(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        Throw.IfNull(readResponse, nameof(readResponse));
        return SendCoreAsync(operation.Method, operation, path, form, null, readResponse, defaultApiVersion, requestOptions, static (value, _, _, _) => value, cancellationToken);
    }

    /// <summary>
    /// Sends one logical request of <paramref name="operation"/>, retrying transient failures, and returns the parsed
    /// response with its <c>Request-Id</c>, status, headers, idempotency key and number of attempts.
    /// Generated services call this; application code normally uses those services instead.
    /// </summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="operation">The operation: its method, and the template and operationId the telemetry names.</param>
    /// <param name="path">The path with its parameters filled in, relative to the base address.</param>
    /// <param name="form">The request parameters, or null for none.</param>
    /// <param name="readResponse">Parses a successful body.</param>
    /// <param name="defaultApiVersion">The API version the service was generated from, used when no other is set.</param>
    /// <param name="requestOptions">Per-call headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between attempts; it is never retried.</param>
    /// <inheritdoc cref="SendWithResponseAsync{TResponse}(HttpMethod, string, IFormEncodable?, StripeResponseReader{TResponse}, string?, RequestOptions?, CancellationToken)" path="/returns|/exception"/>
    public Task<StripeResponse<TResponse>> SendWithResponseAsync<TResponse>(
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        StripeResponseReader<TResponse> readResponse,
        string? defaultApiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Throw.IfNull(operation, nameof(operation));
        Throw.IfNull(readResponse, nameof(readResponse));
        return SendCoreAsync(operation.Method, operation, path, form, null, readResponse, defaultApiVersion, requestOptions, WithDetails<TResponse>, cancellationToken);
    }
}
