using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AccountLinkGen;

/// <summary>Decides whether an attempt is retried and how long to wait first.</summary>
internal sealed class RetryPolicy
{
#if !NET
    private static readonly Random SharedRandom = new();
#endif

    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<double> _jitter;

    /// <summary>Takes the retry settings of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or delay is negative.</exception>
    public RetryPolicy(StripeClientOptions options)
    {
        MaxRetries = options.MaxRetries >= 0
            ? options.MaxRetries
            : throw new ArgumentOutOfRangeException(nameof(options.MaxRetries), options.MaxRetries, "MaxRetries must not be negative.");
        _initialDelay = NotNegative(options.InitialRetryDelay, nameof(options.InitialRetryDelay));
        _maxDelay = NotNegative(options.MaxRetryDelay, nameof(options.MaxRetryDelay));
        _maxRetryAfter = NotNegative(options.MaxRetryAfter, nameof(options.MaxRetryAfter));
#if NET
        _jitter = options.Jitter ?? Random.Shared.NextDouble;
#else
        _jitter = options.Jitter ?? NextSharedDouble;
#endif
    }

    /// <summary>How many retries follow the first attempt at most.</summary>
    public int MaxRetries { get; }

    /// <summary>
    /// Why a response is worth another attempt, or null when it is final. Stripe's <c>Stripe-Should-Retry</c> header
    /// decides first (it knows, for example, that a 500 already applied a charge); otherwise 409 (lock contention),
    /// 429 (rate limit) and every 5xx are retried and other statuses are final. The one reading of the header: the
    /// reason travels on to the telemetry.
    /// </summary>
    public static StripeRetryReason? RetryReason(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            foreach (string value in values)
            {
                if (bool.TryParse(value, out bool shouldRetry))
                {
                    return shouldRetry ? StripeRetryReason.StripeShouldRetry : null;
                }
            }
        }

        int status = (int)response.StatusCode;
        return status is 409 or 429 || status >= 500 ? StripeRetryReason.Status : null;
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0 for the first retry): the server's
    /// <c>Retry-After</c> capped at MaxRetryAfter when present, otherwise exponential backoff with jitter.
    /// </summary>
    public TimeSpan GetDelay(int retry, HttpResponseMessage response) => RetryAfter(response) switch
    {
        null => Backoff(retry),
        { } requested when requested < TimeSpan.Zero => TimeSpan.Zero,
        { } requested => requested > _maxRetryAfter ? _maxRetryAfter : requested,
    };

    /// <summary>
    /// <c>initial · 2^retry</c> capped at the maximum, then scaled into [½, 1] of itself ("equal jitter"), so
    /// clients that failed together do not retry together yet still wait a predictable minimum.
    /// </summary>
    public TimeSpan Backoff(int retry)
    {
        double capped = Math.Min(
            _initialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)),
            _maxDelay.TotalMilliseconds);

        // Math.Clamp(jitter, 0, 1), which netstandard2.0 lacks; NaN stays NaN as there.
        double jitter = _jitter();
        jitter = jitter < 0 ? 0 : jitter > 1 ? 1 : jitter;
        return TimeSpan.FromMilliseconds(Math.Max(0, capped * (0.5 + (jitter / 2))));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            // Measured against the server's own Date header when present, so clock skew does not matter.
            return date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
        }

        // Some servers send fractional seconds, which the typed header rejects.
        if (response.Headers.TryGetValues("Retry-After", out var raw))
        {
            foreach (string value in raw)
            {
                if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds))
                {
                    // A wait longer than TimeSpan holds is still a request to wait long: the cap applies.
                    return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
                }
            }
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan value, string name) =>
        value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(name, value, name + " must not be negative.") : value;

#if !NET
    // Random is not thread-safe; jitter is drawn once per retry, so a lock costs nothing that matters.
    private static double NextSharedDouble()
    {
        lock (SharedRandom)
        {
            return SharedRandom.NextDouble();
        }
    }
#endif
}
