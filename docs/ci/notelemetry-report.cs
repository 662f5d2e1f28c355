// Turns the compiler's SARIF logs (the ErrorLog property, one log per project) into the reports that CI systems
// show, with Altertech.NoTelemetry's findings (rule IDs NTxxxx) only. Needs nothing but the .NET 10 SDK:
//
//   dotnet run --file notelemetry-report.cs -- sarif       <logs> <output.sarif>  one SARIF run, for GitHub code scanning
//   dotnet run --file notelemetry-report.cs -- codequality <logs> <output.json>   a GitLab Code Quality report
//   dotnet run --file notelemetry-report.cs -- text        <logs> <output.txt>    one line per finding, like the compiler's
//
// --file, because in a folder with a project file a plain `dotnet run x.cs` builds and runs that project instead. Keep
// this file out of every project's folder, or the project compiles it too (CS8802): docs/ci.md says where.
//
// <logs> is a .sarif file, or a folder searched with its sub-folders for *.sarif; an output of - is the standard
// output. Paths are made relative to the current folder (in CI, the repository root), or to --root <dir>; in SARIF,
// relative to the uriBaseId %SRCROOT%, which the run's originalUriBaseIds sets to that folder.
//
// A finding without a source location (NT0002: a project references a telemetry SDK) is put on the project file when
// the log's path inside <logs> names it, as docs/ci.md sets ErrorLog up: artifacts/sarif/src/App/App.csproj.net10.0.sarif
// for src/App/App.csproj; otherwise on the log. GitHub code scanning rejects a whole upload if one result has no location.
// Findings suppressed in the source (#pragma, [SuppressMessage]) are left out: the code says why they are accepted.
//
// Exit code: 0 when the report was written, whatever it contains; 2 for bad arguments or a log it cannot read.
// Documentation: docs/ci.md in https://github.com/altertech/Altertech.NoTelemetry
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length < 3 || args[0] is not ("sarif" or "codequality" or "text"))
{
    Console.Error.WriteLine("usage: dotnet run --file notelemetry-report.cs -- sarif|codequality|text <log file or folder> <output, or -> [--root <dir>]");
    return 2;
}

var (format, input, output) = (args[0], Path.GetFullPath(args[1]), args[2] == "-" ? "-" : Path.GetFullPath(args[2]));
var rootOption = Array.IndexOf(args, "--root");
var root = Path.GetFullPath(rootOption > 0 && rootOption + 1 < args.Length ? args[rootOption + 1] : ".");

try
{
    var logs = SarifLogs.Find(input, exclude: output);
    // A project with several target frameworks reports the same finding once per framework: keep one.
    var findings = logs.SelectMany(log => SarifLogs.Read(log, input, root))
        .DistinctBy(f => (f.RuleId, f.File, f.Line, f.Column, f.Message))
        .ToList();
    var json = new JsonSerializerOptions { WriteIndented = true };
    var report = format switch
    {
        "sarif" => Reports.MergedSarif(logs, findings, root).ToJsonString(json),
        "codequality" => Reports.CodeQuality(findings, root).ToJsonString(json),
        _ => Reports.Text(findings, root),
    };

    if (output == "-")
    {
        Console.Write(report);
    }
    else
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, report);
    }

    Console.Error.WriteLine($"{findings.Count} Altertech.NoTelemetry finding(s) from {logs.Count} SARIF log(s) written to {output}");
    return 0;
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

/// <summary>
/// One result of an NTxxxx rule, with the rule's description and the tool that reported it, and the file (full path),
/// line and column it is about.
/// </summary>
internal sealed record Finding(JsonObject Result, JsonObject? Rule, JsonObject? Driver, string File, int Line, int Column)
{
    public string RuleId => (string)Result["ruleId"]!;

    public string Message => (string?)Result["message"]?["text"] ?? RuleId;

    public string Level => (string?)Result["level"] ?? "warning";

    public bool HasLocation => Result["locations"] is JsonArray { Count: > 0 };
}

internal static class SarifLogs
{
    private const string RulePrefix = "NT";

    private static readonly string[] s_projectExtensions = [".csproj", ".vbproj", ".fsproj"];

    public static List<string> Find(string input, string exclude)
    {
        if (File.Exists(input))
        {
            return [input];
        }

        if (!Directory.Exists(input))
        {
            throw new InvalidDataException($"{input}: no such file or folder. Does the build set ErrorLog?");
        }

        var logs = Directory.EnumerateFiles(input, "*.sarif", SearchOption.AllDirectories)
            .Where(path => !string.Equals(path, exclude, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return logs.Count > 0 ? logs : throw new InvalidDataException($"{input}: no .sarif file. Does the build set ErrorLog?");
    }

    public static IEnumerable<Finding> Read(string log, string input, string root)
    {
        JsonNode? sarif;
        try
        {
            sarif = JsonNode.Parse(File.ReadAllText(log));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{log}: not JSON ({e.Message})");
        }

        var version = (string?)sarif?["version"];
        if (version != "2.1.0")
        {
            throw new InvalidDataException(
                $"{log}: SARIF {version ?? "of no version"}; this needs SARIF 2.1.0. Set ErrorLog to 'file.sarif,version=2.1' " +
                "(on a command line the comma is written %2C: -p:ErrorLog=file.sarif%2Cversion=2.1).");
        }

        foreach (var run in sarif!["runs"]?.AsArray() ?? [])
        {
            var driver = run?["tool"]?["driver"]?.AsObject();
            var rules = driver?["rules"]?.AsArray();
            foreach (var result in run?["results"]?.AsArray() ?? [])
            {
                if (result is JsonObject finding
                    && ((string?)finding["ruleId"])?.StartsWith(RulePrefix, StringComparison.Ordinal) == true
                    && finding["suppressions"] is not JsonArray { Count: > 0 })
                {
                    var (file, line, column) = Where(finding, log, input, root);
                    yield return new Finding(finding, RuleOf(finding, rules), driver, file, line, column);
                }
            }
        }
    }

    private static (string File, int Line, int Column) Where(JsonObject result, string log, string input, string root)
    {
        var physical = result["locations"]?[0]?["physicalLocation"];
        var uri = (string?)physical?["artifactLocation"]?["uri"];
        if (string.IsNullOrEmpty(uri))
        {
            return (ProjectOf(log, input, root) ?? log, 1, 1);
        }

        var file = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile
            ? absolute.LocalPath
            : Path.GetFullPath(Uri.UnescapeDataString(uri), root);
        return (file, Positive(physical?["region"]?["startLine"]), Positive(physical?["region"]?["startColumn"]));
    }

    private static int Positive(JsonNode? node) => node is JsonValue value && value.TryGetValue(out int number) && number > 0 ? number : 1;

    /// <summary>The project a log was written for, when its path inside the logs folder names it.</summary>
    private static string? ProjectOf(string log, string input, string root)
    {
        if (!Directory.Exists(input))
        {
            return null;
        }

        var name = Path.GetRelativePath(input, log);
        foreach (var extension in s_projectExtensions)
        {
            var end = name.LastIndexOf(extension + ".", StringComparison.OrdinalIgnoreCase);
            if (end > 0)
            {
                var project = Path.GetFullPath(name[..(end + extension.Length)], root);
                return File.Exists(project) ? project : null;
            }
        }

        return null;
    }

    private static JsonObject? RuleOf(JsonObject result, JsonArray? rules)
    {
        var ruleId = (string?)result["ruleId"];
        var index = result["ruleIndex"] is JsonValue value && value.TryGetValue(out int i) ? i : -1;
        if (rules is not null && index >= 0 && index < rules.Count && (string?)rules[index]?["id"] == ruleId)
        {
            return rules[index]?.AsObject();
        }

        return rules?.OfType<JsonObject>().FirstOrDefault(rule => (string?)rule["id"] == ruleId);
    }
}

internal static class Reports
{
    /// <summary>The uriBaseId of the repository root: SARIF's name for it, which GitHub code scanning reads too.</summary>
    private const string SourceRoot = "%SRCROOT%";

    /// <summary>
    /// One run with every finding, each with a location. GitHub code scanning rejects an upload with several runs of
    /// one tool and category (one compiler log per project is that), and one with a result that has no location.
    /// File URIs are made relative to <see cref="SourceRoot"/>: the compiler's are absolute paths of the CI machine,
    /// which mean nothing in the repository.
    /// </summary>
    public static JsonNode MergedSarif(IReadOnlyList<string> logs, IReadOnlyList<Finding> findings, string root)
    {
        var driver = findings.Select(f => f.Driver).FirstOrDefault(d => d is not null) ?? FirstDriver(logs);
        var tool = new JsonObject();
        foreach (var (name, value) in driver ?? new JsonObject { ["name"] = "Altertech.NoTelemetry" })
        {
            if (name != "rules")
            {
                tool[name] = value?.DeepClone();
            }
        }

        var rules = findings.Where(f => f.Rule is not null)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First().Rule!)
            .ToList();
        tool["rules"] = new JsonArray(rules.Select(rule => rule.DeepClone()).ToArray());

        var results = new JsonArray();
        foreach (var finding in findings)
        {
            var result = finding.Result.DeepClone().AsObject();
            RebaseArtifactLocations(result, root);
            var index = rules.FindIndex(rule => (string?)rule["id"] == finding.RuleId);
            result.Remove("ruleIndex");
            if (index >= 0)
            {
                result["ruleIndex"] = index;
            }

            if (!finding.HasLocation)
            {
                result["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = ArtifactLocation(finding.File, root),
                        ["region"] = new JsonObject { ["startLine"] = finding.Line },
                    },
                });
            }

            results.Add((JsonNode)result);
        }

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = tool },
                ["originalUriBaseIds"] = new JsonObject
                {
                    [SourceRoot] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri },
                },
                ["results"] = results,
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
    }

    /// <summary>
    /// GitLab's Code Quality format, a subset of Code Climate's: description, check_name, fingerprint, severity,
    /// location.path (relative to the repository) and location.lines.begin.
    /// </summary>
    public static JsonNode CodeQuality(IReadOnlyList<Finding> findings, string root)
    {
        var issues = new JsonArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var path = RelativePath(finding.File, root);

            // Stable while unrelated lines move: the line is left out, and equal findings in one file are numbered.
            var key = $"{finding.RuleId}\n{path}\n{finding.Message}";
            seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 1;
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{seen[key]}")))[..32];

            issues.Add((JsonNode)new JsonObject
            {
                ["description"] = $"{finding.RuleId}: {finding.Message}",
                ["check_name"] = finding.RuleId,
                ["fingerprint"] = fingerprint,
                ["severity"] = finding.Level switch
                {
                    "error" => "major",
                    "warning" => "minor",
                    _ => "info",
                },
                ["location"] = new JsonObject
                {
                    ["path"] = path,
                    ["lines"] = new JsonObject { ["begin"] = finding.Line },
                },
            });
        }

        return issues;
    }

    /// <summary>One line per finding, sorted, in the compiler's format: <c>path(line): level NT0001: message</c>.</summary>
    public static string Text(IReadOnlyList<Finding> findings, string root) =>
        string.Concat(findings
            .Select(f => (Path: RelativePath(f.File, root), Finding: f))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Line)
            .ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .Select(f => $"{f.Path}({f.Finding.Line}): {f.Finding.Level} {f.Finding.RuleId}: {f.Finding.Message}\n"));

    /// <summary>
    /// Every <c>artifactLocation</c> in a result (its locations, related locations, code flows) with an absolute file
    /// URI under the root, made relative to <see cref="SourceRoot"/>.
    /// </summary>
    private static void RebaseArtifactLocations(JsonNode? node, string root)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "artifactLocation"
                        && value is JsonObject location
                        && location["uriBaseId"] is null
                        && Uri.TryCreate((string?)location["uri"], UriKind.Absolute, out var uri)
                        && uri.IsFile)
                    {
                        foreach (var (key, rebased) in ArtifactLocation(uri.LocalPath, root))
                        {
                            location[key] = rebased?.DeepClone();
                        }
                    }
                    else
                    {
                        RebaseArtifactLocations(value, root);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RebaseArtifactLocations(item, root);
                }

                break;
        }
    }

    /// <summary>A file's uri relative to <see cref="SourceRoot"/>, escaped; a file outside the root keeps its absolute URI.</summary>
    private static JsonObject ArtifactLocation(string path, string root)
    {
        var relative = RelativePath(path, root);
        return Path.IsPathFullyQualified(relative)
            ? new JsonObject { ["uri"] = new Uri(path).AbsoluteUri }
            : new JsonObject { ["uri"] = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), ["uriBaseId"] = SourceRoot };
    }

    private static JsonObject? FirstDriver(IEnumerable<string> logs) =>
        logs.Select(log => JsonNode.Parse(File.ReadAllText(log))?["runs"]?[0]?["tool"]?["driver"]?.AsObject())
            .FirstOrDefault(driver => driver is not null);

    /// <summary>The path relative to the root, with '/'; a file outside the root keeps its full path.</summary>
    private static string RelativePath(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative) ? path : relative)
            .Replace('\\', '/');
    }
}
