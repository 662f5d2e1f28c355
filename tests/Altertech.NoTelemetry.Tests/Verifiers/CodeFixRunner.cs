using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>
/// Applies a code fix the way a tool outside the IDE does (<c>dotnet format</c>), for what the testing library's
/// verifier does not model: Fix All started from a given finding with a given equivalence key.
/// </summary>
public static class CodeFixRunner
{
    /// <summary>One document in a workspace, and the analyzer's diagnostics of it in source order.</summary>
    public static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source, ReferenceSet references)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: references.Resolve()));
        var document = workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray());
    }

    /// <summary>
    /// As <c>dotnet format</c> does: register the fixes of the first diagnostic, take the first action's equivalence
    /// key (null when it registered none), and run the provider's Fix All over the solution with it.
    /// </summary>
    public static async Task<string> FixAllLikeDotnetFormatAsync(CodeFixProvider provider, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        CodeAction? first = null;
        var context = new CodeFixContext(document, diagnostics[0], (action, _) => first ??= action, CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);

        var fixAll = new FixAllContext(
            document,
            provider,
            FixAllScope.Solution,
            first?.EquivalenceKey!,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(fixAll);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
