using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// The span, measurements and observer calls of one logical request. A struct kept in the request's own state, so
/// a call that nobody listens to allocates nothing for it: each step first asks whether anyone listens (a source
/// with listeners, an enabled instrument, an observer) and builds no tag otherwise.
/// </summary>
internal struct OperationTelemetry
{
    private readonly StripeOperation? _operation;
    private readonly HttpMethod _method;
    private readonly StripeClientObserver? _observer;
    private Activity? _activity;
    private long _started;
    private int _retries;
    private bool _ended;

    private OperationTelemetry(StripeOperation? operation, HttpMethod method, StripeClientObserver? observer)
    {
        _operation = operation;
        _method = method;
        _observer = observer;
    }

    private readonly string Name => _operation?.DisplayName ?? _method.Method;

    /// <summary>Starts the call's span (the current activity until it ends) and its clock, where anyone listens.</summary>
    public static OperationTelemetry Start(
        StripeOperation? operation, HttpMethod method, Uri baseAddress, string? idempotencyKey, string? account, StripeClientObserver? observer)
    {
        var telemetry = new OperationTelemetry(operation, method, observer);
        if (StripeTelemetry.Duration.Enabled)
        {
            telemetry._started = Stopwatch.GetTimestamp();
        }

        if (!StripeTelemetry.Source.HasListeners())
        {
            return telemetry;
        }

        // Without a template the span is named after the method alone, as HTTP spans are: a path holds IDs.
        Activity? activity = StripeTelemetry.Source.StartActivity(telemetry.Name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(StripeTelemetry.Method, method.Method);
            activity.SetTag(StripeTelemetry.ServerAddress, baseAddress.Host);
            activity.SetTag(StripeTelemetry.ServerPort, baseAddress.Port);
            if (operation is not null)
            {
                activity.SetTag(StripeTelemetry.UrlTemplate, operation.PathTemplate);
                activity.SetTag(StripeTelemetry.Operation, operation.OperationId);
            }

            if (idempotencyKey is not null)
            {
                activity.SetTag(StripeTelemetry.IdempotencyKey, idempotencyKey);
            }

            if (account is not null)
            {
                activity.SetTag(StripeTelemetry.Account, account);
            }
        }

        telemetry._activity = activity;
        return telemetry;
    }

    /// <summary>An attempt failed and is retried after <paramref name="delay"/>: its answer, or null when none arrived.</summary>
    public void Retrying(int attempt, TimeSpan delay, HttpResponseMessage? response, Exception? failure)
    {
        _retries++;
        if (!StripeTelemetry.Retries.Enabled && _observer is null)
        {
            return;
        }

        StripeRetryReason reason = response is null ? StripeRetryReason.Network
            : ShouldRetryHeader(response) ? StripeRetryReason.StripeShouldRetry
            : StripeRetryReason.Status;
        int? status = response is null ? null : (int)response.StatusCode;
        if (StripeTelemetry.Retries.Enabled)
        {
            var tags = default(System.Diagnostics.TagList);
            AddOperation(ref tags);
            tags.Add(StripeTelemetry.RetryReason, StripeTelemetry.ReasonName(reason));
            if (status is not null)
            {
                tags.Add(StripeTelemetry.StatusCode, status.Value);
            }
            else if (failure is not null)
            {
                tags.Add(StripeTelemetry.ErrorType, failure is OperationCanceledException ? "timeout" : failure.GetType().FullName);
            }

            StripeTelemetry.Retries.Add(1, tags);
        }

        if (_observer is not null)
        {
            // A logging hook must not change the call: what it throws is dropped.
            try
            {
                _observer.OnRetry(Name, attempt, delay, reason, status, response is null ? null : RequestIdOf(response));
            }
            catch (Exception)
            {
            }
        }
    }

    /// <summary>The call succeeded with <paramref name="response"/>.</summary>
    public void Succeeded(HttpResponseMessage response)
    {
        if (_activity is null && _started == 0)
        {
            _ended = true;
            return;
        }

        End((int)response.StatusCode, RequestIdOf(response), errorType: null);
    }

    /// <summary>
    /// The call ends in <paramref name="exception"/>. Always false, for use as an exception filter that catches
    /// nothing: the span ends as the exception leaves, and the exception leaves untouched.
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (_ended)
        {
            return false;
        }

        EndFailed(exception);
        if (_observer is not null && exception is StripeException stripe)
        {
            // After the span and duration have ended, so that an observer can hold neither open; a logging hook must
            // not change the call, so what it throws is dropped.
            try
            {
                _observer.OnFailure(Name, stripe);
            }
            catch (Exception)
            {
            }
        }

        return false;
    }

    private void EndFailed(Exception exception)
    {
        if (_activity is null && _started == 0)
        {
            _ended = true;
            return;
        }

        int? status = exception switch
        {
            StripeApiException refused => (int)refused.StatusCode,
            StripeResponseException unreadable => (int)unreadable.StatusCode,
            _ => null,
        };

        // Stripe's error type, else the status (as HTTP spans do), else the exception's type; one for any cancellation.
        string errorType = exception switch
        {
            StripeApiException api => api.StripeError?.Type ?? ((int)api.StatusCode).ToString(CultureInfo.InvariantCulture),
            OperationCanceledException => StripeTelemetry.Canceled,
            _ => exception.GetType().FullName!,
        };
        End(status, (exception as StripeException)?.RequestId, errorType);
    }


    private void End(int? status, string? requestId, string? errorType)
    {
        _ended = true;
        Activity? activity = _activity;
        if (activity is not null)
        {
            _activity = null;
            if (activity.IsAllDataRequested)
            {
                if (status is not null)
                {
                    activity.SetTag(StripeTelemetry.StatusCode, status.Value);
                }

                if (requestId is not null)
                {
                    activity.SetTag(StripeTelemetry.RequestId, requestId);
                }

                if (_retries > 0)
                {
                    activity.SetTag(StripeTelemetry.ResendCount, _retries);
                }

                if (errorType is not null)
                {
                    activity.SetTag(StripeTelemetry.ErrorType, errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            activity.Dispose();
        }

        if (_started != 0)
        {
            double seconds = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            _started = 0;
            var tags = default(System.Diagnostics.TagList);
            AddOperation(ref tags);
            if (status is not null)
            {
                tags.Add(StripeTelemetry.StatusCode, status.Value);
            }

            if (errorType is not null)
            {
                tags.Add(StripeTelemetry.ErrorType, errorType);
            }

            StripeTelemetry.Duration.Record(seconds, tags);
        }
    }

    private readonly void AddOperation(ref System.Diagnostics.TagList tags)
    {
        tags.Add(StripeTelemetry.Method, _method.Method);
        if (_operation is not null)
        {
            tags.Add(StripeTelemetry.Operation, _operation.OperationId);
        }
    }

    // The same reading RetryPolicy.ShouldRetry gives the header, asked again only when someone listens.
    private static bool ShouldRetryHeader(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            foreach (string value in values)
            {
                if (bool.TryParse(value, out bool shouldRetry))
                {
                    return shouldRetry;
                }
            }
        }

        return false;
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values) ? string.Join(",", values) : null;
}
