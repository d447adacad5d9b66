#if NET
using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccountLinkGen;

// Vectorized escaping, for .NET 8 and later: whole blocks of ASCII checked and written at once. The table loop in
// FormWriter.Escaping.cs stays the portable path, and takes over for tails, non-ASCII text and other hardware.
public ref partial struct FormWriter
{
    /// <summary>
    /// The chars <see cref="CopyLiteralRun"/> checks and copies at once, and the fewest
    /// <see cref="EncodeAsciiBlocks"/> takes.
    /// </summary>
    private const int LiteralBlockChars = 8;

    /// <summary>The chars <see cref="EncodeAsciiBlocks"/> encodes at once.</summary>
    private const int EscapeBlockChars = 16;

    /// <summary>
    /// Writes the run of characters that start <paramref name="value"/> and stand for themselves on the wire
    /// (unreserved, and space as <c>+</c>), checked and stored <see cref="LiteralBlockChars"/> at a time; returns
    /// how many it wrote. The last block overlaps the one before it instead of leaving a tail, so a value of at
    /// least one block that is all such characters is written whole. What is returned can be less than what was
    /// stored (when the overlapping block fails), but what was stored past it is the same text the table writes.
    /// </summary>
    /// <param name="value">At least <see cref="LiteralBlockChars"/> characters.</param>
    /// <param name="destination">Room for all of <paramref name="value"/>.</param>
    private static int CopyLiteralRun(ReadOnlySpan<char> value, ref char destination)
    {
        Debug.Assert(value.Length >= LiteralBlockChars, "CopyLiteralRun needs one whole block.");
        ref short source = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(value));
        ref short target = ref Unsafe.As<char, short>(ref destination);
        nuint last = (nuint)(value.Length - LiteralBlockChars);
        nuint at = 0;
        while (true)
        {
            Vector128<short> chars = Vector128.LoadUnsafe(ref source, at);
            Vector128<short> space = Vector128.Equals(chars, Vector128.Create((short)' '));
            if (!Vector128.EqualsAll(IsUnreserved(chars) | space, Vector128<short>.AllBitsSet))
            {
                return (int)at;
            }

            (chars + (space & Vector128.Create((short)('+' - ' ')))).StoreUnsafe(ref target, at);
            if (at == last)
            {
                return value.Length;
            }

            at = Math.Min(at + LiteralBlockChars, last);
        }
    }

    /// <summary>
    /// All bits set in each lane whose char is unreserved (<c>A-Z a-z 0-9 - _ . ! * ( ) [ ]</c>): the literal
    /// entries of <see cref="AsciiClass"/>, as ranges. Chars from U+8000 up are negative here and match nothing.
    /// </summary>
    private static Vector128<short> IsUnreserved(Vector128<short> c)
    {
        Vector128<short> folded = c | Vector128.Create((short)0x20);
        Vector128<short> letters = Vector128.GreaterThan(folded, Vector128.Create((short)('a' - 1)))
            & Vector128.LessThan(folded, Vector128.Create((short)('z' + 1)));
        Vector128<short> digits = Vector128.GreaterThan(c, Vector128.Create((short)('0' - 1)))
            & Vector128.LessThan(c, Vector128.Create((short)('9' + 1)));
        Vector128<short> parensAndStar = Vector128.GreaterThan(c, Vector128.Create((short)('(' - 1)))
            & Vector128.LessThan(c, Vector128.Create((short)('*' + 1)));
        Vector128<short> dashAndDot = Vector128.GreaterThan(c, Vector128.Create((short)('-' - 1)))
            & Vector128.LessThan(c, Vector128.Create((short)('.' + 1)));
        Vector128<short> single = Vector128.Equals(c, Vector128.Create((short)'!'))
            | Vector128.Equals(c, Vector128.Create((short)'_'))
            | Vector128.Equals(c, Vector128.Create((short)'['))
            | Vector128.Equals(c, Vector128.Create((short)']'));
        return letters | digits | parensAndStar | dashAndDot | single;
    }

    /// <summary>
    /// Encodes the ASCII at the start of <paramref name="source"/> <see cref="EscapeBlockChars"/> chars at a time
    /// (SSSE3), up to the first block with another character or fewer than a block left; returns the chars
    /// consumed, with the chars written in <paramref name="written"/>.
    /// </summary>
    /// <remarks>
    /// A block is narrowed to bytes and classified with two nibble lookups (<see cref="Literals"/>). A block with
    /// nothing to escape is widened back and stored (spaces as <c>+</c>). Otherwise each half of eight is expanded
    /// by two shuffles chosen by its escape mask: every char becomes itself or <c>%</c>, followed, when escaped, by
    /// its two hex digits. Each half stores 24 chars whatever its length: <paramref name="destination"/> must hold
    /// three chars per source char. While nothing has needed escaping, output and input are aligned, so a short
    /// value (8 to 15 chars) or the tail of a longer one is taken as one block that overlaps what came before.
    /// </remarks>
    /// <param name="source">The chars to encode.</param>
    /// <param name="length">At least <see cref="LiteralBlockChars"/>.</param>
    /// <param name="destination">Room for three chars per source char.</param>
    /// <param name="written">The chars written.</param>
    private static nint EncodeAsciiBlocks(ref char source, nint length, ref char destination, out nint written)
    {
        Debug.Assert(Ssse3.IsSupported, "Only called where SSSE3 shuffles are available.");
        Debug.Assert(length >= LiteralBlockChars, "EncodeAsciiBlocks needs at least eight chars.");
        ref short from = ref Unsafe.As<char, short>(ref source);
        ref ushort target = ref Unsafe.As<char, ushort>(ref destination);
        Vector128<short> nonAscii = Vector128.Create(unchecked((short)0xFF80));
        if (length < EscapeBlockChars)
        {
            // Eight to fifteen chars: both ends as one block, taken when all of it stands for itself.
            Vector128<short> head = Vector128.LoadUnsafe(ref from);
            Vector128<short> end = Vector128.LoadUnsafe(ref from, (nuint)(length - 8));
            if (((head | end) & nonAscii) == Vector128<short>.Zero)
            {
                Vector128<byte> chars = Sse2.PackUnsignedSaturate(head, end);
                if (!Vector128.EqualsAny(Literals(chars), Vector128<byte>.Zero))
                {
                    Vector128<byte> plain = Plain(chars);
                    Vector128.WidenLower(plain).StoreUnsafe(ref target);
                    Vector128.WidenUpper(plain).StoreUnsafe(ref target, (nuint)(length - 8));
                    written = length;
                    return length;
                }
            }

            written = 0;
            return 0;
        }

        ref byte shuffles = ref MemoryMarshal.GetArrayDataReference(EscapeShuffles);
        nint at = 0;
        nint to = 0;
        for (; at <= length - EscapeBlockChars; at += EscapeBlockChars)
        {
            Vector128<short> first8 = Vector128.LoadUnsafe(ref from, (nuint)at);
            Vector128<short> second8 = Vector128.LoadUnsafe(ref from, (nuint)(at + 8));
            if (((first8 | second8) & nonAscii) != Vector128<short>.Zero)
            {
                written = to;
                return at;
            }

            Vector128<byte> chars = Sse2.PackUnsignedSaturate(first8, second8);
            Vector128<byte> escape = Vector128.Equals(Literals(chars), Vector128<byte>.Zero);
            Vector128<byte> plain = Plain(chars);
            uint mask = escape.ExtractMostSignificantBits();
            ref ushort at16 = ref Unsafe.Add(ref target, to);
            if (mask == 0)
            {
                Vector128.WidenLower(plain).StoreUnsafe(ref at16);
                Vector128.WidenUpper(plain).StoreUnsafe(ref at16, 8);
                to += EscapeBlockChars;
                continue;
            }

            Vector128<byte> lead = Vector128.ConditionalSelect(escape, Vector128.Create((byte)'%'), plain);
            Vector128<byte> hex = HexDigits;
            Vector128<byte> highDigits = Ssse3.Shuffle(hex, Vector128.ShiftRightLogical(chars.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F));
            Vector128<byte> lowDigits = Ssse3.Shuffle(hex, chars & Vector128.Create((byte)0x0F));
            nint firstHalf = ExpandHalf(
                Sse2.UnpackLow(lead.AsUInt64(), highDigits.AsUInt64()).AsByte(),
                lowDigits,
                mask & 0xFF,
                ref shuffles,
                ref at16);
            nint secondHalf = ExpandHalf(
                Sse2.UnpackHigh(lead.AsUInt64(), highDigits.AsUInt64()).AsByte(),
                Sse2.UnpackHigh(lowDigits.AsUInt64(), lowDigits.AsUInt64()).AsByte(),
                mask >> 8,
                ref shuffles,
                ref Unsafe.Add(ref at16, firstHalf));
            to += firstHalf + secondHalf;
        }

        if (at < length && to == at)
        {
            // Everything so far stood for itself, so output and input are aligned: the last sixteen chars are one
            // block that overlaps what was written, taken when all of it stands for itself too.
            nint last = length - EscapeBlockChars;
            Vector128<short> first8 = Vector128.LoadUnsafe(ref from, (nuint)last);
            Vector128<short> second8 = Vector128.LoadUnsafe(ref from, (nuint)(last + 8));
            if (((first8 | second8) & nonAscii) == Vector128<short>.Zero)
            {
                Vector128<byte> chars = Sse2.PackUnsignedSaturate(first8, second8);
                if (!Vector128.EqualsAny(Literals(chars), Vector128<byte>.Zero))
                {
                    Vector128<byte> plain = Plain(chars);
                    Vector128.WidenLower(plain).StoreUnsafe(ref target, (nuint)last);
                    Vector128.WidenUpper(plain).StoreUnsafe(ref target, (nuint)(last + 8));
                    written = length;
                    return length;
                }
            }
        }

        written = to;
        return at;
    }

    /// <summary>
    /// A nonzero byte for each ASCII byte of <paramref name="chars"/> that is written as one char (unreserved, or
    /// space), zero for the others: the low nibble picks the set of high nibbles that stand for themselves, the
    /// high nibble picks its bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Literals(Vector128<byte> chars)
    {
        Vector128<byte> nibble = Vector128.Create((byte)0x0F);
        Vector128<byte> high = Vector128.ShiftRightLogical(chars.AsUInt16(), 4).AsByte() & nibble;
        return Ssse3.Shuffle(LiteralByLowNibble, chars & nibble) & Ssse3.Shuffle(BitByHighNibble, high);
    }

    /// <summary>The bytes of <paramref name="chars"/> as written when they stand for themselves: space as <c>+</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Plain(Vector128<byte> chars) =>
        chars + (Vector128.Equals(chars, Vector128.Create((byte)' ')) & Vector128.Create((byte)('+' - ' ')));

    /// <summary>
    /// Writes eight chars, each as itself or as <c>%XX</c> where <paramref name="mask"/> has its bit, from
    /// <paramref name="leadAndHigh"/> (each char or <c>%</c>, then the eight high hex digits) and
    /// <paramref name="low"/> (the low hex digits); stores 24 chars and returns how many count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint ExpandHalf(Vector128<byte> leadAndHigh, Vector128<byte> low, uint mask, ref byte shuffles, ref ushort destination)
    {
        ref byte entry = ref Unsafe.Add(ref shuffles, (nint)(mask * ShuffleEntryBytes));
        Vector128<byte> head = Ssse3.Shuffle(leadAndHigh, Vector128.LoadUnsafe(ref entry))
            | Ssse3.Shuffle(low, Vector128.LoadUnsafe(ref entry, 16));
        Vector128<byte> tail = Ssse3.Shuffle(leadAndHigh, Vector128.LoadUnsafe(ref entry, 32))
            | Ssse3.Shuffle(low, Vector128.LoadUnsafe(ref entry, 48));
        Vector128.WidenLower(head).StoreUnsafe(ref destination);
        Vector128.WidenUpper(head).StoreUnsafe(ref destination, 8);
        Vector128.WidenLower(tail).StoreUnsafe(ref destination, 16);
        return 8 + (2 * BitOperations.PopCount(mask));
    }

    /// <summary>The bytes of one <see cref="EscapeShuffles"/> entry: four shuffle controls.</summary>
    private const int ShuffleEntryBytes = 64;

    /// <summary>
    /// For each escape mask of eight chars, the shuffle controls that lay out their encoding: output bytes 0-15
    /// from the lead-and-high-digit vector and from the low-digit vector, then output bytes 16-31 from each. A
    /// control byte of 0x80 gives zero, so each output byte comes from exactly one of the pair.
    /// </summary>
    private static readonly byte[] EscapeShuffles = CreateEscapeShuffles();

    private static byte[] CreateEscapeShuffles()
    {
        var table = new byte[256 * ShuffleEntryBytes];
        table.AsSpan().Fill(0x80);
        for (int mask = 0; mask < 256; mask++)
        {
            int entry = mask * ShuffleEntryBytes;
            int position = 0;
            for (int i = 0; i < 8; i++)
            {
                Set(table, entry, position++, fromLow: false, (byte)i);
                if ((mask & (1 << i)) != 0)
                {
                    Set(table, entry, position++, fromLow: false, (byte)(8 + i));
                    Set(table, entry, position++, fromLow: true, (byte)i);
                }
            }
        }

        return table;

        static void Set(byte[] table, int entry, int position, bool fromLow, byte index) =>
            table[entry + ((position / 16) * 32) + (fromLow ? 16 : 0) + (position % 16)] = index;
    }

    /// <summary>
    /// For each low nibble, a bit per high nibble (0-7) whose char is written as one char: unreserved, or space
    /// (as <c>+</c>). Built from <see cref="AsciiClass"/>.
    /// </summary>
    private static readonly Vector128<byte> LiteralByLowNibble = CreateLiteralByLowNibble();

    /// <summary>For each high nibble 0-7, its bit in <see cref="LiteralByLowNibble"/>; 8-15 never occur (ASCII only).</summary>
    private static readonly Vector128<byte> BitByHighNibble = Vector128.Create(
        (byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The uppercase hex digits, by nibble.</summary>
    private static readonly Vector128<byte> HexDigits = Vector128.Create("0123456789ABCDEF"u8);

    private static Vector128<byte> CreateLiteralByLowNibble()
    {
        Span<byte> bits = stackalloc byte[16];
        for (int c = 0; c < 128; c++)
        {
            if (AsciiClass[c] != Escape)
            {
                bits[c & 0xF] |= (byte)(1 << (c >> 4));
            }
        }

        return Vector128.Create((ReadOnlySpan<byte>)bits);
    }
}
#endif
