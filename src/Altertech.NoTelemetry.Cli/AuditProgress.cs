using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;
using Spectre.Console;

namespace Altertech.NoTelemetry.Cli;

/// <summary>What the audit tells on stderr while it works: per project, as plain lines or a progress bar.</summary>
internal interface IAuditProgress
{
    void Restoring(string file);

    void ProjectLoaded(string file, string? targetFramework, TimeSpan elapsed);

    void Message(ToolMessage message);

    /// <summary>Runs the analysis of <paramref name="count"/> projects; the callback is called as each ends.</summary>
    Task<T> AnalysingAsync<T>(int count, Func<Action<ProjectOutcome>, Task<T>> analyse);

    void Finished(AuditResult result);

    /// <summary>A progress bar on a terminal; plain lines when stderr is redirected, in CI, or not the console.</summary>
    public static IAuditProgress Create(TextWriter error, Verbosity verbosity) =>
        verbosity >= Verbosity.Normal && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null
            ? new TerminalProgress(error, verbosity)
            : new PlainProgress(error, verbosity);
}

/// <summary>One line per step, for logs.</summary>
internal class PlainProgress(TextWriter error, Verbosity verbosity) : IAuditProgress
{
    private readonly object _gate = new();
    private int _done;

    protected TextWriter Error => error;

    protected Verbosity Verbosity => verbosity;

    public void Restoring(string file) => Write(Verbosity.Normal, $"Restoring {file}");

    public void ProjectLoaded(string file, string? targetFramework, TimeSpan elapsed) =>
        Write(Verbosity.Detailed, $"Loaded {Path.GetFileName(file)}{(targetFramework is null ? "" : $" ({targetFramework})")} in {elapsed.TotalSeconds:0.0} s");

    public void Message(ToolMessage message)
    {
        var (level, minimum) = message.Level switch
        {
            ToolMessageLevel.Error => ("error", Verbosity.Quiet),
            ToolMessageLevel.Warning => ("warning", Verbosity.Minimal),
            _ => ("note", Verbosity.Detailed),
        };
        Write(minimum, $"{level}: {(message.ProjectFile is null ? "" : message.ProjectFile + ": ")}{message.Text}");
    }

    public virtual Task<T> AnalysingAsync<T>(int count, Func<Action<ProjectOutcome>, Task<T>> analyse) =>
        analyse(outcome =>
        {
            var done = Interlocked.Increment(ref _done);
            Write(Verbosity.Normal, Describe(outcome, done, count));
        });

    public void Finished(AuditResult result)
    {
        var active = result.Active.ToList();
        var summary = $"notelemetry: {result.Projects.Count} project{(result.Projects.Count == 1 ? "" : "s")}, {active.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)} error(s), {active.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)} warning(s), {active.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info)} info";
        var hidden = result.Findings.Count(f => f.IsInBaseline);
        if (result.Options.BaselinePath is not null)
        {
            summary += $"; {hidden} in the baseline, {result.BaselineFixed} of the baseline fixed";
        }

        Write(Verbosity.Minimal, $"{summary}; {result.Duration.TotalSeconds:0.0} s; exit code {result.ExitCode}");
    }

    protected static string Describe(ProjectOutcome outcome, int done, int count)
    {
        var name = outcome.Project.Name + (outcome.Project.TargetFramework is { } framework ? $" ({framework})" : "");
        var state = outcome.CompileErrors.Count > 0 && !outcome.Project.IsApproximate ? $", does not compile ({outcome.CompileErrors.Count} errors)" : "";
        return $"[{done}/{count}] {name}: {outcome.Findings.Count(f => !f.IsSuppressed)} finding(s){state} in {outcome.Elapsed.TotalSeconds:0.0} s";
    }

    protected void Write(Verbosity minimum, string line)
    {
        if (verbosity >= minimum)
        {
            lock (_gate)
            {
                error.WriteLine(line);
            }
        }
    }
}

/// <summary>A Spectre.Console progress bar on the terminal's stderr while the projects are analysed.</summary>
internal sealed class TerminalProgress(TextWriter error, Verbosity verbosity) : PlainProgress(error, verbosity)
{
    public override async Task<T> AnalysingAsync<T>(int count, Func<Action<ProjectOutcome>, Task<T>> analyse)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Analysing {count} project(s)", maxValue: count);
                var done = 0;
                result = await analyse(outcome =>
                {
                    var now = Interlocked.Increment(ref done);
                    console.MarkupLine(Markup.Escape(Describe(outcome, now, count)));
                    task.Increment(1);
                });
            });
        return result;
    }
}
