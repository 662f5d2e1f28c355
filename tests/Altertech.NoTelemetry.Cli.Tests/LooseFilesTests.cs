using System.Text.Json;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>A folder of .cs files without a project: one approximate compilation, said so.</summary>
[Collection(AuditCollection.Name)]
public sealed class LooseFilesTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task Loose_files_compile_with_the_implicit_usings_and_are_reported_as_approximate()
    {
        var run = await workspace.RunAsync(Scenarios.Loose);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Results are approximate", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("input").GetProperty("approximate").GetBoolean());
        Assert.Equal("looseFiles", json.RootElement.GetProperty("input").GetProperty("kind").GetString());
        // HttpClient binds only through the implicit global using of System.Net.Http.
        var hardCoded = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "NT0003");
        Assert.Equal("loose/Stats.cs", hardCoded.GetProperty("path").GetString());
        Assert.Equal("stats.loose.example", hardCoded.GetProperty("properties").GetProperty("host").GetString());
    }
}
