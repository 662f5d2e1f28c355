using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// Adds a <c>using</c> directive for a namespace whose extension methods a fix calls. Roslyn's import adder imports the
/// namespaces of types a fix names, not of extension methods; this places the directive among the file's own, in order.
/// </summary>
internal static class Imports
{
    public static CompilationUnitSyntax With(CompilationUnitSyntax unit, string @namespace)
    {
        if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.Name?.ToString() == @namespace))
        {
            return unit;
        }

        var lineBreak = LineBreaks.Of(unit);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(@namespace))
            .WithTrailingTrivia(lineBreak)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && (usings[index].GlobalKeyword.RawKind != 0 || usings[index].Alias is null && usings[index].StaticKeyword.RawKind == 0 && Compare(usings[index].Name?.ToString(), @namespace) < 0))
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // The first directive of the file takes the file's leading comments' place after them.
            var first = unit.GetLeadingTrivia();
            return unit.WithoutLeadingTrivia().WithUsings(usings.Add(directive.WithLeadingTrivia(first).WithTrailingTrivia(lineBreak, lineBreak)));
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    /// <summary>System first, then ordinal, as the IDE sorts them by default.</summary>
    private static int Compare(string? a, string b)
    {
        var aSystem = a is not null && (a == "System" || a.StartsWith("System.", StringComparison.Ordinal));
        var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
        return aSystem != bSystem ? (aSystem ? -1 : 1) : string.CompareOrdinal(a, b);
    }
}
