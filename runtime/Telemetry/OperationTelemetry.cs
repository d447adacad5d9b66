using System;
using System.Diagnostics;
using System.Globalization;

namespace AccountLinkGen;

/// <summary>
/// The span, measurements and observer calls of one logical request, fed by the attempt loop's own decisions (the
/// attempt, the retry's reason, the status and request id it read once): nothing here reads a response. A struct
/// kept in the call's own state, so a call that nobody listens to allocates nothing for it: each step first asks
/// whether anyone listens (a source with listeners, an enabled instrument, an observer) and builds no tag otherwise.
/// </summary>
internal struct OperationTelemetry
{
    private readonly StripeOperation _operation;
    private readonly StripeClientObserver? _observer;
    private Activity? _activity;
    private long _started;
    private int _retries;
    private bool _ended;

    private OperationTelemetry(StripeOperation operation, StripeClientObserver? observer)
    {
        _operation = operation;
        _observer = observer;
    }

    /// <summary>Starts the call's span (the current activity until it ends) and its clock, where anyone listens.</summary>
    public static OperationTelemetry Start(StripeOperation operation, PreparedRequest request, StripeClientObserver? observer)
    {
        var telemetry = new OperationTelemetry(operation, observer);
        if (StripeTelemetry.Duration.Enabled)
        {
            telemetry._started = Stopwatch.GetTimestamp();
        }

        if (!StripeTelemetry.Source.HasListeners())
        {
            return telemetry;
        }

        Activity? activity = StripeTelemetry.Source.StartActivity(operation.DisplayName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(StripeTelemetry.Method, operation.Method.Method);
            activity.SetTag(StripeTelemetry.ServerAddress, request.BaseAddress.Host);
            activity.SetTag(StripeTelemetry.ServerPort, request.BaseAddress.Port);
            activity.SetTag(StripeTelemetry.UrlTemplate, operation.PathTemplate);
            activity.SetTag(StripeTelemetry.Operation, operation.OperationId);
            if (request.IdempotencyKey is not null)
            {
                activity.SetTag(StripeTelemetry.IdempotencyKey, request.IdempotencyKey);
            }

            if (request.StripeAccount is not null)
            {
                activity.SetTag(StripeTelemetry.Account, request.StripeAccount);
            }
        }

        telemetry._activity = activity;
        return telemetry;
    }

    /// <summary>
    /// The loop decided to retry and is about to wait: the observer hears of it now, with the wait, so that a log
    /// tells why the call is paused.
    /// </summary>
    public readonly void RetryDecided(in RetryDecision decision)
    {
        if (_observer is null)
        {
            return;
        }

        // A logging hook must not change the call: what it throws is dropped.
        try
        {
            _observer.OnRetry(_operation.DisplayName, decision.Attempt, decision.Delay, decision.Reason, decision.StatusCode, decision.RequestId);
        }
        catch (Exception)
        {
        }
    }

    /// <summary>
    /// The retry <paramref name="decision"/> asked for is being sent: only now is it counted, so a call canceled
    /// during its backoff counts none.
    /// </summary>
    public void RetrySent(in RetryDecision decision)
    {
        _retries++;
        if (!StripeTelemetry.Retries.Enabled)
        {
            return;
        }

        var tags = default(TagList);
        AddOperation(ref tags);
        tags.Add(StripeTelemetry.RetryReason, StripeTelemetry.ReasonName(decision.Reason));
        if (decision.StatusCode is { } status)
        {
            tags.Add(StripeTelemetry.StatusCode, status);
        }
        else if (decision.ErrorType is not null)
        {
            tags.Add(StripeTelemetry.ErrorType, decision.ErrorType);
        }

        StripeTelemetry.Retries.Add(1, tags);
    }

    /// <summary>The call succeeded with <paramref name="status"/>.</summary>
    public void Succeeded(int status, string? requestId) => End(status, requestId, errorType: null);

    /// <summary>The call ends in <paramref name="exception"/>, which leaves untouched.</summary>
    public void Failed(Exception exception)
    {
        if (_ended)
        {
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
        if (_observer is not null && exception is StripeException stripe)
        {
            // After the span and duration have ended, so that an observer can hold neither open; a logging hook must
            // not change the call, so what it throws is dropped.
            try
            {
                _observer.OnFailure(_operation.DisplayName, stripe);
            }
            catch (Exception)
            {
            }
        }
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
            var tags = default(TagList);
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

    private readonly void AddOperation(ref TagList tags)
    {
        tags.Add(StripeTelemetry.Method, _operation.Method.Method);
        tags.Add(StripeTelemetry.Operation, _operation.OperationId);
    }
}
