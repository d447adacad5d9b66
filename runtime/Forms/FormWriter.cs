using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccountLinkGen;

/// <summary>
/// Appends <c>key=value</c> pairs in Stripe's form wire format to a buffer: UTF-8 percent-encoding with
/// uppercase hex, space as <c>+</c>, <c>A-Z a-z 0-9 - _ . ! * ( )</c> and <c>[</c> <c>]</c> kept literally,
/// bracketed keys for nesting (<c>a[b][c]</c>) and indexed lists (<c>expand[0]</c>).
/// </summary>
/// <remarks>
/// Generated encoders are its callers: parameter names come pre-escaped as <see cref="FormEncodedText"/>, map keys
/// are escaped as they are written. The writer keeps the key prefix of nested objects as a stack in a second buffer:
/// <see cref="PushKey(FormEncodedText)"/> and <see cref="PushIndex(int)"/> return a mark that
/// <see cref="PopKey(int)"/> restores, so nested objects never build intermediate key strings. A leaf
/// (<c>Write(name, value)</c>) writes <c>&amp;prefix[name]=value</c> straight into the output. A nested name that
/// holds a <c>[</c> is written as Stripe's SDK writes it, as carrying its own deeper path: the bracket closes before
/// its first <c>[</c>, so <c>a[b]</c> under <c>metadata</c> is <c>metadata[a][b]</c> (and <c>a]</c> is
/// <c>metadata[a]]</c>). The buffers start in pooled arrays (or, inside the runtime, caller-provided memory) and
/// move to larger pooled arrays only when they fill up; the only allocation is the final string or byte array.
/// <see cref="ToStringAndDispose"/> returns the pooled arrays.
/// </remarks>
public ref partial struct FormWriter
{
    private const int InitialBufferSize = 1024;
    private const int InitialKeySize = 128;

    private Span<char> _buffer;
    private char[]? _rentedBuffer;
    private int _length;
    private Span<char> _key;
    private char[]? _rentedKey;
    private int _keyLength;

    /// <summary>
    /// Creates a writer that starts in <paramref name="initialBuffer"/> and <paramref name="initialKeyBuffer"/>
    /// (for example <c>stackalloc</c>ed) and moves to pooled arrays only if a request outgrows them.
    /// </summary>
    /// <param name="initialBuffer">Where the encoded text is written first.</param>
    /// <param name="initialKeyBuffer">Where the key prefix of nested objects is kept first.</param>
    internal FormWriter(Span<char> initialBuffer, Span<char> initialKeyBuffer)
    {
        _buffer = initialBuffer;
        _rentedBuffer = null;
        _length = 0;
        _key = initialKeyBuffer;
        _rentedKey = null;
        _keyLength = 0;
    }

    /// <summary>Creates a writer with pooled buffers.</summary>
    public static FormWriter Create()
    {
        // Each thread keeps one pair of buffers for its next writer (most encodes are sequential), which is
        // cheaper than two trips to the shared pool; nested or concurrent writers on a thread rent instead.
        char[] buffer = t_cachedBuffer ?? ArrayPool<char>.Shared.Rent(InitialBufferSize);
        char[] key = t_cachedKey ?? ArrayPool<char>.Shared.Rent(InitialKeySize);
        t_cachedBuffer = null;
        t_cachedKey = null;
        return new FormWriter(buffer, key) { _rentedBuffer = buffer, _rentedKey = key };
    }

    [ThreadStatic]
    private static char[]? t_cachedBuffer;

    [ThreadStatic]
    private static char[]? t_cachedKey;

    /// <summary>Buffers that grew beyond this go back to the shared pool, not to the thread's cache.</summary>
    private const int MaxCachedSize = 16 * 1024;

    /// <summary>The number of characters written so far.</summary>
    internal readonly int Length => _length;

    /// <summary>The encoded text written so far.</summary>
    internal readonly ReadOnlySpan<char> WrittenSpan => _buffer.Slice(0, _length);

    /// <summary>
    /// Appends an encoded <paramref name="name"/> to the current key (bracketed unless it is the first segment)
    /// and returns the mark to pass to <see cref="PopKey(int)"/>.
    /// </summary>
    public int PushKey(FormEncodedText name)
    {
        // The name's pair text without its "=": "name" at the top, "[name]" (closed as Stripe's SDK closes it)
        // when nested.
        EncodedName encoded = name.Name;
        int mark = _keyLength;
        char[] segment = mark == 0 ? encoded.Top : encoded.Nested;
        int count = (mark == 0 ? encoded.TopLength : encoded.NestedLength) - 1;
        EnsureKeyCapacity(count);
        CopyBlocks(ref Unsafe.Add(ref MemoryMarshal.GetReference(_key), mark), ref segment[0], count);
        _keyLength = mark + count;
        return mark;
    }

    /// <summary>Appends <c>[index]</c> to the current key and returns the mark to pass to <see cref="PopKey(int)"/>.</summary>
    public int PushIndex(int index)
    {
        int mark = _keyLength;
        EnsureKeyCapacity(PortableFormat.MaxInt64Chars + 2);
        _key[_keyLength++] = '[';
        _keyLength += FormatInt64(_key.Slice(_keyLength), index);
        _key[_keyLength++] = ']';
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
        AppendEncodedValue(value.AsSpan());
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant integer.</summary>
    public void WriteValue(long value)
    {
        StartPair();
        AppendInt64(value);
    }

    /// <summary>Writes <c>key=value</c> for the current key with an invariant decimal number.</summary>
    public void WriteValue(decimal value)
    {
        StartPair();
        AppendDecimal(value);
    }

    /// <summary>Writes <c>key=true</c> or <c>key=false</c> for the current key.</summary>
    public void WriteValue(bool value)
    {
        StartPair();
        AppendAscii(value ? "true" : "false");
    }

    /// <summary>Writes the current key with the value as Unix seconds, as Stripe expects timestamps.</summary>
    public void WriteValue(DateTimeOffset value) => WriteValue(value.ToUnixTimeSeconds());

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartPair(name);
        AppendEncodedValue(value.AsSpan());
    }

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, long? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendInt64(v);
        }
    }

    /// <summary>Writes <c>name=value</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, decimal? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendDecimal(v);
        }
    }

    /// <summary>Writes <c>name=true|false</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendAscii(v ? "true" : "false");
        }
    }

    /// <summary>Writes <c>name=unix-seconds</c> under the current key; a null value writes nothing.</summary>
    public void Write(FormEncodedText name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            StartPair(name);
            AppendInt64(v.ToUnixTimeSeconds());
        }
    }

    /// <summary>Writes a nested object as <c>name[child]=…</c>; a null object writes nothing.</summary>
    public void WriteObject<T>(FormEncodedText name, T? value)
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
    public void WriteList(FormEncodedText name, IReadOnlyList<string?>? values)
    {
        if (values is not null)
        {
            int mark = PushKey(name);
            WriteItems(values);
            PopKey(mark);
        }
    }

    /// <summary>Writes a string map as <c>name[key]=value</c>; a null or empty map writes nothing, null values are skipped.</summary>
    public void WriteMap(FormEncodedText name, IEnumerable<KeyValuePair<string, string>>? values)
    {
        if (values is not null)
        {
            int mark = PushKey(name);
            WriteEntries(values);
            PopKey(mark);
        }
    }

    /// <summary>
    /// Writes a map of nested objects as <c>name[key][child]=…</c>; a null or empty map writes nothing, null values
    /// are skipped (as null items of lists are; generated validators report them).
    /// </summary>
    public void WriteObjectMap<T>(FormEncodedText name, IEnumerable<KeyValuePair<string, T>>? values)
        where T : IFormEncodable
    {
        if (values is not null)
        {
            int mark = PushKey(name);
            WriteObjectEntries(values);
            PopKey(mark);
        }
    }

    /// <summary>Returns the encoded text and returns pooled buffers.</summary>
    public string ToStringAndDispose()
    {
        string result = _length == 0 ? string.Empty : _buffer.Slice(0, _length).ToString();
        Dispose();
        return result;
    }

    /// <summary>Returns the encoded text as bytes (it is ASCII, so also UTF-8) and returns pooled buffers.</summary>
    internal byte[] ToUtf8BytesAndDispose()
    {
        byte[] result = _length == 0 ? Array.Empty<byte>() : new byte[_length];
        ReadOnlySpan<char> written = _buffer.Slice(0, _length);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (byte)written[i];
        }

        Dispose();
        return result;
    }

    /// <summary>Returns pooled buffers. The writer must not be used afterwards.</summary>
    internal void Dispose()
    {
        char[]? buffer = _rentedBuffer;
        char[]? key = _rentedKey;
        this = default;
        if (buffer is not null)
        {
            if (t_cachedBuffer is null && buffer.Length <= MaxCachedSize)
            {
                t_cachedBuffer = buffer;
            }
            else
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        if (key is not null)
        {
            if (t_cachedKey is null && key.Length <= MaxCachedSize)
            {
                t_cachedKey = key;
            }
            else
            {
                ArrayPool<char>.Shared.Return(key);
            }
        }
    }

    /// <summary>Encodes one value as Stripe does; <see cref="FormEncodedText.Encode(string)"/> escapes names with it.</summary>
    internal static string Encode(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var writer = new FormWriter(stackalloc char[256], default);
        writer.AppendEncodedValue(value.AsSpan());
        return writer.ToStringAndDispose();
    }
}
