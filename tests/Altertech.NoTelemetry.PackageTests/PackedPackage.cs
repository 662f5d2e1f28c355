using System.Xml.Linq;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>
/// Done once for the test class: packs the package into a folder feed, then restores and builds a fresh console
/// project that installs it from there. Everything happens in a unique temporary folder, including the NuGet
/// packages folder, so a cached Altertech.NoTelemetry of the same version is never the one that gets tested.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string PackageId = "Altertech.NoTelemetry";

    /// <summary>
    /// The consumer program: an HTTP request (NT0006) and Application Insights calls (NT0001) from a referenced
    /// telemetry SDK (NT0002).
    /// </summary>
    private const string ConsumerProgram = """
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.Extensibility;

        var telemetry = new TelemetryClient(TelemetryConfiguration.CreateDefault());
        telemetry.TrackEvent("ConsumerStarted");
        Console.WriteLine(await new System.Net.Http.HttpClient().GetStringAsync("https://example.com/"));
        """;

    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Altertech.NoTelemetry" Version="{0}" />
            <PackageReference Include="Microsoft.ApplicationInsights" Version="2.22.0" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>NT0006 is Info, which a command-line build does not print; the consumer raises it as a user would.</summary>
    private const string ConsumerEditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.NT0006.severity = warning
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "notelemetry-e2e-" + Guid.NewGuid().ToString("N"));

    public string Version { get; } = BuildSettings.PackageVersion;

    public string FeedDirectory => Path.Combine(_root, "feed");

    public string ConsumerDirectory => Path.Combine(_root, "consumer");

    public string PackagesDirectory => Path.Combine(_root, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    public CommandResult? Pack { get; private set; }

    /// <summary>The consumer's restore and build, one <c>dotnet build</c>; null when the pack failed.</summary>
    public CommandResult? ConsumerBuild { get; private set; }

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

        WriteConsumer();
        ConsumerBuild = await DotNetCli.RunAsync(
            ConsumerDirectory,
            ["build", "Consumer.csproj", "--configuration", "Debug", "--disable-build-servers"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory });
    }

    public Task DisposeAsync()
    {
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

        return Task.CompletedTask;
    }

    /// <summary>Everything the pack and the build printed, for assertion messages.</summary>
    public string Log => string.Join(Environment.NewLine + Environment.NewLine, new object?[] { Pack, ConsumerBuild }.Where(r => r is not null));

    private void WriteConsumer()
    {
        Directory.CreateDirectory(ConsumerDirectory);
        File.WriteAllText(Path.Combine(ConsumerDirectory, "Consumer.csproj"), ConsumerProject.Replace("{0}", Version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(ConsumerDirectory, "Program.cs"), ConsumerProgram);
        File.WriteAllText(Path.Combine(ConsumerDirectory, ".editorconfig"), ConsumerEditorConfig);

        // Nothing from the folders above the temporary one may take part in the build.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(ConsumerDirectory, name), "<Project />");
        }

        File.WriteAllText(Path.Combine(ConsumerDirectory, "global.json"), File.ReadAllText(Path.Combine(BuildSettings.RepoRoot, "global.json")));
        WriteNuGetConfig();
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

        config.Save(Path.Combine(ConsumerDirectory, "nuget.config"));
    }
}
