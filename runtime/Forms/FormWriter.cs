using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
#endif

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
public ref struct FormWriter
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
    /// Appends the map key <paramref name="name"/>, escaped here, to the current key (bracketed unless it is the
    /// first segment) and returns the mark to pass to <see cref="PopKey(int)"/>.
    /// </summary>
    private int PushMapKey(string name)
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

        AppendEncodedKey(name.AsSpan());
        if (mark > 0)
        {
            EnsureKeyCapacity(1);
            _keyLength = CloseNestedName(_key, mark + 1, _keyLength);
        }

        return mark;
    }

    /// <summary>
    /// Appends an encoded <paramref name="name"/> to the current key (bracketed unless it is the first segment)
    /// and returns the mark to pass to <see cref="PopKey(int)"/>.
    /// </summary>
    public int PushKey(FormEncodedText name)
    {
        string encoded = name.Value;
        int mark = _keyLength;
        EnsureKeyCapacity(encoded.Length + 2);
        if (mark > 0)
        {
            _key[_keyLength++] = '[';
        }

        encoded.AsSpan().CopyTo(_key.Slice(_keyLength));
        _keyLength += encoded.Length;
        if (mark > 0)
        {
            _keyLength = name.HasBracket ? CloseNestedName(_key, mark + 1, _keyLength) : Close(_key, _keyLength);
        }

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

    /// <summary>Starts a pair for the current key: <c>&amp;key=</c>.</summary>
    private void StartPair()
    {
        if (_keyLength == 0)
        {
            throw new InvalidOperationException("A form value needs a key: call PushKey before WriteValue.");
        }

        EnsureCapacity(_keyLength + 2);
        int length = StartKey(_buffer, _length, _keyLength);
        _buffer[length++] = '=';
        _length = length;
    }

    /// <summary>Starts a pair for <paramref name="name"/> under the current key: <c>&amp;key[name]=</c>, or <c>&amp;name=</c> at the top.</summary>
    private void StartPair(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        // The hot path of every write: kept in locals, because stores through the writer would make the JIT
        // reload its fields after each one. Reserve "&", the key, "[", the name (ASCII: at most three chars per
        // character, plus EncodeAscii's spare), "]" and "=".
        int keyLength = _keyLength;
        EnsureCapacity(keyLength + (name.Length * 3) + 5);
        Span<char> buffer = _buffer;
        int length = StartKey(buffer, _length, keyLength);
        if (keyLength > 0)
        {
            buffer[length++] = '[';
        }

        int nameStart = length;
        int consumed = EncodeAscii(name.AsSpan(), buffer.Slice(length), out int written);
        length += written;
        if (consumed < name.Length)
        {
            // A name with non-ASCII characters (never one of Stripe's): finish it on the general path.
            _length = length;
            AppendEncodedValue(name.AsSpan(consumed));
            EnsureCapacity(2);
            buffer = _buffer;
            length = _length;
        }

        if (keyLength > 0)
        {
            length = CloseNestedName(buffer, nameStart, length);
        }

        buffer[length++] = '=';
        _length = length;
    }

    /// <summary>Starts a pair for the encoded <paramref name="name"/> under the current key; see <see cref="StartPair(string)"/>.</summary>
    private void StartPair(FormEncodedText name)
    {
        string encoded = name.Value;
        int keyLength = _keyLength;
        EnsureCapacity(keyLength + encoded.Length + 4);
        Span<char> buffer = _buffer;
        int length = StartKey(buffer, _length, keyLength);
        if (keyLength > 0)
        {
            buffer[length++] = '[';
        }

        encoded.AsSpan().CopyTo(buffer.Slice(length));
        length += encoded.Length;
        if (keyLength > 0)
        {
            length = name.HasBracket ? CloseNestedName(buffer, length - encoded.Length, length) : Close(buffer, length);
        }

        buffer[length++] = '=';
        _length = length;
    }

    /// <summary>Writes the <c>]</c> after a nested name that holds no <c>[</c>; returns the new length.</summary>
    private static int Close(Span<char> buffer, int end)
    {
        buffer[end] = ']';
        return end + 1;
    }

    /// <summary>
    /// Closes the encoded nested name at <paramref name="start"/>..<paramref name="end"/> (just after its
    /// <c>[</c>) as Stripe's SDK does: before the name's first <c>[</c> if it has one, so that the rest reads as a
    /// deeper path, else after it. Needs one char of room at <paramref name="end"/>; returns the new length.
    /// </summary>
    /// <remarks>Escaping keeps <c>[</c> as itself and never produces one, so the encoded name splits where the name does.</remarks>
    private static int CloseNestedName(Span<char> buffer, int start, int end)
    {
        int bracket = buffer.Slice(start, end - start).IndexOf('[');
        if (bracket < 0)
        {
            return Close(buffer, end);
        }

        bracket += start;
        buffer.Slice(bracket, end - bracket).CopyTo(buffer.Slice(bracket + 1));
        buffer[bracket] = ']';
        return end + 1;
    }

    /// <summary>The items of a list under the current key.</summary>
    private void WriteItems(IReadOnlyList<string?> values)
    {
        int count = values.Count;
        if (count == 0)
        {
            // Stripe.net sends an empty list as "name=" (how the API clears a list), not as nothing.
            StartPair();
        }

        for (int i = 0; i < count; i++)
        {
            if (values[i] is { } item)
            {
                StartPair(i);
                AppendEncodedValue(item.AsSpan());
            }
        }
    }

    /// <summary>The entries of a string map under the current key.</summary>
    private void WriteEntries(IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var pair in values)
        {
            if (pair.Value is { } value)
            {
                StartPair(pair.Key);
                AppendEncodedValue(value.AsSpan());
            }
        }
    }

    /// <summary>The entries of a map of nested objects under the current key.</summary>
    private void WriteObjectEntries<T>(IEnumerable<KeyValuePair<string, T>> values)
        where T : IFormEncodable
    {
        foreach (var pair in values)
        {
            if (pair.Value is { } value)
            {
                int mark = PushMapKey(pair.Key);
                value.WriteForm(ref this);
                PopKey(mark);
            }
        }
    }

    /// <summary>Starts a pair for item <paramref name="index"/> of the current key: <c>&amp;key[index]=</c>.</summary>
    private void StartPair(int index)
    {
        EnsureCapacity(_keyLength + PortableFormat.MaxInt64Chars + 4);
        Span<char> buffer = _buffer;
        int length = StartKey(buffer, _length, _keyLength);
        buffer[length++] = '[';
        if ((uint)index < 10)
        {
            buffer[length++] = (char)('0' + index);
        }
        else
        {
            length += FormatInt64(buffer.Slice(length), index);
        }

        buffer[length++] = ']';
        buffer[length++] = '=';
        _length = length;
    }

    /// <summary>Writes the separator and the current key at <paramref name="length"/>; returns the new length.</summary>
    private readonly int StartKey(Span<char> buffer, int length, int keyLength)
    {
        if (length > 0)
        {
            buffer[length++] = '&';
        }

        if (keyLength > 0)
        {
            _key.Slice(0, keyLength).CopyTo(buffer.Slice(length));
            length += keyLength;
        }

        return length;
    }

    private void AppendAscii(string ascii)
    {
        EnsureCapacity(ascii.Length);
        ascii.AsSpan().CopyTo(_buffer.Slice(_length));
        _length += ascii.Length;
    }

    private void AppendInt64(long value)
    {
        EnsureCapacity(PortableFormat.MaxInt64Chars);
        _length += FormatInt64(_buffer.Slice(_length), value);
    }

    private void AppendDecimal(decimal value)
    {
#if NET
        EnsureCapacity(32);
        value.TryFormat(_buffer.Slice(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
#else
        // No span formatting for decimal here; the invariant "G" text is the same, at the cost of one string.
        AppendAscii(value.ToString(CultureInfo.InvariantCulture));
#endif
    }

    private static int FormatInt64(Span<char> destination, long value)
    {
#if NET
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        return written;
#else
        return PortableFormat.WriteInt64(destination, value);
#endif
    }

    private void AppendKeyChar(char c)
    {
        EnsureKeyCapacity(1);
        _key[_keyLength++] = c;
    }

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

#if NET
    private const int ShortValueLength = 8;

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]");
#endif

    /// <summary>Appends a key segment to the key stack, escaped like a value.</summary>
    private void AppendEncodedKey(ReadOnlySpan<char> name)
    {
        // Encode through the output buffer's spare room, then move the result to the key stack.
        int start = _length;
        AppendEncodedValue(name);
        int count = _length - start;
        EnsureKeyCapacity(count);
        _buffer.Slice(start, count).CopyTo(_key.Slice(_keyLength));
        _keyLength += count;
        _length = start;
    }

    private void AppendEncodedValue(ReadOnlySpan<char> value)
    {
        int run = 0;
#if NET
        // Most longer values (ids, URLs up to their first ':') start with a long run that needs no escaping:
        // find its end in one vectorized scan and copy it at once. Values of up to eight chars go straight to
        // the table loop, which is cheaper there than the scan's set-up (measured at 4, 8, 16 and 32).
        if (value.Length > ShortValueLength)
        {
            run = value.IndexOfAnyExcept(Unreserved);
            if (run < 0)
            {
                EnsureCapacity(value.Length);
                value.CopyTo(_buffer.Slice(_length));
                _length += value.Length;
                return;
            }
        }
#endif

        // ASCII needs at most three chars per unit (%XX), plus one spare for the four-char stores of
        // EncodeAscii; from the first other character on, up to nine (three %XX for three UTF-8 bytes).
        EnsureCapacity((value.Length * 3) + 1);
        value.Slice(0, run).CopyTo(_buffer.Slice(_length));
        _length += run;
        value = value.Slice(run);
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

    private void EnsureCapacity(int additional)
    {
        if (_length + additional > _buffer.Length)
        {
            Grow(ref _buffer, ref _rentedBuffer, _length, additional);
        }
    }

    private void EnsureKeyCapacity(int additional)
    {
        if (_keyLength + additional > _key.Length)
        {
            Grow(ref _key, ref _rentedKey, _keyLength, additional);
        }
    }

    private static void Grow(ref Span<char> span, ref char[]? rented, int length, int additional)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(span.Length * 2, 64), length + additional));
        span.Slice(0, length).CopyTo(larger);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        rented = larger;
        span = larger;
    }
}
