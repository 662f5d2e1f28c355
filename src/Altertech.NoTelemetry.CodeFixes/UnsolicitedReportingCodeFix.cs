using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// NT0004: what a crash handler sends becomes a local crash report, as the privacy policy describes: the exception's text
/// and the time, written to a file under <c>%LOCALAPPDATA%/&lt;product&gt;/crashes</c> (the product named by its assembly),
/// with a comment that the user can send it by hand. Offered for the findings marked <c>fix = crash-report</c> (the send is
/// a statement of the hook's own handler) where an exception is in scope: a handler's <c>Exception</c> parameter, or the
/// <c>ExceptionObject</c> or <c>Exception</c> of its event arguments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsolicitedReportingCodeFix))]
[Shared]
public sealed class UnsolicitedReportingCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across versions for Fix All.</summary>
    public const string EquivalenceKey = "NT0004.WriteLocalCrashReport";

    /// <summary>The comment the fix leaves above the write: where the report is, and that sending it is the user's choice.</summary>
    public const string CommentText = "// Kept on this machine: the user can send this crash report by hand.";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnsolicitedReporting);

    private static readonly FindingEdits s_edits = new("Write a local crash report instead", EquivalenceKey, EditFor);

    /// <summary>Every finding of a document with a fix, in one pass, whichever finding it starts from (see <see cref="FindingEdits"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => s_edits.FixAll;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => s_edits.RegisterAsync(context);

    /// <summary>The sending statement to replace with a local crash report, or null when the finding has no fix here.</summary>
    private static FindingEdit? EditFor(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == CrashReportFix.CrashReport
        && SendingStatement(root, model, diagnostic, cancellationToken) is { } sending
        && ExceptionInScope(model, sending, cancellationToken) is { } exception
            ? new FindingEdit(sending, editor => Replace(editor, sending, exception))
            : null;

    /// <summary>The expression of the statement that sends: the call the finding names, waited for or discarded.</summary>
    private static ExpressionSyntax? SendingStatement(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        for (var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true); node is ExpressionSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && model.GetOperation(node, cancellationToken) is { } operation)
            {
                return CrashReportFix.StatementOf(operation);
            }
        }

        return null;
    }

    /// <summary>
    /// The exception the handler was given: an <c>Exception</c> parameter of the functions around the statement, innermost
    /// first, or a parameter's <c>ExceptionObject</c> (<c>UnhandledExceptionEventArgs</c>) or <c>Exception</c> property.
    /// </summary>
    private static ExpressionSyntax? ExceptionInScope(SemanticModel model, SyntaxNode statement, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName("System.Exception") is not { } exceptionType)
        {
            return null;
        }

        for (var symbol = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken); symbol is IMethodSymbol function; symbol = function.ContainingSymbol)
        {
            foreach (var parameter in function.Parameters)
            {
                if (InScope.DerivesFrom(parameter.Type, exceptionType))
                {
                    return IdentifierName(parameter.Name);
                }

                var property = parameter.Type.GetMembers("ExceptionObject").OfType<IPropertySymbol>().FirstOrDefault()
                    ?? parameter.Type.GetMembers("Exception").OfType<IPropertySymbol>().FirstOrDefault(p => InScope.DerivesFrom(p.Type, exceptionType));
                if (property is { IsStatic: false, GetMethod: not null })
                {
                    return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameter.Name), IdentifierName(property.Name));
                }
            }
        }

        return null;
    }

    private static void Replace(DocumentEditor editor, ExpressionSyntax sending, ExpressionSyntax exception)
    {
        var product = editor.SemanticModel.Compilation.AssemblyName ?? "Product";

        // One expression, no locals: it stands wherever the send stood, even as a lambda's body, and names nothing new.
        var write = ParseExpression(
            "global::System.IO.File.WriteAllText(global::System.IO.Path.Combine(global::System.IO.Directory.CreateDirectory("
            + "global::System.IO.Path.Combine(global::System.Environment.GetFolderPath(global::System.Environment.SpecialFolder.LocalApplicationData), "
            + Literal(product).Text + ", \"crashes\")).FullName, \"crash-\" + global::System.DateTime.UtcNow.ToString(\"yyyyMMdd-HHmmss-fff\") + \".txt\"), "
            + "global::System.DateTime.UtcNow.ToString(\"O\") + global::System.Environment.NewLine + " + exception.ToFullString() + ")");

        // Every qualified name is written out in full and shortened where the file's usings allow.
        write = write.ReplaceNodes(write.DescendantNodes().OfType<MemberAccessExpressionSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        if (sending.Parent is ExpressionStatementSyntax statement)
        {
            var indentation = statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var leading = statement.GetLeadingTrivia().Add(Comment(CommentText)).Add(LineBreaks.Of(statement));
            if (indentation.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                leading = leading.Add(indentation);
            }

            editor.ReplaceNode(statement, statement.WithExpression(write).WithLeadingTrivia(leading));
        }
        else if (sending.Parent is AnonymousFunctionExpressionSyntax or ArrowExpressionClauseSyntax)
        {
            // An expression body becomes a block, so that the comment has a line of its own.
            var owner = sending.Parent is ArrowExpressionClauseSyntax arrow ? arrow.Parent! : sending.Parent;
            var body = Block(ExpressionStatement(write).WithLeadingTrivia(Comment(CommentText), LineBreaks.Of(sending)));
            editor.ReplaceNode(owner, Bodies.WithBlock(owner, body.WithAdditionalAnnotations(Formatter.Annotation)));
        }
        else
        {
            editor.ReplaceNode(sending, write.WithTriviaFrom(sending));
        }
    }
}
