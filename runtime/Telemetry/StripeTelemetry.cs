using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace AccountLinkGen;

/// <summary>
/// The ActivitySource and Meter named <c>AccountLinkGen</c>, and the names of what they emit. Static because
/// listeners find sources and meters by name; the instruments are immutable and record nothing until someone
/// listens.
/// </summary>
internal static class StripeTelemetry
{
    public const string Name = "AccountLinkGen";

    public const string DurationName = "stripe.client.operation.duration";
    public const string RetriesName = "stripe.client.retries";

    public const string Method = "http.request.method";
    public const string UrlTemplate = "url.template";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string StatusCode = "http.response.status_code";
    public const string ResendCount = "http.request.resend_count";
    public const string ErrorType = "error.type";
    public const string Operation = "stripe.operation";
    public const string RequestId = "stripe.request_id";
    public const string IdempotencyKey = "stripe.idempotency_key";
    public const string Account = "stripe.account";
    public const string RetryReason = "stripe.retry.reason";

    public const string Canceled = "System.OperationCanceledException"; // error.type of any canceled call

    /// <summary>The package's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+abc123</c>).</summary>
    public static readonly string Version = PackageVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationName, "s", "The duration of a Stripe API call, from the first attempt to the end of the last, retries and waits included.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesName, "{retry}", "Attempts that failed and were retried, by reason: status, stripe_should_retry or network.");

    public static string ReasonName(StripeRetryReason reason) => reason switch
    {
        StripeRetryReason.StripeShouldRetry => "stripe_should_retry",
        StripeRetryReason.Network => "network",
        _ => "status",
    };

    private static string PackageVersion()
    {
        string version = typeof(StripeTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int metadata = version.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }
}
