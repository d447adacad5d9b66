using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Readers;
using SharpYaml;
using SharpYaml.Events;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// A forward-only cursor over SharpYaml's parser events for <see cref="OpenApiEventReader"/>: mappings, sequences and
/// scalars, read in place without a YAML tree. Whatever the OpenAPI library's reader would treat specially (anchors,
/// aliases, tags, a node deeper, longer or more numerous than its limits, a second document) ends the fast read with
/// <see cref="NotFastReadable"/>, so that the library reads the text and reports it in its own words.
/// </summary>
internal sealed class YamlEvents
{
    // The library's limits (OpenApiReaderSettings' defaults). The node budget is kept well under the library's, whose
    // count of parse nodes can run above the count of YAML nodes: near the limit, the library decides.
    private const int MaxDepth = (int)OpenApiReaderSettings.DefaultMaxDepth;
    private const int MaxScalarLength = (int)OpenApiReaderSettings.DefaultMaxScalarLength;
    private const int NodeBudget = (int)(OpenApiReaderSettings.DefaultMaxNodeCount / 4);

    private readonly IParser _parser;
    private readonly List<KeySet> _mappings = new();
    private int _depth;
    private int _nodes;

    public YamlEvents(string text)
    {
        _parser = Parser.CreateParser(new StringReader(text), MaxDepth);
        Advance();
        Take<StreamStart>();
        Take<DocumentStart>();
    }

    private ParsingEvent Current { get; set; } = null!;

    /// <summary>Whether the next node is a scalar.</summary>
    public bool AtScalar => Current is Scalar;

    /// <summary>Whether the next node is a sequence.</summary>
    public bool AtSequence => Current is SequenceStart;

    /// <summary>Ends the read after the root node: the document must end, and the stream with it.</summary>
    public void EndDocument()
    {
        Take<DocumentEnd>();
        if (Current is not StreamEnd)
        {
            throw new NotFastReadable();
        }
    }

    /// <summary>Steps into a mapping; its keys follow with <see cref="NextKey"/>.</summary>
    public void EnterMapping()
    {
        CheckNode(Take<MappingStart>());
        if (_depth == _mappings.Count)
        {
            _mappings.Add(new KeySet());
        }

        _mappings[_depth++].Clear();
    }

    /// <summary>
    /// The mapping's next key, or null (the mapping's end, consumed) when there is none. A key the mapping already
    /// had is the library's error to report.
    /// </summary>
    public string? NextKey()
    {
        if (Current is MappingEnd)
        {
            Advance();
            _depth--;
            return null;
        }

        string key = ReadScalar();
        if (!_mappings[_depth - 1].Add(key))
        {
            throw new NotFastReadable();
        }

        return key;
    }

    /// <summary>Steps into a sequence; its items follow while <see cref="NextItem"/> is true.</summary>
    public void EnterSequence() => CheckNode(Take<SequenceStart>());

    /// <summary>Whether the sequence has another item; at its end, consumes it.</summary>
    public bool NextItem()
    {
        if (Current is SequenceEnd)
        {
            Advance();
            return false;
        }

        return true;
    }

    /// <summary>A scalar's text, as the library's <c>GetScalarValue</c> gives it.</summary>
    public string ReadScalar() => ReadScalarEvent().Value;

    /// <summary>
    /// A node as the library's untyped value before conversion: a mapping an object, a sequence an array, a scalar a
    /// string, explicit when quoted or a block scalar.
    /// </summary>
    public IOpenApiAny ReadAny()
    {
        if (Current is MappingStart)
        {
            var value = new OpenApiObject();
            EnterMapping();
            while (NextKey() is { } key)
            {
                value.Add(key, ReadAny());
            }

            return value;
        }

        if (Current is SequenceStart)
        {
            var array = new OpenApiArray();
            EnterSequence();
            while (NextItem())
            {
                array.Add(ReadAny());
            }

            return array;
        }

        Scalar scalar = ReadScalarEvent();
        bool isExplicit = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
        return new OpenApiString(scalar.Value, isExplicit);
    }

    /// <summary>Passes over one node, whatever it holds.</summary>
    public void Skip()
    {
        if (Current is MappingStart)
        {
            EnterMapping();
            while (NextKey() is not null)
            {
                Skip();
            }
        }
        else if (Current is SequenceStart)
        {
            EnterSequence();
            while (NextItem())
            {
                Skip();
            }
        }
        else
        {
            ReadScalarEvent();
        }
    }

    private Scalar ReadScalarEvent()
    {
        var scalar = Take<Scalar>();
        CheckNode(scalar);
        if (scalar.Value.Length > MaxScalarLength)
        {
            throw new NotFastReadable();
        }

        return scalar;
    }

    private void CheckNode(NodeEvent node)
    {
        if (!string.IsNullOrEmpty(node.Anchor) || !string.IsNullOrEmpty(node.Tag) || ++_nodes > NodeBudget)
        {
            throw new NotFastReadable();
        }
    }

    private T Take<T>()
        where T : ParsingEvent
    {
        if (Current is not T taken)
        {
            // Another kind of node than the field wants, an alias, or a second document: the library's case.
            throw new NotFastReadable();
        }

        Advance();
        return taken;
    }

    private void Advance()
    {
        if (!_parser.MoveNext())
        {
            throw new NotFastReadable();
        }

        Current = _parser.Current!;
    }

    /// <summary>The keys of one open mapping: a list while it is short (most are), a set once it is long.</summary>
    private sealed class KeySet
    {
        private const int ListLimit = 16;
        private readonly List<string> _list = new();
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        public void Clear()
        {
            _list.Clear();
            _set.Clear();
        }

        public bool Add(string key)
        {
            if (_set.Count > 0)
            {
                return _set.Add(key);
            }

            foreach (string known in _list)
            {
                if (string.Equals(known, key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            _list.Add(key);
            if (_list.Count > ListLimit)
            {
                _set.UnionWith(_list);
            }

            return true;
        }
    }
}
