using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Altertech.NoTelemetry.Infrastructure;

/// <summary>
/// Where a diagnostic points: the smallest span that names the problem. For a call or member reference that
/// is the member name (<c>TrackEvent</c> in <c>_client.TrackEvent(...)</c>), so that a squiggle in a fluent
/// chain sits on the link that sends; for an object creation, the whole <c>new T(...)</c> (as the rule
/// pages under docs/rules say: the creation is the use).
/// </summary>
internal static class DiagnosticLocations
{
    /// <summary>
    /// A span of a file that is not C# (<c>NoTelemetry.txt</c>, <c>appsettings.json</c>, the project file): with its
    /// line and column, so that the IDE, the build output and SARIF point there. A span past the end is cut to it.
    /// </summary>
    public static Location InFile(string path, Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(System.Math.Min(span.Start, text.Length), System.Math.Min(span.End, text.Length));
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    public static Location MemberName(IOperation operation)
    {
        var syntax = operation.Syntax;
        var expression = syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression,
            BaseObjectCreationExpressionSyntax => null,
            ExpressionSyntax other => other,
            _ => null,
        };

        var name = expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
            SimpleNameSyntax simpleName => simpleName,
            _ => null,
        };

        return name switch
        {
            GenericNameSyntax generic => generic.Identifier.GetLocation(),
            null => syntax.GetLocation(),
            _ => name.GetLocation(),
        };
    }

    /// <summary>The display of a member for messages: <c>Type.Member</c>, or <c>new Type</c> for a constructor.</summary>
    public static string Describe(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            symbol = reducedFrom;
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            return "new " + constructor.ContainingType.Name;
        }

        return symbol is ITypeSymbol || symbol.ContainingType is null
            ? symbol.Name
            : symbol.ContainingType.Name + "." + symbol.Name;
    }
}
