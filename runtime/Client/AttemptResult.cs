using System;
using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// How one attempt ended on the wire: an answer (a response, its body read unless left on the connection) or a
/// transport failure that may be retried (the network, or the attempt's own timeout).
/// </summary>
internal readonly struct AttemptResult
{
    private AttemptResult(HttpResponseMessage? response, byte[] body, Exception? failure, bool timedOut)
    {
        Response = response;
        Body = body;
        Failure = failure;
        TimedOut = timedOut;
    }

    /// <summary>The response, when one arrived.</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>The response's whole body, or empty when it was left on the connection.</summary>
    public byte[] Body { get; }

    /// <summary>Why no answer arrived, when none did.</summary>
    public Exception? Failure { get; }

    /// <summary>Whether the failure was the attempt's own timeout.</summary>
    public bool TimedOut { get; }

    public static AttemptResult Answered(HttpResponseMessage response, byte[] body) => new(response, body, null, false);

    public static AttemptResult NotAnswered(Exception failure, bool timedOut) => new(null, Array.Empty<byte>(), failure, timedOut);
}
