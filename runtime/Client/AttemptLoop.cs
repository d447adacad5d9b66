using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// The one loop behind every call, synchronous or not: prepares the request once (idempotency key, body, URI), sends
/// attempts through the transport, decides on each answer (read it, retry it after a backoff or the server's
/// <c>Retry-After</c>, or throw the typed error) and tells the telemetry what it decided.
/// </summary>
/// <remarks>
/// Written once over <c>bool async</c>, as Azure.Core and System.ClientModel write their pipelines: with
/// <c>async: false</c> every step below completes synchronously (blocking sends and reads, a blocking wait between
/// attempts), so the returned <see cref="ValueTask{T}"/> is already complete.
/// </remarks>
internal sealed class AttemptLoop(ClientSettings settings, HttpTransport transport)
{
    /// <summary>Sends one logical request and returns what its reader made of the success.</summary>
    public async ValueTask<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PreparedRequest prepared = PreparedRequest.Create(settings, request, requestOptions);
        var telemetry = OperationTelemetry.Start(request.Operation, prepared, settings.Observer);
        try
        {
            RetryDecision retry = default;
            for (int attempt = 1; ; attempt++)
            {
                if (attempt > 1)
                {
                    telemetry.RetrySent(retry);
                }

                bool lastAttempt = attempt > settings.RetryPolicy.MaxRetries || !prepared.CanRetry;
                bool readBody = !request.Reader.LeavesBodyOnConnection;
                AttemptResult result = await transport.SendAsync(prepared, readBody, async, cancellationToken).ConfigureAwait(false);
                if (result.Response is not { } response)
                {
                    if (lastAttempt)
                    {
                        throw NoAnswer(result, attempt, prepared.IdempotencyKey);
                    }

                    string errorType = result.TimedOut ? "timeout" : result.Failure!.GetType().FullName!;
                    retry = new RetryDecision(attempt, settings.RetryPolicy.Backoff(attempt - 1), StripeRetryReason.Network, null, null, errorType);
                }
                else
                {
                    bool keepResponse = false;
                    try
                    {
                        string? requestId = RequestIdOf(response);
                        if (response.IsSuccessStatusCode)
                        {
                            var success = new SuccessfulAttempt(response, result.Body, requestId, prepared.IdempotencyKey, attempt);
                            T value = await ReadAsync(request.Reader, success, prepared.Redactor, async, cancellationToken).ConfigureAwait(false);
                            keepResponse = request.Reader.LeavesBodyOnConnection;
                            telemetry.Succeeded((int)response.StatusCode, requestId);
                            return value;
                        }

                        if (lastAttempt || RetryPolicy.RetryReason(response) is not { } reason)
                        {
                            StripeError? error = StripeErrorReader.TryRead(result.Body, prepared.Redactor);
                            string? excerpt = error is null ? prepared.Redactor.Excerpt(result.Body) : null;
                            throw new StripeApiException(response.StatusCode, error, requestId, prepared.IdempotencyKey, attempt, excerpt);
                        }

                        TimeSpan delay = settings.RetryPolicy.GetDelay(attempt - 1, response);
                        retry = new RetryDecision(attempt, delay, reason, (int)response.StatusCode, requestId, null);
                    }
                    finally
                    {
                        if (!keepResponse)
                        {
                            response.Dispose();
                        }
                    }
                }

                telemetry.RetryDecided(retry);
                await DelayAsync(retry.Delay, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex);
            throw;
        }
    }

    private StripeConnectionException NoAnswer(AttemptResult result, int attempts, string? idempotencyKey)
    {
        string failure = result.TimedOut
            ? $"The request to Stripe timed out after {settings.Timeout.TotalSeconds:0.###} s on each of {attempts} attempt(s)."
            : $"The request to Stripe failed on the network on each of {attempts} attempt(s).";
        return new StripeConnectionException(failure, attempts, idempotencyKey, result.TimedOut, result.Failure);
    }

    private static async ValueTask<T> ReadAsync<T>(StripeReader<T> reader, SuccessfulAttempt success, Redactor redactor, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(success, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException && !reader.LeavesBodyOnConnection)
        {
            // A download's failure to open its stream is the connection's, not the body's: it leaves as it is.
            throw new StripeResponseException(success.Response.StatusCode, success.RequestId, success.IdempotencyKey, redactor.Excerpt(success.Body), ex);
        }
    }

    private async ValueTask DelayAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await WaitAsync(delay, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken != cancellationToken && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The request was canceled by the caller.", ex, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    // A timer asynchronously; synchronously, a blocking wait that the caller's token ends early (Thread.Sleep would
    // sleep through a cancellation). A test's replacement is waited for by blocking on the synchronous path.
    private async ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        if (settings.Delay is { } replaced)
        {
            Task wait = replaced(delay, cancellationToken);
            if (async)
            {
                await wait.ConfigureAwait(false);
            }
            else
            {
                wait.GetAwaiter().GetResult();
            }
        }
        else if (async)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            cancellationToken.WaitHandle.WaitOne(delay);
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values) ? string.Join(",", values) : null;
}
