using System;
using System.Diagnostics;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
#endif

namespace AccountLinkGen;

// Escaping: values (and map keys) percent-encoded the way Stripe.net sends them.
public ref partial struct FormWriter
{
    /// <summary>
    /// How each ASCII character is written: <see cref="Literal"/> as itself, <see cref="Plus"/> (space) as
    /// <c>+</c>, <see cref="Escape"/> as <c>%XX</c>.
    /// </summary>
    private static ReadOnlySpan<byte> AsciiClass => new byte[128]
    {
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, // U+0000-U+000F
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, // U+0010-U+001F
        1, 0, 2, 2, 2, 2, 2, 2, 0, 0, 0, 2, 2, 0, 0, 2, //   ! " # $ % & ' ( ) * + , - . /
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, // 0-9 : ; < = > ?
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // @ A-O
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, // P-Z [ \ ] ^ _
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // ` a-o
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, // p-z { | } ~ DEL
    };

    private const byte Literal = 0;
    private const byte Plus = 1;
    private const byte Escape = 2;

    private void AppendEncodedValue(ReadOnlySpan<char> value)
    {
        // ASCII needs at most three chars per unit (%XX), plus one spare for the four-char stores of
        // EncodeAscii; from the first other character on, up to nine (three %XX for three UTF-8 bytes).
        EnsureCapacity((value.Length * 3) + 1);
#if NET
        if (value.Length >= LiteralBlockChars)
        {
            if (Ssse3.IsSupported)
            {
                // Sixteen chars per step (FormWriter.Vector.cs); most values end there, and what is left (a tail
                // after escapes, non-ASCII text) goes on to the table below.
                nint consumed = EncodeAsciiBlocks(
                    ref MemoryMarshal.GetReference(value),
                    value.Length,
                    ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length),
                    out nint written);
                _length += (int)written;
                value = value.Slice((int)consumed);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                // Most values (ids, enum names, URLs up to their first ':') start with a run that is written as
                // is: check and copy it eight chars at a time, then encode the rest from the table.
                int run = CopyLiteralRun(value, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length));
                _length += run;
                value = value.Slice(run);
            }
        }
#endif

        while (value.Length > 0)
        {
            int ascii = EncodeAscii(value, _buffer.Slice(_length), out int written);
            _length += written;
            value = value.Slice(ascii);
            if (value.Length == 0)
            {
                return;
            }

            EnsureCapacity((value.Length * 9) + 1);
            int consumed = EncodeNonAscii(value, _buffer.Slice(_length), out written);
            _length += written;
            value = value.Slice(consumed);
        }
    }


    /// <summary>
    /// Encodes the ASCII characters that start <paramref name="value"/>, up to the first other one; returns how
    /// many it consumed, with the chars written (at most three per character, plus one spare) in
    /// <paramref name="written"/>.
    /// </summary>
    private static int EncodeAscii(ReadOnlySpan<char> value, Span<char> destination, out int written)
    {
        // The stores below are unchecked: every caller reserves three chars per character plus the spare.
        Debug.Assert(destination.Length >= (value.Length * 3) + 1, "EncodeAscii needs three chars per character and one spare.");
        int w = 0;
        int i = 0;
#if NET
        if (BitConverter.IsLittleEndian)
        {
            // Branch-free: each ASCII character's encoding (1 or 3 chars) and its length are one table entry,
            // stored as four chars at once; the caller reserved the spare char. Four characters are read as one
            // 64-bit load and checked for ASCII together, which keeps the loop's only dependency the output
            // position.
            ref ulong table = ref MemoryMarshal.GetArrayDataReference(AsciiEncodings);
            ref char source = ref MemoryMarshal.GetReference(value);
            ref byte target = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(destination));
            nint length = value.Length;
            nint at = 0;
            nint to = 0;
            for (; at <= length - 4; at += 4)
            {
                ulong four = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref source, at)));
                if ((four & 0xFF80_FF80_FF80_FF80) != 0)
                {
                    break;
                }

                ulong e0 = Unsafe.Add(ref table, (nint)(four & 0x7F));
                ulong e1 = Unsafe.Add(ref table, (nint)((four >> 16) & 0x7F));
                ulong e2 = Unsafe.Add(ref table, (nint)((four >> 32) & 0x7F));
                ulong e3 = Unsafe.Add(ref table, (nint)(four >> 48));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), e0);
                to += (nint)(e0 >> 48);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), e1);
                to += (nint)(e1 >> 48);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), e2);
                to += (nint)(e2 >> 48);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), e3);
                to += (nint)(e3 >> 48);
            }

            for (; at < length; at++)
            {
                char c = Unsafe.Add(ref source, at);
                if (c >= 0x80)
                {
                    break;
                }

                ulong encoded = Unsafe.Add(ref table, (nint)c);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), encoded);
                to += (nint)(encoded >> 48);
            }

            written = (int)to;
            return (int)at;
        }
#endif
        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x80)
            {
                break;
            }

            w += WriteAscii(destination.Slice(w), c);
        }

        written = w;
        return i;
    }

#if NET
    /// <summary>
    /// For each ASCII character, its encoding as up to three UTF-16 chars in the low 48 bits (little-endian, as
    /// stored) and the number of chars that count in the top 16.
    /// </summary>
    private static readonly ulong[] AsciiEncodings = CreateAsciiEncodings();

    private static ulong[] CreateAsciiEncodings()
    {
        const string Hex = "0123456789ABCDEF";
        var table = new ulong[128];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = AsciiClass[c] switch
            {
                Literal => (uint)c | (1UL << 48),
                Plus => (ulong)'+' | (1UL << 48),
                _ => (ulong)'%' | ((ulong)Hex[c >> 4] << 16) | ((ulong)Hex[c & 0xF] << 32) | (3UL << 48),
            };
        }

        return table;
    }
#endif

    /// <summary>
    /// Encodes the non-ASCII character (or surrogate pair) starting <paramref name="value"/>; returns the units
    /// consumed, with the chars written in <paramref name="written"/>.
    /// </summary>
    private static int EncodeNonAscii(ReadOnlySpan<char> value, Span<char> destination, out int written)
    {
        char c = value[0];
        int consumed = 1;
        int scalar;
        if (char.IsHighSurrogate(c) && value.Length > 1 && char.IsLowSurrogate(value[1]))
        {
            scalar = char.ConvertToUtf32(c, value[1]);
            consumed = 2;
        }
        else if (char.IsSurrogate(c))
        {
            // Encoding.UTF8 (and so Stripe's encoder) replaces a lone surrogate with U+FFFD.
            scalar = 0xFFFD;
        }
        else
        {
            scalar = c;
        }

        Span<byte> utf8 = stackalloc byte[4];
#if NET
        int count = new Rune(scalar).EncodeToUtf8(utf8);
#else
        int count = PortableFormat.EncodeUtf8(scalar, utf8);
#endif
        for (int b = 0; b < count; b++)
        {
            WriteEscaped(destination.Slice(b * 3), utf8[b]);
        }

        written = count * 3;
        return consumed;
    }

    /// <summary>Writes one ASCII character as itself, <c>+</c> or <c>%XX</c>; returns the chars written.</summary>
    private static int WriteAscii(Span<char> destination, char c)
    {
        switch (AsciiClass[c])
        {
            case Literal:
                destination[0] = c;
                return 1;
            case Plus:
                destination[0] = '+';
                return 1;
            default:
                WriteEscaped(destination, (byte)c);
                return 3;
        }
    }

    private static void WriteEscaped(Span<char> destination, byte b)
    {
        const string Hex = "0123456789ABCDEF";
        destination[2] = Hex[b & 0xF];
        destination[1] = Hex[b >> 4];
        destination[0] = '%';
    }
}
