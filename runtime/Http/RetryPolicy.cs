using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AccountLinkGen;

/// <summary>Decides whether an attempt is retried and how long to wait first.</summary>
internal sealed class RetryPolicy
{
    // HttpStatusCode.TooManyRequests is missing from netstandard2.0.
    private const int TooManyRequests = 429;

    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<double> _jitter;

    public RetryPolicy(int maxRetries, TimeSpan initialDelay, TimeSpan maxDelay, TimeSpan maxRetryAfter, Func<double>? jitter)
    {
        MaxRetries = maxRetries;
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _maxRetryAfter = maxRetryAfter;
#if NET
        _jitter = jitter ?? Random.Shared.NextDouble;
#else
        _jitter = jitter ?? SharedRandom.NextDouble;
#endif
    }

    /// <summary>How many retries follow the first attempt at most.</summary>
    public int MaxRetries { get; }

    /// <summary>
    /// Whether a response status is worth another attempt. Stripe's <c>Stripe-Should-Retry</c> header decides
    /// first (it knows, for example, that a 500 already applied a charge); otherwise 409 (lock contention),
    /// 429 (rate limit) and every 5xx are retried and other statuses are final.
    /// </summary>
    public static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            foreach (string value in values)
            {
                if (string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        int status = (int)response.StatusCode;
        return status == (int)HttpStatusCode.Conflict
            || status == TooManyRequests
            || status >= 500;
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0 for the first retry): the server's
    /// <c>Retry-After</c> capped at MaxRetryAfter when present, otherwise exponential backoff with jitter.
    /// </summary>
    public TimeSpan GetDelay(int retry, HttpResponseMessage? response)
    {
        if (response is not null && TryGetRetryAfter(response, out TimeSpan requested))
        {
            return requested > _maxRetryAfter ? _maxRetryAfter : requested;
        }

        return Backoff(retry);
    }

    /// <summary>
    /// <c>initial · 2^retry</c> capped at the maximum, then scaled into [½, 1] of itself ("equal jitter"), so
    /// clients that failed together do not retry together yet still wait a predictable minimum.
    /// </summary>
    public TimeSpan Backoff(int retry)
    {
        double capped = Math.Min(
            _initialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)),
            _maxDelay.TotalMilliseconds);
        double jitter = Clamp01(_jitter());
        return TimeSpan.FromMilliseconds(Math.Max(0, capped * (0.5 + (jitter / 2))));
    }

    // Math.Clamp(value, 0, 1), which netstandard2.0 lacks; NaN stays NaN as there.
    private static double Clamp01(double value) => value < 0 ? 0 : value > 1 ? 1 : value;

    private static bool TryGetRetryAfter(HttpResponseMessage response, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            return true;
        }

        if (retryAfter?.Date is { } date)
        {
            // Measured against the server's own Date header when present, so clock skew does not matter.
            DateTimeOffset now = response.Headers.Date ?? DateTimeOffset.UtcNow;
            TimeSpan wait = date - now;
            delay = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            return true;
        }

        // Some servers send fractional seconds, which the typed header rejects.
        if (response.Headers.TryGetValues("Retry-After", out var raw))
        {
            foreach (string value in raw)
            {
                if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds)
                    && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
                {
                    delay = TimeSpan.FromSeconds(seconds);
                    return true;
                }
            }
        }

        return false;
    }
}

#if !NET
/// <summary>A thread-safe <see cref="Random"/> for jitter, standing in for <c>Random.Shared</c>.</summary>
internal static class SharedRandom
{
    private static readonly Random Instance = new();

    /// <summary>A value in [0, 1).</summary>
    public static double NextDouble()
    {
        // Random is not thread-safe; jitter is drawn once per retry, so a lock costs nothing that matters.
        lock (Instance)
        {
            return Instance.NextDouble();
        }
    }
}
#endif
