namespace Altertech.NoTelemetry.PackageTests;

/// <summary>NoTelemetry.txt found in the project's folder or above it, and NoTelemetryConfigFile.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConfigFileTests(PackageFeed package)
{
    [Fact]
    public async Task NoTelemetry_txt_in_a_parent_folder_is_read_without_an_AdditionalFiles_item()
    {
        var build = await package.BuildAsync(Scenarios.CatalogueAbove);

        Assert.True(build.Succeeded, "The build failed." + Environment.NewLine + build);
        Assert.True(
            build.Reports("warning", "NT0001", "Contoso usage metrics"),
            "The host catalogued in ../NoTelemetry.txt is not reported as NT0001." + Environment.NewLine + build);
    }

    [Fact]
    public async Task The_NoTelemetryConfiguration_metadata_reads_a_file_of_another_name_and_leaves_one_unread()
    {
        var build = await package.BuildAsync(Scenarios.CatalogueAbove);

        Assert.True(
            build.Diagnostics().Any(d => d.Id == "NT0001" && d.Origin.Contains(Path.Combine("config", "logging.json") + "(1,", StringComparison.Ordinal)),
            "config/logging.json, marked NoTelemetryConfiguration=\"true\", was not read." + Environment.NewLine + build);
        Assert.DoesNotContain(build.Diagnostics(), d => d.Origin.Contains("appsettings.Development.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoTelemetry_txt_the_project_lists_in_AdditionalFiles_itself_is_passed_once_and_read_once()
    {
        var scenario = Scenarios.CatalogueListedByProject;
        var build = await package.BuildAsync(scenario);

        Assert.True(build.Succeeded, "The build failed." + Environment.NewLine + build);
        var catalogue = package.PathOf(Path.Combine(scenario.Folder, "NoTelemetry.txt"));
        var passed = build.CompilerSwitches("/additionalfile:").Count(file => Path.GetFullPath(file, package.PathOf(scenario.Folder)) == catalogue);
        Assert.True(passed == 1, $"{catalogue} is on the compiler's command line {passed} times." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0001", "Contoso usage metrics"), "The project's NoTelemetry.txt was not read." + Environment.NewLine + build);
        Assert.Single(build.Diagnostics(), d => d.Id == "NT0900" && d.Message.Contains(Scenarios.UnknownPrefixLine, StringComparison.Ordinal));
        // The build's own count: every warning is one of ours (no duplicate-item warning), each printed once.
        Assert.Equal(build.Diagnostics().Count, build.WarningCount());
    }

    [Fact]
    public async Task NoTelemetryConfigFile_set_empty_reads_no_NoTelemetry_txt_and_NoTelemetryConfigurationFiles_false_no_appsettings_json()
    {
        var build = await package.BuildAsync(Scenarios.CatalogueOptOut);

        Assert.True(build.Succeeded, "The build failed." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0003", "metrics.contoso.example"), "The analyzers did not run." + Environment.NewLine + build);
        Assert.False(build.Reports("warning", "NT0001"), "../NoTelemetry.txt was read although NoTelemetryConfigFile is empty." + Environment.NewLine + build);
        Assert.DoesNotContain(build.Diagnostics(), d => d.Origin.Contains("appsettings.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Properties_set_in_Directory_Build_targets_after_the_packages_targets_apply()
    {
        var build = await package.BuildAsync(Scenarios.PropertiesInDirectoryBuildTargets);

        Assert.True(build.Reports("error", "NT0003", "metrics.contoso.example"), "NoTelemetryEnforcement=error from Directory.Build.targets did not apply." + Environment.NewLine + build);
        Assert.False(build.Reports("error", "NT0001"), "../NoTelemetry.txt was read although Directory.Build.targets sets NoTelemetryConfigFile empty." + Environment.NewLine + build);
    }

    [Fact]
    public async Task NoTelemetry_txt_above_the_repository_root_is_not_read()
    {
        var build = await package.BuildAsync(Scenarios.CatalogueOutsideRepository);

        Assert.True(build.Succeeded, "The build failed." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0003", "metrics.contoso.example"), "The analyzers did not run." + Environment.NewLine + build);
        Assert.False(build.Reports("warning", "NT0001"), "A NoTelemetry.txt above the repository's .git was read." + Environment.NewLine + build);
    }

    [Fact]
    public async Task NoTelemetryConfigFile_that_does_not_exist_is_a_build_error()
    {
        var build = await package.BuildAsync(Scenarios.CatalogueMissing);

        Assert.False(build.Succeeded, "The build succeeded with a missing NoTelemetryConfigFile." + Environment.NewLine + build);
        var error = Assert.Single(build.Diagnostics(), d => d.Id == "NTB002");
        Assert.Equal("error", error.Severity);
        Assert.Contains("NoTelemetryConfigFile", error.Message, StringComparison.Ordinal);
        Assert.Contains(package.PathOf(Path.Combine(Scenarios.CatalogueMissing.Folder, "config", "NoTelemetry.txt")), error.Message, StringComparison.Ordinal);
    }
}
