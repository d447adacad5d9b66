using System.Collections.Concurrent;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>The application's own code that the README's webhook endpoint calls: customers by ID, with their email.</summary>
public sealed class CustomerDirectory
{
    public ConcurrentDictionary<string, string?> Emails { get; } = new();

    public void Add(string id, string? email) => Emails[id] = email;

    public void Update(string id, string? email) => Emails[id] = email;
}
