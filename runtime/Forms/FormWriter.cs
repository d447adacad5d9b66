using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AccountLinkGen;

/// <summary>Appends <c>key=value</c> pairs in Stripe's form wire format. It exists for generated encoders only.</summary>
/// <remarks>
/// The format: UTF-8 percent-encoding with uppercase hex, space as <c>+</c>, <c>A-Z a-z 0-9 - _ . ! * ( ) [ ]</c>
/// kept, nested keys <c>a[b][c]</c>, indexed lists <c>expand[0]</c>. A nested name that holds a <c>[</c> carries
/// its own deeper path, as Stripe's SDK sends it: <c>a[b]</c> under <c>metadata</c> is <c>metadata[a][b]</c>. The
/// key of nested objects is a stack in a second buffer: <see cref="PushKey"/> returns a mark that
/// <see cref="PopKey"/> restores. Both buffers are pooled; the only allocation is the result.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FormWriter
{
    private const int InitialBufferSize = 1024;
    private const int InitialKeySize = 128;
    // What the format writes as itself; space becomes "+", anything else "%XX" of its UTF-8 bytes.
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]";

    // The same set twice: for the BCL's vectorized scan, and as a table for the char-by-char loop after it.
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create(Unreserved);
    private static readonly bool[] s_unreservedAscii = Enumerable.Range(0, 128).Select(c => Unreserved.IndexOf((char)c) >= 0).ToArray();

    private char[] _buffer;
    private int _length;
    private char[] _key;
    private int _keyLength;

    /// <summary>Creates a writer with pooled buffers; <see cref="ToStringAndDispose"/> returns them.</summary>
    public static FormWriter Create() => Create(InitialBufferSize, InitialKeySize);

    /// <summary>Creates a writer whose pooled buffers start at (at least) the given sizes and grow as needed.</summary>
    internal static FormWriter Create(int bufferSize, int keySize) => new()
    {
        _buffer = ArrayPool<char>.Shared.Rent(bufferSize),
        _key = ArrayPool<char>.Shared.Rent(keySize),
    };

    /// <summary>The encoded text written so far.</summary>
    internal readonly ReadOnlySpan<char> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Appends <paramref name="name"/> to the current key and returns the mark to pass to <see cref="PopKey"/>.</summary>
    public int PushKey(FormEncodedText name)
    {
        int mark = _keyLength;
        string segment = mark == 0 ? name.Name.TopPair : name.Name.NestedPair;
        AppendToKey(segment.AsSpan(0, segment.Length - 1));
        return mark;
    }

    /// <summary>Appends <c>[index]</c> to the current key and returns the mark to pass to <see cref="PopKey"/>.</summary>
    public int PushIndex(int index)
    {
        int mark = _keyLength;
        int start = _length;
        Append('[');
        AppendNumber(index);
        Append(']');
        MoveToKey(start);
        return mark;
    }

    /// <summary>Restores the key to what it was when <paramref name="mark"/> was returned.</summary>
    public void PopKey(int mark) => _keyLength = mark;

    /// <summary>Writes <c>key=value</c> for the current key; a null value writes nothing, an empty one <c>key=</c>.</summary>
    public void WriteValue(string? value)
    {
        if (value is not null)
        {
            StartPair();
            AppendEncoded(value);
        }
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant integer.</summary>
    public void WriteValue(long value)
    {
        StartPair();
        AppendNumber(value);
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant decimal number.</summary>
    public void WriteValue(decimal value)
    {
        StartPair();
        AppendNumber(value);
    }

    /// <summary>Writes <c>key=true</c> or <c>key=false</c> for the current key.</summary>
    public void WriteValue(bool value) => WriteValue(value ? "true" : "false");

    /// <summary>Writes the current key with the value as Unix seconds, as Stripe expects timestamps.</summary>
    public void WriteValue(DateTimeOffset value) => WriteValue(value.ToUnixTimeSeconds());

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, string? value)
    {
        if (value is not null)
        {
            StartPair(name);
            AppendEncoded(value);
        }
    }

    /// <summary>Writes <c>name=value</c> under the current key with an invariant integer; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, long? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendNumber(v);
        }
    }

    /// <summary>Writes <c>name=value</c> under the current key with an invariant decimal; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, decimal? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendNumber(v);
        }
    }

    /// <summary>Writes <c>name=true|false</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, bool? value) => Write(name, value is { } v ? (v ? "true" : "false") : null);

    /// <summary>Writes <c>name=unix-seconds</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, DateTimeOffset? value) => Write(name, value?.ToUnixTimeSeconds());

    /// <summary>Writes a nested object as <c>name[child]=…</c>; a null object writes nothing.</summary>
    public void WriteObject<T>(FormEncodedText name, T? value)
        where T : IFormEncodable
    {
        if (value is not null)
        {
            int mark = PushKey(name);
            value.WriteForm(ref this);
            PopKey(mark);
        }
    }

    /// <summary>Writes a list as <c>name[0]=…&amp;name[1]=…</c>; a null list writes nothing, an empty one <c>name=</c>, null items are skipped.</summary>
    public void WriteList(FormEncodedText name, IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        int mark = PushKey(name);
        if (values.Count == 0)
        {
            // Stripe.net sends an empty list as "name=", which is how the API clears a list.
            StartPair();
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } item)
            {
                StartKey();
                Append('[');
                AppendNumber(i);
                Append("]=".AsSpan());
                AppendEncoded(item);
            }
        }

        PopKey(mark);
    }

    /// <summary>Writes a string map as <c>name[key]=value</c>; a null or empty map writes nothing, null values are skipped.</summary>
    public void WriteMap(FormEncodedText name, IEnumerable<KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            return;
        }

        int mark = PushKey(name);
        foreach (KeyValuePair<string, string> entry in values)
        {
            if (entry.Value is { } value)
            {
                int key = PushMapKey(entry.Key);
                WriteValue(value);
                PopKey(key);
            }
        }

        PopKey(mark);
    }

    /// <summary>
    /// Writes a map of nested objects as <c>name[key][child]=…</c>; a null or empty map writes nothing, null values
    /// are skipped (as null items of lists are; generated validators report them).
    /// </summary>
    public void WriteObjectMap<T>(FormEncodedText name, IEnumerable<KeyValuePair<string, T>>? values)
        where T : IFormEncodable
    {
        if (values is null)
        {
            return;
        }

        int mark = PushKey(name);
        foreach (KeyValuePair<string, T> entry in values)
        {
            if (entry.Value is { } value)
            {
                int key = PushMapKey(entry.Key);
                value.WriteForm(ref this);
                PopKey(key);
            }
        }

        PopKey(mark);
    }

    /// <summary>Returns the encoded text and returns the pooled buffers.</summary>
    public string ToStringAndDispose()
    {
        string result = WrittenSpan.ToString();
        Dispose();
        return result;
    }

    /// <summary>Returns the encoded text as bytes (it is ASCII, so also UTF-8) and returns the pooled buffers.</summary>
    internal byte[] ToUtf8BytesAndDispose()
    {
        byte[] result = new byte[_length];
        Encoding.ASCII.GetBytes(WrittenSpan, result);
        Dispose();
        return result;
    }

    /// <summary>Returns the pooled buffers. The writer must not be used afterwards.</summary>
    internal void Dispose()
    {
        Return(_buffer);
        Return(_key);
        this = default;
    }

    /// <summary>Encodes one value as Stripe does; <see cref="FormEncodedText.Encode(string)"/> escapes names with it.</summary>
    internal static string Encode(string value)
    {
        var writer = Create(16 + (value.Length * 3), 16);
        writer.AppendEncoded(value);
        return writer.ToStringAndDispose();
    }

    private int PushMapKey(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        // Written as "[name]" in the output's spare room, then moved to the key stack. Escaping keeps "[" and never
        // makes one, so the encoded name has a "[" where the name has one: close the bracket before it.
        int mark = _keyLength;
        int start = _length;
        Append('[');
        AppendEncoded(name);
        int bracket = _buffer.AsSpan(start + 1, _length - start - 1).IndexOf('[');
        Append(']');
        if (bracket >= 0)
        {
            bracket += start + 1;
            _buffer.AsSpan(bracket, _length - bracket - 1).CopyTo(_buffer.AsSpan(bracket + 1));
            _buffer[bracket] = ']';
        }

        MoveToKey(start);
        return mark;
    }

    private void StartPair()
    {
        if (_keyLength == 0)
        {
            throw new InvalidOperationException("A form value needs a key: call PushKey before WriteValue.");
        }

        StartKey();
        Append('=');
    }

    /// <summary>Starts <c>&amp;key[name]=</c>, or <c>name=</c> at the top.</summary>
    private void StartPair(FormEncodedText name)
    {
        string pair = _keyLength == 0 ? name.Name.TopPair : name.Name.NestedPair;
        StartKey(pair.Length);
        pair.AsSpan().CopyTo(_buffer.AsSpan(_length));
        _length += pair.Length;
    }

    /// <summary>Writes the separator (after the first pair) and the current key, with room for <paramref name="more"/> after them.</summary>
    private void StartKey(int more = 0)
    {
        EnsureCapacity(1 + _keyLength + more);
        if (_length > 0)
        {
            _buffer[_length++] = '&';
        }

        if (_keyLength > 0)
        {
            _key.AsSpan(0, _keyLength).CopyTo(_buffer.AsSpan(_length));
            _length += _keyLength;
        }
    }

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

    private void AppendNumber(long value)
    {
        Span<char> text = stackalloc char[20];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        Append(text.Slice(0, written));
    }

    private void AppendNumber(decimal value)
    {
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        Append(text.Slice(0, written));
    }

    private void Append(char c)
    {
        EnsureCapacity(1);
        _buffer[_length++] = c;
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional > _buffer.Length)
        {
            Grow(ref _buffer, additional);
        }
    }

    private void MoveToKey(int start)
    {
        AppendToKey(_buffer.AsSpan(start, _length - start));
        _length = start;
    }

    private void AppendToKey(scoped ReadOnlySpan<char> text)
    {
        if (_keyLength + text.Length > _key.Length)
        {
            Grow(ref _key, text.Length);
        }

        text.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += text.Length;
    }

    private static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void Grow(ref char[] buffer, int additional)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, buffer.Length + additional));
        buffer.CopyTo(larger, 0);
        Return(buffer);
        buffer = larger;
    }
}
