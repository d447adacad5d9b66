using System;
using System.Net;
using AccountLinkGen;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Logs a client's retries (Debug: a call that succeeds after a retry is a success) and failed calls (Warning, with
/// Stripe's request id). Only what the client reports is written: the operation, counts, statuses, Stripe's error
/// type and code, ids. Never the API key, a header or a body.
/// </summary>
internal sealed partial class LoggingStripeClientObserver(ILogger<StripeClient> logger) : StripeClientObserver
{
    public override void OnRetry(string operation, int attempt, TimeSpan delay, StripeRetryReason reason, int? statusCode, string? requestId) =>
        LogRetry(logger, operation, attempt, delay.TotalMilliseconds, reason, statusCode, requestId);

    public override void OnFailure(string operation, StripeException exception)
    {
        switch (exception)
        {
            case StripeApiException api:
                LogRefused(logger, operation, (int)api.StatusCode, api.StripeError?.Type, api.StripeError?.Code, api.Attempts, api.RequestId, api.IdempotencyKey);
                break;
            case StripeConnectionException connection:
                LogNoAnswer(logger, operation, connection.TimedOut, connection.Attempts, connection.IdempotencyKey);
                break;
            case StripeResponseException unreadable:
                LogUnreadable(logger, operation, (int)unreadable.StatusCode, unreadable.RequestId, unreadable.IdempotencyKey);
                break;
            default:
                LogFailed(logger, operation, exception.GetType().FullName, exception.RequestId, exception.IdempotencyKey);
                break;
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Stripe {Operation}: attempt {Attempt} failed ({Reason}, status {StatusCode}, request {RequestId}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, double delayMs, StripeRetryReason reason, int? statusCode, string? requestId);

    [LoggerMessage(2, LogLevel.Warning, "Stripe {Operation} failed with status {StatusCode} ({ErrorType}, {ErrorCode}) after {Attempts} attempt(s); request {RequestId}, idempotency key {IdempotencyKey}")]
    private static partial void LogRefused(ILogger logger, string operation, int statusCode, string? errorType, string? errorCode, int attempts, string? requestId, string? idempotencyKey);

    [LoggerMessage(3, LogLevel.Warning, "Stripe {Operation} got no answer (timed out: {TimedOut}) after {Attempts} attempt(s); idempotency key {IdempotencyKey}")]
    private static partial void LogNoAnswer(ILogger logger, string operation, bool timedOut, int attempts, string? idempotencyKey);

    [LoggerMessage(4, LogLevel.Warning, "Stripe {Operation} answered {StatusCode} with a body that could not be read; request {RequestId}, idempotency key {IdempotencyKey}")]
    private static partial void LogUnreadable(ILogger logger, string operation, int statusCode, string? requestId, string? idempotencyKey);

    [LoggerMessage(5, LogLevel.Warning, "Stripe {Operation} failed ({ExceptionType}); request {RequestId}, idempotency key {IdempotencyKey}")]
    private static partial void LogFailed(ILogger logger, string operation, string? exceptionType, string? requestId, string? idempotencyKey);
}
