using System.Collections.Generic;
using System.Linq;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// Applies the removals of one document together. Each link of a chain goes on its own, but what becomes of the statement
/// depends on all of them: <c>services.AddApplicationInsightsTelemetry().AddSentry();</c> with both removed leaves
/// <c>services</c>, which is no statement, so the statement goes; with one removed, the other call stays a statement.
/// </summary>
internal static class RemovalEdits
{
    public static void Apply(DocumentEditor editor, IReadOnlyList<TelemetryRemoval> removals)
    {
        var byCall = new Dictionary<InvocationExpressionSyntax, TelemetryRemoval>();
        foreach (var removal in removals)
        {
            byCall[removal.Call] = removal;
        }

        var links = new List<TelemetryRemoval>();
        var gone = new List<SyntaxNode>();
        foreach (var removal in byCall.Values)
        {
            switch (removal.Shape)
            {
                case RemovalShape.Statement:
                {
                    var chain = ChainOf(removal, byCall);
                    var left = chain[chain.Count - 1].Kept;
                    if (left is not null && IsStatementExpression(left))
                    {
                        links.AddRange(chain);
                        break;
                    }

                    // Nothing of the chain can stand as a statement: it goes, or only what it computes stays.
                    var rest = left is not null && RunsCode(left)
                        ? ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("_"), left.WithoutTrivia()))
                        : null;
                    RemoveStatement(editor, removal.Target, rest);
                    gone.Add(removal.Target);
                    break;
                }

                case RemovalShape.Link:
                    links.Add(removal);
                    break;

                case RemovalShape.UsingBody:
                {
                    // Given the current node: the body may hold calls another fix has just turned into logging.
                    var statement = (UsingStatementSyntax)removal.Target;
                    editor.ReplaceNode(statement, (current, _) => ((UsingStatementSyntax)current).Statement.WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
                    gone.Add(statement.Declaration ?? (SyntaxNode)statement.Expression!);
                    break;
                }

                case RemovalShape.UsingDeclaration:
                    RemoveStatement(editor, removal.Target, rest: null);
                    gone.Add(removal.Target);
                    break;
            }
        }

        // Inner links first: each edit is given the node with the edits below it done.
        foreach (var link in links.Distinct().OrderBy(l => l.Call.Span.Length))
        {
            if (gone.Any(g => g.Span.Contains(link.Call.Span)))
            {
                continue;
            }

            var depth = link.Depth;
            editor.ReplaceNode(link.Call, (current, _) => Strip((InvocationExpressionSyntax)current, depth));
        }
    }

    /// <summary>A statement's call and the removed links below it, outer to inner.</summary>
    private static List<TelemetryRemoval> ChainOf(TelemetryRemoval statement, Dictionary<InvocationExpressionSyntax, TelemetryRemoval> byCall)
    {
        var chain = new List<TelemetryRemoval> { statement };
        while (chain[chain.Count - 1].Kept is InvocationExpressionSyntax kept && byCall.TryGetValue(kept, out var inner) && inner.Shape == RemovalShape.Link)
        {
            chain.Add(inner);
        }

        return chain;
    }

    /// <summary><c>receiver.Call(...)</c> to <c>receiver</c>; <c>receiver.Property.Call(...)</c> to <c>receiver</c> at depth 2.</summary>
    private static SyntaxNode Strip(InvocationExpressionSyntax current, int depth)
    {
        var kept = ((MemberAccessExpressionSyntax)current.Expression).Expression;
        if (depth == 2 && kept is MemberAccessExpressionSyntax property)
        {
            kept = property.Expression;
        }

        return kept.WithTrailingTrivia(current.GetTrailingTrivia());
    }

    /// <summary>
    /// Removes an expression statement, an expression body or a <c>using var</c>, or puts <paramref name="rest"/> in its place:
    /// a statement in a block or at top level is deleted (its comments kept), one that is the body of an <c>if</c> or a loop
    /// becomes an empty block, an expression body an empty block body.
    /// </summary>
    private static void RemoveStatement(DocumentEditor editor, SyntaxNode target, StatementSyntax? rest)
    {
        switch (target)
        {
            case StatementSyntax statement when statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax:
            {
                var removed = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
                if (rest is not null)
                {
                    editor.ReplaceNode(statement, rest.WithTriviaFrom(statement));
                }
                else if (CommentLines(removed) is { } comments)
                {
                    // The comments and blank lines above stay where they were, and the line the statement took goes.
                    editor.ReplaceNode(removed, (current, _) => current.WithLeadingTrivia(comments));
                    editor.RemoveNode(removed, SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
                }
                else
                {
                    editor.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
                }

                break;
            }

            case StatementSyntax statement:
                editor.ReplaceNode(statement, BlockOf(rest).WithTriviaFrom(statement));
                break;

            case ArrowExpressionClauseSyntax arrow:
                editor.ReplaceNode(arrow.Parent!, (current, _) => Bodies.WithBlock(current, BlockOf(rest)));
                break;

            case AnonymousFunctionExpressionSyntax lambda:
                editor.ReplaceNode(lambda, (current, _) => Bodies.WithBlock(current, BlockOf(rest)));
                break;
        }
    }

    /// <summary>The leading trivia of <paramref name="node"/> up to its last line break, when it holds more than indentation; else null.</summary>
    private static SyntaxTriviaList? CommentLines(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        if (leading.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            return null;
        }

        var last = leading.Count - 1;
        while (last >= 0 && leading[last].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            last--;
        }

        return SyntaxFactory.TriviaList(leading.Take(last + 1));
    }

    private static BlockSyntax BlockOf(StatementSyntax? rest) =>
        (rest is null ? Block() : Block(rest)).WithAdditionalAnnotations(Formatter.Annotation);

    private static bool IsStatementExpression(ExpressionSyntax expression) => expression is InvocationExpressionSyntax
        or AwaitExpressionSyntax or AssignmentExpressionSyntax or BaseObjectCreationExpressionSyntax
        or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }
        or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
        or ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax };

    /// <summary>Whether evaluating <paramref name="expression"/> can run code: a call, a creation, an indexer.</summary>
    private static bool RunsCode(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or AwaitExpressionSyntax);
}
