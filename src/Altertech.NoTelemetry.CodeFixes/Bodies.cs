using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>Turns an expression body (of a method, local function, accessor or lambda) into a block body.</summary>
internal static class Bodies
{
    /// <summary>
    /// <paramref name="owner"/>, the member, local function or lambda whose expression body goes, with <paramref name="body"/>
    /// instead; any other node as it is.
    /// </summary>
    public static SyntaxNode WithBlock(SyntaxNode owner, BlockSyntax body)
    {
        var trailing = owner.GetTrailingTrivia();
        SyntaxNode result = owner switch
        {
            BaseMethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
            LocalFunctionStatementSyntax function => function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
            AccessorDeclarationSyntax accessor => accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
            AnonymousFunctionExpressionSyntax lambda => lambda.WithExpressionBody(null).WithBlock(body),
            _ => owner,
        };
        return result.WithTrailingTrivia(trailing).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
