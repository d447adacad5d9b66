using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// The file's part of an upload: copies the caller's stream to the request as it is sent, a buffer at a time, never
/// whole. <see cref="StreamContent"/> would do the same but disposes the stream with the request, and the stream is
/// the caller's, who may send it again or read it afterwards.
/// </summary>
internal sealed class FilePartContent(Stream source, long start) : HttpContent
{
    private const int BufferSize = 81920;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        source.CopyToAsync(stream, BufferSize);

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        source.CopyToAsync(stream, BufferSize, cancellationToken);
#endif

    // A stream that can seek has a known length, so the request gets a Content-Length; any other goes chunked.
    protected override bool TryComputeLength(out long length)
    {
        length = start >= 0 ? Math.Max(0, source.Length - start) : 0;
        return start >= 0;
    }
}
