using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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

    /// <summary>The compiler's hidden diagnostic for a <c>using</c> directive nothing in the file needs.</summary>
    private const string UnnecessaryUsing = "CS8019";

    /// <summary>
    /// <paramref name="changed"/> without the <c>using</c> directives the fix left with nothing to name: those the compiler
    /// finds unnecessary now and did not in <paramref name="original"/> (<c>using Sentry;</c> once the last SDK call is
    /// local logging), so that removing the SDK's package afterwards does not break the build. A directive that was
    /// unnecessary before stays: it is the product's, not the fix's.
    /// </summary>
    public static async Task<Document> WithoutNewlyUnusedAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        if (await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return changed;
        }

        var unused = UnusedDirectives(model, root, cancellationToken);
        if (unused.Count == 0
            || await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } originalModel
            || await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } originalRoot)
        {
            return changed;
        }

        // Only the file's own directives: one the fix added may look unused until the names it wrote are simplified.
        var before = new HashSet<string>(UnusedDirectives(originalModel, originalRoot, cancellationToken).Select(Key), StringComparer.Ordinal);
        var own = new HashSet<string>(originalRoot.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Select(Key), StringComparer.Ordinal);
        var gone = unused.Where(u => own.Contains(Key(u)) && !before.Contains(Key(u))).ToList();
        if (gone.Count == 0)
        {
            return changed;
        }

        var trimmed = root.RemoveNodes(gone, SyntaxRemoveOptions.KeepDirectives | SyntaxRemoveOptions.KeepLeadingTrivia)!;

        // The last directive gone: the blank line that parted the directives from the code goes with them.
        if (trimmed is CompilationUnitSyntax { Usings.Count: 0, Externs.Count: 0 } unit && unit.GetFirstToken(includeZeroWidth: true) is var first)
        {
            var leading = first.LeadingTrivia;
            var blank = 0;
            while (blank < leading.Count && leading[blank].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                blank++;
            }

            if (blank > 0)
            {
                trimmed = unit.ReplaceToken(first, first.WithLeadingTrivia(leading.Skip(blank)));
            }
        }

        return changed.WithSyntaxRoot(trimmed);
    }

    private static List<UsingDirectiveSyntax> UnusedDirectives(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
    {
        var spans = new HashSet<Microsoft.CodeAnalysis.Text.TextSpan>(
            model.GetDiagnostics(cancellationToken: cancellationToken).Where(d => d.Id == UnnecessaryUsing).Select(d => d.Location.SourceSpan));
        return root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Where(u => u.GlobalKeyword.RawKind == 0 && spans.Contains(u.Span))
            .ToList();
    }

    /// <summary>A directive as it reads, without trivia: the same directive before and after the fix.</summary>
    private static string Key(UsingDirectiveSyntax directive) => directive.WithoutTrivia().ToString();
}
