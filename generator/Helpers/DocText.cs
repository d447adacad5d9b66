using System.Collections.Generic;
using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Turns the spec's descriptions (Markdown with a little HTML) into XML doc text and C# literals.</summary>
internal static class DocText
{
    private static readonly string[] ParagraphBreak = { "\n\n" };

    /// <summary>
    /// Plain prose: HTML tags (<c>&lt;p&gt;</c>, <c>&lt;/a&gt;</c>) dropped, line breaks of every kind as <c>\n</c>, runs of spaces
    /// and tabs folded, each line and the whole trimmed. One pass without regular expressions: Stripe's spec has
    /// about 12,000 descriptions, and emitters normalize again what the parser already did.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string plain = text!;
        while (plain.IndexOf('<') >= 0)
        {
            // Until nothing more is dropped: dropping a tag can join a bracket before it to a letter after it.
            string stripped = StripTags(plain);
            if (stripped.Length == plain.Length)
            {
                break;
            }

            plain = stripped;
        }

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

    /// <summary>
    /// Drops every HTML tag: <c>&lt;</c>, a letter, <c>/</c> or <c>!</c>, and on to the next <c>&gt;</c> (tags may
    /// span lines). Other angle brackets are text: <c>`&lt;`, `&gt;`</c> in a description names those characters.
    /// </summary>
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

            if (close > i + 1 && IsTagStart(text[i + 1]))
            {
                builder.Append(text, copied, i - copied);
                copied = close + 1;
                i = close;
            }
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsTagStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '/' or '!';

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

    /// <summary>
    /// Spec prose as XML doc lines of at most ~110 characters: each paragraph's Markdown turned into doc markup
    /// (<see cref="DocMarkup"/>), text escaped, wrapped at spaces.
    /// </summary>
    public static IEnumerable<string> Lines(string text)
    {
        // Markdown's paragraphs end at a blank line; a single line break is part of the paragraph, and a code
        // span or link may cross it.
        foreach (string paragraph in Normalize(text).Split(ParagraphBreak, System.StringSplitOptions.None))
        {
            foreach (string sourceLine in DocMarkup.ToXml(paragraph).Split('\n'))
            {
                foreach (string line in Wrap(sourceLine))
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>
    /// XML doc text wrapped into lines of at most ~110 characters at spaces between tags, never inside one
    /// (<c>&lt;see href="…"&gt;</c> stays whole); nothing for empty text.
    /// </summary>
    public static IEnumerable<string> Wrap(string xml)
    {
        var line = new StringBuilder();
        int wordStart = 0;
        bool inTag = false;
        for (int i = 0; i <= xml.Length; i++)
        {
            char c = i < xml.Length ? xml[i] : ' ';
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (c == ' ' && !inTag)
            {
                int length = i - wordStart;
                if (length > 0)
                {
                    if (line.Length > 0 && line.Length + 1 + length > 110)
                    {
                        yield return line.ToString();
                        line.Clear();
                    }

                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(xml, wordStart, length);
                }

                wordStart = i + 1;
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
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
