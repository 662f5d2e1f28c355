using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Infrastructure;

/// <summary>
/// Calls and creations that do not bind: code under edit, a missing reference, loose files. The compiler still knows
/// which methods the call could mean (its candidates); a rule reports the call when all of them say the same.
/// </summary>
internal static class UnboundCalls
{
    /// <summary>The methods an invalid call or creation could mean; empty for any other invalid operation.</summary>
    public static ImmutableArray<ISymbol> CandidatesOf(IInvalidOperation invalid, CancellationToken cancellationToken)
    {
        if (invalid.Syntax is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax) || invalid.SemanticModel is not { } model)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var info = model.GetSymbolInfo(invalid.Syntax, cancellationToken);
        return info.Symbol is null ? info.CandidateSymbols : ImmutableArray<ISymbol>.Empty;
    }

    /// <summary>
    /// The candidate the call most likely means: the first whose parameters can take as many arguments as the call
    /// passes (<c>CaptureException(ex, scope => ...)</c> is the two-parameter overload), else the first.
    /// </summary>
    public static ISymbol BestCandidate(IInvalidOperation invalid, ImmutableArray<ISymbol> candidates)
    {
        var count = invalid.Syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Count,
            BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } => arguments.Arguments.Count,
            _ => 0,
        };

        foreach (var candidate in candidates)
        {
            if (candidate is IMethodSymbol method)
            {
                var parameters = method.Parameters.Length;
                var required = 0;
                var takesMore = false;
                foreach (var parameter in method.Parameters)
                {
                    required += parameter.IsOptional || parameter.IsParams ? 0 : 1;
                    takesMore |= parameter.IsParams;
                }

                if (count >= required && (count <= parameters || takesMore))
                {
                    return candidate;
                }
            }
        }

        return candidates[0];
    }

    /// <summary>The receiver of an invalid member call (<c>scope</c> in <c>scope.SetTag(x)</c>), as bound; null when there is none.</summary>
    public static IOperation? ReceiverOf(IInvalidOperation invalid, CancellationToken cancellationToken) =>
        invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && invalid.SemanticModel is { } model
            ? model.GetOperation(access.Expression, cancellationToken)
            : null;

    /// <summary>
    /// The argument an invalid call writes for <paramref name="parameter"/> of a candidate: the one named so, else the
    /// one at its position (after the receiver of a reduced extension method). Bound on its own; null when absent.
    /// </summary>
    public static IOperation? ArgumentFor(IInvalidOperation invalid, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var arguments = invalid.Syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
            _ => default,
        };

        // An extension method's unreduced form counts its receiver as parameter 0: positions would not line up.
        if (arguments.Count == 0 || invalid.SemanticModel is not { } model
            || parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true, ReducedFrom: null, Parameters: var all } && all.Length > 0 && all[0].Equals(parameter, SymbolEqualityComparer.Default))
        {
            return null;
        }

        ArgumentSyntax? chosen = null;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameter.Name)
            {
                chosen = argument;
                break;
            }
        }

        if (chosen is null && parameter.Ordinal < arguments.Count && arguments[parameter.Ordinal].NameColon is null)
        {
            chosen = arguments[parameter.Ordinal];
        }

        return chosen is null ? null : model.GetOperation(chosen.Expression, cancellationToken);
    }
}
