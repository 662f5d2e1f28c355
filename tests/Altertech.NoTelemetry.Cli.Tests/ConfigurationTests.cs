using System.Text.Json;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>
/// A project without the package gets what the package would give its build: the nearest NoTelemetry.txt up to the
/// repository root, its .editorconfig; paths are relative to that repository; and the reports show its suppressions with their justifications.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class ConfigurationTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task The_nearest_NoTelemetry_txt_is_read_its_hosts_apply_and_its_bad_line_is_NT0900_on_that_line()
    {
        await workspace.RunAsync(Scenarios.Configured);
        var findings = Findings();

        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "NT0001" && f.GetProperty("properties").GetProperty("service").GetString() == "Contoso statistics");
        var invalid = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "NT0900");
        Assert.Equal("NoTelemetry.txt", invalid.GetProperty("path").GetString());
        Assert.Equal(2, invalid.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task The_projects_editorconfig_sets_the_severity()
    {
        var run = await workspace.RunAsync(Scenarios.Configured);

        Assert.True(run.ExitCode == 0, "--fail-on none: " + run);
        var hardCoded = Assert.Single(Findings(), f => f.GetProperty("rule").GetString() == "NT0003" && f.GetProperty("suppression").ValueKind == JsonValueKind.Null);
        Assert.Equal("error", hardCoded.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Suppressions_are_reported_with_their_justification_from_the_attribute_or_the_pragmas_comment()
    {
        await workspace.RunAsync(Scenarios.Configured);
        var suppressed = Findings().Where(f => f.GetProperty("suppression").ValueKind != JsonValueKind.Null).ToList();

        Assert.Equal(2, suppressed.Count);
        Assert.Contains(suppressed, f => f.GetProperty("rule").GetString() == "NT0003"
            && f.GetProperty("suppression").GetProperty("kind").GetString() == "attribute"
            && f.GetProperty("suppression").GetProperty("justification").GetString() == "The customer's licence server, named in the contract");
        Assert.Contains(suppressed, f => f.GetProperty("rule").GetString() == "NT0006"
            && f.GetProperty("suppression").GetProperty("kind").GetString() == "pragma"
            && f.GetProperty("suppression").GetProperty("justification").GetString() == "the user's own sync server, from settings.json");
        Assert.Contains("| NT0003 | src/Configured/Sync.cs(", Markdown(), StringComparison.Ordinal);
        Assert.Contains("The customer's licence server, named in the contract |", Markdown(), StringComparison.Ordinal);
    }

    private List<JsonElement> Findings()
    {
        using var json = JsonDocument.Parse(workspace.ReadOutput("configured.json"));
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    private string Markdown() => workspace.ReadOutput("configured.md");
}
