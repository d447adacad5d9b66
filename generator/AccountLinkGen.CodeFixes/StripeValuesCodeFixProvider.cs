using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using AccountLinkGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// Fixes ALG1002 and ALG1003 by replacing the string constant with one of the nearest values the spec lists, one
/// code action per value the analyzer named, nearest first. Where it named none, no fix is offered: a guess would
/// change what is sent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StripeValuesCodeFixProvider))]
[Shared]
public sealed class StripeValuesCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.NotAListedValueId, AnalyzerDescriptors.NotAKnownValueId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(StripeValuesAnalyzer.NearestKey, out var nearest) || string.IsNullOrEmpty(nearest)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            foreach (string value in nearest!.Split('\n'))
            {
                var document = context.Document;
                var replaced = root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(literal));
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{value}'", _ => Task.FromResult(document.WithSyntaxRoot(replaced)), equivalenceKey: diagnostic.Id + "." + value),
                    diagnostic);
            }
        }
    }
}
