using System.Text.Json;
using NJsonSchema;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>The four formats of one audit of PhoneHome, written in one run.</summary>
[Collection(AuditCollection.Name)]
public sealed class ReportFormatTests(AuditWorkspace workspace)
{
    /// <summary>PhoneHome's log has every kind of result; the baseline's has baseline states.</summary>
    [Theory]
    [InlineData("PhoneHome", "phonehome.sarif")]
    [InlineData("BaselineApplied", "evolving-after.sarif")]
    public async Task Sarif_is_valid_against_the_SARIF_2_1_0_schema(string scenario, string file)
    {
        await workspace.RunAsync(scenario == "PhoneHome" ? Scenarios.PhoneHome : Scenarios.BaselineApplied);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));

        var errors = schema.Validate(workspace.ReadOutput(file));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_schema_check_rejects_a_log_that_breaks_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));

        Assert.NotEmpty(schema.Validate("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }"""));
    }

    [Fact]
    public async Task Sarif_has_what_code_scanning_needs_rules_with_help_levels_relative_locations_and_content_fingerprints()
    {
        await workspace.RunAsync(Scenarios.PhoneHome);
        using var sarif = JsonDocument.Parse(workspace.ReadOutput("phonehome.sarif"));
        var run = sarif.RootElement.GetProperty("runs")[0];

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "NT0001" && r.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/NT0001.md", StringComparison.Ordinal));
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "NT0006").GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.StartsWith("file://", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(28, results.Count);
        var update = results.Single(r => r.GetProperty("ruleId").GetString() == "NT0003" && Uri(r) == "samples/PhoneHome/UpdateChecker.cs");
        Assert.Equal("%SRCROOT%", update.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(14, update.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(32, update.GetProperty("partialFingerprints").GetProperty("notelemetryFingerprint/v1").GetString()!.Length);
        Assert.Equal(results.Count, results.Select(r => r.GetProperty("partialFingerprints").GetProperty("notelemetryFingerprint/v1").GetString()).Distinct().Count());
        Assert.Equal("samples/PhoneHome/PhoneHome.csproj", Uri(results.First(r => r.GetProperty("ruleId").GetString() == "NT0002")));
    }

    /// <summary>The documented schema, docs/cli/notelemetry-report-v1.schema.json, holds for every kind of report.</summary>
    [Theory]
    [InlineData("PhoneHome", "phonehome.json")]
    [InlineData("Configured", "configured.json")]
    [InlineData("BaselineApplied", "evolving-after.json")]
    [InlineData("Broken", "broken.json")]
    public async Task Json_is_valid_against_its_documented_schema(string scenario, string file)
    {
        await workspace.RunAsync(scenario switch
        {
            "PhoneHome" => Scenarios.PhoneHome,
            "Configured" => Scenarios.Configured,
            "BaselineApplied" => Scenarios.BaselineApplied,
            _ => Scenarios.Broken,
        });
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Tool.RepoRoot, "docs", "cli", "notelemetry-report-v1.schema.json"));

        var errors = schema.Validate(workspace.ReadOutput(file));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_json_schema_rejects_an_unknown_field_and_a_missing_one()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Tool.RepoRoot, "docs", "cli", "notelemetry-report-v1.schema.json"));

        var errors = schema.Validate("""{ "schemaVersion": 1, "surprise": true }""");

        Assert.Contains(errors, e => e.Property == "surprise");
        Assert.Contains(errors, e => e.Property == "findings");
    }

    [Fact]
    public async Task Json_has_a_schema_version_the_verdict_and_each_findings_facts()
    {
        await workspace.RunAsync(Scenarios.PhoneHome);
        using var json = JsonDocument.Parse(workspace.ReadOutput("phonehome.json"));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("Telemetry or phoning home found in 1 of 1 project: 24 findings", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        var mixpanel = root.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("rule").GetString() == "NT0001" && f.GetProperty("properties").TryGetProperty("host", out var host) && host.GetString() == "api.mixpanel.com");
        Assert.Equal("samples/PhoneHome/UsageAnalytics.cs", mixpanel.GetProperty("path").GetString());
        Assert.Equal("Mixpanel", mixpanel.GetProperty("properties").GetProperty("service").GetString());
        Assert.Equal(28, root.GetProperty("summary").GetProperty("active").GetInt32());
    }

    [Fact]
    public async Task Markdown_is_the_evidence_verdict_sdks_egress_inventory_and_violations_with_their_path()
    {
        await workspace.RunAsync(Scenarios.PhoneHome);
        var markdown = workspace.ReadOutput("phonehome.md");

        Assert.Contains("**Telemetry or phoning home found in 1 of 1 project: 24 findings (NT0001 ×13, NT0002 ×2, NT0003 ×4, NT0004 ×1, NT0005 ×3, NT0007 ×1); 4 network egress points", markdown, StringComparison.Ordinal);
        Assert.Contains("| Sentry | Sentry | Sentry | Sentry | reported |", markdown, StringComparison.Ordinal);
        Assert.Contains("| samples/PhoneHome/UpdateChecker.cs(14,35) | Network egress: HttpClient.GetStringAsync sends to 'updates.phonehome.example' | compiled in: updates.phonehome.example |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| NT0004 \| warning \| samples/PhoneHome/CrashReporter\.cs\(25,27\) \| .*\(path: ", markdown);
    }

    [Fact]
    public async Task Text_groups_by_rule_then_file_and_ends_with_a_summary_table()
    {
        var run = await workspace.RunAsync(Scenarios.PhoneHome);

        Assert.Contains("NT0003 Hard-coded remote endpoint (4 findings)\n  samples/PhoneHome/UpdateChecker.cs\n    samples/PhoneHome/UpdateChecker.cs(14,35): NT0003 Hard-coded endpoint", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^NT0001  Telemetry service used\s+warning\s+13\s+0\s+0$", run.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"(?m)^Total\s+28\s+0\s+0$", run.Output.ReplaceLineEndings("\n"));
    }

    private static string? Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
}
