using System;
using System.Globalization;
using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Forms;

/// <summary>
/// The netstandard2.0 build formats integers and encodes UTF-8 without <c>TryFormat</c> and <c>Rune</c>; these
/// stand-ins must give exactly what those APIs give, which the net8.0 build (the one tests run) still uses.
/// </summary>
public sealed class PortableFormatTests
{
    public static TheoryData<long> Int64Values => new()
    {
        0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, int.MaxValue, int.MinValue,
        999_999_999_999_999_999, 1_000_000_000_000_000_000, long.MaxValue, long.MinValue, long.MinValue + 1,
    };

    [Theory]
    [MemberData(nameof(Int64Values))]
    public void WriteInt64_matches_invariant_TryFormat(long value)
    {
        Span<char> actual = stackalloc char[PortableFormat.MaxInt64Chars];
        int written = PortableFormat.WriteInt64(actual, value);

        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), actual.Slice(0, written).ToString());
    }

    [Fact]
    public void WriteInt64_matches_invariant_TryFormat_for_every_power_of_ten_boundary_and_random_values()
    {
        var random = new Random(20240611);
        Span<char> actual = stackalloc char[PortableFormat.MaxInt64Chars];
        Span<char> expected = stackalloc char[PortableFormat.MaxInt64Chars];
        for (int i = 0; i < 20_000; i++)
        {
            long value = i < 40
                ? (long)Math.Pow(10, i % 19) * (i < 19 ? 1 : -1) - (i % 2)
                : random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
            Assert.True(value.TryFormat(expected, out int expectedLength, default, CultureInfo.InvariantCulture));
            int written = PortableFormat.WriteInt64(actual, value);
            Assert.Equal(expected.Slice(0, expectedLength).ToString(), actual.Slice(0, written).ToString());
        }
    }

    [Fact]
    public void EncodeUtf8_matches_Rune_for_every_scalar_value()
    {
        Span<byte> expected = stackalloc byte[4];
        Span<byte> actual = stackalloc byte[4];
        for (int scalar = 0; scalar <= 0x10FFFF; scalar++)
        {
            if (scalar is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            int expectedCount = new Rune(scalar).EncodeToUtf8(expected);
            int count = PortableFormat.EncodeUtf8(scalar, actual);
            if (count != expectedCount || !actual.Slice(0, count).SequenceEqual(expected.Slice(0, expectedCount)))
            {
                Assert.Fail($"U+{scalar:X4}: expected {Convert.ToHexString(expected.Slice(0, expectedCount))}, got {Convert.ToHexString(actual.Slice(0, count))}.");
            }
        }
    }
}
