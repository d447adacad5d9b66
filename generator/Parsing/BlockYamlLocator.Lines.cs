using System.Collections.Generic;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>The line scan: one pass over the text that records each line's indentation and mapping key.</summary>
internal sealed partial class BlockYamlLocator
{
    private static List<Line> IndexLines(string text)
    {
        int count = 1;
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            count++;
        }

        var lines = new List<Line>(count);
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lines.Add(Line.Parse(text, start, end));
            start = end + 1;
        }

        return lines;
    }

    /// <summary>One line: its indentation, whether it starts a list item, and the mapping key it holds, if any.</summary>
    private readonly struct Line
    {
        public int Start { get; init; }

        public bool Blank { get; init; }

        public int Indent { get; init; }

        public bool IsItem { get; init; }

        public int KeyIndent { get; init; }

        /// <summary>Where the key's text starts (inside quotes for a quoted key), or -1 when the line has none.</summary>
        public int KeyOffset { get; init; }

        /// <summary>The length of the key's text, without quotes.</summary>
        public int KeyContentLength { get; init; }

        public bool HasKey => KeyOffset >= 0;

        public int KeyColumn { get; init; }

        public int KeyLength { get; init; }

        public bool Flow { get; init; }

        /// <summary>The value after <c>key:</c> on the same line starts a flow collection (<c>{</c> or <c>[</c>).</summary>
        public bool ValueFlow { get; init; }

        public static Line Parse(string text, int start, int end)
        {
            int i = start;
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            if (i >= end || text[i] == '#' || text[i] == '\r' || (i < end && text[i] == '\t'))
            {
                return new Line { Start = start, Blank = true, Flow = i < end && text[i] == '\t', KeyOffset = -1 };
            }

            int indent = i - start;
            bool item = text[i] == '-' && (i + 1 >= end || text[i + 1] == ' ' || text[i + 1] == '\r');
            int keyAt = i;
            if (item)
            {
                keyAt = i + 1;
                while (keyAt < end && text[keyAt] == ' ')
                {
                    keyAt++;
                }
            }

            int keyOffset = -1;
            int keyContentLength = 0;
            int keyLength = 0;
            bool flow = keyAt < end && (text[keyAt] == '{' || text[keyAt] == '[');
            if (!flow && keyAt < end)
            {
                (keyOffset, keyContentLength, keyLength) = ReadKey(text, keyAt, end);
            }

            bool hasKey = keyOffset >= 0;
            int valueAt = keyAt + keyLength + 1;
            while (hasKey && valueAt < end && text[valueAt] == ' ')
            {
                valueAt++;
            }

            return new Line
            {
                ValueFlow = hasKey && valueAt < end && text[valueAt] is '{' or '[',
                Start = start,
                Indent = indent,
                IsItem = item,
                KeyIndent = keyAt - start,
                KeyOffset = keyOffset,
                KeyContentLength = keyContentLength,
                KeyColumn = keyAt - start,
                KeyLength = keyLength,
                Flow = flow,
            };
        }

        /// <summary>
        /// A <c>key:</c> at <paramref name="at"/> (plain or quoted): where its text starts and how long it is, and
        /// the length of its raw text (with quotes); an offset of -1 when there is none. No strings are made: the
        /// locator indexes every line of a 4 MB spec to compare a few keys.
        /// </summary>
        private static (int Offset, int ContentLength, int RawLength) ReadKey(string text, int at, int end)
        {
            char quote = text[at];
            if (quote is '\'' or '"')
            {
                int close = text.IndexOf(quote, at + 1);
                if (close < 0 || close + 1 >= end || text[close + 1] != ':')
                {
                    return (-1, 0, 0);
                }

                return (at + 1, close - at - 1, close + 1 - at);
            }

            for (int i = at; i < end; i++)
            {
                if (text[i] == ':' && (i + 1 >= end || text[i + 1] == ' ' || text[i + 1] == '\r'))
                {
                    return (at, i - at, i - at);
                }

                if (text[i] == '#' && i > at && text[i - 1] == ' ')
                {
                    break;
                }
            }

            return (-1, 0, 0);
        }
    }
}
