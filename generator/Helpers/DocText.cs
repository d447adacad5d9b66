using System.Collections.Generic;
using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Turns the spec's descriptions (Markdown with a little HTML) into XML doc text and C# literals.</summary>
internal static class DocText
{
    /// <summary>
    /// Plain prose: HTML tags (<c>&lt;…&gt;</c>) dropped, line breaks of every kind as <c>\n</c>, runs of spaces
    /// and tabs folded, each line and the whole trimmed. One pass without regular expressions: Stripe's spec has
    /// about 12,000 descriptions, and emitters normalize again what the parser already did.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string plain = text!.IndexOf('<') >= 0 ? StripTags(text) : text;
        var builder = new StringBuilder(plain.Length);
        int lineStart = 0;
        for (int i = 0; i <= plain.Length; i++)
        {
            // C# also ends a line at U+0085, U+2028 and U+2029: a doc comment must never carry one.
            char c = i < plain.Length ? plain[i] : '\n';
            if (c is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            AppendFoldedLine(builder, plain, lineStart, i);
            builder.Append('\n');
            if (c == '\r' && i + 1 < plain.Length && plain[i + 1] == '\n')
            {
                i++;
            }

            lineStart = i + 1;
        }

        return builder.ToString().Trim();
    }

    /// <summary>Drops every <c>&lt;</c> … <c>&gt;</c> with at least one character between (tags may span lines).</summary>
    private static string StripTags(string text)
    {
        var builder = new StringBuilder(text.Length);
        int copied = 0;
        for (int i = text.IndexOf('<'); i >= 0; i = text.IndexOf('<', i + 1))
        {
            int close = text.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            if (close > i + 1)
            {
                builder.Append(text, copied, i - copied);
                copied = close + 1;
                i = close;
            }
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Appends <c>text[start..end)</c> trimmed, with each run of spaces and tabs as one space.</summary>
    private static void AppendFoldedLine(StringBuilder builder, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        bool inRun = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t')
            {
                if (!inRun)
                {
                    builder.Append(' ');
                    inRun = true;
                }
            }
            else
            {
                builder.Append(c);
                inRun = false;
            }
        }
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
