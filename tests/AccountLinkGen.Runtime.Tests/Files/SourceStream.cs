using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Runtime.Tests.Files;

/// <summary>
/// A stream that cannot seek and makes up its bytes as it is read (byte i is i mod 251), counting the reads and bytes
/// handed out. Optionally it stops after some bytes until a gate opens: a sender that buffered the whole stream
/// before sending would wait there forever.
/// </summary>
public sealed class SourceStream(long length, long gateAfter = long.MaxValue, Task? gate = null) : Stream
{
    public int Reads { get; private set; }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte ByteAt(long i) => (byte)(i % 251);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (BytesRead >= gateAfter && gate is not null)
        {
            // A deadline only against a hang: the test fails, naming why, instead of never ending.
            await gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        long limit = BytesRead < gateAfter ? Math.Min(length, gateAfter) : length;
        int n = (int)Math.Min(count, limit - BytesRead);
        for (int i = 0; i < n; i++)
        {
            buffer[offset + i] = ByteAt(BytesRead + i);
        }

        BytesRead += n;
        Reads++;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        byte[] array = new byte[buffer.Length];
        int n = await ReadAsync(array, 0, array.Length, cancellationToken);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
