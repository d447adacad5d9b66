using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// How a successful response becomes the value a call returns: a model or a page read from the JSON body, the body
/// as a stream the caller disposes, or either of those with the response's details
/// (<see cref="StripeReader.WithResponse{T}"/>). One of the parts of a <see cref="StripeRequest{T}"/>. It exists for
/// generated code and is not a supported API.
/// </summary>
/// <typeparam name="T">What the call returns.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class StripeReader<T>
{
    // Only the kinds of this assembly: the pipeline knows how each treats the response it is given.
    private protected StripeReader()
    {
    }

    /// <summary>
    /// Whether the success body is left on the connection for the value to read: the pipeline then neither buffers
    /// it nor disposes the response, which the value owns.
    /// </summary>
    internal virtual bool LeavesBodyOnConnection => false;

    /// <summary>Reads the value of a successful attempt; with <paramref name="async"/> false it completes synchronously.</summary>
    internal abstract ValueTask<T> ReadAsync(SuccessfulAttempt attempt, bool async, CancellationToken cancellationToken);
}

/// <summary>The readers generated code names. It exists for generated code and is not a supported API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StripeReader
{
    /// <summary>
    /// The body of a download (a quote's PDF) as a stream read from the connection as the caller reads it, never
    /// buffered whole; disposing it frees the connection. The client's timeout covers the wait for the headers.
    /// </summary>
    public static StripeReader<Stream> Stream { get; } = new DownloadReader();

    /// <summary>
    /// The same reading as <paramref name="reader"/>, returning the value with the response's <c>Request-Id</c>,
    /// status, headers, idempotency key and number of attempts: what a service's <c>…WithResponse</c> methods send.
    /// </summary>
    /// <remarks>
    /// A static method rather than a property of <see cref="StripeReader{T}"/>: a member of the reader that made the
    /// reader of <c>StripeResponse&lt;T&gt;</c> would make NativeAOT's compiler expand
    /// <c>StripeResponse&lt;StripeResponse&lt;…&gt;&gt;</c> without end (IL3054). Generated code builds it once per operation.
    /// </remarks>
    /// <typeparam name="T">What the reader returns.</typeparam>
    /// <param name="reader">The reading to wrap.</param>
    public static StripeReader<StripeResponse<T>> WithResponse<T>(StripeReader<T> reader)
    {
        Throw.IfNull(reader, nameof(reader));
        return new DetailsReader<T>(reader);
    }

    /// <summary>A model or page read from the whole JSON body by <paramref name="read"/>.</summary>
    /// <typeparam name="T">The response model.</typeparam>
    /// <param name="read">The generated reader, such as <c>AccountLink.FromJson</c>.</param>
    public static StripeReader<T> Json<T>(StripeResponseReader<T> read)
    {
        Throw.IfNull(read, nameof(read));
        return new JsonReader<T>(read);
    }

    private sealed class JsonReader<T>(StripeResponseReader<T> read) : StripeReader<T>
    {
        internal override ValueTask<T> ReadAsync(SuccessfulAttempt attempt, bool async, CancellationToken cancellationToken) =>
            new(read(attempt.Body));
    }
}
