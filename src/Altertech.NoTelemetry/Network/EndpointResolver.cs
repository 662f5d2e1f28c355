using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// Folds the value of an endpoint argument as far as compile-time constants go, to find its host.
/// Only the host matters: <c>$"https://{host}/x"</c> has none, <c>$"https://t.example/x?id={id}"</c> has one.
/// </summary>
internal static class EndpointResolver
{
    private const int MaxDepth = 16;

    /// <summary>The constant host of <paramref name="value"/>, if the compile-time part of it names one.</summary>
    public static string? TryGetHost(IOperation value)
    {
        var builder = new StringBuilder();
        var complete = AppendKnownPrefix(value, builder, 0);
        return builder.Length > 0 && Endpoint.TryGetHost(builder.ToString(), complete, out var host) ? host : null;
    }

    /// <summary>
    /// Appends the leading text of <paramref name="operation"/> known at compile time. Returns true when that
    /// text is the whole value, false when run-time text may follow it.
    /// </summary>
    private static bool AppendKnownPrefix(IOperation? operation, StringBuilder builder, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            builder.Append(constant);
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return AppendKnownPrefix(conversion.Operand, builder, depth + 1);
            case IArgumentOperation argument:
                return AppendKnownPrefix(argument.Value, builder, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    var partValue = part switch
                    {
                        IInterpolatedStringTextOperation text => text.Text,
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression,
                        _ => null,
                    };
                    if (partValue is null || !AppendKnownPrefix(partValue, builder, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                when binary.Type?.SpecialType == SpecialType.System_String:
                return AppendKnownPrefix(binary.LeftOperand, builder, depth + 1)
                    && AppendKnownPrefix(binary.RightOperand, builder, depth + 1);
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when IsSystemUri(creation.Type):
                // new Uri(string[, UriKind]) and new Uri(Uri baseUri, string relative): the host is in the first.
                return AppendKnownPrefix(creation.Arguments[0].Value, builder, depth + 1);
            default:
                return false;
        }
    }

    private static bool IsSystemUri(ITypeSymbol? type) =>
        type is { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
