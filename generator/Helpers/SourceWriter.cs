using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Writes C# text line by line with indentation; the emitters' only way to produce text.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private const string DocPrefix = "/// ";

    /// <summary>Past this many texts the doc-line cache starts over, so it never holds more than one spec's worth.</summary>
    private const int MaxCachedDocs = 16 * 1024;

    /// <summary>Room for all but the largest files, so a builder grows once at most and is then reused.</summary>
    private const int InitialCapacity = 64 * 1024;

    /// <summary>Builders this large are dropped after use rather than kept for the next file.</summary>
    private const int MaxCachedCapacity = 1024 * 1024;

    // Emitting Stripe's spec writes ~2,300 files one after another; reusing one builder per thread saves growing
    // (and collecting) a new one for each.
    [ThreadStatic]
    private static StringBuilder? t_cachedBuilder;

    [ThreadStatic]
    private static Dictionary<string, string[]>? t_docLines;

    private StringBuilder? _builder;

    public SourceWriter()
    {
        _builder = t_cachedBuilder ?? new StringBuilder(InitialCapacity);
        t_cachedBuilder = null;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The file is complete: start a new SourceWriter.");

    // Set when a block closes: the next statement at this level gets a blank line before it, as hand-written
    // code would (but not a closing brace, an else or a blank line the caller writes).
    private bool _afterBlock;

    public int Indentation { get; set; }

    public SourceWriter WriteLine(string line) => WriteLine(string.Empty, line);

    /// <summary>Writes <paramref name="prefix"/> and <paramref name="line"/> as one line, without joining them first.</summary>
    private SourceWriter WriteLine(string prefix, string line)
    {
        if (_afterBlock)
        {
            _afterBlock = false;
            bool closesOrContinues = prefix.Length == 0 && (line.StartsWith("}", StringComparison.Ordinal) || line.StartsWith("else", StringComparison.Ordinal));
            if (prefix.Length + line.Length > 0 && !closesOrContinues)
            {
                Builder.Append('\n');
            }
        }

        if (prefix.Length + line.Length > 0)
        {
            for (int i = 0; i < Indentation; i++)
            {
                Builder.Append(IndentUnit);
            }

            Builder.Append(prefix).Append(line);
        }

        Builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine() => WriteLine(string.Empty);

    /// <summary>Writes <c>{</c>, indents, and returns a scope that writes <c>}</c> (plus <paramref name="suffix"/>) when disposed.</summary>
    public Block Braces(string suffix = "")
    {
        WriteLine("{");
        Indentation++;
        return new Block(this, "}" + suffix);
    }

    /// <summary>
    /// Writes <c>#pragma warning disable {warning}</c> with its reason and returns a scope that restores the warning
    /// when disposed; writes nothing when <paramref name="when"/> is false. For the few statements that must do
    /// what the warning is about (the encoder reads a parameter the spec deprecates, as a caller may still set it),
    /// so the rest of the file keeps the warning.
    /// </summary>
    public Pragma Disable(string warning, string reason, bool when = true)
    {
        if (!when)
        {
            return default;
        }

        WriteLine("#pragma warning disable " + warning + " // " + reason);
        return new Pragma(this, warning);
    }

    /// <summary>Writes an XML doc <c>&lt;summary&gt;</c> from spec prose, escaped, one source line per text line.</summary>
    public void WriteSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // Stripe's spec says many things word for word in hundreds of places (expand, metadata, limit, …): each
        // text is turned into doc lines once per thread and then reused. The lines depend on the text alone.
        Dictionary<string, string[]> cache = t_docLines ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!cache.TryGetValue(text!, out string[]? lines))
        {
            if (cache.Count >= MaxCachedDocs)
            {
                cache.Clear();
            }

            cache.Add(text!, lines = DocText.Lines(text!).ToArray());
        }

        WriteDocLines("summary", lines);
    }

    /// <summary>Writes an XML doc <c>&lt;summary&gt;</c> from doc markup the generator made (already escaped), wrapped.</summary>
    public void WriteSummaryMarkup(string xml) => WriteDocLines("summary", DocText.Wrap(xml));

    private void WriteDocLines(string tag, IEnumerable<string> lines)
    {
        WriteLine("/// <" + tag + ">");
        foreach (string line in lines)
        {
            WriteLine(DocPrefix, line);
        }

        WriteLine("/// </" + tag + ">");
    }

    /// <summary>Returns the text written and hands the builder to the next writer; this writer is done.</summary>
    public string Complete()
    {
        StringBuilder builder = Builder;
        string text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxCachedCapacity)
        {
            builder.Clear();
            t_cachedBuilder = builder;
        }

        return text;
    }

    internal readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public Block(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer.Indentation--;
            _writer.WriteLine(_closing);
            _writer._afterBlock = _closing == "}";
        }
    }

    internal readonly struct Pragma : IDisposable
    {
        private readonly SourceWriter? _writer;
        private readonly string _warning;

        public Pragma(SourceWriter writer, string warning)
        {
            _writer = writer;
            _warning = warning;
        }

        public void Dispose()
        {
            if (_writer is null)
            {
                return;
            }

            // Right below the block it closes; the blank line a closed block asks for comes after it.
            bool afterBlock = _writer._afterBlock;
            _writer._afterBlock = false;
            _writer.WriteLine("#pragma warning restore " + _warning);
            _writer._afterBlock = afterBlock;
        }
    }
}
