using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>Stands in for the wait between attempts: records each requested delay and returns at once.</summary>
public sealed class DelayRecorder
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    /// <summary>Runs after recording, for example to cancel the caller's token mid-backoff.</summary>
    public Action<TimeSpan>? OnDelay { get; set; }

    public TimeSpan[] Delays => _delays.ToArray();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Enqueue(delay);
        OnDelay?.Invoke(delay);
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }
}
