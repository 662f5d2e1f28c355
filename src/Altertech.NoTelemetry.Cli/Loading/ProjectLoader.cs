using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>Restores and loads a solution or projects with MSBuildWorkspace, as a design-time build sees them.</summary>
internal sealed class ProjectLoader(AuditOptions options, IAuditProgress progress)
{
    private const int MaxRestoreLines = 20;

    public async Task<LoadResult> LoadAsync(AuditInput input, CancellationToken cancellationToken)
    {
        var messages = new List<ToolMessage>();
        if (options.Restore)
        {
            foreach (var file in input.Files)
            {
                if (await RestoreAsync(file, cancellationToken) is { } failure)
                {
                    messages.Add(failure);
                }
            }
        }

        var workspace = MSBuildWorkspace.Create(options.GlobalProperties.ToDictionary(p => p.Key, p => p.Value));
        workspace.RegisterWorkspaceFailedHandler(e => messages.Add(FromWorkspace(e.Diagnostic)));
        var loadProgress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                progress.ProjectLoaded(p.FilePath, p.TargetFramework, p.ElapsedTime);
            }
        });

        HashSet<string> wanted;
        if (input.Kind == InputKind.Solution)
        {
            await workspace.OpenSolutionAsync(input.Files[0], progress: loadProgress, cancellationToken: cancellationToken);
            wanted = SolutionProjects(input.Files[0]);
        }
        else
        {
            foreach (var file in input.Files)
            {
                if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, file, StringComparison.Ordinal)))
                {
                    await workspace.OpenProjectAsync(file, progress: loadProgress, cancellationToken: cancellationToken);
                }
            }

            wanted = input.Files.ToHashSet(StringComparer.Ordinal);
        }

        var solution = workspace.CurrentSolution;
        var candidates = solution.Projects
            .Where(p => p.FilePath is not null && (wanted.Count == 0 || wanted.Contains(Path.GetFullPath(p.FilePath))))
            .OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var missing in wanted.Where(w => w.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !candidates.Any(c => c.FilePath == w)))
        {
            if (!messages.Any(m => m.Level == ToolMessageLevel.Error && m.Text.Contains(missing, StringComparison.Ordinal)))
            {
                messages.Add(new ToolMessage(ToolMessageLevel.Error, $"{missing} was not loaded.", missing));
            }
        }

        // A failure names the project file; MSBuildWorkspace still adds the project, empty when it did not load at all.
        messages = messages.Distinct().ToList();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Level == ToolMessageLevel.Error && messages[i].ProjectFile is null
                && candidates.FirstOrDefault(c => messages[i].Text.Contains(c.FilePath!, StringComparison.Ordinal)) is { } project)
            {
                messages[i] = messages[i] with { ProjectFile = project.FilePath };
                if (!project.Documents.Any())
                {
                    failed.Add(project.FilePath!);
                }
            }
        }

        var skipped = failed.Order(StringComparer.Ordinal).Select(f => new SkippedProject(f, "did not load (see the error)")).ToList();
        candidates.RemoveAll(c => failed.Contains(c.FilePath!));
        var settings = ProjectSettings.Evaluate(candidates.Select(p => p.FilePath!), options.GlobalProperties, cancellationToken);
        var projects = new List<LoadedProject>();
        foreach (var project in candidates)
        {
            var file = project.FilePath!;
            if (project.Language != LanguageNames.CSharp)
            {
                skipped.Add(new SkippedProject(file, $"a {project.Language} project: the analyzers are for C#"));
                continue;
            }

            var setting = settings.GetValueOrDefault(file) ?? ProjectSettings.Default(file);
            var enforcement = options.Enforcement ?? (setting.Enforcement.Length == 0 ? "warning" : setting.Enforcement);
            if (enforcement == "off")
            {
                skipped.Add(new SkippedProject(file, "NoTelemetryEnforcement is off"));
                continue;
            }

            if (enforcement is not ("warning" or "error" or "strict"))
            {
                messages.Add(new ToolMessage(ToolMessageLevel.Error, $"NoTelemetryEnforcement is '{setting.Enforcement}', which Altertech.NoTelemetry does not know (warning, error, strict, off).", file));
                continue;
            }

            solution = AnalysisSetup.Prepare(solution.GetProject(project.Id)!, enforcement, setting, options.Enforcement is not null, messages);

            // With --framework every project is built for that one framework: name it, as a multi-targeting project's are.
            projects.Add(new LoadedProject(project.Id, DisplayName(project), file, options.Framework ?? TargetFrameworkOf(project, candidates), enforcement, IsApproximate: false));
        }

        return new LoadResult(solution, projects, messages, skipped);
    }

    private static string DisplayName(Project project) => Path.GetFileNameWithoutExtension(project.FilePath!);

    /// <summary>MSBuildWorkspace names each framework's project "Name(net8.0)" when a project targets several.</summary>
    private static string? TargetFrameworkOf(Project project, List<Project> all)
    {
        if (all.Count(p => p.FilePath == project.FilePath) < 2)
        {
            return null;
        }

        var open = project.Name.LastIndexOf('(');
        return open > 0 && project.Name.EndsWith(')') ? project.Name[(open + 1)..^1] : project.Name;
    }

    /// <summary>The projects a solution names (not the projects outside it that they reference); empty when unknown.</summary>
    private static HashSet<string> SolutionProjects(string solutionFile)
    {
        var folder = Path.GetDirectoryName(solutionFile)!;
        try
        {
            if (solutionFile.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
            {
                using var filter = JsonDocument.Parse(File.ReadAllText(solutionFile));
                var solution = filter.RootElement.GetProperty("solution");
                var solutionFolder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, solution.GetProperty("path").GetString()!)))!;
                return solution.GetProperty("projects").EnumerateArray()
                    .Select(p => Path.GetFullPath(Path.Combine(solutionFolder, p.GetString()!.Replace('\\', Path.DirectorySeparatorChar))))
                    .ToHashSet(StringComparer.Ordinal);
            }

            return SolutionFileProjects.Read(solutionFile);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The workspace has read the solution already and reports its own errors: audit all it loaded.
            return [];
        }
    }

    /// <summary>Restores as <c>dotnet build</c> would; a failure is reported and the projects that load are still audited.</summary>
    private async Task<ToolMessage?> RestoreAsync(string file, CancellationToken cancellationToken)
    {
        progress.Restoring(file);
        var start = new ProcessStartInfo(Sdk.DotNetExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(file)!,
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("--nologo");
        start.ArgumentList.Add("--verbosity");
        start.ArgumentList.Add("quiet");
        foreach (var (name, value) in options.GlobalProperties.Where(p => !string.Equals(p.Key, "TargetFramework", StringComparison.OrdinalIgnoreCase)))
        {
            start.ArgumentList.Add($"-p:{name}={value}");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        using var process = Process.Start(start) ?? throw new AuditException($"Could not start {Sdk.DotNetExecutable} to restore {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode == 0)
        {
            return null;
        }

        // Its errors, not its warnings: a large solution's restore prints thousands of lines.
        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        var shown = (errors.Count > 0 ? errors : lines.ToList()).Take(MaxRestoreLines).ToList();
        var more = (errors.Count > 0 ? errors.Count : lines.Length) - shown.Count;
        return new ToolMessage(ToolMessageLevel.Error,
            $"dotnet restore failed (exit code {process.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{(more > 0 ? $"{Environment.NewLine}({more} more)" : "")}", file);
    }

    /// <summary>A failure stops a project from loading; a warning (a duplicate item in some referenced project) is detail.</summary>
    private static ToolMessage FromWorkspace(WorkspaceDiagnostic diagnostic) =>
        new(diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? ToolMessageLevel.Error : ToolMessageLevel.Note, diagnostic.Message);
}
