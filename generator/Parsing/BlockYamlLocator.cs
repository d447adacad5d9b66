using System;
using System.Collections.Generic;
using System.Globalization;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Finds a JSON pointer's mapping key in block-style YAML from indentation alone, without a YAML parser: one cheap
/// pass to index the lines, then a descent per pointer. Stripe's 4 MB spec is block YAML; re-parsing it just to
/// place a few diagnostics would cost two thirds of the OpenAPI reader's own time. Anything unusual on the way
/// (flow collections, tabs, JSON, block scalars as list items) answers "unsupported", and
/// <see cref="SpecLocator"/> falls back to its full YAML index.
/// </summary>
internal sealed partial class BlockYamlLocator
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<Line> _lines;

    private BlockYamlLocator(string path, string text, List<Line> lines)
    {
        _path = path;
        _text = text;
        _lines = lines;
    }

    /// <summary>A locator for block YAML, or null when the text is JSON or flow-style at the top.</summary>
    public static BlockYamlLocator? TryCreate(string path, string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[' ? null : new BlockYamlLocator(path, text, IndexLines(text));
            }
        }

        return null;
    }

    /// <summary>
    /// The key at <paramref name="pointer"/>, or at its nearest ancestor that the text has (a <c>$ref</c>'d schema's
    /// properties are not under the referring key); false when the text around it is not plain block YAML.
    /// </summary>
    public bool TryLocate(string pointer, out LocationInfo? location)
    {
        location = null;
        int from = 0;
        int to = _lines.Count;
        int itemLine = -1;
        Line? found = null;
        foreach (string segment in Segments(pointer))
        {
            int first = FirstContentLine(from, to);
            if (first < 0)
            {
                break;
            }

            Line head = itemLine >= 0 ? _lines[itemLine] : _lines[first];
            if (head.Flow)
            {
                return false;
            }

            if (itemLine < 0 && head.IsItem)
            {
                // A sequence: the segment is an index.
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    break;
                }

                int item = FindItem(from, to, head.Indent, index);
                if (item < 0)
                {
                    break;
                }

                itemLine = item;
                from = item;
                to = BlockEnd(item, _lines[item].Indent);
                found = null;
                continue;
            }

            int keyIndent = head.KeyIndent;
            int match = -1;
            for (int i = itemLine >= 0 ? itemLine : first; i < to; i++)
            {
                Line line = _lines[i];
                if (line.Blank || line.KeyIndent != keyIndent || (i != itemLine && line.IsItem && line.Indent < keyIndent))
                {
                    continue;
                }

                if (line.Indent < keyIndent && i != itemLine)
                {
                    break;
                }

                if (KeyEquals(line, segment))
                {
                    match = i;
                    break;
                }
            }

            if (match < 0)
            {
                break;
            }

            found = _lines[match];
            itemLine = -1;
            from = match + 1;
            to = BlockEnd(match, found.Value.KeyIndent);
        }

        if (itemLine >= 0)
        {
            return TryLocateItem(itemLine, out location);
        }

        // Nothing matched, or the deepest match has a flow-style value that may hold the rest of the pointer: the
        // full index knows better.
        if (found is not { } key || key.ValueFlow)
        {
            return false;
        }

        location = At(key.Start + key.KeyColumn, key.KeyLength);
        return true;
    }

    /// <summary>
    /// A list item's node as the YAML parser reports it: a mapping or flow collection as an empty span where it
    /// starts, a one-line plain or quoted scalar as its text. Anything else (block scalars, tags, anchors,
    /// nested sequences, a value on the next line or running over several) is left to the full index.
    /// </summary>
    private bool TryLocateItem(int itemLine, out LocationInfo? location)
    {
        location = null;
        Line item = _lines[itemLine];
        int lineEnd = itemLine + 1 < _lines.Count ? _lines[itemLine + 1].Start - 1 : _text.Length;
        int at = item.Start + item.KeyColumn;
        if (at >= lineEnd || _text[at] == '\r')
        {
            return false;
        }

        if (item.HasKey || item.Flow)
        {
            location = At(at, 0);
            return true;
        }

        char first = _text[at];
        int end;
        if (first is '\'' or '"')
        {
            end = _text.IndexOf(first, at + 1);
            if (end < 0 || end >= lineEnd || (first == '"' && _text[end - 1] == '\\'))
            {
                return false;
            }

            end++;
        }
        else if (first is '-' or '|' or '>' or '!' or '&' or '*' or '?' or '#' or '%' or '@' or '`')
        {
            return false;
        }
        else
        {
            end = lineEnd;
            int comment = _text.IndexOf(" #", at, lineEnd - at, StringComparison.Ordinal);
            if (comment >= 0)
            {
                end = comment;
            }

            while (end > at && _text[end - 1] is ' ' or '\r')
            {
                end--;
            }
        }

        // A plain scalar may continue on more-indented lines; then its span is not this line's.
        for (int i = itemLine + 1; i < _lines.Count; i++)
        {
            if (!_lines[i].Blank)
            {
                if (_lines[i].Indent > item.Indent)
                {
                    return false;
                }

                break;
            }
        }

        location = At(at, end - at);
        return true;
    }

    private LocationInfo At(int start, int length)
    {
        int line = LineOf(start);
        int column = start - _lines[line].Start;
        return new LocationInfo(_path, start, length, line, column, line, column + length);
    }

    private int LineOf(int offset)
    {
        int low = 0;
        int high = _lines.Count - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (_lines[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private int FirstContentLine(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!_lines[i].Blank)
            {
                return i;
            }
        }

        return -1;
    }

    private int FindItem(int from, int to, int dashIndent, int index)
    {
        int seen = 0;
        for (int i = from; i < to; i++)
        {
            Line line = _lines[i];
            if (!line.Blank && line.IsItem && line.Indent == dashIndent && seen++ == index)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first line after <paramref name="line"/> that is not inside its block.</summary>
    private int BlockEnd(int line, int indent)
    {
        for (int i = line + 1; i < _lines.Count; i++)
        {
            Line next = _lines[i];
            if (!next.Blank && next.Indent <= indent && !(next.IsItem && next.Indent == indent && _lines[line].KeyIndent == indent && !_lines[line].IsItem))
            {
                return i;
            }
        }

        return _lines.Count;
    }

    private static IEnumerable<string> Segments(string pointer)
    {
        foreach (string raw in pointer.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return raw.Replace("~1", "/").Replace("~0", "~");
        }
    }

    private bool KeyEquals(Line line, string segment) =>
        line.HasKey
        && line.KeyContentLength == segment.Length
        && string.CompareOrdinal(_text, line.KeyOffset, segment, 0, segment.Length) == 0;
}
