using System.Text.Json;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>The samples audited as a user would: the same findings as <c>dotnet build</c>, and the exit codes.</summary>
[Collection(AuditCollection.Name)]
public sealed class SampleAuditTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task PhoneHome_reports_the_24_warnings_of_its_build_once_each_and_exits_1()
    {
        var run = await workspace.RunAsync(Scenarios.PhoneHome);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(workspace.ReadOutput("phonehome.json"));
        var byRule = json.RootElement.GetProperty("findings").EnumerateArray()
            .GroupBy(f => f.GetProperty("rule").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
        // The sample's README: NT0001 twelve times, NT0002 twice, NT0003, NT0005 and NT0006 three times each, NT0004 once.
        // The sample names the analyzer assembly itself, as a package reference would: nothing is reported twice.
        Assert.Equal(new Dictionary<string, int> { ["NT0001"] = 13, ["NT0002"] = 2, ["NT0003"] = 4, ["NT0004"] = 1, ["NT0005"] = 3, ["NT0006"] = 4, ["NT0007"] = 1 }, byRule);
    }

    [Fact]
    public async Task Progress_goes_to_stderr_and_the_report_to_stdout()
    {
        var run = await workspace.RunAsync(Scenarios.PhoneHome);

        Assert.Contains("[1/1] PhoneHome: 28 finding(s)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/1]", run.Output, StringComparison.Ordinal);
        Assert.Contains("NT0001 Telemetry service used (13 findings)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_projects_own_enforcement_mode_applies_and_rules_filter_the_findings()
    {
        var run = await workspace.RunAsync(Scenarios.PhoneHomeSdksAsErrors);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("NT0002", "error"), (f.GetProperty("rule").GetString(), f.GetProperty("severity").GetString())));
        Assert.Equal("error", json.RootElement.GetProperty("projects")[0].GetProperty("enforcement").GetString());
    }

    [Fact]
    public async Task Clean_passes_at_fail_on_error_with_a_verdict_of_no_telemetry_and_two_egress_points()
    {
        var run = await workspace.RunAsync(Scenarios.Clean);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("**No telemetry found in 1 project; 2 network egress points, all to endpoints that are not compiled in", run.Output, StringComparison.Ordinal);
        Assert.Contains("| samples/Clean/SyncClient.cs(20,34) | Network egress: HttpClientJsonExtensions.GetFromJsonAsync sends to 'api/notes' on its client's base address | a path on its client's base address |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_in_strict_enforcement_fails_with_its_two_egress_points_as_errors()
    {
        var run = await workspace.RunAsync(Scenarios.CleanStrict);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("NT0006", "error"), (f.GetProperty("rule").GetString(), f.GetProperty("severity").GetString())));
    }
}
