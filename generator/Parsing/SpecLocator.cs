using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Model;
using SharpYaml;
using SharpYaml.Events;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Maps JSON pointers (<c>#/paths/~1v1~1account_links/post</c>) to line and column in the spec's text, so that
/// diagnostics point at the YAML or JSON node they are about. Built lazily: only a spec with problems pays for it.
/// </summary>
internal sealed class SpecLocator
{
    private static readonly Regex LineColumn = new(@"Lin(?:e)?:?\s*(\d+),\s*Col(?:umn)?:?\s*(\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // The reader's own position text, "(Lin: 7, Col: 0, Chr: 83)", and the " - " or ":" that joins it to the reason.
    private static readonly Regex PositionText = new(
        @"\s*-?\s*\(\s*Lin(?:e)?:?\s*\d+,\s*Col(?:umn)?:?\s*\d+(?:,\s*Chr:?\s*\d+)?\s*\)\s*:?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly string _path;
    private readonly string _text;
    private Dictionary<string, (Mark Start, Mark End)>? _nodes;
    private BlockYamlLocator? _block;
    private bool _blockTried;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The location of the node at <paramref name="pointer"/>, or of its nearest existing ancestor.</summary>
    public LocationInfo Locate(string? pointer)
    {
        string current = Normalize(pointer);
        if (!_blockTried)
        {
            _block = BlockYamlLocator.TryCreate(_path, _text);
            _blockTried = true;
        }

        if (_block is not null && _block.TryLocate(current, out LocationInfo? found) && found is not null)
        {
            return found;
        }

        return LocateByIndex(current);
    }

    /// <summary>The same answer from a full YAML parse: slower, but it reads any YAML or JSON.</summary>
    internal LocationInfo LocateByIndex(string normalizedPointer)
    {
        var nodes = _nodes ??= Index(_text);
        string current = normalizedPointer;
        while (true)
        {
            if (nodes.TryGetValue(current, out var span))
            {
                return ToLocation(span.Start, span.End);
            }

            int slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return FileStart();
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>The location a reader message names with <c>(Lin: 3, Col: 5)</c>, when it names one.</summary>
    public LocationInfo? FromMessage(string message)
    {
        Match match = LineColumn.Match(message);
        if (!match.Success)
        {
            return null;
        }

        // The YAML reader counts lines and columns from zero.
        int line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int column = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return AtLineColumn(line, column);
    }

    /// <summary>
    /// A reader message without the reader's zero-based "(Lin: 7, Col: 0)" position, which the IDE would show next
    /// to our one-based location as a second, different number; and without its final period, which the
    /// diagnostic's own text follows.
    /// </summary>
    public static string WithoutPosition(string message) =>
        PositionText.Replace(message, string.Empty).Trim().TrimEnd('.').TrimEnd();

    /// <summary>Whether the text has a node at <paramref name="pointer"/> (not only an ancestor of it).</summary>
    public bool Defines(string pointer) => (_nodes ??= Index(_text)).ContainsKey(Normalize(pointer));

    /// <summary>A one-character location at a zero-based line and column.</summary>
    public LocationInfo AtLineColumn(int line, int column)
    {
        int offset = 0;
        for (int l = 0; l < line && offset < _text.Length; l++)
        {
            int next = _text.IndexOf('\n', offset);
            if (next < 0)
            {
                offset = _text.Length;
                break;
            }

            offset = next + 1;
        }

        int lineEnd = _text.IndexOf('\n', offset);
        int lineLength = (lineEnd < 0 ? _text.Length : lineEnd) - offset;
        column = Math.Min(column, Math.Max(0, lineLength));
        int start = Math.Min(offset + column, _text.Length);
        int length = start < _text.Length ? 1 : 0;
        return new LocationInfo(_path, start, length, line, column, line, column + length);
    }

    /// <summary>The location of a span of the text.</summary>
    public LocationInfo AtOffset(int start, int length)
    {
        (int line, int column) = LineColumnOf(start);
        (int endLine, int endColumn) = LineColumnOf(start + length);
        return new LocationInfo(_path, start, length, line, column, endLine, endColumn);
    }

    private (int Line, int Column) LineColumnOf(int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    public LocationInfo FileStart() => new(_path, 0, 0, 0, 0, 0, 0);

    private LocationInfo ToLocation(Mark start, Mark end)
    {
        int startIndex = Math.Min(start.Index, _text.Length);
        int endIndex = Math.Min(Math.Max(end.Index, startIndex), _text.Length);
        return new LocationInfo(_path, startIndex, endIndex - startIndex, start.Line, start.Column, end.Line, end.Column);
    }

    internal static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return "#";
        }

        string p = pointer!;
        if (!p.StartsWith("#", StringComparison.Ordinal))
        {
            p = "#" + (p.StartsWith("/", StringComparison.Ordinal) ? p : "/" + p);
        }

        return p.TrimEnd('/');
    }

    /// <summary>Every pointer the full index knows, for tests that compare the two ways of locating.</summary>
    internal IEnumerable<string> IndexedPointers => (_nodes ??= Index(_text)).Keys;

    /// <summary>Walks the YAML events once and records, for every mapping key, the span of its key scalar.</summary>
    private static Dictionary<string, (Mark Start, Mark End)> Index(string text)
    {
        var nodes = new Dictionary<string, (Mark, Mark)>(StringComparer.Ordinal);
        try
        {
            IParser parser = Parser.CreateParser(new System.IO.StringReader(text));
            var stack = new Stack<Frame>();
            string currentPath = "#";
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                Frame? top = stack.Count > 0 ? stack.Peek() : null;
                string? childPath = null;
                if (top is { IsMapping: true } && top.ExpectKey && e is Scalar key)
                {
                    top.PendingKey = Escape(key.Value);
                    top.ExpectKey = false;
                    string path = top.Path + "/" + top.PendingKey;
                    if (!nodes.ContainsKey(path))
                    {
                        nodes[path] = (key.Start, key.End);
                    }

                    continue;
                }

                if (top is not null && (e is Scalar || e is MappingStart || e is SequenceStart || e is AnchorAlias))
                {
                    childPath = top.IsMapping ? top.Path + "/" + top.PendingKey : top.Path + "/" + top.Index++;
                    if (!top.IsMapping && !nodes.ContainsKey(childPath))
                    {
                        nodes[childPath] = (e.Start, e.End);
                    }

                    if (top.IsMapping)
                    {
                        top.ExpectKey = true;
                    }
                }

                switch (e)
                {
                    case MappingStart:
                        stack.Push(new Frame(childPath ?? currentPath, isMapping: true));
                        break;
                    case SequenceStart:
                        stack.Push(new Frame(childPath ?? currentPath, isMapping: false));
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        stack.Pop();
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // A syntax error: what was indexed up to it still locates earlier nodes.
        }

        return nodes;
    }

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    private sealed class Frame
    {
        public Frame(string path, bool isMapping)
        {
            Path = path;
            IsMapping = isMapping;
        }

        public string Path { get; }

        public bool IsMapping { get; }

        public bool ExpectKey { get; set; } = true;

        public string PendingKey { get; set; } = string.Empty;

        public int Index { get; set; }
    }
}
