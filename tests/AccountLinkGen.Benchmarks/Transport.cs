namespace AccountLinkGen.Benchmarks;

/// <summary>How <see cref="RuntimeBenchmarks"/> reaches the fake Stripe.</summary>
public enum Transport
{
    /// <summary>HTTP/1.1 over loopback TCP to a Kestrel server in the same process.</summary>
    Kestrel,

    /// <summary>A handler that answers without a network, isolating what the clients themselves cost.</summary>
    InMemory,
}
