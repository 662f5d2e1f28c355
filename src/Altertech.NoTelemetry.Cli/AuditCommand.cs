using System.Diagnostics;
using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;
using Altertech.NoTelemetry.Cli.Reports;

namespace Altertech.NoTelemetry.Cli;

/// <summary><c>notelemetry audit</c>: load, analyse every project, apply the baseline, write the reports.</summary>
internal sealed class AuditCommand(AuditOptions options, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var progress = IAuditProgress.Create(error, options.Verbosity);
        try
        {
            var result = await AuditAsync(progress, cancellationToken);
            foreach (var report in options.Reports)
            {
                await WriteReportAsync(report, result, cancellationToken);
            }

            if (options.WriteBaselinePath is { } baselinePath)
            {
                Baseline.From(result.Findings).Write(baselinePath);
            }

            progress.Finished(result);
            return result.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("notelemetry: canceled.");
            return CommandLine.Canceled;
        }
        catch (AuditException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return CommandLine.ToolFailed;
        }
    }

    private async Task<AuditResult> AuditAsync(IAuditProgress progress, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var input = AuditInput.Resolve(options.Path);
        var baseline = options.BaselinePath is { } path ? Baseline.Read(path) : null;
        LoadResult loaded;
        if (input.Kind == InputKind.LooseFiles)
        {
            loaded = LooseFilesLoader.Load(input, options.Enforcement ?? "warning", cancellationToken);
        }
        else
        {
            Sdk.EnsureRegistered();
            loaded = await new ProjectLoader(options, progress).LoadAsync(input, cancellationToken);
        }

        foreach (var message in loaded.Messages)
        {
            progress.Message(message);
        }

        var analyzers = AnalyzerSet.Create(options.Rules);
        var outcomes = await progress.AnalysingAsync(loaded.Projects.Count, done => AnalyseAllAsync(loaded, analyzers, input.Root, done, cancellationToken));
        var (projects, findings) = AuditResult.Merge(outcomes, input.Root);
        var fixedCount = 0;
        if (baseline is not null)
        {
            var known = baseline.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            findings = findings.Select(f => known.Contains(f.Fingerprint) ? f with { IsInBaseline = true } : f).ToList();
            var found = findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            fixedCount = known.Count(f => !found.Contains(f));
        }

        foreach (var project in projects)
        {
            foreach (var compileError in project.CompileErrors.Take(project.IsApproximate ? 0 : 10))
            {
                progress.Message(new ToolMessage(ToolMessageLevel.Error, "does not compile: " + compileError, project.ProjectFile));
            }

            foreach (var failure in project.AnalyzerFailures)
            {
                progress.Message(new ToolMessage(ToolMessageLevel.Error, "an analyzer failed, so the findings are incomplete: " + failure, project.ProjectFile));
            }
        }

        return new AuditResult
        {
            Input = input,
            Projects = projects,
            Skipped = loaded.Skipped,
            Findings = findings,
            Messages = loaded.Messages,
            Rules = analyzers.Descriptors,
            Options = options,
            BaselineFixed = fixedCount,
            StartTime = start,
            Duration = stopwatch.Elapsed,
        };
    }

    /// <summary>
    /// The projects concurrently, as many at a time as there are cores and, for each, about 1.5 GB of the memory the
    /// process may use (a large project's compilation and analysis state).
    /// </summary>
    private async Task<List<ProjectOutcome>> AnalyseAllAsync(LoadResult loaded, AnalyzerSet analyzers, string root, Action<ProjectOutcome> done, CancellationToken cancellationToken)
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var parallelism = (int)Math.Clamp(Math.Min(Environment.ProcessorCount, available / (1536L * 1024 * 1024)), 1, 64);
        var outcomes = new ProjectOutcome[loaded.Projects.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, loaded.Projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var outcome = await ProjectAnalysis.AnalyzeAsync(loaded.Solution, loaded.Projects[index], analyzers, options.Rules, root, token);
                outcomes[index] = outcome;
                done(outcome);
            });
        return [.. outcomes];
    }

    private async Task WriteReportAsync(ReportRequest report, AuditResult result, CancellationToken cancellationToken)
    {
        var text = report.Format switch
        {
            ReportFormat.Sarif => SarifReport.Write(result),
            ReportFormat.Json => JsonReport.Write(result),
            ReportFormat.Markdown => MarkdownReport.Write(result),
            _ => TextReport.Write(result),
        };
        if (report.OutputPath is null)
        {
            await output.WriteAsync(text);
            await output.FlushAsync(cancellationToken);
            return;
        }

        var full = Path.GetFullPath(report.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, text, cancellationToken);
    }
}
