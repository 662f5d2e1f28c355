using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Altertech.NoTelemetry.PackageTests;
using Altertech.NoTelemetry.Tests.Meta;

namespace Altertech.NoTelemetry.Tests.Docs;

/// <summary>
/// docs/ci/notelemetry-report.cs, run the way docs/ci.md tells users to (<c>dotnet run --file file.cs</c>), on compiler logs
/// written by hand in the shape csc gives SARIF 2.1.0, laid out as the Directory.Build.targets of docs/ci.md lays them
/// out: artifacts/sarif/&lt;project path&gt;.&lt;target framework&gt;.sarif.
/// </summary>
public sealed class ReportConverterTests : IDisposable
{
    private static readonly string s_converter = RepositoryFiles.PathOf("docs", "ci", "notelemetry-report.cs");

    private readonly string _root = Directory.CreateTempSubdirectory("notelemetry-report-").FullName;

    public ReportConverterTests()
    {
        Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("artifacts/sarif/src/App/App.csproj.net10.0.sarif", CompilerLog(
            new Diagnostic("CS8618", "warning", "Non-nullable field '_name' must contain a non-null value", "src/App/Program.cs", 3, 20),
            new Diagnostic("NT0002", "warning", "Sentry (package Sentry) is a crash-reporting SDK that sends data to Sentry", File: null, 0, 0),
            new Diagnostic("NT0001", "warning", "Sentry: SentrySdk.Init sends data to Sentry", "src/App/Program.cs", 7, 19),
            new Diagnostic("NT0003", "warning", "Hard-coded endpoint 'https://updates.example.com' is passed to HttpClient.GetStringAsync", "src/App/Updates.cs", 12, 35, Justification: "The update check the user turns on in Settings"),
            new Diagnostic("NT0006", "note", "Network egress: HttpClient.GetStringAsync sends to 'updates.example.com'", "src/App/Updates.cs", 12, 35)));

        // A library with two target frameworks: the same finding in both logs.
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Write($"artifacts/sarif/src/Lib/Lib.csproj.{framework}.sarif", CompilerLog(
                new Diagnostic("NT0006", "note", "Network egress: HttpClient.PostAsync sends to an endpoint set at run time", "src/Lib/Sync.cs", 5, 71)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Code_quality_report_has_GitLab_fields_for_each_finding_with_paths_from_the_repository_root()
    {
        await RunAsync("codequality", "artifacts/sarif", "gl-code-quality-report.json");

        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "gl-code-quality-report.json")))!.AsArray();
        Assert.Equal(
            new[]
            {
                "NT0002 minor src/App/App.csproj:1",
                "NT0001 minor src/App/Program.cs:7",
                "NT0006 info src/App/Updates.cs:12",
                "NT0006 info src/Lib/Sync.cs:5",
            },
            issues.Select(i => $"{i!["check_name"]} {i["severity"]} {i["location"]!["path"]}:{i["location"]!["lines"]!["begin"]}"));
        Assert.All(issues, issue =>
        {
            Assert.StartsWith($"{issue!["check_name"]}: ", (string)issue["description"]!, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{32}$", (string)issue["fingerprint"]!);
        });
        Assert.Equal(issues.Count, issues.Select(i => (string)i!["fingerprint"]!).Distinct().Count());
    }

    [Fact]
    public async Task Merged_SARIF_is_one_run_of_our_rules_where_every_result_has_a_location()
    {
        await RunAsync("sarif", "artifacts/sarif", "artifacts/notelemetry.sarif");

        var sarif = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "artifacts", "notelemetry.sarif")))!;
        Assert.Equal("2.1.0", (string)sarif["version"]!);
        var run = Assert.Single(sarif["runs"]!.AsArray())!;
        Assert.Equal("Microsoft (R) Visual C# Compiler", (string)run["tool"]!["driver"]!["name"]!);

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(rule => (string)rule!["id"]!).ToList();
        Assert.Equal(new[] { "NT0001", "NT0002", "NT0006" }, rules);

        var results = run["results"]!.AsArray();
        Assert.Equal(new[] { "NT0002", "NT0001", "NT0006", "NT0006" }, results.Select(r => (string)r!["ruleId"]!));
        Assert.All(results, result => Assert.Equal(rules[(int)result!["ruleIndex"]!], (string)result["ruleId"]!));

        // NT0002 has no location in the compiler's log; GitHub would refuse the upload. It is put on the project file.
        // The compiler's absolute file:/// URIs are made relative to %SRCROOT%, the repository root.
        var locations = results.Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!).ToList();
        Assert.Equal(new[] { "src/App/App.csproj", "src/App/Program.cs", "src/App/Updates.cs", "src/Lib/Sync.cs" }, locations.Select(l => (string)l["uri"]!));
        Assert.All(locations, l => Assert.Equal("%SRCROOT%", (string?)l["uriBaseId"]));
        Assert.Equal(new Uri(_root + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]);
    }

    [Fact]
    public async Task Merged_SARIF_escapes_relative_URIs_and_keeps_files_outside_the_root_absolute()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "Generated.cs");
        Write("artifacts/sarif/src/Odd/Odd.csproj.net10.0.sarif", CompilerLog(
            new Diagnostic("NT0003", "warning", "Hard-coded endpoint 'https://stats.example.com'", "src/Odd/Two words.cs", 2, 9),
            new Diagnostic("NT0006", "note", "Network egress: HttpClient.GetAsync", outside, 4, 1)));

        await RunAsync("sarif", "artifacts/sarif/src/Odd", "odd.sarif");

        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "odd.sarif")))!["runs"]![0]!["results"]!.AsArray();
        var locations = results.Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!).ToList();
        Assert.Equal("src/Odd/Two%20words.cs", (string)locations[0]["uri"]!);
        Assert.Equal("%SRCROOT%", (string?)locations[0]["uriBaseId"]);
        Assert.Equal(new Uri(outside).AbsoluteUri, (string)locations[1]["uri"]!);
        Assert.Null(locations[1]["uriBaseId"]);
    }

    [Fact]
    public async Task Text_lists_findings_like_the_compiler_sorted_by_file_and_line()
    {
        await RunAsync("text", "artifacts/sarif", "findings.txt");

        Assert.Equal(
            """
            src/App/App.csproj(1): warning NT0002: Sentry (package Sentry) is a crash-reporting SDK that sends data to Sentry
            src/App/Program.cs(7): warning NT0001: Sentry: SentrySdk.Init sends data to Sentry
            src/App/Updates.cs(12): note NT0006: Network egress: HttpClient.GetStringAsync sends to 'updates.example.com'
            src/Lib/Sync.cs(5): note NT0006: Network egress: HttpClient.PostAsync sends to an endpoint set at run time

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(Path.Combine(_root, "findings.txt")));
    }

    [Fact]
    public async Task A_SARIF_1_log_is_refused_with_the_escaping_that_asks_for_2_1()
    {
        Write("artifacts/sarif/src/Old/Old.csproj.net10.0.sarif", """{ "$schema": "http://json.schemastore.org/sarif-1.0.0", "version": "1.0.0", "runs": [] }""");

        var result = await DotNetCli.RunAsync(_root, ["run", "--file", s_converter, "--", "codequality", "artifacts/sarif", "report.json", "--root", _root]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("-p:ErrorLog=file.sarif%2Cversion=2.1", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "report.json")));
    }

    /// <summary>
    /// The converter's recipe, as docs/ci.md writes it, in a repository whose project file is at its root: every
    /// folder is the project's, so the script must be where the project does not compile it, and <c>dotnet run</c> must
    /// run the script rather than the project. The repository has the Directory.Build.targets of docs/ci.md and warnings
    /// as errors, and the logs are written by hand: nothing is built but the script.
    /// </summary>
    [Fact]
    public async Task Recipe_works_in_a_repository_with_its_project_file_at_the_root_and_writes_relative_SARIF_URIs()
    {
        var page = RepositoryFiles.PathOf("docs", "ci.md");
        var commands = FencedBlock.Read(page, "sh")
            .First(block => block.Text.Contains("notelemetry-report.cs -- sarif", StringComparison.Ordinal))
            .Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Equal(3, commands.Count);
        Assert.All(commands, command => Assert.Equal(["dotnet", "run", "--file"], command[..3]));
        var script = Assert.Single(commands.Select(command => command[3]).Distinct());

        var repository = Path.Combine(_root, "single");
        Write("single/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        Write("single/Program.cs", "System.Console.WriteLine(\"app\");\n");
        Write("single/Directory.Build.props", "<Project><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors><Nullable>enable</Nullable></PropertyGroup></Project>");
        Write("single/Directory.Build.targets", FencedBlock.Read(page, "xml").Single(block => block.Text.Contains("<SarifLogFile>", StringComparison.Ordinal)).Text);
        Write(Path.Combine("single", script), File.ReadAllText(s_converter));

        // The project does not compile the script (CS8802: two files with top-level statements).
        var items = await DotNetCli.RunAsync(repository, ["msbuild", "App.csproj", "-getItem:Compile"]);
        Assert.True(items.Succeeded, items.ToString());
        var compiled = JsonNode.Parse(items.Output[items.Output.IndexOf('{', StringComparison.Ordinal)..])!["Items"]!["Compile"]!.AsArray()
            .Select(item => ((string)item!["Identity"]!).Replace('\\', '/'));
        Assert.Equal(["Program.cs"], compiled);

        // The compiler's paths are those of the working directory the converter sees (macOS: /private/var for /var).
        var physical = PhysicalPath(repository);
        Write("single/artifacts/sarif/App.csproj.net10.0.sarif", CompilerLog(
            new Diagnostic("NT0002", "warning", "Sentry (package Sentry) is a crash-reporting SDK that sends data to Sentry", File: null, 0, 0),
            new Diagnostic("NT0001", "warning", "Sentry: SentrySdk.Init sends data to Sentry", Path.Combine(physical, "Program.cs"), 1, 1)));

        var outputs = new List<string>();
        foreach (var command in commands)
        {
            var result = await DotNetCli.RunAsync(repository, command[1..]);
            Assert.True(result.Succeeded, result.ToString());
            outputs.Add(result.Output);
        }

        Assert.Contains("Program.cs(1): warning NT0001: Sentry: SentrySdk.Init sends data to Sentry", outputs[2], StringComparison.Ordinal);
        Assert.Contains("App.csproj(1): warning NT0002: ", outputs[2], StringComparison.Ordinal);

        var sarifCommand = commands.Single(command => command[5] == "sarif");
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, sarifCommand[^1])))!["runs"]![0]!;
        Assert.Equal(new Uri(physical + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]);
        var locations = run["results"]!.AsArray().Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!).ToList();
        Assert.Equal(["App.csproj", "Program.cs"], locations.Select(l => (string)l["uri"]!));
        Assert.All(locations, l => Assert.Equal("%SRCROOT%", (string?)l["uriBaseId"]));

        var codeQuality = commands.Single(command => command[5] == "codequality");
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, codeQuality[^1])))!.AsArray();
        Assert.Equal(["App.csproj", "Program.cs"], issues.Select(i => (string)i!["location"]!["path"]!));
    }

    /// <summary>A path with its symbolic links resolved, as a process that has it as its working directory sees it.</summary>
    private static string PhysicalPath(string path)
    {
        var physical = Path.GetPathRoot(path)!;
        foreach (var part in Path.GetRelativePath(physical, path).Split(Path.DirectorySeparatorChar))
        {
            physical = Path.Combine(physical, part);
            if (new DirectoryInfo(physical).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                physical = target.FullName;
            }
        }

        return physical;
    }

    private async Task RunAsync(params string[] arguments)
    {
        // Run in the repository root, as in CI. The root is named too: the working directory can be its real path
        // (macOS's /private/var for /var), which the logs' paths are not.
        var result = await DotNetCli.RunAsync(_root, ["run", "--file", s_converter, "--", .. arguments, "--root", _root]);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Matches(new Regex(@"\d+ Altertech\.NoTelemetry finding\(s\) from \d+ SARIF log\(s\) written to "), result.Output);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A log as csc writes it with <c>ErrorLog=file.sarif,version=2.1</c>: results first, then the tool with every rule.</summary>
    private string CompilerLog(params Diagnostic[] diagnostics)
    {
        var rules = diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var results = new JsonArray();
        foreach (var d in diagnostics)
        {
            var result = new JsonObject
            {
                ["ruleId"] = d.Id,
                ["ruleIndex"] = rules.IndexOf(d.Id),
                ["level"] = d.Level,
                ["message"] = new JsonObject { ["text"] = d.Message },
            };
            if (d.Justification is not null)
            {
                result["suppressions"] = new JsonArray(new JsonObject
                {
                    ["kind"] = "inSource",
                    ["justification"] = d.Justification,
                    ["properties"] = new JsonObject { ["suppressionType"] = "SuppressMessageAttribute" },
                });
            }

            if (d.File is not null)
            {
                result["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(Path.Combine(_root, d.File)).AbsoluteUri },
                        ["region"] = new JsonObject { ["startLine"] = d.Line, ["startColumn"] = d.Column, ["endLine"] = d.Line, ["endColumn"] = d.Column + 4 },
                    },
                });
            }

            result["properties"] = new JsonObject { ["warningLevel"] = 1 };
            results.Add((JsonNode)result);
        }

        var log = new JsonObject
        {
            ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["results"] = results,
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Microsoft (R) Visual C# Compiler",
                        ["version"] = "5.0.0-2.25523.111 (0000000)",
                        ["dottedQuadFileVersion"] = "5.0.0.0",
                        ["semanticVersion"] = "5.0.0",
                        ["language"] = "en-US",
                        ["rules"] = new JsonArray(rules.Select(id => (JsonNode)new JsonObject
                        {
                            ["id"] = id,
                            ["shortDescription"] = new JsonObject { ["text"] = id + " title" },
                            ["helpUri"] = $"https://github.com/altertech/Altertech.NoTelemetry/blob/main/docs/rules/{id}.md",
                            ["properties"] = new JsonObject { ["category"] = id.StartsWith("NT", StringComparison.Ordinal) ? "Privacy" : "Compiler" },
                        }).ToArray()),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject { ["executionSuccessful"] = true }),
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
        return log.ToJsonString();
    }

    private sealed record Diagnostic(string Id, string Level, string Message, string? File, int Line, int Column, string? Justification = null);
}
