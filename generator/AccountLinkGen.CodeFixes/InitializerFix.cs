using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// Rewrites <c>Collect = AccountLinkCollect.EventuallyDue</c> inside <c>new X { … }</c> into
/// <c>CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue }</c>,
/// or, when the initializer already creates the replacement's object, adds the leaf to that object's initializer.
/// </summary>
internal static class InitializerFix
{
    /// <summary>The fixed root, or <see langword="null"/> when the assignment has no faithful rewrite.</summary>
    public static SyntaxNode? TryApply(
        SyntaxNode root,
        SemanticModel model,
        AssignmentExpressionSyntax assignment,
        string propertyPath,
        CancellationToken cancellationToken)
    {
        // Only object creation: in `with { … }` or a nested `P = { … }` the object already exists and may hold a
        // replacement object that a fresh `new` would silently discard.
        if (assignment.Parent is not InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } initializer
            || initializer.Parent is not BaseObjectCreationExpressionSyntax creation
            || model.GetTypeInfo(creation, cancellationToken).Type is not { } createdType)
        {
            return null;
        }

        var target = ReplacementTarget.Resolve(
            model, createdType, propertyPath, assignment.Right, assignment.SpanStart, outsideInitializer: false, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var text = new ReplacementText(model, assignment.SpanStart, target);
        var existing = FindAssignment(model, initializer, target.Properties[0], cancellationToken);
        if (existing is null)
        {
            var replacement = SyntaxFactory.ParseExpression(text.Assignment(0));
            return replacement.ContainsDiagnostics ? null : root.ReplaceNode(assignment, replacement.WithTriviaFrom(assignment));
        }

        var merged = Merge(model, existing, target, 1, text, InitializerEditing.FindEndOfLine(root), cancellationToken);
        if (merged is null)
        {
            return null;
        }

        var index = initializer.Expressions.IndexOf(assignment);
        var fixedInitializer = InitializerEditing.RemoveAt(initializer.ReplaceNode(existing, merged), index);
        return root.ReplaceNode(initializer, fixedInitializer);
    }

    /// <summary>
    /// Adds the path from <paramref name="depth"/> on to the object that <paramref name="existing"/> (the element
    /// setting property <c>depth - 1</c>) creates; <see langword="null"/> when that object is not created right
    /// there or already sets the leaf.
    /// </summary>
    private static AssignmentExpressionSyntax? Merge(
        SemanticModel model,
        AssignmentExpressionSyntax existing,
        ReplacementTarget target,
        int depth,
        ReplacementText text,
        SyntaxTrivia endOfLine,
        CancellationToken cancellationToken)
    {
        InitializerExpressionSyntax? inner;
        switch (existing.Right)
        {
            case BaseObjectCreationExpressionSyntax { Initializer: null } bare:
                // `new T()`: give it an initializer that holds the rest of the path.
                var added = SyntaxFactory.ParseExpression("new T { " + text.Assignment(depth) + " }");
                if (added is not ObjectCreationExpressionSyntax { Initializer: { } newInitializer } || added.ContainsDiagnostics)
                {
                    return null;
                }

                return existing.WithRight(bare
                    .WithoutTrailingTrivia()
                    .WithInitializer(newInitializer
                        .WithLeadingTrivia(SyntaxFactory.Space)
                        .WithTrailingTrivia(bare.GetTrailingTrivia())));
            case BaseObjectCreationExpressionSyntax { Initializer: { RawKind: (int)SyntaxKind.ObjectInitializerExpression } objectInitializer }:
                inner = objectInitializer;
                break;
            default:
                // A variable, a method call, a collection: the object's contents are unknown here.
                return null;
        }

        var nested = FindAssignment(model, inner, target.Properties[depth], cancellationToken);
        InitializerExpressionSyntax fixedInner;
        if (nested is null)
        {
            var element = SyntaxFactory.ParseExpression(text.Assignment(depth));
            if (element.ContainsDiagnostics)
            {
                return null;
            }

            fixedInner = InitializerEditing.Add(inner, element, endOfLine);
        }
        else if (depth == text.LeafIndex)
        {
            // The replacement is already set; which value wins is the author's call, not the fix's.
            return null;
        }
        else
        {
            var mergedNested = Merge(model, nested, target, depth + 1, text, endOfLine, cancellationToken);
            if (mergedNested is null)
            {
                return null;
            }

            fixedInner = inner.ReplaceNode(nested, mergedNested);
        }

        return existing.ReplaceNode(inner, fixedInner);
    }

    private static AssignmentExpressionSyntax? FindAssignment(
        SemanticModel model,
        InitializerExpressionSyntax initializer,
        IPropertySymbol property,
        CancellationToken cancellationToken)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax name } candidate
                && name.Identifier.ValueText == property.Name
                && SymbolEqualityComparer.Default.Equals(
                    model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition,
                    property.OriginalDefinition))
            {
                return candidate;
            }
        }

        return null;
    }
}
