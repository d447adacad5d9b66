using System;

namespace AccountLinkGen;

/// <summary>
/// Hears about a client's retries and failed calls, for logging: set it as <see cref="StripeClientOptions.Observer"/>.
/// <c>AddStripeClient</c> in the DI package sets one that writes to <c>ILogger</c>. It is called on the request's own
/// path, so it should be quick; an exception it throws is dropped, so that it can neither fail a call nor leave its
/// span open. It never sees the API key. An exception's message may hold a redacted excerpt of a body that was not a
/// Stripe error (see <see cref="StripeApiException"/> and <see cref="StripeResponseException"/>): log its
/// properties, not its message, where bodies must not reach the logs.
/// </summary>
public abstract class StripeClientObserver
{
    /// <summary>An attempt failed and another one follows after <paramref name="delay"/>.</summary>
    /// <param name="operation">The operation, such as <c>POST /v1/customers/{customer}</c>, or the method alone when unknown.</param>
    /// <param name="attempt">The attempt that failed, 1 for the first.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="reason">Why it is retried.</param>
    /// <param name="statusCode">The status the failed attempt got, or null when no answer arrived.</param>
    /// <param name="requestId">Stripe's <c>Request-Id</c> of the failed attempt, or null.</param>
    public virtual void OnRetry(string operation, int attempt, TimeSpan delay, StripeRetryReason reason, int? statusCode, string? requestId)
    {
    }

    /// <summary>A call ended in <paramref name="exception"/>, after any retries. The caller's own cancellation is not reported.</summary>
    /// <param name="operation">The operation, as for <see cref="OnRetry"/>.</param>
    /// <param name="exception">What the call throws; its <see cref="StripeException.RequestId"/> is Stripe's, when it answered.</param>
    public virtual void OnFailure(string operation, StripeException exception)
    {
    }
}
