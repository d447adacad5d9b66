using System;
using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics;
#endif

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

    /// <summary>
    /// Makes room for <paramref name="additional"/> more chars in the output, and one copy block beyond them, so
    /// that <see cref="CopyBlocks"/> may write whole blocks.
    /// </summary>
    private void EnsureCapacity(int additional)
    {
        if (_length + additional + EncodedName.BlockChars > _buffer.Length)
        {
            Grow(ref _buffer, ref _rentedBuffer, _length, additional + EncodedName.BlockChars);
        }
    }

    /// <summary>
    /// Makes room for <paramref name="additional"/> more chars on the key stack, and one copy block beyond them;
    /// so whenever the key is not empty, whole blocks can be read from it and written to it.
    /// </summary>
    private void EnsureKeyCapacity(int additional)
    {
        if (_keyLength + additional + EncodedName.BlockChars > _key.Length)
        {
            Grow(ref _key, ref _rentedKey, _keyLength, additional + EncodedName.BlockChars);
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> chars, rounded up to whole blocks of <see cref="EncodedName.BlockChars"/>
    /// (at least one): both sides must have that room. Names and keys are short, and two vector moves per block
    /// beat a call to the general copy for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyBlocks(ref char destination, ref char source, int count)
    {
#if NET
        ref ushort to = ref Unsafe.As<char, ushort>(ref destination);
        ref ushort from = ref Unsafe.As<char, ushort>(ref source);
        nuint offset = 0;
        do
        {
            Vector128<ushort> low = Vector128.LoadUnsafe(ref from, offset);
            Vector128<ushort> high = Vector128.LoadUnsafe(ref from, offset + 8);
            low.StoreUnsafe(ref to, offset);
            high.StoreUnsafe(ref to, offset + 8);
            offset += EncodedName.BlockChars;
        }
        while (offset < (nuint)count);
#else
        for (int i = 0; i < count; i++)
        {
            Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
        }
#endif
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
