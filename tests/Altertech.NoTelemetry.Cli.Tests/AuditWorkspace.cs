using System.Collections.Concurrent;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>The CLI tests share one <see cref="AuditWorkspace"/>: its folder, and each audit run once.</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditWorkspace>
{
    public const string Name = "Audit";
}

/// <summary>An audit the tests read: its arguments, and what must run before it (a restore it reuses, an edit).</summary>
public sealed record AuditScenario(string Name, string[] Arguments, AuditScenario? After = null, Action<AuditWorkspace>? Before = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// A temporary repository (it has a <c>.git</c> folder, so nothing above it takes part) holding copies of the
/// docs/samples projects and small solutions written for the tests; each <see cref="AuditScenario"/> runs once, the
/// first time a test asks for it, at most two at a time (the machine has two cores, and each audit loads MSBuild).
/// The samples name the analyzer assembly as an analyzer, as a project with the package does.
/// </summary>
public sealed class AuditWorkspace : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ToolRun>>> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(2);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "notelemetry-cli-" + Guid.NewGuid().ToString("N"));

    public string OutputDirectory => Path.Combine(Root, "out");

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public string ReadOutput(string name) => File.ReadAllText(Path.Combine(OutputDirectory, name));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(OutputDirectory);
        Write(".git/HEAD", "ref: refs/heads/main\n");
        File.Copy(Path.Combine(Tool.RepoRoot, "global.json"), PathOf("global.json"));
        File.Copy(Path.Combine(Tool.RepoRoot, "nuget.config"), PathOf("nuget.config"));
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            Write(name, "<Project />");
        }

        CopySamples();
        foreach (var (path, content) in Sources.All)
        {
            Write(path, content);
        }

        return Task.CompletedTask;
    }

    /// <summary>The run of <paramref name="scenario"/>, started on first use.</summary>
    public Task<ToolRun> RunAsync(AuditScenario scenario) =>
        _runs.GetOrAdd(scenario.Name, _ => new Lazy<Task<ToolRun>>(() => StartAsync(scenario))).Value;

    public void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_runs.Values.Where(r => r.IsValueCreated).Select(r => r.Value.ContinueWith(_ => { }, TaskScheduler.Default)));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _slots.Dispose();
    }

    private async Task<ToolRun> StartAsync(AuditScenario scenario)
    {
        if (scenario.After is { } earlier)
        {
            await RunAsync(earlier);
        }

        await _slots.WaitAsync();
        try
        {
            scenario.Before?.Invoke(this);
            return await Tool.RunAsync(Root, scenario.Arguments.Select(a => a.Replace("{out}", OutputDirectory, StringComparison.Ordinal)).ToList());
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>docs/samples as they are, but for the repository paths they import, which become absolute.</summary>
    private void CopySamples()
    {
        var samples = Path.Combine(Tool.RepoRoot, "docs", "samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(samples, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var content = File.ReadAllText(file)
                .Replace("$(MSBuildThisFileDirectory)../../nuget/", Path.Combine(Tool.RepoRoot, "nuget") + "/", StringComparison.Ordinal);
            if (file.EndsWith(".csproj", StringComparison.Ordinal))
            {
                content = System.Text.RegularExpressions.Regex.Replace(
                    content,
                    @"<ProjectReference Include=""[^""]*Altertech\.NoTelemetry\.csproj""[^>]*/>",
                    $"<Analyzer Include=\"{Tool.AnalyzerAssembly}\" />");
            }

            Write(Path.Combine("samples", relative), content);
        }
    }
}
