using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>The operation trees of a product method's bodies, from the model of the file that declares each.</summary>
internal static class MethodBodies
{
    /// <summary>
    /// Every body <paramref name="method"/> has in source (both parts of a partial method have one at most): a method,
    /// constructor, operator, accessor, expression-bodied property or local function. Empty for metadata and for
    /// methods without a body.
    /// </summary>
    public static IEnumerable<IOperation> Of(Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax))
            {
                continue;
            }

            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // One model per declaring file, for a body walked once per compilation (the caller caches what it finds).
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(syntax, cancellationToken) is { } body)
            {
                yield return body;
            }
        }
    }
}
