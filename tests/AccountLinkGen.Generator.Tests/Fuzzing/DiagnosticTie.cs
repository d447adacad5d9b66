using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

/// <summary>
/// Decides whether a generator diagnostic accounts for a compiler diagnostic in the generated code: both must be
/// about the same spec element. The spec side is every name the ALG message quotes (and each segment of a quoted
/// path) plus the key at the spec position it points to; a quoted file path names no element and is left out. The
/// code side is what the erroring line was printed from: its string literals (wire names, also those of the fields
/// its identifiers refer to, such as an escaped parameter name), its identifiers, the member and the types around
/// it. They tie when a literal is the spec name itself, an identifier is its C# name (<see cref="Naming.Pascal"/>),
/// or a type's name ends with it (nested types are named resource + property path).
/// </summary>
internal static class DiagnosticTie
{
    private static readonly Regex Quoted = new(@"'([^']*)'|`([^`]*)`", RegexOptions.CultureInvariant);

    private static readonly Regex YamlKey = new(@"^\s*(?:-\s+)?[""']?([^""':#]+?)[""']?\s*:(?:\s|$)", RegexOptions.CultureInvariant);

    private static readonly char[] PathSeparators = { '.', '/', '[', ']', '{', '}', '#', ' ', ',', ';' };

    /// <summary>The first ALG warning or error about the element <paramref name="compile"/> is in, or null.</summary>
    public static Diagnostic? Find(Diagnostic compile, Compilation compilation, IEnumerable<Diagnostic> generator, string specText)
    {
        CodeNames? code = CodeNames.Of(compile, compilation);
        if (code is null)
        {
            return null;
        }

        return generator
            .Where(d => d.Id.StartsWith("ALG", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning)
            .FirstOrDefault(d => SpecNames(d, specText).Any(code.Matches));
    }

    /// <summary>The spec names a generator diagnostic is about: quoted in its message, or the key where it points.</summary>
    public static IReadOnlyList<string> SpecNames(Diagnostic generator, string specText)
    {
        var names = new List<string>();
        string? specPath = generator.Location.Kind == LocationKind.ExternalFile ? generator.Location.GetLineSpan().Path : null;
        foreach (Match quote in Quoted.Matches(generator.GetMessage(CultureInfo.InvariantCulture)))
        {
            string quoted = quote.Groups[1].Success ? quote.Groups[1].Value : quote.Groups[2].Value;
            if (quoted != specPath && !LooksLikeFile(quoted))
            {
                AddWithSegments(names, quoted);
            }
        }

        if (specPath is not null)
        {
            int line = generator.Location.GetLineSpan().StartLinePosition.Line;
            string[] lines = specText.Split('\n');
            if (line >= 0 && line < lines.Length && YamlKey.Match(lines[line]) is { Success: true } key)
            {
                AddWithSegments(names, key.Groups[1].Value);
            }
        }

        return names.Where(n => n.Any(char.IsLetterOrDigit)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool LooksLikeFile(string quoted) =>
        quoted.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || quoted.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || quoted.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static void AddWithSegments(List<string> names, string quoted)
    {
        names.Add(quoted);
        names.AddRange(quoted.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The names in the generated code at one compiler diagnostic.</summary>
    internal sealed class CodeNames
    {
        private readonly HashSet<string> _literals;
        private readonly HashSet<string> _identifiers;
        private readonly List<string> _types;

        private CodeNames(HashSet<string> literals, HashSet<string> identifiers, List<string> types)
        {
            _literals = literals;
            _identifiers = identifiers;
            _types = types;
        }

        /// <summary>Everything the tie compares, for a failure message.</summary>
        public string Describe() =>
            $"literals [{string.Join(", ", _literals.Order(StringComparer.Ordinal))}], "
            + $"identifiers [{string.Join(", ", _identifiers.Order(StringComparer.Ordinal))}], types [{string.Join(", ", _types)}]";

        /// <summary>Null when the diagnostic is not in a source file (then nothing ties to it).</summary>
        public static CodeNames? Of(Diagnostic compile, Compilation compilation)
        {
            if (compile.Location.SourceTree is not { } tree)
            {
                return null;
            }

            SyntaxNode root = tree.GetRoot();
            TextSpan span = compile.Location.SourceSpan;
            TextLine line = tree.GetText().Lines.GetLineFromPosition(span.Start);
            var literals = new HashSet<string>(StringComparer.Ordinal);
            var identifiers = new HashSet<string>(StringComparer.Ordinal);
            SemanticModel? model = compilation.SyntaxTrees.Contains(tree) ? compilation.GetSemanticModel(tree) : null;
            foreach (SyntaxToken token in root.DescendantTokens(TextSpan.FromBounds(line.Start, Math.Max(line.End, span.End))))
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    literals.Add(token.ValueText);
                }
                else if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    identifiers.Add(token.ValueText);
                    if (model is not null && token.Parent is IdentifierNameSyntax name)
                    {
                        AddFieldLiterals(model, name, literals);
                    }
                }
            }

            var types = new List<string>();
            SyntaxNode? node = root.FindNode(span, getInnermostNodeForTie: true);
            for (; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BaseTypeDeclarationSyntax type:
                        types.Add(type.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        identifiers.Add(property.Identifier.ValueText);
                        break;
                    case EnumMemberDeclarationSyntax member:
                        identifiers.Add(member.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        identifiers.Add(method.Identifier.ValueText);
                        break;
                }
            }

            // A generated file is named after the type it declares: {spec}.{Type}.g.cs.
            string file = System.IO.Path.GetFileName(tree.FilePath);
            if (file.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                string stem = file.Substring(0, file.Length - ".g.cs".Length);
                types.Add(stem.Substring(stem.LastIndexOf('.') + 1));
            }

            return new CodeNames(literals, identifiers, types);
        }

        /// <summary>
        /// The strings a field the line uses stands for: its constant value (<c>WireNames.RefreshUrl</c> is
        /// "refresh_url"), or the literals and constants its initializer uses (<c>FormNames.RefreshUrl</c> encodes
        /// <c>WireNames.RefreshUrl</c>).
        /// </summary>
        private static void AddFieldLiterals(SemanticModel model, IdentifierNameSyntax name, HashSet<string> literals, int depth = 0)
        {
            if (depth > 2 || model.GetSymbolInfo(name).Symbol is not IFieldSymbol field)
            {
                return;
            }

            if (field.HasConstantValue && field.ConstantValue is string constant)
            {
                literals.Add(constant);
            }

            foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    foreach (SyntaxToken token in initializer.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)))
                    {
                        literals.Add(token.ValueText);
                    }

                    SemanticModel declaring = model.Compilation.GetSemanticModel(initializer.SyntaxTree);
                    foreach (IdentifierNameSyntax used in initializer.DescendantNodes().OfType<IdentifierNameSyntax>())
                    {
                        AddFieldLiterals(declaring, used, literals, depth + 1);
                    }
                }
            }
        }

        public bool Matches(string specName)
        {
            string pascal = Naming.Pascal(specName);
            return _literals.Contains(specName)
                || _identifiers.Contains(pascal)
                || _types.Any(t => t.EndsWith(pascal, StringComparison.Ordinal));
        }
    }
}
