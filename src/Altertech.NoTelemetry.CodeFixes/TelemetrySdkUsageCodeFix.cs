using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// NT0001, for the findings the analyzer marks fixable (<see cref="DiagnosticProperties.Fix"/>), on the call the finding
/// names and nothing else:
/// <list type="bullet">
/// <item><c>log</c>: a sending or capturing call becomes local logging at the catalogue's level
/// (<see cref="DiagnosticProperties.LogLevel"/>): <c>_logger.LogInformation("{EventName} {Properties}", name, props)</c>
/// through an <c>ILogger</c> in scope, else <c>Trace.TraceInformation("TrackEvent: {0} {1}", name, props)</c>. Every
/// argument is kept, so neither its side effects nor the information it carried are lost, but those the catalogue's
/// <c>log-arguments</c> leave out (<see cref="DiagnosticProperties.LogLeftOut"/>: a scope callback, which the analyzer lets
/// go only when going loses nothing); a constant message the catalogue names is the template itself
/// (<see cref="DiagnosticProperties.LogTemplate"/>).</item>
/// <item><c>remove</c>: an initialisation or registration goes (<see cref="TelemetryRemoval"/>): the statement, the link of a
/// fluent chain, or the <c>using</c> around a body that stays.</item>
/// <item><c>logger</c>: a field or constructor parameter of an SDK client becomes an <c>ILogger&lt;T&gt;</c>, or goes where the
/// class holds a logger (<see cref="LoggerSlotPlan"/>).</item>
/// </list>
/// One provider for the rule: <c>dotnet format</c> applies one code fix provider per diagnostic ID.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TelemetrySdkUsageCodeFix))]
[Shared]
public sealed class TelemetrySdkUsageCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the local-logging fix, stable across versions for Fix All.</summary>
    public const string LogEquivalenceKey = "NT0001.ReplaceWithLocalTrace";

    /// <summary>The equivalence key of the removal of an initialisation or registration, stable across versions for Fix All.</summary>
    public const string RemoveEquivalenceKey = "NT0001.RemoveInitialization";

    /// <summary>The equivalence key of turning an SDK field or constructor parameter into an <c>ILogger&lt;T&gt;</c>, stable across versions for Fix All.</summary>
    public const string LoggerEquivalenceKey = "NT0001.ReplaceWithLogger";

    /// <summary>
    /// Fixes every fixable finding of a document in one pass, every kind, and skips the rest, whichever finding Fix All (or
    /// <c>dotnet format</c>, which starts from the first finding of the rule) was started from. One pass, not a batch of
    /// single fixes merged: two removals in one fluent chain must see each other.
    /// </summary>
    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var plans = model is null ? new List<LoggerSlotPlan>() : await LoggerPlansAsync(document, root, model, diagnostics, context.CancellationToken).ConfigureAwait(false);
        var fixes = diagnostics.Select(d => FixableCall(root, d)).OfType<Fixable>().ToList();
        return fixes.Count == 0 && plans.Count == 0 ? null : await ApplyAsync(document, fixes, plans, context.CancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TelemetryServiceUsed);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var kind) && kind == TelemetryFix.Logger)
            {
                var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (model is not null && await LoggerSlotPlan.CreateAsync(context.Document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                {
                    context.RegisterCodeFix(CodeAction.Create(plan.Title, ct => ApplyAsync(context.Document, Array.Empty<Fixable>(), new[] { plan }, ct), LoggerEquivalenceKey), diagnostic);
                }

                continue;
            }

            if (FixableCall(root, diagnostic) is not { } fix)
            {
                continue;
            }

            var (title, key) = fix.Kind == TelemetryFix.Remove
                ? ("Remove the telemetry initialisation", RemoveEquivalenceKey)
                : ("Replace the telemetry call with local logging", LogEquivalenceKey);
            context.RegisterCodeFix(CodeAction.Create(title, ct => ApplyAsync(context.Document, new[] { fix }, Array.Empty<LoggerSlotPlan>(), ct), key), diagnostic);
        }
    }

    /// <summary>
    /// The call a finding marked fixable names: the invocation whose member name is the diagnostic's span
    /// (<c>TrackEvent</c> in <c>client.TrackEvent(...)</c>, <c>CaptureException</c> after <c>using static</c>).
    /// </summary>
    private static Fixable? FixableCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Id != RuleIdentifiers.TelemetryServiceUsed
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Fixable, out var fixable)
            || fixable != "true"
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        // Findings from before the fix kind was a property are local-logging findings.
        var kind = diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix is not null ? fix : TelemetryFix.Log;
        var level = diagnostic.Properties.TryGetValue(DiagnosticProperties.LogLevel, out var logLevel) && logLevel is not null ? logLevel : "Information";
        var leftOut = LocalLogging.LeftOutOf(diagnostic.Properties.TryGetValue(DiagnosticProperties.LogLeftOut, out var names) ? names : null);
        var template = diagnostic.Properties.TryGetValue(DiagnosticProperties.LogTemplate, out var templateParameter) ? templateParameter : null;
        var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as SimpleNameSyntax;
        var call = name?.Parent switch
        {
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Name == name && invocation.Expression == access => invocation,
            MemberBindingExpressionSyntax { Parent: InvocationExpressionSyntax invocation } binding when binding.Name == name && invocation.Expression == binding => invocation,
            InvocationExpressionSyntax invocation when invocation.Expression == name => invocation,
            _ => null,
        };
        return call is null || kind is not (TelemetryFix.Log or TelemetryFix.Remove) ? null : new Fixable(call, kind, level, leftOut, template);
    }

    /// <summary>The plans of a document's <c>logger</c> findings, one per class (a field and its constructor parameter are one plan).</summary>
    private static async Task<List<LoggerSlotPlan>> LoggerPlansAsync(Document document, SyntaxNode root, SemanticModel model, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // One plan per class: two plans (two SDK clients) are each made from the code as it is, and what one changes
        // (a constructor's parameters) can make the other's result collide. The next pass (dotnet format run again) takes the next.
        var plans = new List<LoggerSlotPlan>();
        var holders = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var diagnostic in diagnostics)
        {
            if (await LoggerSlotPlan.CreateAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan
                && holders.Add(plan.Holder))
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<Fixable> fixes, IReadOnlyList<LoggerSlotPlan> plans, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var removals = new List<TelemetryRemoval>();
        var imports = new SortedSet<string>(StringComparer.Ordinal);

        // A call through a slot that becomes a logger is that plan's to rewrite, not its own finding's.
        var planned = new HashSet<SyntaxNode>();
        foreach (var plan in plans)
        {
            plan.Apply(editor, imports, cancellationToken);
            planned.UnionWith(plan.Calls);
        }

        var loggedCalls = fixes.Where(f => f.Kind == TelemetryFix.Log).Select(f => f.Call).ToList();
        foreach (var fix in fixes.Where(f => !planned.Contains(f.Call)).GroupBy(f => f.Call).Select(g => g.First()))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // SetTag in a scope callback that its CaptureException's log call leaves out goes with the callback.
            if (loggedCalls.Any(outer => outer != fix.Call && outer.Span.Contains(fix.Call.Span)))
            {
                continue;
            }

            if (fix.Kind == TelemetryFix.Log)
            {
                if (LocalLogging.Replacement(model, editor.Generator, fix.Call, fix.Level, imports, cancellationToken, fix.LeftOut, fix.Template) is { } logged)
                {
                    var replaced = LocalLogging.ReplacedBy(fix.Call);
                    editor.ReplaceNode(replaced, logged.WithTriviaFrom(replaced));
                }
            }
            else if (model.GetOperation(fix.Call, cancellationToken) is IInvocationOperation invocation
                && TelemetryRemoval.Of(invocation, matcher: null, cancellationToken) is { } removal)
            {
                removals.Add(removal);
            }
        }

        RemovalEdits.Apply(editor, removals);
        var changed = imports.Count > 0 && editor.GetChangedRoot() is CompilationUnitSyntax unit
            ? document.WithSyntaxRoot(imports.Aggregate(unit, Imports.With))
            : editor.GetChangedDocument();
        return await Imports.WithoutUnusedSdkImportsAsync(changed, model.Compilation, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Fixable
    {
        public Fixable(InvocationExpressionSyntax call, string kind, string level, IReadOnlyCollection<string> leftOut, string? template)
        {
            Call = call;
            Kind = kind;
            Level = level;
            LeftOut = leftOut;
            Template = template;
        }

        public InvocationExpressionSyntax Call { get; }

        public string Kind { get; }

        public string Level { get; }

        /// <summary>The parameters whose arguments the log call leaves out (<see cref="DiagnosticProperties.LogLeftOut"/>).</summary>
        public IReadOnlyCollection<string> LeftOut { get; }

        /// <summary>The parameter whose constant string is the template (<see cref="DiagnosticProperties.LogTemplate"/>), or null.</summary>
        public string? Template { get; }
    }
}
