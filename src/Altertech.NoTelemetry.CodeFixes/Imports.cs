using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// The <c>using</c> directives a fix adds and removes: a namespace whose names it writes (<see cref="With"/>: among the
/// file's own directives, in order, after its header and <c>#define</c>s), and the SDK's directives it leaves with nothing
/// to name (<see cref="WithoutUnusedSdkImportsAsync"/>).
/// </summary>
internal static class Imports
{
    public static CompilationUnitSyntax With(CompilationUnitSyntax unit, string @namespace)
    {
        var containers = unit.DescendantNodesAndSelf(IsDirectiveContainer).Where(IsDirectiveContainer).ToList();
        if (containers.SelectMany(c => UsingsOf(c)).Any(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.Name?.ToString() == @namespace))
        {
            return unit;
        }

        var lineBreak = LineBreaks.Of(unit);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(@namespace))
            .WithTrailingTrivia(lineBreak)
            .WithAdditionalAnnotations(Formatter.Annotation);

        // Among the file's own directives: at the top, or inside the namespace that holds them (usings inside a namespace).
        var container = unit.Usings.Count > 0 ? unit : containers.FirstOrDefault(c => UsingsOf(c).Count > 0) ?? unit;
        var usings = UsingsOf(container);
        if (usings.Count == 0)
        {
            // The first directive of the file comes after its leading comments and #defines.
            var first = unit.GetLeadingTrivia();
            return unit.WithoutLeadingTrivia().WithUsings(usings.Add(directive.WithLeadingTrivia(first).WithTrailingTrivia(lineBreak, lineBreak)));
        }

        var index = 0;
        while (index < usings.Count && (usings[index].GlobalKeyword.RawKind != 0 || usings[index].Alias is null && usings[index].StaticKeyword.RawKind == 0 && Compare(usings[index].Name?.ToString(), @namespace) < 0))
        {
            index++;
        }

        if (index == 0)
        {
            // Before the first directive: it takes that one's header, #defines and comments; that one keeps its indentation.
            var old = usings[0];
            var indentation = old.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            directive = directive.WithLeadingTrivia(old.GetLeadingTrivia());
            usings = usings.Replace(old, old.WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList()));
        }
        else if (usings[index - 1].GetLeadingTrivia().LastOrDefault() is { } indentation && indentation.IsKind(SyntaxKind.WhitespaceTrivia))
        {
            directive = directive.WithLeadingTrivia(indentation);
        }

        usings = usings.Insert(index, directive);
        return container switch
        {
            CompilationUnitSyntax => unit.WithUsings(usings),
            BaseNamespaceDeclarationSyntax ns => unit.ReplaceNode(ns, ns.WithUsings(usings)),
            _ => unit,
        };
    }

    /// <summary>The file and its namespace declarations: where <c>using</c> directives stand.</summary>
    private static bool IsDirectiveContainer(SyntaxNode node) => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax;

    /// <summary>Every (not global) <c>using</c> directive of the file, at its top and in its namespaces.</summary>
    private static IEnumerable<UsingDirectiveSyntax> DirectivesOf(SyntaxNode root) =>
        root.DescendantNodes(IsDirectiveContainer).OfType<UsingDirectiveSyntax>().Where(u => u.GlobalKeyword.RawKind == 0);

    private static SyntaxList<UsingDirectiveSyntax> UsingsOf(SyntaxNode container) => container switch
    {
        CompilationUnitSyntax unit => unit.Usings,
        BaseNamespaceDeclarationSyntax ns => ns.Usings,
        _ => default,
    };

    /// <summary>System first, then ordinal, as the IDE sorts them by default.</summary>
    private static int Compare(string? a, string b)
    {
        var aSystem = a is not null && (a == "System" || a.StartsWith("System.", StringComparison.Ordinal));
        var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
        return aSystem != bSystem ? (aSystem ? -1 : 1) : string.CompareOrdinal(a, b);
    }

    /// <summary>
    /// <paramref name="changed"/> with the names the fix wrote in full shortened (as the code action would afterwards), then
    /// without the SDK's <c>using</c> directives that nothing needs any more (<c>using Sentry;</c> once its last call is local
    /// logging), so that removing the SDK's package next does not break the build. A directive is the SDK's when it names a
    /// namespace holding a type the catalogue of <paramref name="compilation"/> knows, or such a type (<c>using static</c>, an
    /// alias); it goes when the file compiles without it exactly as with it (no new error or warning), whatever the
    /// documentation mode. Other directives are the product's, and stay.
    /// </summary>
    public static async Task<Document> WithoutUnusedSdkImportsAsync(Document changed, Compilation compilation, CancellationToken cancellationToken)
    {
        var matcher = CompilationKnowledge.Get(compilation, changed.Project.AnalyzerOptions, cancellationToken).Telemetry;
        bool IsSdkType(ITypeSymbol type) => matcher.Match(type) is not null;

        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return changed;
        }

        var candidates = DirectivesOf(root).Where(u => NamesSdk(model, u, IsSdkType, cancellationToken)).ToList();
        if (candidates.Count == 0)
        {
            return changed;
        }

        var baseline = Problems(model, cancellationToken);
        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (current is null || DirectivesOf(current).FirstOrDefault(u => u.IsEquivalentTo(candidate, topLevel: false)) is not { } directive)
            {
                continue;
            }

            var trial = changed.WithSyntaxRoot(WithoutDirective(current, directive));
            if (await trial.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } trialModel
                && Problems(trialModel, cancellationToken).SetEquals(baseline))
            {
                changed = trial;
            }
        }

        return changed;
    }

    /// <summary>
    /// <paramref name="root"/> without <paramref name="directive"/> (its comments and preprocessor lines kept), and without the
    /// blank lines that parted it from the code: at most one blank line is left where it stood, none after a brace or at
    /// the start of the file.
    /// </summary>
    private static SyntaxNode WithoutDirective(SyntaxNode root, UsingDirectiveSyntax directive)
    {
        var marker = new SyntaxAnnotation();
        var next = directive.GetLastToken().GetNextToken(includeZeroWidth: true);
        var marked = root.ReplaceSyntax(
            new[] { directive },
            (_, rewritten) => rewritten.WithAdditionalAnnotations(marker),
            new[] { next },
            (_, rewritten) => rewritten.WithAdditionalAnnotations(marker),
            Array.Empty<SyntaxTrivia>(),
            (original, _) => original);
        var removed = marked.RemoveNode(marked.GetAnnotatedNodes(marker).OfType<UsingDirectiveSyntax>().Single(), SyntaxRemoveOptions.KeepDirectives | SyntaxRemoveOptions.KeepLeadingTrivia)!;
        var token = removed.GetAnnotatedTokens(marker).FirstOrDefault();
        if (token.RawKind == 0)
        {
            return removed;
        }

        var previous = token.GetPreviousToken();
        var lines = new List<List<SyntaxTrivia>>();
        var line = new List<SyntaxTrivia>();
        foreach (var trivia in token.LeadingTrivia)
        {
            line.Add(trivia);
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lines.Add(line);
                line = new List<SyntaxTrivia>();
            }
        }

        static bool IsBlank(List<SyntaxTrivia> l) => l.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
        var kept = new List<SyntaxTrivia>();
        var lastBlank = false;
        foreach (var current in lines)
        {
            var blank = IsBlank(current);
            var atStart = kept.Count == 0;
            if (blank && (lastBlank || (atStart && (previous.RawKind == 0 || previous.IsKind(SyntaxKind.OpenBraceToken)))))
            {
                continue;
            }

            kept.AddRange(current);
            lastBlank = blank;
        }

        kept.AddRange(line);
        return removed.ReplaceToken(token, token.WithLeadingTrivia(kept));
    }

    /// <summary>Whether the directive imports a namespace with a catalogued type in it, or a catalogued type.</summary>
    private static bool NamesSdk(SemanticModel model, UsingDirectiveSyntax directive, Func<ITypeSymbol, bool> isSdkType, CancellationToken cancellationToken)
    {
        if (directive.Name is not { } name)
        {
            return false;
        }

        return model.GetSymbolInfo(name, cancellationToken).Symbol switch
        {
            INamespaceSymbol ns => Enumerable.Any(ns.GetTypeMembers(), isSdkType),
            ITypeSymbol type => isSdkType(type),
            _ => false,
        };
    }

    /// <summary>The file's errors and warnings, by id and message (not place: removing a directive moves the lines under it).</summary>
    private static HashSet<string> Problems(SemanticModel model, CancellationToken cancellationToken) =>
        new(model.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal);
}
