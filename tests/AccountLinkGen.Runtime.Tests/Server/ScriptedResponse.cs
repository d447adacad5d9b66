using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace AccountLinkGen.Runtime.Tests.Server;

/// <summary>What the test server does for one attempt: a status, headers and body, optionally slowed or cut.</summary>
public sealed record ScriptedResponse
{
    /// <summary>The body of a successful account link response.</summary>
    public const string AccountLinkJson =
        """{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/s/acct_1/abc"}""";

    public int Status { get; init; } = 200;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = AccountLinkJson;

    /// <summary>A wait before anything is written; canceled when the client goes away.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// When set, the headers (with the full Content-Length) and this many body bytes are sent, then the
    /// connection is aborted, so the client sees a response cut off mid-body.
    /// </summary>
    public int? AbortAfterBodyBytes { get; init; }

    /// <summary>
    /// When set, the headers (with the full Content-Length) and this many body bytes are sent, then nothing more
    /// until the client goes away, so the client sees a body that stalls after the headers.
    /// </summary>
    public int? StallAfterBodyBytes { get; init; }

    /// <summary>
    /// When true, the body is sent without a Content-Length (chunked), as a compressed or streamed response is: the
    /// client learns where it ends only from the body itself.
    /// </summary>
    public bool Chunked { get; init; }

    /// <summary>When true, the connection is aborted once the request is read, before any byte of a response.</summary>
    public bool AbortBeforeResponse { get; init; }

    /// <summary>Completed when the server has received the request this response answers.</summary>
    public TaskCompletionSource? Received { get; init; }

    public static ScriptedResponse Ok() => new();

    public static ScriptedResponse Error(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            map[name] = value;
        }

        return new ScriptedResponse
        {
            Status = status,
            Body = body ?? ErrorBody("api_error", "Something went wrong."),
            Headers = map,
        };
    }

    public static string ErrorBody(string type, string message) =>
        $$$"""{"error":{"type":"{{{type}}}","message":"{{{message}}}"}}""";
}
