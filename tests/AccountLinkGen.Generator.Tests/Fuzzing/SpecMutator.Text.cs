using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

// Text: the YAML fragments and scalar values the mutations insert.
internal sealed partial class SpecMutator
{
    /// <summary>
    /// The fragment with a request parameter whose schema contains itself: <c>collection_options</c> becomes a
    /// <c>$ref</c> to a component schema with a property that is a <c>$ref</c> to that same schema.
    /// </summary>
    public static string RequestCycle(string spec)
    {
        string text = spec.Replace("\r\n", "\n");
        int start = text.IndexOf("                collection_options:\n", StringComparison.Ordinal);
        int end = text.IndexOf("                expand:\n", StringComparison.Ordinal);
        text = text.Substring(0, start)
            + "                collection_options:\n                  $ref: '#/components/schemas/node'\n"
            + text.Substring(end);
        return text.Replace(
            "  schemas:\n",
            "  schemas:\n    node:\n      properties:\n        child:\n          $ref: '#/components/schemas/node'\n      type: object\n");
    }

    private static IEnumerable<string> DeepProperty(int indent, int depth, string shape)
    {
        if (shape == "flow")
        {
            // Deep JSON-style flow collections inside an enum: a shape no emitter can use, but must survive.
            yield return new string(' ', indent) + "deep:";
            yield return new string(' ', indent + 2) + "type: string";
            yield return new string(' ', indent + 2) + "enum: " + new string('[', depth) + "x" + new string(']', depth);
            yield break;
        }

        // Built iteratively: each level is a property holding an object or an array whose items go one deeper.
        for (int level = 0; level < depth; level++)
        {
            bool array = shape == "array" || (shape == "mixed" && level % 2 == 1);
            yield return new string(' ', indent) + "deep" + level.ToString(CultureInfo.InvariantCulture) + ":";
            yield return new string(' ', indent + 2) + "type: " + (array ? "array" : "object");
            if (array)
            {
                yield return new string(' ', indent + 2) + "items:";
                yield return new string(' ', indent + 4) + "type: object";
                yield return new string(' ', indent + 4) + "properties:";
                indent += 6;
            }
            else
            {
                yield return new string(' ', indent + 2) + "properties:";
                indent += 4;
            }
        }

        yield return new string(' ', indent) + "leaf:";
        yield return new string(' ', indent + 2) + "type: string";
    }

    private string HugeText(int size)
    {
        const string Alphabet = "abcdefghij klmnop_qrstu vwxyz<>&\"'\\ 0123456789";
        var builder = new StringBuilder(size);
        for (int i = 0; i < size; i++)
        {
            builder.Append(Alphabet[_random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    private string RandomChars(int count)
    {
        var builder = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            builder.Append(_random.Next(4) switch
            {
                0 => (char)_random.Next(0, 0x20),
                1 => (char)_random.Next(0x20, 0x7F),
                2 => (char)_random.Next(0x80, 0x800),
                _ => (char)_random.Next(0x800, 0x10000),
            });
        }

        return builder.ToString();
    }

    /// <summary>A double-quoted YAML scalar; escapes keep control and line-break characters in the value.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\u0085': builder.Append("\\N"); break;
                case '\u2028': builder.Append("\\L"); break;
                case '\u2029': builder.Append("\\P"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c) || c == '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Show(string value)
    {
        string shown = value.Length > 40 ? value.Substring(0, 40) + "…(" + value.Length.ToString(CultureInfo.InvariantCulture) + ")" : value;
        var builder = new StringBuilder("'");
        foreach (char c in shown)
        {
            builder.Append(c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.Append('\'').ToString();
    }
}
