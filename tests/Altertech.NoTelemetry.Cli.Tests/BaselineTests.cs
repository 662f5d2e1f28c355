using System.Text.Json;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>
/// --write-baseline, then an edit that moves the known finding down, reformats it and changes code around it, and adds
/// one new finding: --baseline reports the new one only.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class BaselineTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task The_baseline_records_the_findings_with_their_fingerprints()
    {
        var run = await workspace.RunAsync(Scenarios.BaselineWritten);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var baseline = JsonDocument.Parse(workspace.ReadOutput("baseline.json"));
        Assert.Equal(1, baseline.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["NT0003", "NT0006"], baseline.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order());
    }

    [Fact]
    public async Task After_lines_move_and_code_around_changes_only_the_new_finding_is_reported()
    {
        var run = await workspace.RunAsync(Scenarios.BaselineApplied);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(workspace.ReadOutput("evolving-after.json"));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var active = findings.Where(f => !f.GetProperty("inBaseline").GetBoolean()).ToList();
        Assert.Equal(["NT0003", "NT0006"], active.Select(f => f.GetProperty("rule").GetString()).Order());
        Assert.All(active, f => Assert.Equal(15, f.GetProperty("line").GetInt32()));
        Assert.Equal(2, findings.Count(f => f.GetProperty("inBaseline").GetBoolean()));
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("baselineFixed").GetInt32());
    }

    [Fact]
    public async Task A_moved_finding_keeps_its_fingerprint_and_sarif_says_new_or_unchanged()
    {
        await workspace.RunAsync(Scenarios.BaselineApplied);
        using var before = JsonDocument.Parse(workspace.ReadOutput("evolving-before.json"));
        using var sarif = JsonDocument.Parse(workspace.ReadOutput("evolving-after.sarif"));

        var known = before.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "NT0003");
        var moved = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("partialFingerprints").GetProperty("notelemetryFingerprint/v1").GetString() == known.GetProperty("fingerprint").GetString());
        Assert.Equal(5, known.GetProperty("line").GetInt32());
        Assert.Equal(11, moved.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("unchanged", moved.GetProperty("baselineState").GetString());
        Assert.Equal(2, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Count(r => r.GetProperty("baselineState").GetString() == "new"));
    }
}
