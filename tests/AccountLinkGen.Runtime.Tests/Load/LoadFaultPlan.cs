using System;

namespace AccountLinkGen.Load;

/// <summary>What the load server does with one attempt.</summary>
public enum LoadFault
{
    /// <summary>A normal 200 with an account link.</summary>
    None,

    /// <summary>A 500, 502 or 503 with a Stripe error body.</summary>
    ServerError,

    /// <summary>A 429 with <c>Retry-After: 1</c>.</summary>
    RateLimited,

    /// <summary>The headers and part of the body, then the connection is aborted.</summary>
    Reset,

    /// <summary>Nothing at all until the client gives up (longer than any per-attempt timeout).</summary>
    Timeout,
}

/// <summary>
/// Decides, from a seed alone, which attempt of which logical request fails and how: the same seed, request and
/// attempt number always give the same fault, so a test can predict every outcome and a benchmark run can be
/// repeated. Each attempt is drawn independently: a request can fail once and then succeed, or fail on every
/// attempt and exhaust its retries.
/// </summary>
public sealed class LoadFaultPlan
{
    private readonly ulong _seed;

    /// <summary>Creates a plan.</summary>
    /// <param name="seed">Any number; the same one replays the same faults.</param>
    /// <param name="faultRate">The share of attempts that fail, from 0 to 1.</param>
    public LoadFaultPlan(int seed, double faultRate)
    {
        if (faultRate is < 0 or > 1 || double.IsNaN(faultRate))
        {
            throw new ArgumentOutOfRangeException(nameof(faultRate), faultRate, "The fault rate must be between 0 and 1.");
        }

        _seed = (ulong)(uint)seed;
        FaultRate = faultRate;
    }

    /// <summary>The share of attempts that fail.</summary>
    public double FaultRate { get; }

    /// <summary>The fault for attempt <paramref name="attempt"/> (1 for the first) of request <paramref name="requestId"/>.</summary>
    public LoadFault FaultFor(int requestId, int attempt)
    {
        ulong roll = Mix(_seed ^ ((ulong)(uint)requestId << 20) ^ (ulong)(uint)attempt);
        double draw = (roll >> 11) * (1.0 / (1UL << 53));
        if (draw >= FaultRate)
        {
            return LoadFault.None;
        }

        // The low bits are independent of the draw above: 40 % server errors, 30 % rate limits, 20 % resets and
        // 10 % timeouts (the slowest fault, since each one waits out a whole per-attempt timeout).
        return ((roll & 0x3FF) % 10) switch
        {
            < 4 => LoadFault.ServerError,
            < 7 => LoadFault.RateLimited,
            < 9 => LoadFault.Reset,
            _ => LoadFault.Timeout,
        };
    }

    /// <summary>The status a <see cref="LoadFault.ServerError"/> answers with for this attempt.</summary>
    public int ServerErrorStatus(int requestId, int attempt) =>
        ((Mix(_seed ^ ((ulong)(uint)requestId << 20) ^ (ulong)(uint)attempt) >> 10) % 3) switch
        {
            0 => 500,
            1 => 502,
            _ => 503,
        };

    // SplitMix64's finalizer: every input bit moves every output bit.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
