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
/// scalars, read in place without a YAML tree. It throws <see cref="LeftToLibraryException"/> at whatever the library's
/// reader treats its own way: anchors, aliases, tags, complex keys, a duplicate key, a second document, and a node past
/// one of the library's limits, counted as the library counts them.
/// </summary>
/// <remarks>
/// The library counts parse nodes, not YAML nodes, against its node limit. It wraps a mapping in parse nodes down to
/// its sequences as soon as it meets it, and again for each entry of a map it reads (properties, content, components),
/// while a sequence's items are wrapped only when they are read. So a node is counted about twice (a property and its
/// value) for each wrapping: one, plus one per map being read between the node and its nearest sequence. The cursor
/// adds that up as an upper bound and leaves a text whose bound passes the limit to the library: it may leave one the
/// library would still read, never read one the library refuses.
/// </remarks>
internal sealed class YamlEvents
{
    // The library's limits: OpenApiReaderSettings' defaults, which the generator's reader keeps.
    private const int MaxDepth = (int)OpenApiReaderSettings.DefaultMaxDepth;
    private const int MaxScalarLength = (int)OpenApiReaderSettings.DefaultMaxScalarLength;
    private const long MaxParseNodes = OpenApiReaderSettings.DefaultMaxNodeCount;

    private readonly IParser _parser;

    // The keys of each open mapping, innermost last; entries past _openMappings are kept for reuse.
    private readonly List<KeySet> _mappingKeys = new();
    private readonly Stack<int> _wrappingsOutsideSequence = new();
    private int _openMappings;
    private int _openContainers;
    private int _wrappings = 1;
    private long _parseNodes;

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

    /// <summary>Ends the read after the root node: the document must end, and the stream with it.</summary>
    public void EndDocument()
    {
        Take<DocumentEnd>();
        if (Current is not StreamEnd)
        {
            throw new LeftToLibraryException();
        }
    }

    /// <summary>Steps into a mapping read field by field; its keys follow with <see cref="NextKey"/>.</summary>
    public void EnterMapping() => Enter(isMap: false);

    /// <summary>
    /// Steps into a mapping read as a map of values (properties, content, components), each of which the library
    /// wraps again; its keys follow with <see cref="NextKey"/>.
    /// </summary>
    public void EnterMap() => Enter(isMap: true);

    /// <summary>
    /// The mapping's next key, or null (the mapping's end, consumed) when there is none. A key the mapping already
    /// had is the library's error to report.
    /// </summary>
    public string? NextKey()
    {
        KeySet keys = _mappingKeys[_openMappings - 1];
        if (Current is MappingEnd)
        {
            Advance();
            _openMappings--;
            _openContainers--;
            _wrappings -= keys.IsMap ? 1 : 0;
            return null;
        }

        string key = ReadScalar();
        if (!keys.Add(key))
        {
            throw new LeftToLibraryException();
        }

        return key;
    }

    /// <summary>Steps into a sequence; its items follow while <see cref="NextItem"/> is true.</summary>
    public void EnterSequence()
    {
        CheckNode(Take<SequenceStart>());
        _openContainers++;
        _wrappingsOutsideSequence.Push(_wrappings);
        _wrappings = 1;
    }

    /// <summary>Whether the sequence has another item; at its end, consumes it.</summary>
    public bool NextItem()
    {
        if (Current is SequenceEnd)
        {
            Advance();
            _openContainers--;
            _wrappings = _wrappingsOutsideSequence.Pop();
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
            throw new LeftToLibraryException();
        }

        return scalar;
    }

    private void Enter(bool isMap)
    {
        CheckNode(Take<MappingStart>());
        if (_openMappings == _mappingKeys.Count)
        {
            _mappingKeys.Add(new KeySet());
        }

        _mappingKeys[_openMappings++].Reset(isMap);
        _openContainers++;
        _wrappings += isMap ? 1 : 0;
    }

    /// <summary>A node the library would refuse: too deep, one node too many, or with an anchor or a tag.</summary>
    private void CheckNode(NodeEvent node)
    {
        _parseNodes += 2 * _wrappings;
        if (_openContainers >= MaxDepth || _parseNodes > MaxParseNodes || !string.IsNullOrEmpty(node.Anchor) || !string.IsNullOrEmpty(node.Tag))
        {
            throw new LeftToLibraryException();
        }
    }

    private T Take<T>()
        where T : ParsingEvent
    {
        if (Current is not T taken)
        {
            // Another kind of node than the field wants, an alias, or a second document: the library's case.
            throw new LeftToLibraryException();
        }

        Advance();
        return taken;
    }

    private void Advance()
    {
        if (!_parser.MoveNext())
        {
            throw new LeftToLibraryException();
        }

        Current = _parser.Current!;
    }

    /// <summary>The keys of one open mapping: a list while it is short (most are), a set once it is long.</summary>
    private sealed class KeySet
    {
        private const int ListLimit = 16;
        private readonly List<string> _list = new();
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        /// <summary>Whether the mapping is read as a map of values.</summary>
        public bool IsMap { get; private set; }

        public void Reset(bool isMap)
        {
            IsMap = isMap;
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
