using System;
using System.Collections.Generic;

namespace AccountLinkGen;

// Keys: the key stack of nested objects, and the "&key[name]=" that starts each pair.
public ref partial struct FormWriter
{
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

    private void AppendKeyChar(char c)
    {
        EnsureKeyCapacity(1);
        _key[_keyLength++] = c;
    }

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
}
