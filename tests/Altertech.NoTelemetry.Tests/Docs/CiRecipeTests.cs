using System.Text.RegularExpressions;
using Altertech.NoTelemetry.Tests.Meta;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Altertech.NoTelemetry.Tests.Docs;

/// <summary>docs/ci.md: every YAML recipe parses, and the GitHub and GitLab ones have what makes them work.</summary>
public class CiRecipeTests
{
    private static readonly Regex s_fence = new(@"^```(?<language>\w*)\s*$", RegexOptions.Multiline);

    [Fact]
    public void Every_YAML_block_parses()
    {
        var blocks = YamlBlocks();

        Assert.True(blocks.Count >= 3, $"docs/ci.md has {blocks.Count} YAML blocks; expected the GitHub, Azure and GitLab recipes");
        foreach (var block in blocks)
        {
            Parse(block);
        }
    }

    [Fact]
    public void The_parser_rejects_a_broken_block()
    {
        var broken = new YamlBlock(1, "jobs:\n  build:\n    steps: [unclosed\n");

        Assert.ThrowsAny<Exception>(() => Parse(broken));
    }

    [Fact]
    public void GitHub_workflow_fails_on_violations_and_uploads_SARIF_even_when_the_build_fails()
    {
        var workflow = Single(root => root.Children.ContainsKey(new YamlScalarNode("jobs")));

        Assert.True(workflow.Children.ContainsKey(new YamlScalarNode("on")), "the workflow has no 'on' trigger");
        var permissions = (YamlMappingNode)workflow["permissions"];
        Assert.Equal("write", permissions["security-events"].ToString());

        var steps = ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            .ToList();
        Assert.Contains(steps, step => Value(step, "run")?.Contains("-p:NoTelemetryEnforcement=error", StringComparison.Ordinal) == true);
        var upload = Assert.Single(steps, step => Value(step, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.Contains("failure()", Value(upload, "if") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void GitLab_job_produces_a_code_quality_report_even_when_the_build_fails()
    {
        var pipeline = Single(root => root.Children.Values.OfType<YamlMappingNode>().Any(job => job.Children.ContainsKey(new YamlScalarNode("artifacts"))));
        var job = pipeline.Children.Values.OfType<YamlMappingNode>().Single();

        var artifacts = (YamlMappingNode)job["artifacts"];
        Assert.Equal("always", artifacts["when"].ToString());
        Assert.Equal("gl-code-quality-report.json", ((YamlMappingNode)artifacts["reports"])["codequality"].ToString());
        var afterScript = string.Join("\n", ((YamlSequenceNode)job["after_script"]).Children.Select(c => c.ToString()));
        Assert.Contains("gl-code-quality-report.json", afterScript, StringComparison.Ordinal);
        Assert.Contains("NoTelemetryEnforcement=error", string.Join("\n", ((YamlSequenceNode)job["script"]).Children.Select(c => c.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_pipeline_publishes_the_logs_where_the_SARIF_tab_finds_them()
    {
        var pipeline = Single(root => root.Children.ContainsKey(new YamlScalarNode("steps")));
        var publish = ((YamlSequenceNode)pipeline["steps"]).Children.Cast<YamlMappingNode>()
            .Single(step => Value(step, "task")?.StartsWith("PublishBuildArtifacts", StringComparison.Ordinal) == true);

        Assert.Equal("CodeAnalysisLogs", ((YamlMappingNode)publish["inputs"])["ArtifactName"].ToString());
        Assert.Equal("succeededOrFailed()", Value(publish, "condition"));
    }

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

    private static YamlMappingNode Single(Func<YamlMappingNode, bool> predicate)
    {
        var matches = YamlBlocks().Select(Parse).Where(predicate).ToList();
        return Assert.Single(matches);
    }

    private static YamlMappingNode Parse(YamlBlock block)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(block.Text));
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"docs/ci.md line {block.Line + e.Start.Line - 1}: the YAML block does not parse: {e.Message}", e);
        }

        Assert.True(stream.Documents.Count == 1, $"docs/ci.md line {block.Line}: expected one YAML document");
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    /// <summary>The ```yaml and ```yml blocks of docs/ci.md, with the line their text starts on.</summary>
    private static List<YamlBlock> YamlBlocks()
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf("docs", "ci.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = new List<YamlBlock>();
        var fences = s_fence.Matches(text);
        for (var i = 0; i + 1 < fences.Count; i += 2)
        {
            var open = fences[i];
            var language = open.Groups["language"].Value;
            if (language is "yaml" or "yml")
            {
                var start = open.Index + open.Length + 1;
                var line = text.AsSpan(0, start).Count('\n') + 1;
                blocks.Add(new YamlBlock(line, text.Substring(start, fences[i + 1].Index - start)));
            }
        }

        return blocks;
    }

    private sealed record YamlBlock(int Line, string Text);
}
