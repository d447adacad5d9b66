using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>Another reader's value with what Stripe said about the request: <see cref="StripeReader.WithResponse{T}"/>.</summary>
internal sealed class DetailsReader<T>(StripeReader<T> value) : StripeReader<StripeResponse<T>>
{
    internal override bool LeavesBodyOnConnection => value.LeavesBodyOnConnection;

    internal override async ValueTask<StripeResponse<T>> ReadAsync(SuccessfulAttempt attempt, bool async, CancellationToken cancellationToken)
    {
        T read = await value.ReadAsync(attempt, async, cancellationToken).ConfigureAwait(false);
        return new StripeResponse<T>(read, attempt.Response.StatusCode, attempt.Response.Headers, attempt.RequestId, attempt.IdempotencyKey, attempt.Number);
    }
}
