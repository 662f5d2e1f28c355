using System.Text.Json;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>Solutions and projects beyond the samples: several projects, several frameworks, and the ones that fail.</summary>
[Collection(AuditCollection.Name)]
public sealed class SolutionAuditTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task A_solution_is_audited_project_by_project_and_a_multi_targeting_projects_finding_is_one_finding_of_both_frameworks()
    {
        var run = await workspace.RunAsync(Scenarios.Multi);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(workspace.ReadOutput("multi.json"));
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(["App", "Lib"], projects.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["net10.0", "netstandard2.0"], projects[1].GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var hardCoded = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "NT0003");
        Assert.Equal("multi/Lib/Updates.cs", hardCoded.GetProperty("path").GetString());
        Assert.Equal(["net10.0", "netstandard2.0"], hardCoded.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));
        // The app's request goes where its argument says: inventory, not a violation.
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "NT0006" && f.GetProperty("path").GetString() == "multi/App/Program.cs");
    }

    [Fact]
    public async Task Framework_and_configuration_choose_what_is_compiled()
    {
        var run = await workspace.RunAsync(Scenarios.MultiReleaseOneFramework);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(workspace.ReadOutput("multi-release.json"));
        var project = Assert.Single(json.RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal(["netstandard2.0"], project.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(["netstandard2.0"], f.GetProperty("frameworks").EnumerateArray().Select(x => x.GetString())));

        // The Release-only upload is audited in Release, and the Debug audit of the solution did not see it.
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "NT0007" && f.GetProperty("path").GetString() == "multi/Lib/ReleaseOnly.cs");
        using var debug = JsonDocument.Parse(workspace.ReadOutput("multi.json"));
        Assert.DoesNotContain(debug.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "NT0007");
    }

    [Fact]
    public async Task A_clean_project_exits_0()
    {
        var run = await workspace.RunAsync(Scenarios.Good);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No telemetry found in 1 project; no network egress.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_load_exits_2_naming_it_and_the_others_are_still_audited()
    {
        var run = await workspace.RunAsync(Scenarios.Broken);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"error: .*Broken\.csproj", run.Error);
        using var json = JsonDocument.Parse(workspace.ReadOutput("broken.json"));
        Assert.Equal(["Good"], json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.StartsWith("Audit incomplete", json.RootElement.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_compile_exits_2_with_the_compilers_message()
    {
        var run = await workspace.RunAsync(Scenarios.Typo);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"Typo\.csproj: does not compile: .*Client\.cs\(5,\d+\): error CS0103: The name 'Adress' does not exist", run.Error);
    }
}
