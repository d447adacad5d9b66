// Compiled for netstandard2.0 only (see the project file): the BCL APIs the form writer uses on newer frameworks,
// in the same shape, so that the writer reads the same on both.
using System;
using System.Globalization;
using System.Text;

namespace AccountLinkGen;

/// <summary>Stands in for <c>System.Buffers.SearchValues&lt;char&gt;</c>: a fixed set of characters.</summary>
internal sealed class SearchValues<T>(string values)
    where T : IEquatable<T>
{
    public string Values { get; } = values;
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

    // For long and decimal, which have no TryFormat of their own here.
    public static bool TryFormat<T>(this T value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        where T : IFormattable
    {
        string text = value.ToString(format.ToString(), provider);
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }

    public static int GetBytes(this Encoding encoding, ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        byte[] encoded = encoding.GetBytes(chars.ToArray());
        encoded.CopyTo(bytes);
        return encoded.Length;
    }
}
