using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The package as a user gets it: its layout, and what a build that installs it reports.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageEndToEndTests(PackageFeed package, ITestOutputHelper output)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    [Fact]
    public void Package_holds_the_analyzer_and_code_fix_assemblies_under_analyzers_dotnet_cs()
    {
        var entries = ReadEntries();

        Assert.Contains(AnalyzerFolder + "Altertech.NoTelemetry.dll", entries);
        Assert.Contains(AnalyzerFolder + "Altertech.NoTelemetry.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("icon.png", entries);
    }

    [Fact]
    public void Package_holds_the_MSBuild_integration_in_buildTransitive_build_and_globalconfigs()
    {
        var entries = ReadEntries();

        foreach (var folder in new[] { "buildTransitive/", "build/" })
        {
            Assert.Contains(folder + "Altertech.NoTelemetry.props", entries);
            Assert.Contains(folder + "Altertech.NoTelemetry.targets", entries);
        }

        foreach (var mode in new[] { "warning", "error", "strict" })
        {
            Assert.Contains($"globalconfigs/NoTelemetry.{mode}.globalconfig", entries);
        }
    }

    [Theory]
    [InlineData("build/Altertech.NoTelemetry.props", "../buildTransitive/Altertech.NoTelemetry.props")]
    [InlineData("build/Altertech.NoTelemetry.targets", "../buildTransitive/Altertech.NoTelemetry.targets")]
    public void Build_folder_imports_the_buildTransitive_files(string entry, string imported)
    {
        var project = XDocument.Parse(package.ReadPackageEntry(entry));

        var imports = project.Root!.Elements("Import").Select(i => (string?)i.Attribute("Project")).ToList();

        Assert.Equal([imported], imports);
    }

    [Fact]
    public void Package_adds_nothing_to_the_consumers_output()
    {
        var entries = ReadEntries();

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("runtimes/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_declares_a_development_dependency_without_dependencies()
    {
        var metadata = ReadNuspecMetadata();
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal(PackageFeed.PackageId, (string?)metadata.Element(ns + "id"));
        Assert.Equal(package.Version, (string?)metadata.Element(ns + "version"));
        Assert.Equal("true", (string?)metadata.Element(ns + "developmentDependency"));
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        Assert.Equal("MIT", (string?)metadata.Element(ns + "license"));
    }

    [Fact]
    public void Nuspec_names_an_icon_that_is_a_PNG_in_the_package()
    {
        var metadata = ReadNuspecMetadata();
        var icon = (string?)metadata.Element(metadata.Name.Namespace + "icon");

        Assert.Equal("icon.png", icon);
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entry = archive.GetEntry(icon!);
        Assert.True(entry is not null, $"The nuspec names the icon {icon}, which is not in the package.");
        using var stream = entry!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);

        // The PNG signature, then the IHDR chunk with the width and height, big-endian.
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header[..8]);
        Assert.Equal((128, 128), (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20))));
    }

    [Fact]
    public void Package_readme_names_NT0003_and_the_allowed_endpoints_option()
    {
        var readme = package.ReadPackageEntry("README.md");

        Assert.Contains("NT0003", readme, StringComparison.Ordinal);
        Assert.Contains("notelemetry.allowed_endpoints", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consumer_builds_with_the_package_from_the_folder_feed()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);
        output.WriteLine(build.ToString());

        Assert.True(build.Succeeded, "The consumer's build failed." + Environment.NewLine + build);
        var installed = Path.Combine(package.InstalledPackageDirectory, "analyzers", "dotnet", "cs", "Altertech.NoTelemetry.dll");
        Assert.True(File.Exists(installed), $"The package was not installed from the folder feed: {installed} is missing." + Environment.NewLine + package.Restore);
    }

    [Fact]
    public async Task Consumer_output_has_no_analyzer_assembly()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);
        Assert.True(build.Succeeded, "The consumer's build failed." + Environment.NewLine + build);

        var binFolder = package.PathOf(Path.Combine(Scenarios.Telemetry.Folder, "bin"));
        var leaked = Directory.EnumerateFiles(binFolder, "Altertech.NoTelemetry*", SearchOption.AllDirectories).ToList();

        Assert.True(leaked.Count == 0, "Analyzer files were copied to the consumer's output: " + string.Join(", ", leaked));
    }

    [Fact]
    public async Task Consumer_build_reports_network_egress_NT0006()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);

        Assert.True(
            build.Reports("warning", "NT0006", "example.com"),
            "The consumer's build did not report NT0006 for the request to example.com." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Consumer_build_reports_Application_Insights_as_NT0001_and_NT0002()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);

        Assert.True(build.Reports("warning", "NT0001", "TrackEvent"), "The consumer's build did not report NT0001 for TrackEvent." + Environment.NewLine + build);
        Assert.True(
            build.Reports("warning", "NT0002", "Microsoft.ApplicationInsights"),
            "The consumer's build did not report NT0002 for Microsoft.ApplicationInsights." + Environment.NewLine + build);
    }

    [Fact]
    public void Package_ships_System_Text_Json_beside_the_analyzer_for_the_configuration_files()
    {
        var entries = ReadEntries();

        foreach (var assembly in new[] { "System.Text.Json.dll", "System.Text.Encodings.Web.dll", "Microsoft.Bcl.AsyncInterfaces.dll" })
        {
            Assert.Contains(AnalyzerFolder + assembly, entries);
        }
    }

    [Fact]
    public async Task Consumer_build_reports_telemetry_in_appsettings_json_nlog_config_and_the_csproj_on_their_lines()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);
        var folder = Scenarios.Telemetry.Folder;

        AssertReportedAt(build, "NT0001", Path.Combine(folder, "appsettings.json"), Scenarios.AppSettings, "\"Name\": \"Sentry\"", "\"Sentry\"", "Serilog sink 'Sentry' sends data to Sentry");
        AssertReportedAt(build, "NT0003", Path.Combine(folder, "appsettings.json"), Scenarios.AppSettings, "serverUrl", "\"https://seq.example.com\"", "passed to the Serilog sink 'Seq'");
        AssertReportedAt(build, "NT0001", Path.Combine(folder, "nlog.config"), Scenarios.NLogConfig, "xsi:type=\"Sentry\"", "\"Sentry\"", "NLog target 'Sentry' sends data to Sentry");
        AssertReportedAt(build, "NT0002", Scenarios.Telemetry.Project, Scenarios.Telemetry.Files[Scenarios.Telemetry.Project], "Microsoft.ApplicationInsights", "\"Microsoft.ApplicationInsights\"", "Microsoft.ApplicationInsights (package Microsoft.ApplicationInsights)");

        // The Using of Sentry.Serilog is not reported beside its sink, and System.Text.Json loaded in the compiler. (NT0006 on
        // the Seq sink is Info here: the consumer's .editorconfig raises it for [*.cs] only, a section no JSON file is in.)
        Assert.DoesNotContain(build.Diagnostics(), d => d.Message.Contains("Sentry.Serilog", StringComparison.Ordinal) || d.Id == "NT0900");
    }

    [Fact]
    public async Task The_package_adds_the_configuration_files_and_the_project_file_once_even_when_the_project_lists_one()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryError);

        // The project's own item is relative to its folder, the package's are full paths.
        var additional = build.CompilerSwitches("/additionalfile:").Select(f => Path.GetFullPath(f, package.PathOf(Scenarios.TelemetryError.Folder))).ToList();
        var shown = string.Join(", ", additional);
        Assert.True(additional.Count(f => f == package.PathOf(Path.Combine(Scenarios.TelemetryError.Folder, "appsettings.json"))) == 1, shown);
        Assert.True(additional.Count(f => f == package.PathOf(Scenarios.TelemetryError.Project)) == 1, shown);
        Assert.True(additional.Count(f => Path.GetFileName(f) == "project.assets.json") == 1, shown);
        Assert.True(build.Reports("error", "NT0001", "Serilog sink 'Sentry'"), "error mode does not make a configuration file's NT0001 an error." + Environment.NewLine + build);
    }

    [Fact]
    public async Task The_IDE_gets_the_configuration_files_and_the_project_file_as_additional_files()
    {
        var build = await package.BuildAsync(Scenarios.DesignTimeError);

        var additional = build.DesignTimeCompilerSwitches("/additionalfile:").Select(Path.GetFullPath).ToList();
        Assert.Contains(package.PathOf(Path.Combine(Scenarios.DesignTimeError.Folder, "nlog.config")), additional);
        Assert.Contains(package.PathOf(Scenarios.DesignTimeError.Project), additional);
    }

    /// <summary>The build printed <paramref name="id"/> at the line and column of <paramref name="token"/> on the first line of <paramref name="text"/> that contains <paramref name="lineMarker"/>.</summary>
    private void AssertReportedAt(CommandResult build, string id, string file, string text, string lineMarker, string token, string message)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(lineMarker, StringComparison.Ordinal));
        Assert.True(line >= 0, $"'{lineMarker}' is in no line of {file}.");
        var origin = $"{package.PathOf(file)}({line + 1},{lines[line].IndexOf(token, StringComparison.Ordinal) + 1})";

        Assert.True(
            build.Diagnostics().Any(d => d.Id == id && d.Severity == "warning" && d.Origin == origin && d.Message.Contains(message, StringComparison.Ordinal)),
            $"The consumer's build did not report {id} at {origin} with '{message}'." + Environment.NewLine + build);
    }

    private List<string> ReadEntries()
    {
        Assert.True(File.Exists(package.PackagePath), $"{package.PackagePath} was not produced." + Environment.NewLine + package.Pack);
        using var archive = ZipFile.OpenRead(package.PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private XElement ReadNuspecMetadata()
    {
        Assert.True(File.Exists(package.PackagePath), $"{package.PackagePath} was not produced." + Environment.NewLine + package.Pack);
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspec = Assert.Single(archive.Entries, e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
