using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// One edit a finding asks for: the node it rewrites (two findings on one node edit it once) and the edit; and, for a fix
/// that does more than one kind of edit, the title and equivalence key of this kind (else the fix's own).
/// </summary>
internal sealed class FindingEdit
{
    public FindingEdit(SyntaxNode node, Action<DocumentEditor> apply, string? title = null, string? equivalenceKey = null)
    {
        Node = node;
        Apply = apply;
        Title = title;
        EquivalenceKey = equivalenceKey;
    }

    public SyntaxNode Node { get; }

    public Action<DocumentEditor> Apply { get; }

    public string? Title { get; }

    public string? EquivalenceKey { get; }
}

/// <summary>
/// The code actions and Fix All of a fix whose findings each rewrite one node of their own. Fix All fixes every finding of
/// each document that has an edit in one pass, whatever equivalence key it was started with: <c>dotnet format</c> starts it
/// from the first finding of a rule with that finding's key, null when the first finding has no fix (no
/// <c>IConfiguration</c> in scope, say), and the batch fixer would then fix nothing at all. A fix with edits of more than one
/// kind (each with its own key) fixes every kind in that pass too.
/// </summary>
internal sealed class FindingEdits
{
    private readonly string _title;
    private readonly string _equivalenceKey;
    private readonly Func<SyntaxNode, SemanticModel, Diagnostic, CancellationToken, FindingEdit?> _editFor;

    /// <param name="title">The code action's title.</param>
    /// <param name="equivalenceKey">Its equivalence key, stable across versions.</param>
    /// <param name="editFor">The edit of a finding in a document (root and model), or null when it has no fix there.</param>
    public FindingEdits(string title, string equivalenceKey, Func<SyntaxNode, SemanticModel, Diagnostic, CancellationToken, FindingEdit?> editFor)
    {
        _title = title;
        _equivalenceKey = equivalenceKey;
        _editFor = editFor;
        FixAll = FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));
    }

    public FixAllProvider FixAll { get; }

    public async Task RegisterAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FullSpan.Contains(diagnostic.Location.SourceSpan) && _editFor(root, model, diagnostic, context.CancellationToken) is { } edit)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        edit.Title ?? _title,
                        async ct => await ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct).ConfigureAwait(false) ?? context.Document,
                        edit.EquivalenceKey ?? _equivalenceKey),
                    diagnostic);
            }
        }
    }

    private async Task<Document?> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var edited = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (editor.OriginalRoot.FullSpan.Contains(diagnostic.Location.SourceSpan)
                && _editFor(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is { } edit
                && edited.Add(edit.Node))
            {
                edit.Apply(editor);
            }
        }

        if (edited.Count == 0)
        {
            return null;
        }

        // A crash handler's SDK send written as a local report leaves the SDK's directive with nothing to name: it goes, as after NT0001's fix.
        return await Imports.WithoutUnusedSdkImportsAsync(editor.GetChangedDocument(), editor.SemanticModel.Compilation, cancellationToken).ConfigureAwait(false);
    }
}
