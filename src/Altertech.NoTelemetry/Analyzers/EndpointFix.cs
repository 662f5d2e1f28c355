using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// What the NT0003 code fix can rewrite: a hard-coded endpoint written as a string literal where it is used, bare
/// (<c>GetAsync("https://...")</c>) or as the text of <c>new Uri("https://...")</c>. Shared by the analyzer, which marks the
/// finding <c>fix = configuration</c>, and the fix, which replaces that literal.
/// </summary>
internal static class EndpointFix
{
    /// <summary>The <c>fix</c> property of an NT0003 finding whose endpoint can be read from configuration.</summary>
    public const string Configuration = "configuration";

    /// <summary>The literal that holds the endpoint <paramref name="endpoint"/> carries, or null when it is not written in place.</summary>
    public static LiteralExpressionSyntax? LiteralOf(IOperation? endpoint)
    {
        while (endpoint is IConversionOperation { IsImplicit: true } conversion)
        {
            endpoint = conversion.Operand;
        }

        if (endpoint is IObjectCreationOperation { Constructor.ContainingType: { Name: "Uri", ContainingNamespace.Name: "System" }, Arguments.Length: 1 } uri)
        {
            endpoint = uri.Arguments[0].Value;
            while (endpoint is IConversionOperation { IsImplicit: true } inner)
            {
                endpoint = inner.Operand;
            }
        }

        return endpoint is ILiteralOperation { Syntax: LiteralExpressionSyntax literal } && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
    }
}
