using System;
using System.Buffers;
using System.Globalization;

namespace AccountLinkGen;

// Buffers: numbers and literals appended to the output, and growing both buffers.
public ref partial struct FormWriter
{
    private void AppendAscii(string ascii)
    {
        EnsureCapacity(ascii.Length);
        ascii.AsSpan().CopyTo(_buffer.Slice(_length));
        _length += ascii.Length;
    }

    private void AppendInt64(long value)
    {
        EnsureCapacity(PortableFormat.MaxInt64Chars);
        _length += FormatInt64(_buffer.Slice(_length), value);
    }

    private void AppendDecimal(decimal value)
    {
#if NET
        EnsureCapacity(32);
        value.TryFormat(_buffer.Slice(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
#else
        // No span formatting for decimal here; the invariant "G" text is the same, at the cost of one string.
        AppendAscii(value.ToString(CultureInfo.InvariantCulture));
#endif
    }

    private static int FormatInt64(Span<char> destination, long value)
    {
#if NET
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        return written;
#else
        return PortableFormat.WriteInt64(destination, value);
#endif
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional > _buffer.Length)
        {
            Grow(ref _buffer, ref _rentedBuffer, _length, additional);
        }
    }

    private void EnsureKeyCapacity(int additional)
    {
        if (_keyLength + additional > _key.Length)
        {
            Grow(ref _key, ref _rentedKey, _keyLength, additional);
        }
    }

    private static void Grow(ref Span<char> span, ref char[]? rented, int length, int additional)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(span.Length * 2, 64), length + additional));
        span.Slice(0, length).CopyTo(larger);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        rented = larger;
        span = larger;
    }
}
