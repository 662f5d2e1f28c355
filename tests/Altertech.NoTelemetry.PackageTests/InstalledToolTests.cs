using System.Text.Json;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The notelemetry tool as a user installs it, auditing a consumer that references the package.</summary>
[Collection(PackageCollection.Name)]
public sealed class InstalledToolTests(PackageFeed package)
{
    [Fact]
    public async Task The_installed_tool_reports_what_the_build_reports_once_each_for_a_project_with_the_package()
    {
        var build = await package.BuildAsync(Scenarios.Telemetry);
        var install = await package.InstallToolAsync();
        Assert.True(install.Succeeded, install.ToString());
        Assert.True(File.Exists(Path.Combine(package.ToolDirectory, OperatingSystem.IsWindows() ? "notelemetry.exe" : "notelemetry")), install.ToString());
        var report = package.PathOf("telemetry-audit.json");

        var version = await package.RunToolAsync(["--version"]);
        var audit = await package.RunToolAsync(["audit", Scenarios.Telemetry.Project, "--no-restore", "--format", "json", "--output", report]);

        Assert.True(version.Succeeded && version.Output.StartsWith(package.Version, StringComparison.Ordinal), version.ToString());
        Assert.True(audit.ExitCode == 1, audit.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        // The build prints warnings and errors; an Info finding (a configuration file's network sink in the inventory) is
        // the tool's to list, not the build output's.
        var audited = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() is "warning" or "error")
            .Select(f => f.GetProperty("rule").GetString()!).Order().ToList();
        var built = build.Diagnostics().Where(d => d.Id.StartsWith("NT", StringComparison.Ordinal)).Select(d => d.Id).Order().ToList();
        Assert.NotEmpty(built);
        Assert.Equal(built, audited);
    }
}
