using System;

namespace AccountLinkGen;

/// <summary>
/// Thrown when no response could be obtained: every attempt failed with a network error or timed out. Its
/// <see cref="StripeException.RequestId"/> is null (no response arrived); its
/// <see cref="StripeException.IdempotencyKey"/> says how to retry without a duplicate.
/// </summary>
public sealed class StripeConnectionException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="idempotencyKey">The idempotency key sent with every attempt, if any.</param>
    /// <param name="timedOut">Whether the last attempt ran out of time rather than failing on the network.</param>
    /// <param name="innerException">The failure of the last attempt.</param>
    public StripeConnectionException(string message, int attempts, string? idempotencyKey, bool timedOut, Exception? innerException)
        : base(message, null, idempotencyKey, innerException)
    {
        Attempts = attempts;
        TimedOut = timedOut;
    }

    /// <summary>How many attempts were made, including the first.</summary>
    public int Attempts { get; }

    /// <summary>Whether the last attempt exceeded <see cref="StripeClientOptions.Timeout"/>.</summary>
    public bool TimedOut { get; }
}
