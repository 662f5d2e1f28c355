using System.Diagnostics;
using System.Reflection;
using System.Text;
using Altertech.NoTelemetry.PackageTests;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>What one run of <c>notelemetry</c> did: its exit code, and stdout apart from stderr.</summary>
public sealed record ToolRun(string CommandLine, int ExitCode, string Output, string Error)
{
    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Output}--- stderr ---{Environment.NewLine}{Error}";
}

/// <summary>Runs the built tool, <c>dotnet notelemetry.dll</c>, as a user's shell would.</summary>
internal static class Tool
{
    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string Assembly { get; } = Metadata("Tool");

    /// <summary>The analyzer assembly the samples name as an analyzer, as a project that references the package does.</summary>
    public static string AnalyzerAssembly { get; } = Metadata("AnalyzerAssembly");

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the tool in <paramref name="workingDirectory"/>; <paramref name="whileRunning"/> may act on it (Ctrl+C).</summary>
    public static async Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, Func<RunningTool, Task>? whileRunning = null)
    {
        // Plain progress lines, as in CI.
        var start = DotNetCli.StartInfo(workingDirectory, [Assembly, .. arguments], new Dictionary<string, string> { ["CI"] = "true" });
        using var process = Process.Start(start)!;
        var running = new RunningTool(process);
        process.ErrorDataReceived += (_, e) => running.AppendError(e.Data);
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(running).WaitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"notelemetry {string.Join(' ', arguments)} ran longer than {s_timeout}.{Environment.NewLine}{running.Error}");
        }

        return new ToolRun("notelemetry " + string.Join(' ', arguments), process.ExitCode, await output, running.Error);
    }

    private static string Metadata(string key) =>
        typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: see the project file.");
}

/// <summary>The tool while it runs: its process, and its stderr so far.</summary>
public sealed class RunningTool(Process process)
{
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    public Process Process => process;

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Waits until stderr contains <paramref name="text"/>.</summary>
    public async Task WaitForErrorAsync(string text)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_error.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                if (_ended)
                {
                    throw new InvalidOperationException($"The tool ended without writing '{text}' on stderr:{Environment.NewLine}{_error}");
                }

                changed = _changed.Task;
            }

            await changed;
        }
    }

    internal void AppendError(string? line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is null)
            {
                _ended = true;
            }
            else
            {
                _error.AppendLine(line);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
