using System;

namespace AccountLinkGen;

/// <summary>
/// Thrown when no response could be obtained: every attempt failed with a network error or timed out.
/// </summary>
public sealed class StripeConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="idempotencyKey">The idempotency key sent with every attempt, if any.</param>
    /// <param name="timedOut">Whether the last attempt ran out of time rather than failing on the network.</param>
    /// <param name="innerException">The failure of the last attempt.</param>
    public StripeConnectionException(string message, int attempts, string? idempotencyKey, bool timedOut, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
        TimedOut = timedOut;
    }

    /// <summary>How many attempts were made, including the first.</summary>
    public int Attempts { get; }

    /// <summary>
    /// The idempotency key sent with every attempt, or null. Stripe may have applied the request even though no
    /// answer arrived: retry it with this key to get the original result instead of a duplicate.
    /// </summary>
    public string? IdempotencyKey { get; }

    /// <summary>Whether the last attempt exceeded <see cref="StripeClientOptions.Timeout"/>.</summary>
    public bool TimedOut { get; }
}
