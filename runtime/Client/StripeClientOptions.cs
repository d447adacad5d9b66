using System;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// Settings for a <see cref="StripeClient"/>. The client copies them when it is constructed, so changing an
/// instance afterwards does not affect clients already created from it.
/// </summary>
public sealed class StripeClientOptions
{
    /// <summary>The secret or restricted API key sent as <c>Authorization: Bearer …</c>. Required.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// The <c>Stripe-Version</c> to pin every request to, or <see langword="null"/> to send the version the
    /// generated service was built from. <see cref="RequestOptions.ApiVersion"/> overrides it per call.
    /// </summary>
    public string? ApiVersion { get; set; }

    /// <summary>
    /// The application or plugin that sends the requests, added to the <c>User-Agent</c>; null (the default) for none.
    /// </summary>
    public AppInfo? AppInfo { get; set; }

    /// <summary>
    /// The API root, <c>https://api.stripe.com/</c> by default. Plain <c>http</c> is accepted only for a
    /// loopback host, so a secret key never crosses a network unencrypted.
    /// </summary>
    public Uri BaseAddress { get; set; } = new("https://api.stripe.com/", UriKind.Absolute);

    /// <summary>
    /// The root of Stripe's files host, <c>https://files.stripe.com/</c> by default: file uploads
    /// (<c>POST /v1/files</c>) and downloads such as a quote's PDF go here instead of <see cref="BaseAddress"/>.
    /// The same rules apply: plain <c>http</c> only for a loopback host.
    /// </summary>
    public Uri FilesBaseAddress { get; set; } = new("https://files.stripe.com/", UriKind.Absolute);

    /// <summary>How many times a failed attempt is retried (so at most <c>MaxRetries + 1</c> attempts). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The limit for one attempt, from sending the request to reading the whole response. Default 80 seconds,
    /// as Stripe's own libraries use. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(80);

    /// <summary>The backoff before the first retry, doubled for each further one. Default 0.5 seconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The cap for the exponential backoff (before jitter). Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The cap for a server-requested <c>Retry-After</c> wait; a longer request is shortened to this. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Hears about retries and failed calls, for logging, or null (the default) for none. <c>AddStripeClient</c>
    /// sets one that logs through <c>ILogger</c>. Traces and metrics need no setting: they follow whoever listens to
    /// the <c>AccountLinkGen</c> ActivitySource and Meter.
    /// </summary>
    public StripeClientObserver? Observer { get; set; }

    /// <summary>
    /// Replaces the wait between attempts, so tests can observe delays without sleeping. A synchronous call waits for
    /// the task it returns by blocking.
    /// </summary>
    internal Func<TimeSpan, CancellationToken, Task>? DelayAsync { get; set; }

    /// <summary>Replaces the jitter source (a value in [0, 1)), so tests can make backoff deterministic.</summary>
    internal Func<double>? Jitter { get; set; }
}
