using System.Globalization;
using System.Text.RegularExpressions;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>NoTelemetryEnforcement: the globalconfig of each mode, and what a consumer's build does in it.</summary>
[Collection(PackageCollection.Name)]
public sealed class EnforcementTests(PackageFeed package)
{
    /// <summary>The rules of the public contract, shipped or not yet: a mode covers a rule before it ships.</summary>
    private static readonly string[] Rules = ["NT0001", "NT0002", "NT0003", "NT0004", "NT0005", "NT0006", "NT0007", "NT0900"];

    [Theory]
    [InlineData("warning")]
    [InlineData("error")]
    [InlineData("strict")]
    public void Globalconfig_of_each_mode_is_global_and_ranks_below_the_users_own(string mode)
    {
        var config = package.ReadPackageEntry($"globalconfigs/NoTelemetry.{mode}.globalconfig");

        Assert.Contains("is_global = true", config.Split('\n').Select(l => l.Trim()));
        var level = Regex.Match(config, @"^global_level\s*=\s*(-?\d+)\s*$", RegexOptions.Multiline);
        Assert.True(level.Success, "The globalconfig sets no global_level:" + Environment.NewLine + config);
        // A user's globalconfig is at 0, or at 100 when the file is named .globalconfig.
        Assert.True(int.Parse(level.Groups[1].Value, CultureInfo.InvariantCulture) < 0, "The globalconfig does not rank below the user's own:" + Environment.NewLine + config);
    }

    [Theory]
    [InlineData("warning", "")]
    [InlineData("error", "NT0001 NT0002 NT0003 NT0004 NT0005 NT0007 NT0900")]
    [InlineData("strict", "NT0001 NT0002 NT0003 NT0004 NT0005 NT0006 NT0007 NT0900")]
    public void Globalconfig_of_each_mode_makes_its_rules_errors_and_sets_nothing_else(string mode, string errors)
    {
        var config = package.ReadPackageEntry($"globalconfigs/NoTelemetry.{mode}.globalconfig");

        var severities = Regex.Matches(config, @"^dotnet_diagnostic\.(\w+)\.severity\s*=\s*(\w+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        var expected = errors.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(id => id, _ => "error");
        Assert.Equal(expected.OrderBy(p => p.Key), severities.OrderBy(p => p.Key));
        Assert.All(severities.Keys, id => Assert.Contains(id, Rules));
    }

    [Fact]
    public async Task Error_mode_fails_the_build_with_NT0001_NT0002_and_NT0003_as_errors()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryError);

        Assert.False(build.Succeeded, "The build succeeded in error mode." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "TrackEvent"), "NT0001 is not an error." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0002", "Microsoft.ApplicationInsights"), "NT0002 is not an error." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0003", "example.com"), "NT0003 is not an error." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Error_mode_leaves_NT0006_at_the_users_severity()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryError);

        Assert.True(build.Reports("warning", "NT0006", "example.com"), "NT0006, raised to a warning by the consumer, is not a warning." + Environment.NewLine + build);
        Assert.False(build.Reports("error", "NT0006"), "NT0006 is an error in error mode." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Error_mode_gives_the_compiler_the_packages_error_globalconfig()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryError);

        var expected = Path.Combine(package.InstalledPackageDirectory, "globalconfigs", "NoTelemetry.error.globalconfig");
        var configs = build.CompilerSwitches("/analyzerconfig:");
        Assert.True(configs.Contains(expected), $"/analyzerconfig:{expected} is not on the compiler's command line: {string.Join(", ", configs)}" + Environment.NewLine + build);
    }

    [Fact]
    public async Task Switching_an_up_to_date_build_to_error_mode_compiles_again_and_fails()
    {
        var build = await package.BuildAsync(Scenarios.NetworkModeSwitch);

        Assert.False(build.Succeeded, "The build switched to error mode stayed up to date and passed unchecked." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "NT0001 is not an error after the switch." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Strict_mode_makes_network_egress_NT0006_an_error()
    {
        var build = await package.BuildAsync(Scenarios.NetworkStrict);

        Assert.False(build.Succeeded, "The build succeeded in strict mode." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0006", "api.mixpanel.com"), "NT0006 is not an error in strict mode." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "NT0001 is not an error in strict mode." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Off_mode_runs_no_analyzer_of_the_package_and_the_build_succeeds()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryOff);

        Assert.True(build.Succeeded, "The build failed with the analyzers off." + Environment.NewLine + build);
        Assert.Empty(build.Diagnostics());
        var analyzers = build.CompilerSwitches("/analyzer:");
        Assert.NotEmpty(analyzers);
        Assert.DoesNotContain(analyzers, a => Path.GetFileName(a).StartsWith("Altertech.NoTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(analyzers, a => a.Contains(PackageFeed.PackageId.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.DoesNotContain(build.CompilerSwitches("/analyzerconfig:"), c => c.Contains("NoTelemetry.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_mode_is_a_build_error_that_names_the_property_the_value_and_the_allowed_values()
    {
        var build = await package.BuildAsync(Scenarios.TelemetryInvalid);

        Assert.False(build.Succeeded, "The build succeeded with NoTelemetryEnforcement=Fatal." + Environment.NewLine + build);
        var error = Assert.Single(build.Diagnostics(), d => d.Id == "NTB001");
        Assert.Equal("error", error.Severity);
        foreach (var text in new[] { "NoTelemetryEnforcement", "'Fatal'", "warning", "error", "strict", "off" })
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(build.Diagnostics(), d => d.Id.StartsWith("NT0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TreatWarningsAsErrors_fails_the_build_in_warning_mode()
    {
        var build = await package.BuildAsync(Scenarios.NetworkWarningsAsErrors);

        Assert.False(build.Succeeded, "The build succeeded with TreatWarningsAsErrors." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "NT0001 is not an error with TreatWarningsAsErrors." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0003", "api.mixpanel.com"), "NT0003 is not an error with TreatWarningsAsErrors." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Every_target_framework_of_a_multi_targeting_project_is_analysed()
    {
        var build = await package.BuildAsync(Scenarios.NetworkMultiTargeting);

        Assert.True(build.Succeeded, "The multi-targeting build failed." + Environment.NewLine + build);
        foreach (var framework in Scenarios.MultiTargetFrameworks.Split(';'))
        {
            Assert.True(
                build.Diagnostics().Any(d => d is { Severity: "warning", Id: "NT0001" } && d.Project.EndsWith("TargetFramework=" + framework, StringComparison.Ordinal)),
                $"No NT0001 for {framework}." + Environment.NewLine + build);
        }
    }

    [Fact]
    public async Task GlobalPackageReference_brings_the_analyzers_and_the_enforcement_transitively()
    {
        var build = await package.BuildAsync(Scenarios.GlobalPackageReference);

        Assert.False(build.Succeeded, "The build succeeded in error mode." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "NT0001 is not an error with the package as a GlobalPackageReference." + Environment.NewLine + build);
    }
}
