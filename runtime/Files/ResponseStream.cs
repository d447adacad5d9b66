using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// A download's body as the response delivers it: reads go straight to the response content's stream, and disposing
/// it disposes the response, which frees its connection.
/// </summary>
internal sealed class ResponseStream(HttpResponseMessage response, Stream content) : Stream
{
    public override bool CanRead => content.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A download's length is not known before it is read.");

    public override long Position
    {
        get => throw new NotSupportedException("A download cannot seek.");
        set => throw new NotSupportedException("A download cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count) => content.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        content.ReadAsync(buffer, offset, count, cancellationToken);

#if NET
    public override int Read(Span<byte> buffer) => content.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        content.ReadAsync(buffer, cancellationToken);
#endif

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        content.CopyToAsync(destination, bufferSize, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A download is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            content.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
