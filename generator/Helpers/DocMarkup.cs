using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// Turns the Markdown in one paragraph of spec prose into XML doc markup, so that no Markdown is left in the
/// generated docs. Line breaks inside the paragraph stay (Markdown's soft breaks; a span may cross one), and code spans become <c>&lt;c&gt;</c>, links <c>&lt;see href&gt;</c>, strong and emphasized text
/// <c>&lt;b&gt;</c> and <c>&lt;i&gt;</c>; everything else is text, XML-escaped. Delimiters without their closing
/// partner stay text, as Markdown itself leaves them.
/// </summary>
/// <remarks>
/// The rules are a small, forgiving subset of CommonMark, enough for Stripe's descriptions: a run of backticks
/// closes at the next run of the same length; <c>[text](url)</c> with balanced parentheses in the URL and an
/// optional title; <c>*</c> and <c>_</c> open before a non-space and close after one, and <c>_</c> never inside a
/// word (<c>account_onboarding</c> is a name, not emphasis); a backslash escapes punctuation.
/// </remarks>
internal static class DocMarkup
{
    /// <summary>
    /// Where Stripe's descriptions point with site-relative links (<c>/docs/connect</c>): a link in a doc comment
    /// has no page to be relative to.
    /// </summary>
    private const string SiteRoot = "https://stripe.com/";

    public static string ToXml(string paragraph)
    {
        var builder = new StringBuilder(paragraph.Length + 16);
        Append(builder, paragraph, 0, paragraph.Length, inLink: false);
        return builder.ToString();
    }

    /// <summary>
    /// The paragraph's words without markup, for text shown as it is rather than rendered (an <c>[Obsolete]</c>
    /// message in a compiler warning): code spans and emphasis lose their delimiters, a link keeps its text.
    /// </summary>
    public static string ToPlainText(string paragraph)
    {
        string xml = ToXml(paragraph);
        var builder = new StringBuilder(xml.Length);
        for (int i = 0; i < xml.Length; i++)
        {
            if (xml[i] == '<')
            {
                // Only the markup made above has tags; text's own '<' was escaped.
                int close = xml.IndexOf('>', i);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            builder.Append(xml[i]);
        }

        return builder.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&amp;", "&").ToString();
    }

    /// <summary>Text safe inside an XML attribute value in double quotes.</summary>
    public static string EscapeAttribute(string text) =>
        DocText.EscapeXml(text).Replace("\"", "&quot;");

    private static void Append(StringBuilder builder, string text, int start, int end, bool inLink)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1]))
            {
                AppendText(builder, text[i + 1]);
                i += 2;
                continue;
            }

            int next = c switch
            {
                '`' => CodeSpan(builder, text, i, end),
                '[' when !inLink => Link(builder, text, i, end),
                '*' or '_' => Emphasis(builder, text, i, end, inLink),
                _ => -1,
            };

            if (next >= 0)
            {
                i = next;
                continue;
            }

            if (c is '`' or '*' or '_')
            {
                // A delimiter run that nothing closes is text, all of it: a shorter run inside it opens nothing.
                int run = RunLength(text, i, end, c);
                builder.Append(c, run);
                i += run;
                continue;
            }

            if (WireName(text, i, start, end) is var length and > 0)
            {
                builder.Append("<c>").Append(text, i, length).Append("</c>");
                i += length;
                continue;
            }

            AppendText(builder, c);
            i++;
        }
    }

    /// <summary>
    /// The length of the wire name that starts at <paramref name="i"/>, else 0: a snake_case word standing alone
    /// in prose (<c>future_requirements</c>, <c>payment_intent.succeeded</c>) is code, as if it were in backticks.
    /// A word inside a URL or a path is left alone (it follows a <c>/</c>, not a space).
    /// </summary>
    private static int WireName(string text, int i, int start, int end)
    {
        if (!IsLowerOrDigit(text[i]) || char.IsDigit(text[i]) || (i > start && !IsOpening(text[i - 1])))
        {
            return 0;
        }

        int j = i;
        bool underscore = false;
        while (j < end && (IsLowerOrDigit(text[j]) || ((text[j] == '_' || text[j] == '.') && j + 1 < end && IsLowerOrDigit(text[j + 1]) && IsLowerOrDigit(text[j - 1]))))
        {
            underscore |= text[j] == '_';
            j++;
        }

        bool standsAlone = j == end || char.IsWhiteSpace(text[j]) || text[j] is '.' or ',' or ';' or ':' or ')' or '\'' or '"' or '!' or '?';
        return underscore && standsAlone ? j - i : 0;
    }

    private static bool IsLowerOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsOpening(char c) => char.IsWhiteSpace(c) || c is '(' or '\'' or '"';

    /// <summary>Writes the code span starting at <paramref name="start"/>; returns where it ends, or -1 when it is not one.</summary>
    private static int CodeSpan(StringBuilder builder, string text, int start, int end)
    {
        int close = ClosingBackticks(text, start, end);
        if (close < 0)
        {
            return -1;
        }

        int run = RunLength(text, start, end, '`');
        int from = start + run;
        int to = close;
        if (to - from >= 2 && text[from] == ' ' && text[to - 1] == ' ' && text.Substring(from, to - from).Trim().Length > 0)
        {
            from++;
            to--;
        }

        builder.Append("<c>");
        for (int i = from; i < to; i++)
        {
            // Code spans with a line break inside it in one line, as Markdown shows them.
            AppendText(builder, text[i] == '\n' ? ' ' : text[i]);
        }

        builder.Append("</c>");
        return close + run;
    }

    /// <summary>Where the run of backticks that closes the one at <paramref name="start"/> begins, or -1.</summary>
    private static int ClosingBackticks(string text, int start, int end)
    {
        int run = RunLength(text, start, end, '`');
        for (int i = start + run; i < end; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            int length = RunLength(text, i, end, '`');
            if (length == run)
            {
                return i;
            }

            i += length - 1;
        }

        return -1;
    }

    /// <summary>Writes the link <c>[text](url)</c> at <paramref name="start"/>; returns where it ends, or -1 when it is not one.</summary>
    private static int Link(StringBuilder builder, string text, int start, int end)
    {
        int close = Skip(text, start + 1, end, ']');
        if (close < 0 || close + 1 >= end || text[close + 1] != '(')
        {
            return -1;
        }

        int depth = 0;
        int stop = -1;
        for (int i = close + 2; i < end && stop < 0; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth == 0:
                    stop = i;
                    break;
                case ')':
                    depth--;
                    break;
            }
        }

        if (stop < 0)
        {
            return -1;
        }

        // The destination, without the title that may follow it ([text](url "title")).
        string destination = text.Substring(close + 2, stop - close - 2).Trim();
        int space = destination.IndexOfAny(new[] { ' ', '\n', '\t' });
        if (space > 0)
        {
            destination = destination.Substring(0, space);
        }

        destination = destination.TrimStart('<').TrimEnd('>');
        if (destination.Length == 0)
        {
            return -1;
        }

        string? href = Href(destination);
        if (href is null)
        {
            // A section of a page the doc comment cannot point at: the words alone.
            Append(builder, text, start + 1, close, inLink: true);
        }
        else if (close == start + 1)
        {
            builder.Append("<see href=\"").Append(EscapeAttribute(href)).Append("\"/>");
        }
        else
        {
            builder.Append("<see href=\"").Append(EscapeAttribute(href)).Append("\">");
            Append(builder, text, start + 1, close, inLink: true);
            builder.Append("</see>");
        }

        return stop + 1;
    }

    /// <summary>The link target as an absolute URL; null for a fragment of the page it was written on.</summary>
    private static string? Href(string destination)
    {
        if (destination[0] == '#')
        {
            return null;
        }

        int colon = destination.IndexOf(':');
        bool absolute = colon > 0 && destination.IndexOfAny(new[] { '/', '?', '#' }, 0, colon) < 0 && char.IsLetter(destination[0]);
        return absolute ? destination : SiteRoot + destination.TrimStart('/');
    }

    /// <summary>Writes <c>**strong**</c> or <c>*emphasis*</c> (or with <c>_</c>) at <paramref name="start"/>; returns where it ends, or -1.</summary>
    private static int Emphasis(StringBuilder builder, string text, int start, int end, bool inLink)
    {
        char delimiter = text[start];
        int run = RunLength(text, start, end, delimiter);
        if (run > 2 || start + run >= end || char.IsWhiteSpace(text[start + run])
            || (delimiter == '_' && start > 0 && char.IsLetterOrDigit(text[start - 1])))
        {
            return -1;
        }

        for (int i = start + run; i < end; i++)
        {
            char c = text[i];
            if (c == '`')
            {
                int code = ClosingBackticks(text, i, end);
                i = code < 0 ? i + RunLength(text, i, end, '`') - 1 : code + RunLength(text, code, end, '`') - 1;
                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c != delimiter)
            {
                continue;
            }

            int length = RunLength(text, i, end, delimiter);
            bool closes = length == run && !char.IsWhiteSpace(text[i - 1])
                && !(delimiter == '_' && i + length < end && char.IsLetterOrDigit(text[i + length]));
            if (closes && i > start + run)
            {
                string tag = run == 2 ? "b" : "i";
                builder.Append('<').Append(tag).Append('>');
                Append(builder, text, start + run, i, inLink);
                builder.Append("</").Append(tag).Append('>');
                return i + run;
            }

            i += length - 1;
        }

        return -1;
    }

    /// <summary>The position of <paramref name="target"/> at bracket depth 0 from <paramref name="from"/>, past code spans and escapes; -1 when none.</summary>
    private static int Skip(string text, int from, int end, char target)
    {
        int depth = 0;
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`' && ClosingBackticks(text, i, end) is var code and >= 0)
            {
                i = code + RunLength(text, code, end, '`') - 1;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == target && depth == 0)
            {
                return i;
            }
            else if (c == ']')
            {
                depth--;
            }
        }

        return -1;
    }

    private static int RunLength(string text, int start, int end, char c)
    {
        int i = start;
        while (i < end && text[i] == c)
        {
            i++;
        }

        return i - start;
    }

    private static void AppendText(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '&': builder.Append("&amp;"); break;
            case '<': builder.Append("&lt;"); break;
            case '>': builder.Append("&gt;"); break;
            case '\n': builder.Append(c); break;
            default: builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c); break;
        }
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));
}
