using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Turns the spec's descriptions (Markdown with a little HTML) into XML doc text and C# literals.</summary>
internal static class DocText
{
    private static readonly Regex Tags = new("<[^>]+>", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"[ \t]+", RegexOptions.CultureInvariant);

    /// <summary>Plain prose: HTML tags dropped, runs of spaces folded, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // C# also ends a line at U+0085, U+2028 and U+2029: a doc comment must never carry one.
        string plain = Tags.Replace(text!, string.Empty).Replace("\r\n", "\n").Replace('\r', '\n')
            .Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
        var lines = new List<string>();
        foreach (string line in plain.Split('\n'))
        {
            lines.Add(Spaces.Replace(line, " ").Trim());
        }

        return string.Join("\n", lines).Trim();
    }

    /// <summary>XML-escaped lines of at most ~110 characters, wrapped at spaces.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        foreach (string paragraph in Normalize(text).Split('\n'))
        {
            string escaped = EscapeXml(paragraph);
            if (escaped.Length == 0)
            {
                continue;
            }

            var line = new StringBuilder();
            foreach (string word in escaped.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > 110)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }
    }

    /// <summary>Text safe inside a one-line XML doc comment: markup escaped, line breaks of any kind as spaces.</summary>
    public static string EscapeXml(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                default: builder.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# regular string literal, quotes included.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}
