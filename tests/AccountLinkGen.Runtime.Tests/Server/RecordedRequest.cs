using System;
using System.Collections.Generic;

namespace AccountLinkGen.Runtime.Tests.Server;

/// <summary>One request as the test server received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
