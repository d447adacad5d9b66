using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccountLinkGen.Benchmarks.Generated;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// A reference point, not a product: the fastest scalar encoder for this one request that we could write by hand.
/// It knows the request's shape, so every key is a literal (<c>&amp;collection_options[fields]=</c>) copied in one
/// move, there is no key stack, no capacity check per pair and no general writer; values go through a table of
/// ready-made escapes, four characters per step. Its distance from the generated encoder is what a writer shared by
/// all generated classes costs; its distance from the floor is the encoding itself.
/// </summary>
internal static class HandWrittenEncoder
{
    [ThreadStatic]
    private static char[]? t_buffer;

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]");

    private static readonly ulong[] Encodings = CreateEncodings();

    public static string Encode(AccountLinkCreateOptions options)
    {
        // Every value is at most three chars per char (ASCII only, checked below), and each write may store one
        // spare char; keys and separators need less than 512.
        int worst = 512 + (3 * (Length(options.Account) + Length(options.RefreshUrl) + Length(options.ReturnUrl) + Length(options.Type.Value)));
        if (options.Expand is { } items)
        {
            foreach (string? item in items)
            {
                worst += 16 + (3 * Length(item));
            }
        }

        char[] buffer = t_buffer is { } cached && cached.Length >= worst ? cached : (t_buffer = new char[worst]);
        ref char d = ref MemoryMarshal.GetArrayDataReference(buffer);
        int n = 0;
        if (options.Account is { } account)
        {
            n = Literal(ref d, n, "&account=");
            n = Value(ref d, n, account);
        }

        if (options.CollectionOptions is { } collection)
        {
            if (collection.Fields is { } fields)
            {
                n = Literal(ref d, n, "&collection_options[fields]=");
                n = Value(ref d, n, fields.ToWireName());
            }

            if (collection.FutureRequirements is { } future)
            {
                n = Literal(ref d, n, "&collection_options[future_requirements]=");
                n = Value(ref d, n, future.ToWireName());
            }
        }

        if (options.Expand is { } expand)
        {
            for (int i = 0; i < expand.Count; i++)
            {
                if (expand[i] is { } item)
                {
                    n = Literal(ref d, n, "&expand[");
                    i.TryFormat(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, n), 11), out int digits);
                    n = Literal(ref d, n + digits, "]=");
                    n = Value(ref d, n, item);
                }
            }
        }

        if (options.RefreshUrl is { } refresh)
        {
            n = Literal(ref d, n, "&refresh_url=");
            n = Value(ref d, n, refresh);
        }

        if (options.ReturnUrl is { } returnUrl)
        {
            n = Literal(ref d, n, "&return_url=");
            n = Value(ref d, n, returnUrl);
        }

        n = Literal(ref d, n, "&type=");
        n = Value(ref d, n, options.Type.Value);
        return n == 0 ? string.Empty : new string(buffer, 1, n - 1);
    }

    private static int Length(string? value) => value?.Length ?? 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Literal(ref char d, int n, string literal)
    {
        literal.AsSpan().CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, n), literal.Length));
        return n + literal.Length;
    }

    private static int Value(ref char d, int n, string value)
    {
        if (value.Length > 16 && value.AsSpan().IndexOfAnyExcept(Unreserved) < 0)
        {
            return Literal(ref d, n, value);
        }

        ref ulong table = ref MemoryMarshal.GetArrayDataReference(Encodings);
        ref char source = ref MemoryMarshal.GetReference(value.AsSpan());
        ref byte target = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref d, n));
        nint length = value.Length;
        nint at = 0;
        nint to = 0;
        for (; at <= length - 4; at += 4)
        {
            ulong four = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref source, at)));
            if ((four & 0xFF80_FF80_FF80_FF80) != 0)
            {
                throw new NotSupportedException("The hand-written reference encodes ASCII only.");
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
                throw new NotSupportedException("The hand-written reference encodes ASCII only.");
            }

            ulong encoded = Unsafe.Add(ref table, (nint)c);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, to * 2), encoded);
            to += (nint)(encoded >> 48);
        }

        return n + (int)to;
    }

    /// <summary>For each ASCII char: up to three output chars in the low 48 bits, their count in the top 16.</summary>
    private static ulong[] CreateEncodings()
    {
        var table = new ulong[128];
        for (int c = 0; c < table.Length; c++)
        {
            // Built from the product's own escaping (the one generated names go through), so the two cannot disagree.
            string encoded = FormEncodedText.Encode(((char)c).ToString()).Value;
            ulong entry = (ulong)encoded.Length << 48;
            for (int i = 0; i < encoded.Length; i++)
            {
                entry |= (ulong)encoded[i] << (16 * i);
            }

            table[c] = entry;
        }

        return table;
    }
}
