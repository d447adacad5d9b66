// Compiled for netstandard2.0 only (see the project file): the BCL APIs the form writer uses on newer frameworks,
// in the same shape, so that the writer reads the same on both.
using System;
using System.Globalization;
using System.Text;

namespace AccountLinkGen;

/// <summary>Stands in for <c>System.Buffers.SearchValues&lt;char&gt;</c>: a fixed set of characters.</summary>
internal sealed class SearchValues<T>
    where T : IEquatable<T>
{
    public SearchValues(string values) => Values = values;

    public string Values { get; }
}

/// <summary>Stands in for <c>System.Buffers.SearchValues.Create</c>.</summary>
internal static class SearchValues
{
    public static SearchValues<char> Create(string values) => new(values);
}

/// <summary>The span and formatting members that netstandard2.0 lacks, as plain loops and strings.</summary>
internal static class FormatPolyfills
{
    public static int IndexOfAnyExcept(this ReadOnlySpan<char> span, SearchValues<char> values)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (values.Values.IndexOf(span[i]) < 0)
            {
                return i;
            }
        }

        return -1;
    }

    public static bool TryFormat(this long value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Copy(value.ToString(format.ToString(), provider), destination, out charsWritten);

    public static bool TryFormat(this decimal value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Copy(value.ToString(format.ToString(), provider), destination, out charsWritten);

    public static int GetBytes(this Encoding encoding, ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        byte[] encoded = encoding.GetBytes(chars.ToArray());
        encoded.CopyTo(bytes);
        return encoded.Length;
    }

    private static bool Copy(string text, Span<char> destination, out int charsWritten)
    {
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }
}
