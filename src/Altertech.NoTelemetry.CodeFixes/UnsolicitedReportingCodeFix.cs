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
/// NT0004: what a hook sends stays on the machine, as the privacy policy describes, in a file under
/// <c>%LOCALAPPDATA%/&lt;product&gt;/</c> (the product named by its assembly) with a comment that the user can send it by
/// hand. For the findings marked <c>fix = crash-report</c>, a crash report: the exception in scope (a handler's or helper's
/// <c>Exception</c> parameter, or the <c>ExceptionObject</c> or <c>Exception</c> of its event arguments) and the time, under
/// <c>crashes</c>. For <c>fix = exit-report</c> (an exit or stopping hook), what the send would have sent (its text arguments)
/// and the time, under <c>reports</c>. An awaited send becomes an awaited <c>File.WriteAllTextAsync</c> (with the send's
/// <c>ConfigureAwait</c>) where the compilation has it, else the synchronous write (the analyzer marks it only where the
/// function still awaits something else).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsolicitedReportingCodeFix))]
[Shared]
public sealed class UnsolicitedReportingCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the crash-report fix, stable across versions for Fix All.</summary>
    public const string EquivalenceKey = "NT0004.WriteLocalCrashReport";

    /// <summary>The equivalence key of the exit-report fix, stable across versions for Fix All.</summary>
    public const string ExitReportEquivalenceKey = "NT0004.WriteLocalReport";

    /// <summary>The title of the crash-report fix.</summary>
    public const string Title = "Write a local crash report instead";

    /// <summary>The title of the exit-report fix.</summary>
    public const string ExitReportTitle = "Write what it sends to a local report instead";

    /// <summary>The comment the fix leaves above the write: where the report is, and that sending it is the user's choice.</summary>
    public const string CommentText = "// Kept on this machine: the user can send this crash report by hand.";

    /// <summary>The comment the exit-report fix leaves above the write.</summary>
    public const string ExitReportCommentText = "// Kept on this machine: the user can send this report by hand.";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnsolicitedReporting);

    private static readonly FindingEdits s_edits = new(Title, EquivalenceKey, EditFor);

    /// <summary>Every finding of a document with a fix (of either kind), in one pass, whichever finding it starts from (see <see cref="FindingEdits"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => s_edits.FixAll;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => s_edits.RegisterAsync(context);

    /// <summary>The sending statement to replace with a local report, or null when the finding has no fix here.</summary>
    private static FindingEdit? EditFor(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix)
            || fix is not (CrashReportFix.CrashReport or CrashReportFix.ExitReport)
            || SendOf(root, model, diagnostic, cancellationToken) is not { } send
            || CrashReportFix.StatementOf(send) is not { } sending)
        {
            return null;
        }

        var awaited = CrashReportFix.AwaitOf(send);
        var asynchronous = awaited is not null && CrashReportFix.HasWriteAllTextAsync(model.Compilation);
        if (awaited is not null && !asynchronous && !CrashReportFix.AwaitsElsewhere(awaited))
        {
            return null;
        }

        var configureAwait = asynchronous ? CrashReportFix.ConfigureAwaitArgument(awaited!)?.Syntax.WithoutTrivia().ToFullString() : null;
        if (fix == CrashReportFix.CrashReport)
        {
            if (CrashReportFix.ExceptionInScope(model, sending.SpanStart, out var property, cancellationToken) is not { } parameter)
            {
                return null;
            }

            ExpressionSyntax exception = property is null
                ? NameOf(parameter)
                : MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, NameOf(parameter), IdentifierName(property.Name));
            var text = "global::System.DateTime.UtcNow.ToString(\"O\") + global::System.Environment.NewLine + " + exception.ToFullString();
            return new FindingEdit(sending, editor => Replace(editor, sending, Write(editor, "crashes", "crash-", text, asynchronous, configureAwait), CommentText));
        }

        if (CrashReportFix.KeptTexts(send) is not { } kept)
        {
            return null;
        }

        var sent = "global::System.DateTime.UtcNow.ToString(\"O\")"
            + string.Concat(kept.Select(t => " + global::System.Environment.NewLine + " + Operand((ExpressionSyntax)t.Syntax)));
        return new FindingEdit(
            sending,
            editor => Replace(editor, sending, Write(editor, "reports", "report-", sent, asynchronous, configureAwait), ExitReportCommentText),
            ExitReportTitle,
            ExitReportEquivalenceKey);
    }

    /// <summary>The operation of the call the finding names.</summary>
    private static IOperation? SendOf(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        for (var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true); node is ExpressionSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            {
                return model.GetOperation(node, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>A text the send had, as an operand of <c>+</c>: in parentheses unless it is a primary expression.</summary>
    private static string Operand(ExpressionSyntax text)
    {
        var bare = text.WithoutTrivia().ToFullString();
        return text is IdentifierNameSyntax or LiteralExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax
            or ElementAccessExpressionSyntax or InterpolatedStringExpressionSyntax or ParenthesizedExpressionSyntax or ObjectCreationExpressionSyntax
            ? bare
            : "(" + bare + ")";
    }

    /// <summary>
    /// Writing <paramref name="text"/> to a new file named by the time under
    /// <c>%LOCALAPPDATA%/&lt;assembly&gt;/<paramref name="folder"/></c>: one expression, no locals, so it stands wherever the
    /// send stood, even as a lambda's body, and names nothing new. Awaited when <paramref name="asynchronous"/>, through
    /// <c>ConfigureAwait(<paramref name="configureAwait"/>)</c> when the send was.
    /// </summary>
    private static ExpressionSyntax Write(DocumentEditor editor, string folder, string prefix, string text, bool asynchronous, string? configureAwait)
    {
        var product = editor.SemanticModel.Compilation.AssemblyName ?? "Product";
        var call = (asynchronous ? "global::System.IO.File.WriteAllTextAsync(" : "global::System.IO.File.WriteAllText(")
            + "global::System.IO.Path.Combine(global::System.IO.Directory.CreateDirectory("
            + "global::System.IO.Path.Combine(global::System.Environment.GetFolderPath(global::System.Environment.SpecialFolder.LocalApplicationData), "
            + Literal(product).Text + ", " + Literal(folder).Text + ")).FullName, " + Literal(prefix).Text
            + " + global::System.DateTime.UtcNow.ToString(\"yyyyMMdd-HHmmss-fff\") + \".txt\"), "
            + text + ")" + (configureAwait is null ? string.Empty : ".ConfigureAwait(" + configureAwait + ")");
        var write = ParseExpression(call);

        // Every qualified name is written out in full and shortened where the file's usings allow.
        write = write.ReplaceNodes(write.DescendantNodes().OfType<MemberAccessExpressionSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        if (asynchronous)
        {
            write = AwaitExpression(write);
        }

        return write.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    private static void Replace(DocumentEditor editor, ExpressionSyntax sending, ExpressionSyntax write, string commentText)
    {
        if (sending.Parent is ExpressionStatementSyntax statement)
        {
            var indentation = statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var leading = statement.GetLeadingTrivia().Add(Comment(commentText)).Add(LineBreaks.Of(statement));
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
            var body = Block(ExpressionStatement(write).WithLeadingTrivia(Comment(commentText), LineBreaks.Of(sending)));
            editor.ReplaceNode(owner, Bodies.WithBlock(owner, body.WithAdditionalAnnotations(Formatter.Annotation)));
        }
        else
        {
            editor.ReplaceNode(sending, write.WithTriviaFrom(sending));
        }
    }

    /// <summary>The parameter's name as code writes it: <c>@event</c> for a parameter named with a keyword.</summary>
    private static IdentifierNameSyntax NameOf(IParameterSymbol parameter) =>
        IdentifierName(SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? Identifier("@" + parameter.Name) : Identifier(parameter.Name));
}
