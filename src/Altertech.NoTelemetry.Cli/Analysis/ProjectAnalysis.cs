using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Altertech.NoTelemetry.Cli.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>What analysing one project gave.</summary>
/// <param name="CompileErrors">The compiler's errors, formatted as a build prints them.</param>
/// <param name="AnalyzerFailures">Analyzer exceptions (AD0001): the project's findings are incomplete.</param>
internal sealed record ProjectOutcome(LoadedProject Project, IReadOnlyList<Finding> Findings, IReadOnlyList<string> CompileErrors, IReadOnlyList<string> AnalyzerFailures, TimeSpan Elapsed);

/// <summary>Runs the package's analyzers over one project's compilation, the compiler's own diagnostics in the same pass.</summary>
internal static class ProjectAnalysis
{
    public static async Task<ProjectOutcome> AnalyzeAsync(Solution solution, LoadedProject loaded, AnalyzerSet analyzers, IReadOnlySet<string> rules, string root, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var project = solution.GetProject(loaded.Id)!;
        var compilation = await project.GetCompilationAsync(cancellationToken) ?? throw new AuditException($"{loaded.ProjectFile} produced no compilation.");
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var diagnostics = await compilation.WithAnalyzers(analyzers.Analyzers, options).GetAllDiagnosticsAsync(cancellationToken);

        var compileErrors = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed && !d.Id.StartsWith("NT", StringComparison.Ordinal) && d.Id != "AD0001")
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.ToString())
            .ToList();
        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var ours = analyzers.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var reported = diagnostics
            .Where(d => ours.Contains(d.Id) && d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => rules.Count == 0 || rules.Contains(d.Id) || d.Id == RuleIdentifiers.InvalidConfiguration)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var findings = new Builder(project, compilation, loaded, root, cancellationToken).Build(reported);
        return new ProjectOutcome(loaded, findings, compileErrors, failures.Distinct().ToList(), stopwatch.Elapsed);
    }

    /// <summary>Turns one project's diagnostics into findings: paths, fingerprints, suppressions.</summary>
    private sealed class Builder(Project project, Compilation compilation, LoadedProject loaded, string root, CancellationToken cancellationToken)
    {
        private readonly Dictionary<SyntaxTree, List<PragmaWarningDirectiveTriviaSyntax>> _pragmas = [];
        private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
        private HashSet<string?>? _documentPaths;

        public List<Finding> Build(List<Diagnostic> diagnostics)
        {
            var findings = new List<Finding>(diagnostics.Count);
            foreach (var diagnostic in diagnostics)
            {
                findings.Add(Create(diagnostic));
            }

            return findings;
        }

        private Finding Create(Diagnostic diagnostic)
        {
            var location = diagnostic.Location;
            string? path = null;
            int line = 0, column = 0, endLine = 0, endColumn = 0;
            SourceText? externalText = null;
            if (location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile)
            {
                var span = location.GetMappedLineSpan();
                path = span.Path;
                (line, column, endLine, endColumn) = (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
                if (location.Kind == LocationKind.ExternalFile)
                {
                    externalText = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path)?.GetTextAsync(cancellationToken).GetAwaiter().GetResult();
                }
            }
            else if (diagnostic.Id == RuleIdentifiers.TelemetrySdkReferenced && loaded.ProjectFile.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                // NT0002 without a location: the project file's PackageReference line, as the package's targets give it in a build.
                path = loaded.ProjectFile;
                line = PackageReferenceLine(loaded.ProjectFile, diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.Package));
                (column, endLine, endColumn) = line > 0 ? (1, line, 1) : (0, 0, 0);
            }

            var relative = path is null ? null : RelativePath(root, path);
            var key = Fingerprints.Key(diagnostic, relative, externalText, cancellationToken);
            var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
            var (suppressionKind, justification) = diagnostic.IsSuppressed ? Suppression(diagnostic) : (null, null);
            return new Finding
            {
                RuleId = diagnostic.Id,
                Severity = diagnostic.Severity,
                Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                ProjectFile = loaded.ProjectFile,
                Frameworks = loaded.TargetFramework is { } framework ? [framework] : [],
                FilePath = path,
                RelativePath = relative,
                Line = line,
                Column = column,
                EndLine = endLine,
                EndColumn = endColumn,
                Properties = diagnostic.Properties.Where(p => p.Value is not null).ToImmutableSortedDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
                Fingerprint = Fingerprints.Hash(key, occurrence),
                IsSuppressed = diagnostic.IsSuppressed,
                SuppressionKind = suppressionKind,
                Justification = justification,
                IsGenerated = location.SourceTree is { } tree && IsGenerated(tree),
            };
        }

        private bool IsGenerated(SyntaxTree tree) =>
            tree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            || tree.FilePath.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || !(_documentPaths ??= project.Documents.Where(d => !d.Name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)).Select(d => d.FilePath).ToHashSet(StringComparer.Ordinal)).Contains(tree.FilePath);

        private (string? Kind, string? Justification) Suppression(Diagnostic diagnostic)
        {
            if (diagnostic.GetSuppressionInfo(compilation) is { Attribute: { } attribute })
            {
                var justification = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Justification").Value.Value as string;
                return ("attribute", string.IsNullOrWhiteSpace(justification) ? null : justification);
            }

            if (diagnostic.Location.SourceTree is not { } tree)
            {
                return ("pragma", null);
            }

            // The #pragma that disables it: the last one before it naming its ID (or none, which disables all).
            var position = diagnostic.Location.SourceSpan.Start;
            var pragma = Pragmas(tree).LastOrDefault(p => p.SpanStart < position
                && p.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)
                && (p.ErrorCodes.Count == 0 || p.ErrorCodes.Any(code => code.ToString() == diagnostic.Id)));
            var comment = pragma?.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)).ToString();
            return ("pragma", string.IsNullOrWhiteSpace(comment) ? null : comment.TrimStart('/').Trim());
        }

        private List<PragmaWarningDirectiveTriviaSyntax> Pragmas(SyntaxTree tree)
        {
            if (!_pragmas.TryGetValue(tree, out var pragmas))
            {
                pragmas = [];
                for (var directive = tree.GetRoot(cancellationToken).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
                {
                    if (directive is PragmaWarningDirectiveTriviaSyntax pragma)
                    {
                        pragmas.Add(pragma);
                    }
                }

                _pragmas[tree] = pragmas;
            }

            return pragmas;
        }
    }

    /// <summary>The line of the project file's PackageReference to <paramref name="package"/>; 0 when it is not there (a transitive one).</summary>
    private static int PackageReferenceLine(string projectFile, string? package)
    {
        if (package is null || !File.Exists(projectFile))
        {
            return 0;
        }

        var lines = File.ReadAllLines(projectFile);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("PackageReference", StringComparison.OrdinalIgnoreCase)
                && (lines[i].Contains($"\"{package}\"", StringComparison.OrdinalIgnoreCase) || lines[i].Contains($"'{package}'", StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static string RelativePath(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path.Replace('\\', '/') : relative.Replace('\\', '/');
    }
}
