using System;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedClock : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedClock(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
