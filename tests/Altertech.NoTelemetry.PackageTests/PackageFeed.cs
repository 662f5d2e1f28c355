using System.Collections.Concurrent;
using System.IO.Compression;
using System.Xml.Linq;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The package tests share one <see cref="PackageFeed"/>: one pack, one restore, one packages folder.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Package";
}

/// <summary>
/// Done once for every package test: packs the package into a folder feed, writes every consumer of
/// <see cref="Scenarios.All"/> into one workspace, restores them all with one <c>dotnet restore</c>, and starts their
/// builds, a few at a time; a test awaits the build it reads. Everything happens in a unique temporary folder,
/// including the NuGet packages folder, so a cached Altertech.NoTelemetry of the same version is never the one that
/// gets tested. The workspace is a repository of its own (a <c>.git</c> folder), so that nothing above it, such as a
/// stray NoTelemetry.txt, takes part in a build.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public const string PackageId = "Altertech.NoTelemetry";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "notelemetry-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<ConsumerScenario, Task<CommandResult>> _builds = new();

    /// <summary>Consumer builds at once: one per core, as the machine is shared with the test host and other builds.</summary>
    private readonly SemaphoreSlim _buildSlots = new(Math.Max(1, Environment.ProcessorCount));

    public string Version { get; } = BuildSettings.PackageVersion;

    public string FeedDirectory => Path.Combine(_root, "feed");

    /// <summary>The consumers' repository: every <see cref="ConsumerScenario"/> path is relative to it.</summary>
    public string WorkspaceDirectory => Path.Combine(_root, "workspace");

    public string PackagesDirectory => Path.Combine(_root, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    /// <summary>Where the package's files are once restored: its folder in the NuGet packages folder.</summary>
    public string InstalledPackageDirectory => Path.Combine(PackagesDirectory, PackageId.ToLowerInvariant(), Version);

    public CommandResult? Pack { get; private set; }

    /// <summary>The notelemetry tool's package id: the same pack at the repository root produces it.</summary>
    public const string ToolPackageId = "Altertech.NoTelemetry.Cli";

    private readonly object _toolGate = new();
    private Task<CommandResult>? _tool;

    /// <summary>The one restore of every consumer; null when the pack failed.</summary>
    public CommandResult? Restore { get; private set; }

    private IReadOnlyDictionary<string, string> BuildEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Pack = await DotNetCli.RunAsync(BuildSettings.RepoRoot,
        [
            "pack", BuildSettings.PackageProject,
            "--configuration", BuildSettings.Configuration,
            // Building the tests built the package project (see the project file); packing only packs.
            "--no-build",
            "--output", FeedDirectory,
            $"-p:NuspecOutputPath={Path.Combine(_root, "nuspec")}{Path.DirectorySeparatorChar}",
            "--disable-build-servers",
        ]);
        if (!Pack.Succeeded)
        {
            return;
        }

        WriteWorkspace();
        Restore = await DotNetCli.RunAsync(WorkspaceDirectory, ["restore", "Consumers.slnx", "--disable-build-servers"], BuildEnvironment);
        if (!Restore.Succeeded)
        {
            return;
        }

        // Started in the order the tests read them; the first tests run while the later builds still go on.
        foreach (var scenario in Scenarios.All)
        {
            _builds[scenario] = BuildThrottledAsync(scenario);
        }
    }

    /// <summary>The build of <paramref name="scenario"/>; fails the test when the pack or the restore failed.</summary>
    public Task<CommandResult> BuildAsync(ConsumerScenario scenario)
    {
        Assert.True(Pack?.Succeeded == true, "dotnet pack failed, so no consumer was built." + Environment.NewLine + Pack);
        Assert.True(Restore?.Succeeded == true, "The consumers' restore failed, so no consumer was built." + Environment.NewLine + Restore);
        return _builds.TryGetValue(scenario, out var build)
            ? build
            : throw new InvalidOperationException($"{scenario} is not in Scenarios.All, so it was neither written nor restored.");
    }

    /// <summary>
    /// <c>dotnet build</c> of <paramref name="scenario"/>'s project as its last command left it: after <c>dotnet format</c>, the
    /// build of the fixed code. Waits for that command first.
    /// </summary>
    public async Task<CommandResult> BuildAfterwardsAsync(ConsumerScenario scenario)
    {
        await BuildAsync(scenario);
        return await DotNetCli.RunAsync(PathOf(scenario.Folder), [.. CommandLine(ConsumerCommand.Build, Path.GetFileName(scenario.Project))], BuildEnvironment);
    }

    /// <summary>Packs the notelemetry tool into the feed and installs it with <c>dotnet tool install --tool-path</c>, once.</summary>
    public Task<CommandResult> InstallToolAsync()
    {
        lock (_toolGate)
        {
            return _tool ??= PackAndInstallToolAsync();
        }
    }

    /// <summary>Where <see cref="InstallToolAsync"/> installs the tool: its command (<c>notelemetry</c>) and its store.</summary>
    public string ToolDirectory => Path.Combine(_root, "tools");

    /// <summary>
    /// Runs the installed tool's assembly from the tool folder's store with <c>dotnet</c>, which is what its
    /// <c>notelemetry</c> command starts.
    /// </summary>
    public Task<CommandResult> RunToolAsync(IReadOnlyList<string> arguments)
    {
        var assembly = Directory.EnumerateFiles(Path.Combine(ToolDirectory, ".store"), "notelemetry.dll", SearchOption.AllDirectories).Single();
        return DotNetCli.RunAsync(WorkspaceDirectory, [assembly, .. arguments], BuildEnvironment);
    }

    private async Task<CommandResult> PackAndInstallToolAsync()
    {
        var pack = await DotNetCli.RunAsync(BuildSettings.RepoRoot,
        [
            "pack", BuildSettings.ToolProject, "--configuration", BuildSettings.Configuration, "--no-build", "--output", FeedDirectory,
            $"-p:NuspecOutputPath={Path.Combine(_root, "tool-nuspec")}{Path.DirectorySeparatorChar}", "--disable-build-servers",
        ]);
        return pack.Succeeded
            ? await DotNetCli.RunAsync(WorkspaceDirectory, ["tool", "install", ToolPackageId, "--version", Version, "--tool-path", ToolDirectory], BuildEnvironment)
            : pack;
    }

    /// <summary>The text of one file of the package.</summary>
    public string ReadPackageEntry(string name)
    {
        Assert.True(File.Exists(PackagePath), $"{PackagePath} was not produced." + Environment.NewLine + Pack);
        using var archive = ZipFile.OpenRead(PackagePath);
        var entry = archive.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the package.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The absolute path of a file of the workspace.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(WorkspaceDirectory, relativePath));

    public async Task DisposeAsync()
    {
        // Every build ends before its folder goes; one that failed has failed its test already.
        await Task.WhenAll(_builds.Values.Select(build => build.ContinueWith(_ => { }, TaskScheduler.Default)));

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _buildSlots.Dispose();
    }

    private async Task<CommandResult> BuildThrottledAsync(ConsumerScenario scenario)
    {
        await _buildSlots.WaitAsync();
        try
        {
            if (scenario.EarlierBuildArguments is { } earlier)
            {
                var first = await BuildAsync(scenario, earlier);
                if (!first.Succeeded)
                {
                    return first;
                }
            }

            return await BuildAsync(scenario, scenario.BuildArguments);
        }
        finally
        {
            _buildSlots.Release();
        }
    }

    private Task<CommandResult> BuildAsync(ConsumerScenario scenario, IReadOnlyList<string> arguments) =>
        DotNetCli.RunAsync(PathOf(scenario.Folder), [.. CommandLine(scenario.Command, Path.GetFileName(scenario.Project)), .. arguments], BuildEnvironment);

    /// <summary>The command line of each kind of consumer build, before the scenario's own arguments.</summary>
    private static string[] CommandLine(ConsumerCommand command, string project) => command switch
    {
        ConsumerCommand.Build => ["build", project, "--no-restore", "--configuration", "Debug", "--disable-build-servers"],
        ConsumerCommand.MSBuild => ["msbuild", project, "--disable-build-servers"],
        // The global properties of the design-time builds of Roslyn's MSBuildWorkspace build host (C# Dev Kit, dotnet format) and
        // of Visual Studio, whose CompileDesignTime target (in Visual Studio, not the SDK) runs Compile and returns these items.
        ConsumerCommand.DesignTimeBuild =>
        [
            "msbuild", project, "--disable-build-servers", "-t:Compile",
            "-p:DesignTimeBuild=true", "-p:BuildingInsideVisualStudio=true", "-p:BuildProjectReferences=false", "-p:BuildingProject=false",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-getItem:CscCommandLineArgs",
        ],
        ConsumerCommand.Format => ["format", project, "--no-restore"],
        ConsumerCommand.FormatAnalyzers => ["format", "analyzers", project, "--no-restore"],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private void WriteWorkspace()
    {
        Directory.CreateDirectory(WorkspaceDirectory);
        Write(".git/HEAD", "ref: refs/heads/main\n");
        File.Copy(Path.Combine(BuildSettings.RepoRoot, "global.json"), PathOf("global.json"));
        WriteNuGetConfig();

        // Nothing from the folders above the workspace may take part in the build.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            Write(name, "<Project />");
        }

        foreach (var scenario in Scenarios.All)
        {
            foreach (var (path, content) in scenario.Files)
            {
                Write(path, content);
            }
        }

        var solution = new XElement("Solution", Scenarios.All.Select(s => new XElement("Project", new XAttribute("Path", s.Project.Replace('\\', '/')))));
        solution.Save(PathOf("Consumers.slnx"));
    }

    private void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>The repository's package sources, with the folder feed first.</summary>
    private void WriteNuGetConfig()
    {
        var config = XDocument.Load(Path.Combine(BuildSettings.RepoRoot, "nuget.config"));
        var sources = config.Root!.Element("packageSources")
            ?? throw new InvalidOperationException("The repository's nuget.config has no packageSources.");
        var feed = new XElement("add", new XAttribute("key", "altertech-notelemetry-e2e"), new XAttribute("value", FeedDirectory));
        if (sources.Element("clear") is { } clear)
        {
            clear.AddAfterSelf(feed);
        }
        else
        {
            sources.AddFirst(new XElement("clear"), feed);
        }

        config.Save(PathOf("nuget.config"));
    }
}
