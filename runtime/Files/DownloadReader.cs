using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// A download's success: its body left unread on the connection, handed to the caller as a stream that owns the
/// response (<see cref="StripeReader.Stream"/>).
/// </summary>
internal sealed class DownloadReader : StripeReader<Stream>
{
    internal override bool LeavesBodyOnConnection => true;

    internal override async ValueTask<Stream> ReadAsync(SuccessfulAttempt attempt, bool async, CancellationToken cancellationToken)
    {
        var content = attempt.Response.Content;
#if NET
        Stream body = async
            ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : content.ReadAsStream(cancellationToken);
#else
        // netstandard2.0 has no synchronous ReadAsStream; the headers are in, so this only opens the stream.
        Stream body = async
            ? await content.ReadAsStreamAsync().ConfigureAwait(false)
            : content.ReadAsStreamAsync().GetAwaiter().GetResult();
#endif
        return new ResponseStream(attempt.Response, body);
    }
}
