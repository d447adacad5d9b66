using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// Adds and removes object-initializer elements the way a person would: one-line initializers stay on one line,
/// multi-line ones keep one element per line at the existing indentation, trailing commas stay as they were, and
/// comments above a removed element stay in the file.
/// </summary>
internal static class InitializerEditing
{
    /// <summary>Appends <paramref name="element"/> (without trivia) to <paramref name="initializer"/>.</summary>
    public static InitializerExpressionSyntax Add(InitializerExpressionSyntax initializer, ExpressionSyntax element, SyntaxTrivia endOfLine)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            var open = initializer.OpenBraceToken;
            if (open.TrailingTrivia.Count == 0)
            {
                open = open.WithTrailingTrivia(SyntaxFactory.Space);
            }

            return initializer
                .WithOpenBraceToken(open)
                .WithExpressions(SyntaxFactory.SingletonSeparatedList(element.WithTrailingTrivia(SyntaxFactory.Space)));
        }

        var multiLine = IsMultiLine(initializer);
        var last = expressions[expressions.Count - 1];
        var newElement = element.WithLeadingTrivia(multiLine ? Indentation(last.GetLeadingTrivia()) : default);
        var nodes = expressions.GetWithSeparators();

        if (expressions.SeparatorCount == expressions.Count)
        {
            // A trailing comma: keep the style and end the new element with one as well.
            var comma = SyntaxFactory.Token(SyntaxKind.CommaToken)
                .WithTrailingTrivia(multiLine ? endOfLine : SyntaxFactory.Space);
            nodes = nodes.Add(newElement).Add(comma);
        }
        else
        {
            // What followed the old last element (a line break, a comment) now follows its comma.
            var commaAfterLast = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia());
            nodes = nodes
                .Replace(last, last.WithoutTrailingTrivia())
                .Add(commaAfterLast)
                .Add(newElement.WithTrailingTrivia(multiLine ? endOfLine : SyntaxFactory.Space));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes));
    }

    /// <summary>Removes the element at <paramref name="index"/> together with one adjacent comma.</summary>
    public static InitializerExpressionSyntax RemoveAt(InitializerExpressionSyntax initializer, int index)
    {
        var expressions = initializer.Expressions;
        var element = expressions[index];
        var nodes = expressions.GetWithSeparators();
        var position = nodes.IndexOf(element);
        var closeBrace = initializer.CloseBraceToken;
        var comments = CommentLines(element.GetLeadingTrivia());

        if (position + 1 < nodes.Count)
        {
            // Drop the element and the comma after it; its comments move to whatever comes next.
            nodes = nodes.RemoveAt(position + 1).RemoveAt(position);
            if (comments.Count > 0)
            {
                if (position < nodes.Count)
                {
                    var next = nodes[position].AsNode()!;
                    nodes = nodes.Replace(nodes[position], next.WithLeadingTrivia(comments.AddRange(next.GetLeadingTrivia())));
                }
                else
                {
                    closeBrace = closeBrace.WithLeadingTrivia(comments.AddRange(closeBrace.LeadingTrivia));
                }
            }
        }
        else
        {
            // The last element without a trailing comma: drop the comma before it; the previous element takes
            // over what separated the element from the closing brace.
            if (position > 0)
            {
                var previous = nodes[position - 2].AsNode()!;
                nodes = nodes
                    .Replace(nodes[position - 2], previous.WithTrailingTrivia(element.GetTrailingTrivia()))
                    .RemoveAt(position)
                    .RemoveAt(position - 1);
            }
            else
            {
                nodes = default;
            }

            if (comments.Count > 0)
            {
                closeBrace = closeBrace.WithLeadingTrivia(comments.AddRange(closeBrace.LeadingTrivia));
            }
        }

        return initializer
            .WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes))
            .WithCloseBraceToken(closeBrace);
    }

    /// <summary>The whitespace after the last line break of a leading trivia list: the line's indentation.</summary>
    public static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(System.Linq.Enumerable.Skip(leading, start));
    }

    /// <summary>The first line break in the file, so inserted lines match the file's line endings.</summary>
    public static SyntaxTrivia FindEndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static bool IsMultiLine(InitializerExpressionSyntax initializer)
    {
        foreach (var trivia in initializer.OpenBraceToken.TrailingTrivia)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }
        }

        foreach (var trivia in initializer.Expressions[0].GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Leading trivia up to (not including) the indentation of the element's own line, or nothing
    /// when it holds no comment or directive worth keeping.</summary>
    private static SyntaxTriviaList CommentLines(SyntaxTriviaList leading)
    {
        var keep = false;
        foreach (var trivia in leading)
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                keep = true;
                break;
            }
        }

        if (!keep)
        {
            return default;
        }

        var indentation = Indentation(leading).Count;
        return SyntaxFactory.TriviaList(System.Linq.Enumerable.Take(leading, leading.Count - indentation));
    }
}
