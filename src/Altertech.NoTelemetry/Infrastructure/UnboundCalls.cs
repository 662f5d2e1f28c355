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
}
