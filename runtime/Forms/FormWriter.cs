using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
#if NET
using System.Text;
#endif

namespace AccountLinkGen;

/// <summary>
/// Appends <c>key=value</c> pairs in Stripe's form wire format to a pooled buffer: UTF-8 percent-encoding with
/// uppercase hex, space as <c>+</c>, <c>A-Z a-z 0-9 - _ . ! * ( )</c> and <c>[</c> <c>]</c> kept literally,
/// bracketed keys for nesting (<c>a[b][c]</c>) and indexed lists (<c>expand[0]</c>).
/// </summary>
/// <remarks>
/// The writer keeps the key of the value being written as a stack in a second buffer:
/// <see cref="PushKey(string)"/> and <see cref="PushIndex(int)"/> return a mark that <see cref="PopKey(int)"/>
/// restores, so nested objects never build intermediate key strings. The only allocation is the final
/// string or byte array. Dispose the writer (or call one of the <c>…AndDispose</c> methods) to return the buffers.
/// </remarks>
public ref struct FormWriter
{
    private const int InitialBufferSize = 1024;
    private const int InitialKeySize = 128;

    private char[] _buffer;
    private int _length;
    private char[] _key;
    private int _keyLength;

    private FormWriter(int capacity)
    {
        _buffer = ArrayPool<char>.Shared.Rent(capacity);
        _key = ArrayPool<char>.Shared.Rent(InitialKeySize);
        _length = 0;
        _keyLength = 0;
    }

    /// <summary>Creates a writer with pooled buffers.</summary>
    public static FormWriter Create() => new(InitialBufferSize);

    /// <summary>The number of characters written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The encoded text written so far.</summary>
    public readonly ReadOnlySpan<char> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Appends <paramref name="name"/> to the current key (bracketed unless it is the first segment) and returns
    /// the mark to pass to <see cref="PopKey(int)"/>.
    /// </summary>
    public int PushKey(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        int mark = _keyLength;
        if (mark > 0)
        {
            AppendKeyChar('[');
        }

        AppendEncoded(ref _key, ref _keyLength, name.AsSpan());
        if (mark > 0)
        {
            AppendKeyChar(']');
        }

        return mark;
    }

    /// <summary>Appends <c>[index]</c> to the current key and returns the mark to pass to <see cref="PopKey(int)"/>.</summary>
    public int PushIndex(int index)
    {
        int mark = _keyLength;
        AppendKeyChar('[');
        EnsureCapacity(ref _key, _keyLength, 11);
#if NET
        index.TryFormat(_key.AsSpan(_keyLength), out int written, default, CultureInfo.InvariantCulture);
#else
        int written = PortableFormat.WriteInt64(_key.AsSpan(_keyLength), index);
#endif
        _keyLength += written;
        AppendKeyChar(']');
        return mark;
    }

    /// <summary>Restores the key to what it was when <paramref name="mark"/> was returned.</summary>
    public void PopKey(int mark) => _keyLength = mark;

    /// <summary>Writes <c>key=value</c> for the current key; a null value writes nothing, an empty one <c>key=</c>.</summary>
    public void WriteValue(string? value)
    {
        if (value is null)
        {
            return;
        }

        StartPair();
        AppendEncoded(ref _buffer, ref _length, value.AsSpan());
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant integer.</summary>
    public void WriteValue(long value)
    {
        StartPair();
        EnsureCapacity(ref _buffer, _length, 20);
#if NET
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
#else
        int written = PortableFormat.WriteInt64(_buffer.AsSpan(_length), value);
#endif
        _length += written;
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant decimal number.</summary>
    public void WriteValue(decimal value)
    {
        StartPair();
#if NET
        EnsureCapacity(ref _buffer, _length, 32);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
#else
        // No span formatting for decimal here; the invariant "G" text is the same, at the cost of one string.
        AppendRaw(value.ToString(CultureInfo.InvariantCulture));
#endif
    }

    /// <summary>Writes <c>key=true</c> or <c>key=false</c> for the current key.</summary>
    public void WriteValue(bool value)
    {
        StartPair();
        AppendRaw(value ? "true" : "false");
    }

    /// <summary>Writes the current key with the value as Unix seconds, as Stripe expects timestamps.</summary>
    public void WriteValue(DateTimeOffset value) => WriteValue(value.ToUnixTimeSeconds());

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        int mark = PushKey(name);
        WriteValue(value);
        PopKey(mark);
    }

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(string name, long? value)
    {
        if (value is { } v)
        {
            int mark = PushKey(name);
            WriteValue(v);
            PopKey(mark);
        }
    }

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(string name, decimal? value)
    {
        if (value is { } v)
        {
            int mark = PushKey(name);
            WriteValue(v);
            PopKey(mark);
        }
    }

    /// <summary>Writes <c>name=true|false</c> under the current key; a null value writes nothing.</summary>
    public void Write(string name, bool? value)
    {
        if (value is { } v)
        {
            int mark = PushKey(name);
            WriteValue(v);
            PopKey(mark);
        }
    }

    /// <summary>Writes <c>name=unix-seconds</c> under the current key; a null value writes nothing.</summary>
    public void Write(string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            int mark = PushKey(name);
            WriteValue(v);
            PopKey(mark);
        }
    }

    /// <summary>Writes a nested object as <c>name[child]=…</c>; a null object writes nothing.</summary>
    public void WriteObject<T>(string name, T? value)
        where T : IFormEncodable
    {
        if (value is null)
        {
            return;
        }

        int mark = PushKey(name);
        value.WriteForm(ref this);
        PopKey(mark);
    }

    /// <summary>Writes a list as <c>name[0]=…&amp;name[1]=…</c>; a null list writes nothing, an empty one <c>name=</c>, null items are skipped.</summary>
    public void WriteList(string name, System.Collections.Generic.IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        int mark = PushKey(name);
        if (values.Count == 0)
        {
            // Stripe.net sends an empty list as "name=" (how the API clears a list), not as nothing.
            WriteValue(string.Empty);
        }

        for (int i = 0; i < values.Count; i++)
        {
            int item = PushIndex(i);
            WriteValue(values[i]);
            PopKey(item);
        }

        PopKey(mark);
    }

    /// <summary>Writes a string map as <c>name[key]=value</c>; a null map writes nothing.</summary>
    public void WriteMap(string name, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            return;
        }

        int mark = PushKey(name);
        foreach (var pair in values)
        {
            int item = PushKey(pair.Key);
            WriteValue(pair.Value);
            PopKey(item);
        }

        PopKey(mark);
    }

    /// <summary>Returns the encoded text and returns the buffers to the pool.</summary>
    public string ToStringAndDispose()
    {
        string result = _length == 0 ? string.Empty : new string(_buffer, 0, _length);
        Dispose();
        return result;
    }

    /// <summary>Returns the encoded text as bytes (it is ASCII, so also UTF-8) and returns the buffers to the pool.</summary>
    public byte[] ToUtf8BytesAndDispose()
    {
        byte[] result = _length == 0 ? Array.Empty<byte>() : new byte[_length];
        for (int i = 0; i < _length; i++)
        {
            result[i] = (byte)_buffer[i];
        }

        Dispose();
        return result;
    }

    /// <summary>Returns the pooled buffers. The writer must not be used afterwards.</summary>
    public void Dispose()
    {
        char[] buffer = _buffer;
        char[] key = _key;
        _buffer = Array.Empty<char>();
        _key = Array.Empty<char>();
        _length = 0;
        _keyLength = 0;
        if (buffer is { Length: > 0 })
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (key is { Length: > 0 })
        {
            ArrayPool<char>.Shared.Return(key);
        }
    }

    /// <summary>Encodes one value as Stripe does, for tests and callers that build query strings by hand.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public static string Encode(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, value.Length * 3));
        int length = 0;
        AppendEncoded(ref buffer, ref length, value.AsSpan());
        string result = new(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    private void StartPair()
    {
        if (_keyLength == 0)
        {
            throw new InvalidOperationException("A form value needs a key: call PushKey before WriteValue.");
        }

        EnsureCapacity(ref _buffer, _length, _keyLength + 2);
        if (_length > 0)
        {
            _buffer[_length++] = '&';
        }

        _key.AsSpan(0, _keyLength).CopyTo(_buffer.AsSpan(_length));
        _length += _keyLength;
        _buffer[_length++] = '=';
    }

    private void AppendRaw(string ascii)
    {
        EnsureCapacity(ref _buffer, _length, ascii.Length);
        ascii.AsSpan().CopyTo(_buffer.AsSpan(_length));
        _length += ascii.Length;
    }

    private void AppendKeyChar(char c)
    {
        EnsureCapacity(ref _key, _keyLength, 1);
        _key[_keyLength++] = c;
    }

#if NET
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]");
#endif

    private static void AppendEncoded(ref char[] target, ref int length, ReadOnlySpan<char> value)
    {
        // ASCII needs at most three chars per unit (%XX); from the first other character on, up to nine
        // (three %XX for three UTF-8 bytes), reserved when one is met.
        EnsureCapacity(ref target, length, value.Length * 3);
        while (value.Length > 0)
        {
#if NET
            // Copy each run of characters that need no escaping in one go, then escape the one that ends it.
            int run = value.IndexOfAnyExcept(Unreserved);
            if (run < 0)
            {
                value.CopyTo(target.AsSpan(length));
                length += value.Length;
                return;
            }

            value.Slice(0, run).CopyTo(target.AsSpan(length));
            length += run;
            value = value.Slice(run);
#endif
            if (value[0] >= 0x80)
            {
                EnsureCapacity(ref target, length, value.Length * 9);
            }

            int consumed = EncodeOne(value, target, ref length);
            value = value.Slice(consumed);
        }
    }

    /// <summary>Encodes the first character (or surrogate pair) of <paramref name="value"/>; returns the units consumed.</summary>
    private static int EncodeOne(ReadOnlySpan<char> value, char[] destination, ref int written)
    {
        char c = value[0];
        if (c < 0x80)
        {
            if (IsUnreserved(c))
            {
                destination[written++] = c;
            }
            else if (c == ' ')
            {
                destination[written++] = '+';
            }
            else
            {
                WriteEscaped(destination, ref written, (byte)c);
            }

            return 1;
        }

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
            WriteEscaped(destination, ref written, utf8[b]);
        }

        return consumed;
    }

    private static bool IsUnreserved(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a'
        || (uint)(c - '0') <= 9
        || c is '-' or '_' or '.' or '!' or '*' or '(' or ')' or '[' or ']';

    private static void WriteEscaped(char[] destination, ref int written, byte b)
    {
        const string Hex = "0123456789ABCDEF";
        destination[written] = '%';
        destination[written + 1] = Hex[b >> 4];
        destination[written + 2] = Hex[b & 0xF];
        written += 3;
    }

    private static void EnsureCapacity(ref char[] array, int length, int additional)
    {
        if (length + additional <= array.Length)
        {
            return;
        }

        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(array.Length * 2, length + additional));
        array.AsSpan(0, length).CopyTo(larger);
        if (array.Length > 0)
        {
            ArrayPool<char>.Shared.Return(array);
        }

        array = larger;
    }
}
