using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// NT0001: turns a telemetry call that stands as a statement (<c>telemetry.TrackEvent("checkout", props);</c>)
/// into local tracing (<c>Trace.TraceInformation("TrackEvent: {0} {1}", "checkout", props);</c>). The arguments
/// are kept, so their side effects and the information they carried stay, but now they go to the local
/// trace listeners instead of the vendor. Offered only for the findings the analyzer marks fixable
/// (<see cref="DiagnosticProperties.Fixable"/>: a sending or capturing call whose result is unused and whose every
/// argument is a plain value), and only on the call the finding names: an SDK mention inside another call
/// (<c>Console.WriteLine(typeof(SentrySdk))</c>) is never rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TelemetryCallToLocalTraceCodeFix))]
[Shared]
public sealed class TelemetryCallToLocalTraceCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across versions for Fix All.</summary>
    public const string EquivalenceKey = "NT0001.ReplaceWithLocalTrace";

    private const string Title = "Replace the telemetry call with local tracing";

    /// <summary>
    /// Fixes every fixable finding of a document in one pass and skips the rest, whichever finding Fix All (or
    /// <c>dotnet format</c>, which starts from the first finding of the rule) was started from.
    /// </summary>
    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var calls = diagnostics.Select(d => FixableCall(root, d)).OfType<InvocationExpressionSyntax>().Distinct().ToList();
        return calls.Count == 0 ? null : await ReplaceAsync(document, calls, context.CancellationToken).ConfigureAwait(false);
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
            if (FixableCall(root, diagnostic) is not { } invocation)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => ReplaceAsync(context.Document, new[] { invocation }, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// The call a finding marked fixable names: the invocation whose member name is the diagnostic's span
    /// (<c>TrackEvent</c> in <c>client.TrackEvent(...)</c>, <c>CaptureException</c> after <c>using static</c>).
    /// </summary>
    private static InvocationExpressionSyntax? FixableCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Id != RuleIdentifiers.TelemetryServiceUsed
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Fixable, out var fixable)
            || fixable != "true"
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as SimpleNameSyntax;
        return name?.Parent switch
        {
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Name == name && invocation.Expression == access => invocation,
            InvocationExpressionSyntax invocation when invocation.Expression == name => invocation,
            _ => null,
        };
    }

    private static async Task<Document> ReplaceAsync(Document document, IReadOnlyList<InvocationExpressionSyntax> invocations, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor.SemanticModel.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is not { } traceType)
        {
            return document;
        }

        foreach (var invocation in invocations)
        {
            var trace = LocalTrace(editor.Generator, traceType, invocation);
            var replaced = invocation.Parent is AwaitExpressionSyntax awaited ? (SyntaxNode)awaited : invocation;
            editor.ReplaceNode(replaced, trace.WithTriviaFrom(replaced));
        }

        return editor.GetChangedDocument();
    }

    /// <summary><c>Trace.TraceInformation("Member: {0} {1}", a, b)</c> for <c>x.Member(a, b)</c>.</summary>
    private static SyntaxNode LocalTrace(SyntaxGenerator generator, INamedTypeSymbol traceType, InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "telemetry",
        };

        var arguments = invocation.ArgumentList.Arguments;
        var format = name + (arguments.Count == 0 ? string.Empty : ":" + string.Concat(Enumerable.Range(0, arguments.Count).Select(i => " {" + i + "}")));
        var traceArguments = new[] { generator.Argument(generator.LiteralExpression(format)) }
            .Concat(arguments.Select(a => generator.Argument(a.Expression.WithoutTrivia())));
        return generator.InvocationExpression(
            generator.MemberAccessExpression(
                generator.TypeExpression(traceType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
                "TraceInformation"),
            traceArguments)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }
}
