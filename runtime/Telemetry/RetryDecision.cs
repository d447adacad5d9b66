using System;

namespace AccountLinkGen;

/// <summary>
/// The attempt loop's decision to try again, as it made it: the telemetry reports these facts and reads nothing from
/// the response again.
/// </summary>
/// <param name="Attempt">The attempt that failed, 1 for the first.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="Reason">Why it is retried.</param>
/// <param name="StatusCode">The failed attempt's status, or null when no answer arrived.</param>
/// <param name="RequestId">Stripe's <c>Request-Id</c> of the failed attempt, or null.</param>
/// <param name="ErrorType">For an attempt without an answer, <c>timeout</c> or the failure's type; else null.</param>
internal readonly record struct RetryDecision(int Attempt, TimeSpan Delay, StripeRetryReason Reason, int? StatusCode, string? RequestId, string? ErrorType);
