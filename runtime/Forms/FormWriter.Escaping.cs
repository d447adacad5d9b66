using System;
using System.Buffers;
using System.Linq;
using System.Text;

namespace AccountLinkGen;

// Escaping: what the format writes as itself; space becomes "+", anything else "%XX" of its UTF-8 bytes.
public ref partial struct FormWriter
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]";

    // The set twice: for the BCL's vectorized scan, and as a table for the char-by-char loop after it.
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create(Unreserved);
    private static readonly bool[] s_unreservedAscii = Enumerable.Range(0, 128).Select(c => Unreserved.IndexOf((char)c) >= 0).ToArray();

    private void AppendEncoded(string value)
    {
        // Most values (IDs, enum names) need no escaping: the BCL's vectorized scan tells at once.
        int at = value.AsSpan().IndexOfAnyExcept(s_unreserved);
        if (at < 0)
        {
            Append(value.AsSpan());
            return;
        }

        // Room for ASCII at its longest ("%XX" each); a non-ASCII run makes room for its own bytes. The loop keeps
        // the buffer and length in locals, which the JIT holds in registers.
        EnsureCapacity(value.Length * 3);
        char[] buffer = _buffer;
        int length = _length;
        value.AsSpan(0, at).CopyTo(buffer.AsSpan(length));
        length += at;
        for (; at < value.Length; at++)
        {
            char c = value[at];
            if (c < 0x80 && s_unreservedAscii[c])
            {
                buffer[length++] = c;
            }
            else if (c < 0x80)
            {
                length = WriteEscaped(buffer, length, c);
            }
            else
            {
                _length = length;
                at = AppendNonAscii(value, at) - 1;
                buffer = _buffer;
                length = _length;
            }
        }

        _length = length;
    }

    /// <summary>Writes the run of non-ASCII text at <paramref name="start"/>; returns where it ends.</summary>
    private int AppendNonAscii(string value, int start)
    {
        // The run whole, so a surrogate pair stays together: Encoding.UTF8 writes it as Stripe's SDK does, a lone
        // surrogate included (as U+FFFD).
        int end = start + 1;
        while (end < value.Length && value[end] >= 0x80)
        {
            end++;
        }

        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(end - start));
        int count = Encoding.UTF8.GetBytes(value, start, end - start, utf8, 0);
        EnsureCapacity((count + value.Length - end) * 3);
        for (int i = 0; i < count; i++)
        {
            _length = WriteEscaped(_buffer, _length, (char)utf8[i]);
        }

        ArrayPool<byte>.Shared.Return(utf8);
        return end;
    }

    /// <summary>Writes a space as <c>+</c>, any other byte as <c>%XX</c>, at <paramref name="at"/>; returns the new length.</summary>
    private static int WriteEscaped(char[] buffer, int at, char c)
    {
        const string Hex = "0123456789ABCDEF";
        if (c == ' ')
        {
            buffer[at] = '+';
            return at + 1;
        }

        buffer[at] = '%';
        buffer[at + 1] = Hex[c >> 4];
        buffer[at + 2] = Hex[c & 0xF];
        return at + 3;
    }
}
