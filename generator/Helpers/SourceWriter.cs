using System;
using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Writes C# text line by line with indentation; the emitters' only way to produce text.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();

    // Set when a block closes: the next statement at this level gets a blank line before it, as hand-written
    // code would (but not a closing brace, an else or a blank line the caller writes).
    private bool _afterBlock;

    public int Indentation { get; set; }

    public SourceWriter WriteLine(string line)
    {
        if (_afterBlock)
        {
            _afterBlock = false;
            if (line.Length > 0 && !line.StartsWith("}", StringComparison.Ordinal) && !line.StartsWith("else", StringComparison.Ordinal))
            {
                _builder.Append('\n');
            }
        }

        if (line.Length > 0)
        {
            for (int i = 0; i < Indentation; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
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

    /// <summary>Writes an XML doc <c>&lt;summary&gt;</c> from spec prose, escaped, one source line per text line.</summary>
    public void WriteSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        WriteLine("/// <summary>");
        foreach (string line in DocText.Lines(text!))
        {
            WriteLine("/// " + line);
        }

        WriteLine("/// </summary>");
    }

    public override string ToString() => _builder.ToString();

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
}
