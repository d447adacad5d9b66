using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// Rewrites the statement <c>options.Collect = AccountLinkCollect.EventuallyDue;</c> into
/// <code>
/// options.CollectionOptions ??= new AccountLinkCollectionOptions();
/// options.CollectionOptions.Fields = AccountLinkCollectionOptionsFields.EventuallyDue;
/// </code>
/// so that replacement objects set earlier are kept. Where statements cannot be added (an embedded statement)
/// or the receiver should be evaluated once (a call), it writes the single statement
/// <c>(GetOptions().CollectionOptions ??= new AccountLinkCollectionOptions()).Fields = …;</c> instead.
/// </summary>
internal static class StatementFix
{
    /// <summary>The fixed root, or <see langword="null"/> when the assignment has no faithful rewrite.</summary>
    public static SyntaxNode? TryApply(
        SyntaxNode root,
        SemanticModel model,
        AssignmentExpressionSyntax assignment,
        string propertyPath,
        CancellationToken cancellationToken)
    {
        if (assignment.Parent is not ExpressionStatementSyntax statement
            || assignment.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
        {
            return null;
        }

        ExpressionSyntax? receiver;
        ITypeSymbol? receiverType;
        switch (assignment.Left)
        {
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                receiver = access.Expression;
                receiverType = model.GetTypeInfo(receiver, cancellationToken).Type;
                break;
            case IdentifierNameSyntax name:
                receiver = null;
                receiverType = (model.GetSymbolInfo(name, cancellationToken).Symbol as IPropertySymbol)?.ContainingType;
                break;
            default:
                return null;
        }

        if (receiverType is null)
        {
            return null;
        }

        var target = ReplacementTarget.Resolve(
            model, receiverType, propertyPath, assignment.Right, assignment.SpanStart, outsideInitializer: true, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var text = new ReplacementText(model, assignment.SpanStart, target);
        var receiverText = receiver?.WithoutTrivia().ToString();
        var canAddStatements = statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;
        return canAddStatements && IsRepeatable(receiver)
            ? ReplaceWithStatements(root, statement, receiverText, text)
            : ReplaceWithExpression(root, statement, assignment, receiverText, text);
    }

    private static SyntaxNode? ReplaceWithStatements(SyntaxNode root, ExpressionStatementSyntax statement, string? receiverText, ReplacementText text)
    {
        var endOfLine = InitializerEditing.FindEndOfLine(root);
        var indentation = InitializerEditing.Indentation(statement.GetLeadingTrivia());
        var path = new StringBuilder(receiverText is null ? string.Empty : receiverText + ".");
        var statements = new List<StatementSyntax>();
        for (var i = 0; i <= text.LeafIndex; i++)
        {
            path.Append(text.Name(i));
            var line = i == text.LeafIndex
                ? path + " = " + text.Member() + ";"
                : path + " ??= " + text.NewObject(i) + ";";
            var parsed = SyntaxFactory.ParseStatement(line);
            if (parsed.ContainsDiagnostics)
            {
                return null;
            }

            statements.Add(parsed
                .WithLeadingTrivia(i == 0 ? statement.GetLeadingTrivia() : indentation)
                .WithTrailingTrivia(i == text.LeafIndex ? statement.GetTrailingTrivia() : SyntaxFactory.TriviaList(endOfLine)));
            path.Append('.');
        }

        if (statement.Parent is GlobalStatementSyntax global)
        {
            var globals = new List<GlobalStatementSyntax>(statements.Count);
            foreach (var each in statements)
            {
                globals.Add(SyntaxFactory.GlobalStatement(each));
            }

            return root.ReplaceNode(global, globals);
        }

        return root.ReplaceNode(statement, statements);
    }

    private static SyntaxNode? ReplaceWithExpression(
        SyntaxNode root,
        ExpressionStatementSyntax statement,
        AssignmentExpressionSyntax assignment,
        string? receiverText,
        ReplacementText text)
    {
        // ((r.A ??= new A()).B ??= new B()).Leaf = Member
        var expression = receiverText;
        for (var i = 0; i < text.LeafIndex; i++)
        {
            var property = expression is null ? text.Name(i) : expression + "." + text.Name(i);
            expression = "(" + property + " ??= " + text.NewObject(i) + ")";
        }

        var leaf = expression is null ? text.Name(text.LeafIndex) : expression + "." + text.Name(text.LeafIndex);
        var parsed = SyntaxFactory.ParseExpression(leaf + " = " + text.Member());
        return parsed.ContainsDiagnostics
            ? null
            : root.ReplaceNode(statement, statement.WithExpression(parsed.WithTriviaFrom(assignment)));
    }

    /// <summary>Whether evaluating the receiver twice is harmless: names, <c>this</c>, and member chains of them.</summary>
    private static bool IsRepeatable(ExpressionSyntax? receiver) => receiver switch
    {
        null or IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access
            => IsRepeatable(access.Expression),
        _ => false,
    };
}
