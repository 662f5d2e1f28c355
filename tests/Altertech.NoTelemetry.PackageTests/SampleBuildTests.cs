using System.Text.RegularExpressions;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>
/// The samples under docs/samples, built as their README tells readers to, report what the README's tables say: no
/// more, no less. (The tables drifted once, when NT0003 shipped and PhoneHome's table still called it planned.)
/// </summary>
public partial class SampleBuildTests
{
    private static readonly string s_samples = Path.Combine(BuildSettings.RepoRoot, "docs", "samples");

    [Fact]
    public async Task Clean_reports_exactly_the_network_egress_its_README_table_documents_and_nothing_else()
    {
        var build = await BuildAsync("Clean");
        Assert.True(build.Succeeded, build.ToString());

        var documented = AssertReportsExactlyTheFindingsCleansTableDocuments(build);
        Assert.All(Findings(build.Output), finding => Assert.Equal(("warning", "NT0006"), (finding.Severity, finding.Id)));
        Assert.Matches(new Regex($@"^\s*{documented} Warning\(s\)\s*$", RegexOptions.Multiline), build.Output);
    }

    /// <summary>
    /// The Clean sample builds in strict mode but for the network egress it documents, which fails the build: its
    /// .globalconfig raises NT0006 to a warning below the mode's own config, so strict still makes it an error.
    /// </summary>
    [Fact]
    public async Task Clean_in_strict_mode_fails_with_exactly_the_network_egress_its_README_table_documents_as_errors()
    {
        var build = await BuildAsync("Clean", "-p:NoTelemetryEnforcement=strict");
        Assert.False(build.Succeeded, "The Clean sample built in strict mode, although it talks to the user's sync server." + Environment.NewLine + build);

        var documented = AssertReportsExactlyTheFindingsCleansTableDocuments(build);
        Assert.All(Findings(build.Output), finding => Assert.Equal(("error", "NT0006"), (finding.Severity, finding.Id)));
        // The build's own counts, which take in every diagnostic, the compiler's too.
        Assert.Matches(new Regex($@"^\s*{documented} Error\(s\)\s*$", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)\s*$", RegexOptions.Multiline), build.Output);
    }

    [Fact]
    public async Task PhoneHome_reports_in_each_file_the_rules_its_README_table_lists_as_available()
    {
        var build = await BuildAsync("PhoneHome");
        Assert.True(build.Succeeded, build.ToString());

        // "NT0001 (Mixpanel's ingestion host), NT0003, NT0006; NT0005 planned": the rules before the planned ones.
        var documented = TableRows("| File | What it does | Reported as |")
            .SelectMany(cells => cells[2].Split(';')
                .Where(part => !part.Contains("planned", StringComparison.Ordinal))
                .SelectMany(part => RuleId().Matches(part).Select(id => $"{cells[0].Trim('`').Split('/')[^1]} {id.Value}")))
            .ToHashSet();
        var reported = Findings(build.Output).Select(f => $"{f.File} {f.Id}").ToHashSet();

        Assert.True(documented.SetEquals(reported), $"README: {string.Join(" | ", documented.Order())}{Environment.NewLine}build: {string.Join(" | ", reported.Order())}");
    }

    /// <summary>
    /// The README's command, <c>dotnet build docs/samples/&lt;sample&gt;</c>, compiling the sample again
    /// (<c>--no-incremental</c>) so that its analyzers run, with further arguments. The analyzer project it references
    /// was built with the tests, in their configuration, and is not built again: a rebuild would delete the analyzer
    /// while the package tests pack it from the same folder (NU5019), and the two sample tests would rebuild it at
    /// the same time.
    /// </summary>
    private static Task<CommandResult> BuildAsync(string sample, params string[] arguments) =>
        DotNetCli.RunAsync(s_samples, ["build", sample, "--no-incremental", "--configuration", BuildSettings.Configuration, "-p:BuildProjectReferences=false", .. arguments]);

    /// <summary>
    /// Asserts that the build reported, by file, line, rule and message, exactly the findings the README's table for
    /// Clean lists; returns how many that is.
    /// </summary>
    private static int AssertReportsExactlyTheFindingsCleansTableDocuments(CommandResult build)
    {
        var documented = TableRows("| File | Line | Finding |")
            .Select(cells => $"{cells[0].Trim('`')}({cells[1]}): {cells[2].Trim('`')}")
            .ToHashSet();
        var reported = Findings(build.Output).Select(f => $"{f.File}({f.Line}): {f.Id}: {f.Message}").ToHashSet();

        Assert.NotEmpty(documented);
        Assert.True(documented.SetEquals(reported), $"README: {string.Join(" | ", documented)}{Environment.NewLine}build: {string.Join(" | ", reported)}{Environment.NewLine}{build}");
        return documented.Count;
    }

    /// <summary>The cells of the rows of the README's table whose header starts so.</summary>
    private static IEnumerable<string[]> TableRows(string header) =>
        File.ReadLines(Path.Combine(s_samples, "README.md"))
            .SkipWhile(line => !line.StartsWith(header, StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());

    /// <summary>
    /// Every NTxxxx diagnostic of a build's output, once (the console logger repeats them in its summary), by file
    /// name; one without a location (<c>CSC : warning NT0002</c>) is named after the project file. MSBuild names no project
    /// after a diagnostic in the project file itself (NT0002 on its PackageReference).
    /// </summary>
    private static IEnumerable<(string File, int Line, string Severity, string Id, string Message)> Findings(string output) =>
        Diagnostic().Matches(output)
            .Select(m => (
                File: m.Groups["file"].Value == "CSC" ? Path.GetFileName(m.Groups["project"].Value) : Path.GetFileName(m.Groups["file"].Value),
                Line: m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                Severity: m.Groups["severity"].Value,
                Id: m.Groups["id"].Value,
                Message: m.Groups["message"].Value))
            .Distinct();

    [GeneratedRegex(@"^\s*(?<file>CSC|\S.*?)(\((?<line>\d+),\d+\))? ?: (?<severity>warning|error|info) (?<id>NT\d{4}): (?<message>.*?) \(https://[^)]*\)( \[(?<project>[^\]]+?)(::TargetFramework=[^\]]*)?\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"NT\d{4}")]
    private static partial Regex RuleId();
}
