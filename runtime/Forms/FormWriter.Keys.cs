using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        ref char buffer = ref MemoryMarshal.GetReference(_buffer);
        int length = StartKey(ref buffer, _length, _keyLength);
        Unsafe.Add(ref buffer, length) = '=';
        _length = length + 1;
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
        int length = StartKey(ref MemoryMarshal.GetReference(buffer), _length, keyLength);
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
        // The hot path of every write: "&", the key and the name's ready-made "name=" or "[name]=", each copied
        // in whole blocks (EnsureCapacity keeps a block of room beyond what is asked for).
        EncodedName encoded = name.Name;
        int keyLength = _keyLength;
        char[] pair = keyLength == 0 ? encoded.Top : encoded.Nested;
        int pairLength = keyLength == 0 ? encoded.TopLength : encoded.NestedLength;
        EnsureCapacity(keyLength + pairLength + 1);
        ref char buffer = ref MemoryMarshal.GetReference(_buffer);
        int length = StartKey(ref buffer, _length, keyLength);
        CopyBlocks(ref Unsafe.Add(ref buffer, length), ref pair[0], pairLength);
        _length = length + pairLength;
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
#if NET
        // Generated options hold lists as List<T>: walk its items as a span instead of two interface calls per item.
        if (values is List<string?> list)
        {
            WriteItems(CollectionsMarshal.AsSpan(list));
            return;
        }
#endif
        if (values is string?[] array)
        {
            WriteItems(array.AsSpan());
            return;
        }

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

    /// <summary>The items of a list under the current key, from a span.</summary>
    private void WriteItems(ReadOnlySpan<string?> values)
    {
        if (values.Length == 0)
        {
            // As above: an empty list is "name=".
            StartPair();
        }

        for (int i = 0; i < values.Length; i++)
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
        ref char buffer = ref MemoryMarshal.GetReference(_buffer);
        int length = StartKey(ref buffer, _length, _keyLength);
        Unsafe.Add(ref buffer, length++) = '[';
        if ((uint)index < 10)
        {
            Unsafe.Add(ref buffer, length++) = (char)('0' + index);
        }
        else
        {
            length += FormatInt64(_buffer.Slice(length), index);
        }

        Unsafe.Add(ref buffer, length) = ']';
        Unsafe.Add(ref buffer, length + 1) = '=';
        _length = length + 2;
    }

    /// <summary>
    /// Writes the separator and the current key at <paramref name="length"/> of the output; returns the new length.
    /// The caller reserved room for both (<see cref="EnsureCapacity(int)"/> adds the block the copy may overrun).
    /// </summary>
    private readonly int StartKey(ref char buffer, int length, int keyLength)
    {
        // Branch-free separator: the first pair's "&" is written and then overwritten.
        Unsafe.Add(ref buffer, length) = '&';
        length += length > 0 ? 1 : 0;
        if (keyLength > 0)
        {
            // The key stack always has a block of room beyond its length (EnsureKeyCapacity), so whole blocks
            // can be read from it.
            CopyBlocks(ref Unsafe.Add(ref buffer, length), ref MemoryMarshal.GetReference(_key), keyLength);
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
