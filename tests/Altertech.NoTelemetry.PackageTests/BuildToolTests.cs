namespace Altertech.NoTelemetry.PackageTests;

/// <summary>
/// The other tools that build or analyse a consumer get what <c>dotnet build</c> gets: the package's analyzers, the
/// globalconfig of the project's enforcement mode and its NoTelemetry.txt. The IDE's design-time build, <c>dotnet msbuild</c>
/// and <c>dotnet format</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BuildToolTests(PackageFeed package)
{
    private static readonly string[] AnalyzerAssemblies = ["Altertech.NoTelemetry.dll", "Altertech.NoTelemetry.CodeFixes.dll"];

    [Theory]
    [InlineData("error")]
    [InlineData("strict")]
    public async Task Design_time_build_gives_the_IDE_the_packages_analyzers_and_the_globalconfig_of_the_projects_mode(string mode)
    {
        var build = await package.BuildAsync(mode == "error" ? Scenarios.DesignTimeError : Scenarios.DesignTimeStrict);

        Assert.True(build.Succeeded, "The design-time build failed." + Environment.NewLine + build);
        var analyzers = build.DesignTimeCompilerSwitches("/analyzer:").Select(Path.GetFullPath).ToList();
        foreach (var assembly in AnalyzerAssemblies)
        {
            var expected = Path.Combine(package.InstalledPackageDirectory, "analyzers", "dotnet", "cs", assembly);
            Assert.True(analyzers.Contains(expected), $"/analyzer:{expected} is not among the IDE's compiler arguments: {string.Join(", ", analyzers)}" + Environment.NewLine + build);
        }

        var configs = build.DesignTimeCompilerSwitches("/analyzerconfig:").Where(IsPackageGlobalConfig).Select(Path.GetFullPath);
        Assert.Equal([Path.Combine(package.InstalledPackageDirectory, "globalconfigs", $"NoTelemetry.{mode}.globalconfig")], configs);
    }

    [Fact]
    public async Task Design_time_build_gives_the_IDE_the_NoTelemetry_txt_of_the_projects_folder_as_an_additional_file()
    {
        var build = await package.BuildAsync(Scenarios.DesignTimeError);

        Assert.True(build.Succeeded, "The design-time build failed." + Environment.NewLine + build);
        var catalogues = build.DesignTimeCompilerSwitches("/additionalfile:").Where(IsCatalogue).Select(Path.GetFullPath);
        Assert.Equal([package.PathOf(Path.Combine(Scenarios.DesignTimeError.Folder, "NoTelemetry.txt"))], catalogues);
    }

    [Fact]
    public async Task Design_time_build_of_a_project_in_off_mode_gives_the_IDE_no_analyzer_globalconfig_or_NoTelemetry_txt_of_the_package()
    {
        var build = await package.BuildAsync(Scenarios.DesignTimeOff);

        Assert.True(build.Succeeded, "The design-time build failed." + Environment.NewLine + build);
        var analyzers = build.DesignTimeCompilerSwitches("/analyzer:");
        Assert.NotEmpty(analyzers);
        Assert.DoesNotContain(analyzers, a => Path.GetFileName(a).StartsWith("Altertech.NoTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(build.DesignTimeCompilerSwitches("/analyzerconfig:"), IsPackageGlobalConfig);
        Assert.DoesNotContain(build.DesignTimeCompilerSwitches("/additionalfile:"), IsCatalogue);
    }

    [Fact]
    public async Task Dotnet_msbuild_with_restore_fails_on_a_violation_in_error_mode()
    {
        var build = await package.BuildAsync(Scenarios.MSBuildError);

        Assert.False(build.Succeeded, "dotnet msbuild succeeded in error mode." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "NT0001 is not an error." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0003", "api.mixpanel.com"), "NT0003 is not an error." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Dotnet_format_verify_fails_on_violations_reported_with_the_projects_mode_and_changes_nothing()
    {
        var scenario = Scenarios.FormatVerifyStrict;
        var build = await package.BuildAsync(scenario);

        Assert.False(build.Succeeded, "dotnet format --verify-no-changes passed a project with violations." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "dotnet format did not report NT0001 as the error strict mode makes it." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0003", "api.mixpanel.com"), "dotnet format did not report NT0003 as the error strict mode makes it." + Environment.NewLine + build);
        Assert.Equal(scenario.Files[ProgramOf(scenario)], File.ReadAllText(package.PathOf(ProgramOf(scenario))));
    }

    /// <summary>
    /// dotnet format chooses the analyzers it runs by each rule's default severity and .editorconfig, not by global configs
    /// such as the mode's: NT0006, Info by default, stays out at its default <c>--severity warn</c>. docs/configuration.md says so.
    /// </summary>
    [Fact]
    public async Task Dotnet_format_at_its_default_severity_leaves_out_NT0006_even_in_strict_mode()
    {
        var build = await package.BuildAsync(Scenarios.FormatVerifyStrict);

        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "dotnet format did not run the analyzers." + Environment.NewLine + build);
        Assert.False(
            build.Diagnostics().Any(d => d.Id == "NT0006"),
            "dotnet format now reports NT0006 at its default severity in strict mode, which docs/configuration.md says it does not: update the docs and this test." + Environment.NewLine + build);
    }

    /// <summary>dotnet format reports the diagnostics of source files only; the build reports both (PackageEndToEndTests, ConfigFileTests).</summary>
    [Fact]
    public async Task Dotnet_format_leaves_out_NT0002_and_NT0900_which_have_no_place_in_a_source_file()
    {
        var build = await package.BuildAsync(Scenarios.FormatVerifyStrict);

        Assert.True(build.Reports("error", "NT0001", "Mixpanel"), "dotnet format did not run the analyzers." + Environment.NewLine + build);
        var outside = build.Diagnostics().Where(d => d.Id is "NT0002" or "NT0900").ToList();
        Assert.True(
            outside.Count == 0,
            $"dotnet format now reports {string.Join(", ", outside.Select(d => d.Id))}, which docs/configuration.md says it does not: update the docs and this test." + Environment.NewLine + build);
    }

    [Fact]
    public async Task Dotnet_format_applies_the_fixes_it_can_and_leaves_the_rest_without_failing()
    {
        var scenario = Scenarios.FormatFix;
        var build = await package.BuildAsync(scenario);

        Assert.True(build.Succeeded, "dotnet format failed." + Environment.NewLine + build);
        var program = File.ReadAllText(package.PathOf(ProgramOf(scenario)));
        Assert.Contains("""Trace.TraceInformation("PostAsync: {0} {1}", "https://api.mixpanel.com/track", new StringContent("{}"));""", program, StringComparison.Ordinal);

        // The first finding, whose response is used, has no fix: it stays as it was, and did not stop the one after it.
        Assert.Contains("""var response = await http.PostAsync("https://api.mixpanel.com/engage", new StringContent("{}"));""", program, StringComparison.Ordinal);
        // Top-level code has no IConfiguration in scope: NT0003 has no fix there, so that endpoint stays as it was (above).
        Assert.DoesNotContain("Code fix TelemetrySdkUsageCodeFix didn't return a Fix All action", build.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Both ways a team migrates a product in one command: the real SDKs' calls become local logging through the ILogger
    /// in scope, the initialisations go (a using's body stays), and the fixed project builds.
    /// </summary>
    [Theory]
    [InlineData(nameof(Scenarios.FormatFix))]
    [InlineData(nameof(Scenarios.FormatAnalyzersFix))]
    public async Task Dotnet_format_migrates_real_SDK_calls_to_local_logging_and_the_fixed_project_builds(string name)
    {
        var scenario = name == nameof(Scenarios.FormatFix) ? Scenarios.FormatFix : Scenarios.FormatAnalyzersFix;
        var format = await package.BuildAsync(scenario);
        Assert.True(format.Succeeded, "dotnet format failed." + Environment.NewLine + format);

        var checkout = File.ReadAllText(package.PathOf(Path.Combine(scenario.Folder, "Checkout.cs")));
        Assert.Contains("""logger.LogInformation("{EventName} {Properties}", "checkout", new Dictionary<string, string> { ["order"] = orderId });""", checkout, StringComparison.Ordinal);
        Assert.Contains("""logger.LogError(problem, "TrackException");""", checkout, StringComparison.Ordinal);
        Assert.DoesNotContain("SentrySdk.Init", checkout, StringComparison.Ordinal);
        Assert.Contains("// Crash reporting.", checkout, StringComparison.Ordinal);
        Assert.DoesNotContain("telemetry.Track", checkout, StringComparison.Ordinal);
        Assert.Contains("public sealed class Checkout(ILogger<Checkout> logger)", checkout, StringComparison.Ordinal);

        // Nothing of the SDKs is left to name: their directives went too, so the packages can go next (dotnet format's
        // workspace has no documentation file, and the compiler then reports no unnecessary using: the fix does not need it).
        Assert.DoesNotContain("using Microsoft.ApplicationInsights;", checkout, StringComparison.Ordinal);
        Assert.DoesNotContain("using Sentry;", checkout, StringComparison.Ordinal);
        Assert.Contains("private readonly ILogger<Orders> _telemetry;", checkout, StringComparison.Ordinal);
        Assert.Contains("public Orders(ILogger<Orders> telemetry)", checkout, StringComparison.Ordinal);
        Assert.Contains("""_telemetry.LogInformation("{EventName} {Properties}", "placed", new Dictionary<string, string> { ["order"] = orderId });""", checkout, StringComparison.Ordinal);

        var build = await package.BuildAfterwardsAsync(scenario);
        Assert.True(build.Succeeded, "The project dotnet format fixed does not build." + Environment.NewLine + checkout + Environment.NewLine + build);
    }

    /// <summary>Plain <c>dotnet format</c> applies the NT0003 and NT0004 fixes too, and the result builds.</summary>
    [Fact]
    public async Task Dotnet_format_moves_an_endpoint_to_configuration_and_makes_a_crash_handler_write_a_local_report()
    {
        var scenario = Scenarios.FormatFix;
        var format = await package.BuildAsync(scenario);
        Assert.True(format.Succeeded, "dotnet format failed." + Environment.NewLine + format);

        var fixedCode = File.ReadAllText(package.PathOf(Path.Combine(scenario.Folder, "Updates.cs")))
            + File.ReadAllText(package.PathOf(Path.Combine(scenario.Folder, "Crashes.cs")));
        Assert.Contains("""configuration["Endpoints:Check"] ?? throw new InvalidOperationException(""", fixedCode, StringComparison.Ordinal);
        Assert.Contains("// Kept on this machine: the user can send this crash report by hand.", fixedCode, StringComparison.Ordinal);
        Assert.Contains("Environment.SpecialFolder.LocalApplicationData), \"FormatFix\", \"crashes\")", fixedCode, StringComparison.Ordinal);
        Assert.DoesNotContain("crash.vendor.example", fixedCode, StringComparison.Ordinal);

        var build = await package.BuildAfterwardsAsync(scenario);
        Assert.True(build.Succeeded, "The project dotnet format fixed does not build." + Environment.NewLine + fixedCode + Environment.NewLine + build);
    }

    /// <summary>
    /// <c>dotnet format analyzers --diagnostics NT0003 NT0004 --severity info</c> applies those two rules' fixes and no other:
    /// the endpoint becomes a configuration read, the crash handler's send a local crash report, and the NT0001 finding that
    /// has a fix of its own (Program.cs) stays as it was. The fixed project builds, without the findings that were fixed.
    /// </summary>
    [Fact]
    public async Task Dotnet_format_analyzers_with_two_rules_applies_only_their_fixes_and_the_fixed_project_builds()
    {
        var scenario = Scenarios.FormatAnalyzersEndpointAndCrash;
        var format = await package.BuildAsync(scenario);
        Assert.True(format.Succeeded, "dotnet format analyzers failed." + Environment.NewLine + format);

        var updates = Path.Combine(scenario.Folder, "UpdateFeed.cs");
        var crashes = Path.Combine(scenario.Folder, "CrashReporting.cs");
        var expectedUpdates = scenario.Files[updates].Replace(
            """http.GetStringAsync("https://updates.vendor.example/feed.xml");""",
            """http.GetStringAsync(configuration["Endpoints:Check"] ?? throw new InvalidOperationException("Set 'Endpoints:Check' in the configuration: the endpoint is no longer built in."));""",
            StringComparison.Ordinal).Replace(
            "    public Task<string> CheckAsync()",
            "    // Endpoints:Check was \"https://updates.vendor.example/feed.xml\" in the code: set it in the configuration.\n    public Task<string> CheckAsync()",
            StringComparison.Ordinal);
        var expectedCrashes = scenario.Files[crashes].Replace(
            """Http.PostAsync("https://crash.vendor.example/v1", new StringContent(e.ExceptionObject.ToString() ?? "")).Wait();""",
            "// Kept on this machine: the user can send this crash report by hand.\n            "
            + """File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "FormatAnalyzersEndpointAndCrash", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.ExceptionObject);""",
            StringComparison.Ordinal);
        Assert.NotEqual(scenario.Files[updates], expectedUpdates);
        Assert.NotEqual(scenario.Files[crashes], expectedCrashes);
        // The fix writes System.IO's types in full; dotnet format simplifies them, as the project imports System.IO implicitly.
        Assert.Equal(expectedUpdates, ReadLines(updates));
        Assert.Equal(expectedCrashes, ReadLines(crashes));

        // NT0001's fix (Trace.TraceInformation) was not asked for: Program.cs is as it was written.
        Assert.Equal(scenario.Files[ProgramOf(scenario)], File.ReadAllText(package.PathOf(ProgramOf(scenario))));

        var build = await package.BuildAfterwardsAsync(scenario);
        Assert.True(build.Succeeded, "The project dotnet format analyzers fixed does not build." + Environment.NewLine + build);
        Assert.False(build.Diagnostics().Any(d => d.Id == "NT0004"), "The crash handler still sends." + Environment.NewLine + build);
        Assert.False(build.Reports("warning", "NT0003", "updates.vendor.example"), "The update feed is still hard-coded." + Environment.NewLine + build);
        Assert.False(build.Reports("warning", "NT0003", "crash.vendor.example"), "The crash endpoint is still there." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0001", "Mixpanel"), "The NT0001 finding left alone is not reported any more." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0003", "api.mixpanel.com"), "The NT0003 finding without a fix is not reported any more." + Environment.NewLine + build);
    }

    /// <summary>A fixed file's text with the line breaks the scenario wrote (a code fix writes the ones of the machine's format).</summary>
    private string ReadLines(string relativePath) => File.ReadAllText(package.PathOf(relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ProgramOf(ConsumerScenario scenario) => Path.Combine(scenario.Folder, "Program.cs");

    private static bool IsPackageGlobalConfig(string path) => Path.GetFileName(path).StartsWith("NoTelemetry.", StringComparison.Ordinal) && path.EndsWith(".globalconfig", StringComparison.Ordinal);

    private static bool IsCatalogue(string path) => Path.GetFileName(path) == "NoTelemetry.txt";
}
