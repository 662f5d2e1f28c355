using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Altertech.NoTelemetry.Tests.Meta;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Altertech.NoTelemetry.Tests.Docs;

/// <summary>
/// The recipes of docs/ci.md are copied into users' pipelines: every YAML and XML block must parse, and each CI
/// system's recipe must keep what makes it work there.
/// </summary>
public class CiRecipeTests
{
    private static readonly string s_page = RepositoryFiles.PathOf("docs", "ci.md");

    private static readonly IReadOnlyList<FencedBlock> s_yaml = FencedBlock.Read(s_page, "yaml", "yml");

    [Fact]
    public void Every_yaml_block_parses()
    {
        Assert.True(s_yaml.Count >= 3, $"docs/ci.md has {s_yaml.Count} yaml blocks; expected the GitHub, Azure and GitLab recipes.");
        var errors = s_yaml.Select(block => block.YamlError()).OfType<string>().ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Every_xml_block_is_well_formed()
    {
        var blocks = FencedBlock.Read(s_page, "xml");
        Assert.NotEmpty(blocks);
        var errors = blocks.Select(block => block.XmlError()).OfType<string>().ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void GitHub_workflow_uploads_its_report_to_code_scanning_also_after_a_failed_build()
    {
        var (block, workflow) = Single("the GitHub Actions workflow", root => root.Has("on") && root.Has("jobs"));
        var job = ((YamlMappingNode)workflow["jobs"]).Children.Values.OfType<YamlMappingNode>().Single();
        var steps = job.Sequence("steps");

        var upload = steps.FindIndex(step => step.Text("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.True(upload >= 0, $"{block}: no step uses github/codeql-action/upload-sarif");
        Assert.True(
            workflow.Path("permissions", "security-events") == "write" || job.Path("permissions", "security-events") == "write",
            $"{block}: uploading to code scanning needs permissions: security-events: write");

        var build = steps.FindIndex(step => step.Text("run")?.Contains("-p:NoTelemetryEnforcement=error", StringComparison.Ordinal) == true);
        Assert.True(build >= 0 && build < upload, $"{block}: no build with -p:NoTelemetryEnforcement=error before the upload");

        var report = steps[upload].Path("with", "sarif_file");
        Assert.False(string.IsNullOrEmpty(report), $"{block}: the upload step names no sarif_file");
        var writer = steps.FindIndex(step => step.Text("run")?.Contains(report!, StringComparison.Ordinal) == true);
        Assert.True(build < writer && writer < upload, $"{block}: no step between the build and the upload writes {report}");

        foreach (var step in new[] { steps[writer], steps[upload] })
        {
            Assert.True(RunsAfterFailure(step.Text("if")), $"{block}: a step after the build has if: '{step.Text("if")}'; it must also run when the build fails");
        }
    }

    [Fact]
    public void Azure_pipeline_publishes_the_logs_as_CodeAnalysisLogs_also_after_a_failed_build()
    {
        var (block, pipeline) = Single("the Azure Pipelines pipeline", root => root.Has("steps") && root.Has("pool"));
        var steps = pipeline.Sequence("steps");

        var build = steps.FindIndex(step => step.Text("script")?.Contains("-p:NoTelemetryEnforcement=error", StringComparison.Ordinal) == true);
        var publish = steps.FindIndex(step => step.Text("task")?.StartsWith("PublishBuildArtifacts@", StringComparison.Ordinal) == true);
        Assert.True(build >= 0, $"{block}: no build with -p:NoTelemetryEnforcement=error");
        Assert.True(publish > build, $"{block}: no PublishBuildArtifacts step after the build");
        Assert.Equal("CodeAnalysisLogs", steps[publish].Path("inputs", "ArtifactName"));
        Assert.Equal("artifacts/sarif", steps[publish].Path("inputs", "PathtoPublish"));
        Assert.Contains("succeededOrFailed()", steps[publish].Text("condition") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void GitLab_job_reports_code_quality_also_after_a_failed_build()
    {
        var (block, pipeline) = Single("the GitLab CI job", root => root.Children.Values.OfType<YamlMappingNode>().Any(job => job.Path("artifacts", "reports", "codequality") is not null));
        var job = pipeline.Children.Values.OfType<YamlMappingNode>().Single(job => job.Path("artifacts", "reports", "codequality") is not null);
        var report = job.Path("artifacts", "reports", "codequality")!;
        var script = ((YamlSequenceNode)job["script"]).Children.Select(line => ((YamlScalarNode)line).Value ?? "").ToList();

        var build = script.FindIndex(line => line.Contains("-p:NoTelemetryEnforcement=error", StringComparison.Ordinal));
        var writer = script.FindIndex(line => line.Contains(report, StringComparison.Ordinal));
        Assert.True(build >= 0, $"{block}: no build with -p:NoTelemetryEnforcement=error");
        Assert.True(writer > build, $"{block}: no script line after the build writes {report}");
        Assert.Contains("||", script[build], StringComparison.Ordinal);
        Assert.Equal("always", job.Path("artifacts", "when"));
    }

    /// <summary>
    /// A plain <c>dotnet run file.cs</c> runs the project of the folder instead, when there is one: every command of the
    /// page that runs the converter (with its arguments after <c>--</c>) says <c>--file</c>, and names the one place the
    /// page tells users to copy it to.
    /// </summary>
    [Fact]
    public void Every_command_that_runs_the_converter_uses_file_and_the_same_path()
    {
        var runs = File.ReadAllLines(s_page)
            .Select((text, index) => (Text: text, Line: index + 1))
            .SelectMany(line => Regex.Matches(line.Text, @"dotnet run (?<options>(?:-\S+ )*)(?<script>\S*notelemetry-report\.cs) -- ")
                .Select(match => (line.Line, Options: match.Groups["options"].Value.Trim(), Script: match.Groups["script"].Value)))
            .ToList();

        Assert.True(runs.Count >= 6, $"docs/ci.md runs the converter {runs.Count} times; expected the converter section, GitHub, GitLab and the baseline.");
        Assert.All(runs, run => Assert.True(run.Options == "--file", $"docs/ci.md:{run.Line}: 'dotnet run {run.Options} {run.Script}' must be 'dotnet run --file {run.Script}'"));
        Assert.Single(runs.Select(run => run.Script).Distinct());
    }

    private static bool RunsAfterFailure(string? condition) =>
        condition is not null && (condition.Contains("always()", StringComparison.Ordinal) || condition.Contains("failure()", StringComparison.Ordinal));

    private static (FencedBlock Block, YamlMappingNode Root) Single(string what, Func<YamlMappingNode, bool> matches)
    {
        var found = s_yaml.Select(block => (Block: block, Root: block.YamlRoot()))
            .Where(b => b.Root is not null && matches(b.Root))
            .ToList();
        Assert.True(found.Count == 1, $"docs/ci.md: expected one yaml block with {what}, found {found.Count}");
        return (found[0].Block, found[0].Root!);
    }
}

/// <summary>A fenced code block of a Markdown file, with the line its content starts on.</summary>
internal sealed record FencedBlock(string Page, int FirstLine, string Text)
{
    public static IReadOnlyList<FencedBlock> Read(string path, params string[] languages)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = lines[i].Length - fence.Length;
            var end = Array.FindIndex(lines, i + 1, line => line.Trim() == "```");
            Assert.True(end > i, $"{path}:{i + 1}: a code block is not closed");
            if (languages.Contains(fence[3..].Trim(), StringComparer.Ordinal))
            {
                // A block inside a list item is indented with it; its content starts at the fence's column.
                var content = lines[(i + 1)..end].Select(line => line.Length >= indent ? line[indent..] : line.TrimStart());
                blocks.Add(new FencedBlock(Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'), i + 2, string.Join('\n', content)));
            }

            i = end;
        }

        return blocks;
    }

    /// <summary>Where a parse error is, or null when the block parses.</summary>
    public string? YamlError()
    {
        try
        {
            new YamlStream().Load(new StringReader(Text));
            return null;
        }
        catch (YamlException e)
        {
            return $"{Page}:{FirstLine + (int)e.Start.Line - 1}: {e.Message}";
        }
    }

    /// <summary>The block's mapping, or null when it is not one (or does not parse, which <see cref="YamlError"/> reports).</summary>
    public YamlMappingNode? YamlRoot()
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Text));
            return stream.Documents.SingleOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    public string? XmlError()
    {
        try
        {
            XDocument.Parse(Text);
            return null;
        }
        catch (XmlException e)
        {
            return $"{Page}:{FirstLine + e.LineNumber - 1}: {e.Message}";
        }
    }

    public override string ToString() => $"{Page}:{FirstLine}";
}

/// <summary>Reading YAML mappings by key.</summary>
internal static class YamlNodes
{
    public static bool Has(this YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public static string? Text(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    public static List<YamlMappingNode> Sequence(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>().ToList()
            : [];

    /// <summary>The scalar at a path of keys, or null.</summary>
    public static string? Path(this YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current!))
            {
                return null;
            }
        }

        return (current as YamlScalarNode)?.Value;
    }
}
