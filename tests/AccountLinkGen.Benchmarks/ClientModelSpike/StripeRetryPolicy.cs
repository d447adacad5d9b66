using System;
using System.ClientModel.Primitives;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace AccountLinkGen.Benchmarks.ClientModelSpike;

/// <summary>
/// Stripe's retry rules on <see cref="ClientRetryPolicy"/>'s two overridable decisions: <c>Stripe-Should-Retry</c>
/// wins when present; otherwise network failures, timeouts, 409, 429 and 5xx are retried. The delay obeys
/// <c>Retry-After</c> (seconds, capped) and otherwise backs off 0.5 s·2ⁿ to 5 s with jitter, as our client does;
/// <see cref="ClientRetryPolicy"/>'s own delay has neither jitter nor a cap and ignores <c>Retry-After</c>.
/// </summary>
public sealed class StripeRetryPolicy : ClientRetryPolicy
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public StripeRetryPolicy(int maxRetries)
        : base(maxRetries)
    {
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) => Decide(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) => new(Decide(message, exception));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (message.Response?.Headers.TryGetValue("Retry-After", out string? after) == true
            && double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        }

        double backoff = Math.Min(0.5 * Math.Pow(2, Math.Max(0, tryCount - 1)), MaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(backoff * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static bool Decide(PipelineMessage message, Exception? exception)
    {
        if (exception is not null)
        {
            // A failure to connect or a dropped connection, or the pipeline's own per-try timeout.
            return exception is HttpRequestException or IOException or TimeoutException or OperationCanceledException { CancellationToken.IsCancellationRequested: false }
                || exception.InnerException is HttpRequestException or IOException;
        }

        PipelineResponse? response = message.Response;
        if (response is null)
        {
            return false;
        }

        if (response.Headers.TryGetValue("Stripe-Should-Retry", out string? should))
        {
            return string.Equals(should, "true", StringComparison.OrdinalIgnoreCase);
        }

        return response.Status is 409 or 429 || response.Status >= 500;
    }
}
