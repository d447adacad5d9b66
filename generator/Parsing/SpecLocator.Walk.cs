using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Readers;
using SharpYaml;
using SharpYaml.Events;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>The walk: one pass over SharpYaml's parser events, keeping only what was asked for.</summary>
internal sealed partial class SpecLocator
{
    // The OpenAPI reader's own nesting limit: a deeper text stops there and here with the same error, at the same place.
    private const int MaxDepth = (int)OpenApiReaderSettings.DefaultMaxDepth;

    /// <summary>
    /// Walks the text's events, placing the nodes of <paramref name="requested"/> that it meets. A container under
    /// no requested node is still walked (the parser has to), but nothing in it is looked up or stored, unless it
    /// is a <c>$ref</c>.
    /// </summary>
    private Outline Walk(Node requested)
    {
        var outline = new Outline();
        var frames = new Stack<Frame>();
        try
        {
            IParser parser = Parser.CreateParser(new StringReader(_text), MaxDepth);
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                if (current is DocumentEnd)
                {
                    // The reader reads the first document and ignores the rest of the text: so does the walk.
                    break;
                }

                if (current is MappingEnd or SequenceEnd)
                {
                    frames.Pop();
                    continue;
                }

                if (current is not (Scalar or MappingStart or SequenceStart or AnchorAlias))
                {
                    continue;
                }

                bool container = current is MappingStart or SequenceStart;
                if (frames.Count == 0)
                {
                    if (container)
                    {
                        frames.Push(new Frame(requested, current is MappingStart, null, null, -1));
                    }

                    continue;
                }

                Frame top = frames.Peek();
                if (top.IsMapping && !top.HasKey)
                {
                    ReadKey(top, current, outline);
                    if (container)
                    {
                        // A key that is itself a mapping or list: nothing in it can be pointed at.
                        frames.Push(new Frame(null, current is MappingStart, top, null, -1));
                    }

                    continue;
                }

                Node? node;
                string? name = null;
                int position = -1;
                if (top.IsMapping)
                {
                    top.HasKey = false;
                    node = top.Pending;
                    name = top.Key;
                    if (top.Key == "$ref" && current is Scalar target)
                    {
                        // The whole reference as written: from the '$' (inside a JSON key's quotes) to the end of the value.
                        Mark start = top.KeyStart;
                        Mark from = top.KeyQuoted ? new Mark(start.Index + 1, start.Line, start.Column + 1) : start;
                        outline.References.Add(new ReferenceSite(Pointer(top), target.Value, Span(from, target.End)));
                    }
                }
                else
                {
                    position = top.Items++;
                    node = top.Node is { HasChildren: true } ? top.Node.Find(position.ToString(CultureInfo.InvariantCulture)) : null;
                    node?.Place(current.Start, current.End);
                }

                if (container)
                {
                    frames.Push(new Frame(node, current is MappingStart, top, name, position));
                }
            }
        }
        catch (YamlException exception)
        {
            // Nodes placed before the error keep their places. The message starts with the position, "(Lin: 6,
            // Col: 10, Chr: 99) - (…): ", which the diagnostic's own location replaces.
            string position = "(" + exception.Start + ") - (" + exception.End + "): ";
            string message = exception.Message.StartsWith(position, System.StringComparison.Ordinal) ? exception.Message.Substring(position.Length) : exception.Message;
            outline.Error = new SyntaxError(At(exception.Start), SyntaxError.Reason(message));
        }

        return outline;
    }

    private static void ReadKey(Frame mapping, ParsingEvent current, Outline outline)
    {
        mapping.HasKey = true;
        mapping.Key = (current as Scalar)?.Value;
        mapping.KeyStart = current.Start;
        mapping.KeyQuoted = current is Scalar { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };
        mapping.Pending = mapping.Key is null ? null : mapping.Node?.Find(mapping.Key);
        mapping.Pending?.Place(current.Start, current.End);
        if (mapping.Key is null)
        {
            return;
        }

        if (mapping.Parent is null)
        {
            outline.TopLevelKeys.Add(mapping.Key);
        }

        if (mapping.Key == "$ref")
        {
            outline.ReferenceOwners.Add(Pointer(mapping));
        }
    }

    /// <summary>The pointer of a container, built only for the few that hold a <c>$ref</c>.</summary>
    private static string Pointer(Frame frame)
    {
        var segments = new List<string>();
        for (Frame? current = frame; current?.Parent is not null; current = current.Parent)
        {
            segments.Add(current.Position >= 0 ? current.Position.ToString(CultureInfo.InvariantCulture) : JsonPointer.Escape(current.Name ?? string.Empty));
        }

        segments.Reverse();
        return segments.Count == 0 ? JsonPointer.Root : JsonPointer.Root + "/" + string.Join("/", segments);
    }

    /// <summary>A mapping or list being walked.</summary>
    private sealed class Frame
    {
        public Frame(Node? node, bool isMapping, Frame? parent, string? name, int position)
        {
            Node = node;
            IsMapping = isMapping;
            Parent = parent;
            Name = name;
            Position = position;
        }

        /// <summary>The requested node this container is, or null when nothing under it was asked for.</summary>
        public Node? Node { get; }

        public bool IsMapping { get; }

        /// <summary>The container that holds this one (null for a root), and this one's key or index in it.</summary>
        public Frame? Parent { get; }

        public string? Name { get; }

        public int Position { get; }

        /// <summary>In a mapping: a key was read and its value comes next.</summary>
        public bool HasKey { get; set; }

        public string? Key { get; set; }

        public Mark KeyStart { get; set; }

        public bool KeyQuoted { get; set; }

        /// <summary>The requested node the key names, if any: its value's container is that node.</summary>
        public Node? Pending { get; set; }

        /// <summary>In a list: the items read so far.</summary>
        public int Items { get; set; }
    }
}
