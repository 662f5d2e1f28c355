using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// Finds what a fix may use where it writes code: an <c>ILogger</c>, an <c>IConfiguration</c>. Only what the code can reach
/// without a change elsewhere (parameters, fields and properties, primary-constructor parameters), so the fix compiles.
/// </summary>
internal static class InScope
{
    /// <summary>
    /// The value of <paramref name="type"/> (or a type implementing it) the code at <paramref name="call"/> can use: a parameter of the enclosing functions first, then a field or
    /// property (not an instance one from static code), then a primary-constructor parameter; by name among equals.
    /// </summary>
    public static ISymbol? Find(SemanticModel model, SyntaxNode call, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var position = call.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);

        // The functions around the call, innermost first, up to the first static one (a static lambda or local function
        // reaches neither the instance nor the parameters of the functions around it), and the member they are in.
        var reachable = new List<ISymbol>();
        var member = enclosing;
        var staticFunction = false;
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
        {
            if (!staticFunction)
            {
                reachable.Add(function);
                staticFunction = function.IsStatic;
            }

            member = function.ContainingSymbol;
        }

        if (!staticFunction && member is not null)
        {
            reachable.Add(member);
        }

        // In a field or property initializer there is no instance yet: static members, and the primary constructor's parameters.
        var inInitializer = member is IFieldSymbol or IPropertySymbol;
        var isStatic = staticFunction || member is null || member.IsStatic || inInitializer;
        var self = member?.ContainingType;
        ISymbol? best = null;
        var bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (declared, rank) = symbol switch
            {
                IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && !IsInside(parameter, call)
                    => (!staticFunction && !(member?.IsStatic ?? true) && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, self) ? parameter.Type : null, 2),
                IParameterSymbol parameter => (reachable.Contains(parameter.ContainingSymbol, SymbolEqualityComparer.Default) ? parameter.Type : null, 0),
                IFieldSymbol field when field.IsStatic || (!isStatic && Reaches(self, field.ContainingType)) => (field.Type, 1),
                IPropertySymbol { GetMethod: not null, IsIndexer: false } property when property.IsStatic || (!isStatic && Reaches(self, property.ContainingType)) => (property.Type, 1),
                _ => (null, int.MaxValue),
            };
            if (declared is null || !IsOfType(declared, type))
            {
                continue;
            }

            if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, best!.Name) < 0))
            {
                best = symbol;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Whether an instance member of <paramref name="owner"/> is reachable through <c>this</c> from <paramref name="self"/> (not from a nested type).</summary>
    private static bool Reaches(INamedTypeSymbol? self, INamedTypeSymbol owner)
    {
        for (var current = self; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parameter of the constructor whose body holds the call: an ordinary parameter there, not a primary one.</summary>
    private static bool IsInside(IParameterSymbol parameter, SyntaxNode call) =>
        parameter.ContainingSymbol.DeclaringSyntaxReferences.Any(r => r.Span.Contains(call.Span) && r.GetSyntax() is ConstructorDeclarationSyntax);

    private static bool IsOfType(ITypeSymbol declared, INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(declared, type) || declared.AllInterfaces.Contains(type, SymbolEqualityComparer.Default);

    public static bool IsNullable(ISymbol logger) => logger switch
    {
        IParameterSymbol parameter => parameter.NullableAnnotation == NullableAnnotation.Annotated,
        IFieldSymbol field => field.NullableAnnotation == NullableAnnotation.Annotated,
        IPropertySymbol property => property.NullableAnnotation == NullableAnnotation.Annotated,
        _ => false,
    };

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it (an exception type, say).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
