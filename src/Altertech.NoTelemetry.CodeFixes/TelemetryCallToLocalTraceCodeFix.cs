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
/// trace listeners instead of the vendor. Offered only where the result is unused and every argument is a
/// plain value, so that the fixed code compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TelemetryCallToLocalTraceCodeFix))]
[Shared]
public sealed class TelemetryCallToLocalTraceCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across versions for Fix All.</summary>
    public const string EquivalenceKey = "NT0001.ReplaceWithLocalTrace";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TelemetryServiceUsed);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || !CanReplace(invocation, semanticModel, context.CancellationToken))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Replace the telemetry call with local tracing",
                    ct => ReplaceAsync(context.Document, invocation, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static bool CanReplace(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        // The diagnostic's invocation must be the whole statement: a result that is used cannot be traced away.
        var expression = invocation.Parent is AwaitExpressionSyntax awaited ? (ExpressionSyntax)awaited : invocation;
        if (expression.Parent is not ExpressionStatementSyntax)
        {
            return false;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None)
                || argument.Expression is AnonymousFunctionExpressionSyntax
                || semanticModel.GetTypeInfo(argument.Expression, cancellationToken).Type is null or { TypeKind: TypeKind.Pointer or TypeKind.Error }
                || semanticModel.GetTypeInfo(argument.Expression, cancellationToken).Type!.IsRefLikeType)
            {
                return false;
            }
        }

        return semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol
            && semanticModel.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is not null;
    }

    private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "telemetry",
        };

        var arguments = invocation.ArgumentList.Arguments;
        var format = name + (arguments.Count == 0 ? string.Empty : ":" + string.Concat(Enumerable.Range(0, arguments.Count).Select(i => " {" + i + "}")));
        var traceArguments = new[] { generator.Argument(generator.LiteralExpression(format)) }
            .Concat(arguments.Select(a => generator.Argument(a.Expression.WithoutTrivia())));
        var trace = generator.InvocationExpression(
            generator.MemberAccessExpression(
                generator.TypeExpression(editor.SemanticModel.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace")!)
                    .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
                "TraceInformation"),
            traceArguments)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        var replaced = invocation.Parent is AwaitExpressionSyntax awaited ? (SyntaxNode)awaited : invocation;
        editor.ReplaceNode(replaced, trace.WithTriviaFrom(replaced));
        return editor.GetChangedDocument();
    }
}
