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
internal sealed class FilePartContent(Stream source, long start, string name) : HttpContent
{
    private const int BufferSize = 81920;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        CopyAsync(stream, CancellationToken.None);

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        CopyAsync(stream, cancellationToken);

    // A synchronous call sends its upload synchronously too (HttpClient.Send asks every part for this).
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[BufferSize];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read;
            try
            {
                read = source.Read(buffer, 0, buffer.Length);
            }
            catch (Exception ex)
            {
                throw ReadFailed(ex);
            }

            if (read == 0)
            {
                return;
            }

            stream.Write(buffer, 0, read);
        }
    }
#endif

    // A read that fails is the caller's stream, not the network: an IOException would be taken for a network failure
    // and retried, so it leaves as an ArgumentException, which HttpClient passes through and the client never retries.
    private async Task CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[BufferSize];
        while (true)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw ReadFailed(ex);
            }

            if (read == 0)
            {
                return;
            }

            await stream.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }
    }

    private ArgumentException ReadFailed(Exception ex) =>
        new($"Reading the '{name}' stream to upload failed, so the upload was stopped and not retried: {ex.Message}", name, ex);

    // A stream that can seek has a known length, so the request gets a Content-Length; any other goes chunked.
    protected override bool TryComputeLength(out long length)
    {
        length = start >= 0 ? Math.Max(0, source.Length - start) : 0;
        return start >= 0;
    }
}
