using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace AccountLinkGen;

/// <summary>Appends <c>key=value</c> pairs in Stripe's form wire format. It exists for generated code and is not a supported API.</summary>
/// <remarks>
/// The format: UTF-8 percent-encoding with uppercase hex, space as <c>+</c>, <c>A-Z a-z 0-9 - _ . ! * ( ) [ ]</c>
/// kept, nested keys <c>a[b][c]</c>, indexed lists <c>expand[0]</c>; a nested name with a <c>[</c> carries its own
/// path, as Stripe's SDK sends it (<c>a[b]</c> under <c>metadata</c> is <c>metadata[a][b]</c>). Nested keys are a
/// stack in a second pooled buffer: <see cref="PushKey"/> returns a mark that <see cref="PopKey"/> restores.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct FormWriter
{
    private char[] _buffer;
    private int _length;
    private char[] _key;
    private int _keyLength;

    /// <summary>Creates a writer with pooled buffers; <see cref="ToStringAndDispose"/> returns them.</summary>
    public static FormWriter Create() => Create(bufferSize: 1024, keySize: 128);

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
    public void WriteMap(FormEncodedText name, IEnumerable<KeyValuePair<string, string>>? values) =>
        WriteEntries(name, values, static (ref FormWriter writer, string value) => writer.WriteValue(value));

    /// <summary>Writes a map of objects as <c>name[key][child]=…</c>; null values are skipped (validators report them).</summary>
    public void WriteObjectMap<T>(FormEncodedText name, IEnumerable<KeyValuePair<string, T>>? values)
        where T : IFormEncodable =>
        WriteEntries(name, values, static (ref FormWriter writer, T value) => value.WriteForm(ref writer));

    /// <summary>Returns the encoded text and returns the pooled buffers.</summary>
    public string ToStringAndDispose()
    {
        string result = WrittenSpan.ToString();
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

    private void WriteEntries<T>(FormEncodedText name, IEnumerable<KeyValuePair<string, T>>? values, EntryWriter<T> write)
    {
        if (values is not null)
        {
            int mark = PushKey(name);
            foreach (KeyValuePair<string, T> entry in values)
            {
                if (entry.Value is { } value)
                {
                    int key = PushMapKey(entry.Key);
                    write(ref this, value);
                    PopKey(key);
                }
            }

            PopKey(mark);
        }
    }

    private int PushMapKey(string name)
    {
        Throw.IfNull(name, nameof(name));

        // "[name]", closed before the name's first "[" (escaping keeps "[" and makes none), then moved to the key.
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

    private void StartPair(FormEncodedText name)
    {
        string pair = _keyLength == 0 ? name.Name.TopPair : name.Name.NestedPair;
        StartKey(pair.Length);
        pair.AsSpan().CopyTo(_buffer.AsSpan(_length));
        _length += pair.Length;
    }

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

    private void Append(scoped ReadOnlySpan<char> text) => Append(ref _buffer, ref _length, text);

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

    private void AppendToKey(scoped ReadOnlySpan<char> text) => Append(ref _key, ref _keyLength, text);

    private static void Append(ref char[] buffer, ref int length, scoped ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Grow(ref buffer, text.Length);
        }

        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    private delegate void EntryWriter<T>(ref FormWriter writer, T value);

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
