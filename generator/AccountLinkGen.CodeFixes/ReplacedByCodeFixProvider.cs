using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// Fixes ALG1001 by moving an enum value from a deprecated property to the replacement its <c>[ReplacedBy]</c>
/// names, choosing the replacement enum's member of the same name. No fix is offered when that would change what
/// is sent: a value that is not a constant member, a member the replacement lacks, or a replacement already set.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplacedByCodeFixProvider))]
[Shared]
public sealed class ReplacedByCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = AnalyzerDescriptors.UseReplacementId + ".UseReplacement";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.UseReplacementId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ReplacedByAnalyzer.PropertyPathKey, out var propertyPath)
                || propertyPath is null
                || FindAssignment(root, diagnostic) is not { } assignment)
            {
                continue;
            }

            var fixedRoot = TryFix(root, model, assignment, propertyPath, context.CancellationToken);
            if (fixedRoot is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{propertyPath}'",
                    _ => Task.FromResult(document.WithSyntaxRoot(fixedRoot)),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static SyntaxNode? TryFix(
        SyntaxNode root,
        SemanticModel model,
        AssignmentExpressionSyntax assignment,
        string propertyPath,
        CancellationToken cancellationToken) =>
        assignment.Parent is InitializerExpressionSyntax
            ? InitializerFix.TryApply(root, model, assignment, propertyPath, cancellationToken)
            : StatementFix.TryApply(root, model, assignment, propertyPath, cancellationToken);

    /// <summary>The simple assignment whose target the diagnostic marks.</summary>
    private static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        for (; node is not null; node = node.Parent)
        {
            if (node is AssignmentExpressionSyntax assignment)
            {
                return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && assignment.Left.Span == diagnostic.Location.SourceSpan
                        ? assignment
                        : null;
            }
        }

        return null;
    }
}
