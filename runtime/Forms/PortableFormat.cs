using System;

namespace AccountLinkGen;

/// <summary>
/// Allocation-free stand-ins for <c>long.TryFormat</c> and <c>Rune.EncodeToUtf8</c>, which netstandard2.0 lacks.
/// Compiled for every framework so tests can compare them with the real APIs; <see cref="FormWriter"/> uses them
/// only where those APIs are missing.
/// </summary>
internal static class PortableFormat
{
    /// <summary>The most characters <see cref="WriteInt64"/> writes: <c>-9223372036854775808</c>.</summary>
    public const int MaxInt64Chars = 20;

    /// <summary>
    /// Writes <paramref name="value"/> as invariant-culture decimal digits (a leading <c>-</c> when negative) and
    /// returns the number of characters written; <paramref name="destination"/> must hold <see cref="MaxInt64Chars"/>.
    /// </summary>
    public static int WriteInt64(Span<char> destination, long value)
    {
        // The magnitude as ulong, so long.MinValue needs no special case.
        ulong magnitude = value < 0 ? unchecked((ulong)(-(value + 1)) + 1) : (ulong)value;
        int digits = 1;
        for (ulong rest = magnitude / 10; rest != 0; rest /= 10)
        {
            digits++;
        }

        int length = value < 0 ? digits + 1 : digits;
        int position = length;
        do
        {
            ulong next = magnitude / 10;
            destination[--position] = (char)('0' + (int)(magnitude - (next * 10)));
            magnitude = next;
        }
        while (magnitude != 0);

        if (value < 0)
        {
            destination[0] = '-';
        }

        return length;
    }

    /// <summary>
    /// Writes the UTF-8 bytes of the Unicode scalar value <paramref name="scalar"/> (not a surrogate, at most
    /// U+10FFFF) and returns how many were written; <paramref name="destination"/> must hold four.
    /// </summary>
    public static int EncodeUtf8(int scalar, Span<byte> destination)
    {
        if (scalar < 0x80)
        {
            destination[0] = (byte)scalar;
            return 1;
        }

        if (scalar < 0x800)
        {
            destination[0] = (byte)(0xC0 | (scalar >> 6));
            destination[1] = (byte)(0x80 | (scalar & 0x3F));
            return 2;
        }

        if (scalar < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (scalar >> 12));
            destination[1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (scalar & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (scalar >> 18));
        destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (scalar & 0x3F));
        return 4;
    }
}
