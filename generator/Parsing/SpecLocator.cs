using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Model;
using SharpYaml;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Where things are in one spec's text, for diagnostics, all from one source: SharpYaml's parser events, which carry
/// line and column for YAML and JSON alike (see <c>SpecLocator.Walk.cs</c>). A JSON pointer is placed at the key it
/// names (a list item at the item), or at its nearest ancestor the text has; every <c>$ref</c> is known with its span
/// and the pointer of the mapping that holds it; and a text that is no YAML or JSON gives the reader's syntax error
/// with its position.
/// </summary>
/// <remarks>
/// A walk runs only when something is asked: a spec without problems pays for none. The pointers of a parse's
/// diagnostics are placed together at its end (<see cref="Locate(IReadOnlyList{string})"/>), in one walk that keeps
/// only the nodes on their paths, so that Stripe's 4 MB spec with a few warnings is walked once, without a string
/// per key.
/// </remarks>
internal sealed partial class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    private Outline? _outline;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>Every <c>$ref</c> of the text whose value is a string, in the order they appear.</summary>
    public IReadOnlyList<ReferenceSite> References => Outlined.References;

    /// <summary>The syntax error the YAML or JSON text stops at, or null when it reads to its end.</summary>
    public SyntaxError? SyntaxError => Outlined.Error;

    private Outline Outlined => _outline ??= Walk(new Node());

    public LocationInfo FileStart() => new(_path, 0, 0, 0, 0, 0, 0);

    /// <summary>Whether the document's top level has the key (<c>openapi</c>, <c>swagger</c>).</summary>
    public bool HasTopLevelKey(string key) => Outlined.TopLevelKeys.Contains(key);

    /// <summary>The keys of the document's top level, in no particular order.</summary>
    public IReadOnlyCollection<string> TopLevelKeys => Outlined.TopLevelKeys;

    /// <summary>Whether the mapping at <paramref name="pointer"/> is a <c>$ref</c> (holds a <c>$ref</c> key).</summary>
    public bool IsReference(string pointer) => Outlined.ReferenceOwners.Contains(JsonPointer.Normalize(pointer));

    /// <summary>The location of one pointer; see <see cref="Locate(IReadOnlyList{string})"/>.</summary>
    public LocationInfo Locate(string? pointer) => Locate(new[] { pointer })[0];

    /// <summary>
    /// The location of each pointer, in one walk: the key it names (a list item: the item), else its nearest
    /// ancestor that the text has (a <c>$ref</c>'d schema's properties are not under the referring key), else the
    /// start of the file.
    /// </summary>
    public IReadOnlyList<LocationInfo> Locate(IReadOnlyList<string?> pointers)
    {
        var requested = new Node();
        foreach (string? pointer in pointers)
        {
            Node node = requested;
            foreach (string segment in JsonPointer.Segments(pointer))
            {
                node = node.Add(segment);
            }
        }

        if (requested.HasChildren)
        {
            Outline outline = Walk(requested);
            _outline ??= outline;
        }

        var locations = new LocationInfo[pointers.Count];
        for (int i = 0; i < pointers.Count; i++)
        {
            Node? node = requested;
            Node? nearest = null;
            foreach (string segment in JsonPointer.Segments(pointers[i]))
            {
                node = node.Find(segment);
                if (node is not { Placed: true })
                {
                    break;
                }

                nearest = node;
            }

            locations[i] = nearest is null ? FileStart() : Span(nearest.Start, nearest.End);
        }

        return locations;
    }

    private LocationInfo Span(Mark start, Mark end)
    {
        int startIndex = Math.Min(start.Index, _text.Length);
        int endIndex = Math.Min(Math.Max(end.Index, startIndex), _text.Length);
        return new LocationInfo(_path, startIndex, endIndex - startIndex, start.Line, start.Column, end.Line, end.Column);
    }

    /// <summary>One character at a mark (none at the end of the text): where a syntax error is.</summary>
    private LocationInfo At(Mark mark)
    {
        int start = Math.Min(mark.Index, _text.Length);
        int length = start < _text.Length ? 1 : 0;
        return new LocationInfo(_path, start, length, mark.Line, mark.Column, mark.Line, mark.Column + length);
    }

    /// <summary>A node on the path of a requested pointer, and where the text has it once a walk found it.</summary>
    private sealed class Node
    {
        private Dictionary<string, Node>? _children;

        public bool HasChildren => _children is not null;

        public bool Placed { get; private set; }

        public Mark Start { get; private set; }

        public Mark End { get; private set; }

        public Node Add(string segment)
        {
            _children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!_children.TryGetValue(segment, out Node? child))
            {
                _children.Add(segment, child = new Node());
            }

            return child;
        }

        public Node? Find(string segment) => _children is not null && _children.TryGetValue(segment, out Node? child) ? child : null;

        /// <summary>Records where the node is; the first place wins when a key is repeated.</summary>
        public void Place(Mark start, Mark end)
        {
            if (!Placed)
            {
                Placed = true;
                Start = start;
                End = end;
            }
        }
    }

    /// <summary>What every walk records whatever was asked: top-level keys, <c>$ref</c>s and the syntax error.</summary>
    private sealed class Outline
    {
        public HashSet<string> TopLevelKeys { get; } = new(StringComparer.Ordinal);

        public List<ReferenceSite> References { get; } = new();

        public HashSet<string> ReferenceOwners { get; } = new(StringComparer.Ordinal);

        public SyntaxError? Error { get; set; }
    }
}

/// <summary>A <c>$ref</c> in the text: the pointer of the mapping that holds it, its value, and its span.</summary>
/// <param name="Location">From the <c>$ref</c> key to the end of its value, quotes included.</param>
internal sealed record ReferenceSite(string Owner, string Target, LocationInfo Location);

/// <summary>Where the YAML or JSON text stops being readable, and the reader's reason without its position.</summary>
internal sealed record SyntaxError(LocationInfo Location, string Message)
{
    public static string Reason(string message) => message.Trim().TrimEnd('.').TrimEnd();
}
