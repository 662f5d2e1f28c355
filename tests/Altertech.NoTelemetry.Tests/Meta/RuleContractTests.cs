using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Tests.Meta;

/// <summary>Checks the project against itself: descriptors, docs, release tracking and README agree.</summary>
public class RuleContractTests
{
    /// <summary>The public rule contract (docs/rules, the README's rule table): IDs, titles, default severities.</summary>
    private static readonly Dictionary<string, (string Title, string Severity)> s_contract = new()
    {
        ["NT0001"] = ("Telemetry service used", "Warning"),
        ["NT0002"] = ("Telemetry SDK referenced", "Warning"),
        ["NT0003"] = ("Hard-coded remote endpoint", "Warning"),
        ["NT0004"] = ("Unsolicited reporting", "Warning"),
        ["NT0005"] = ("Identifying data sent", "Warning"),
        ["NT0006"] = ("Network egress", "Info"),
        ["NT0007"] = ("Hidden network access", "Warning"),
        ["NT0900"] = ("Invalid configuration", "Warning"),
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AnalyzerAssembly.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    /// <summary>
    /// The compiler and the IDE find analyzers by their <c>[DiagnosticAnalyzer]</c> attribute, read from the assembly's
    /// metadata: the ones they find are every analyzer the assembly declares (an analyzer without the attribute would
    /// never run), the ones the other tests of this class check, and together they report every rule that the README
    /// lists as available, and none that it lists as planned.
    /// </summary>
    [Fact]
    public void Every_analyzer_is_found()
    {
        var assembly = typeof(RuleIdentifiers).Assembly;
        var declared = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(declared.Count >= 5, "The analyzer assembly declares " + declared.Count + " analyzers: " + string.Join(", ", declared));

        var reference = new AnalyzerFileReference(assembly.Location, new DefaultContextLoader());
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.TypeName}: {e.ErrorCode} {e.Message}");
        var loaded = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.Empty(failures);
        Assert.Equal(declared, loaded.Select(a => a.GetType().FullName!).Order(StringComparer.Ordinal));
        Assert.Equal(declared, AnalyzerAssembly.Analyzers.Select(a => a.GetType().FullName!).Order(StringComparer.Ordinal));

        var table = Regex.Matches(File.ReadAllText(RepositoryFiles.PathOf("README.md")), @"^\| \[?(?<id>NT\d{4})\]?\S* \|.*\| (?<status>available|planned) \|\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["status"].Value);
        Assert.Equal(s_contract.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        var available = table.Where(row => row.Value == "available").Select(row => row.Key).Order(StringComparer.Ordinal);
        Assert.Equal(available, loaded.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(available, AnalyzerAssembly.Descriptors.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_keeps_the_public_contract(string id)
    {
        var descriptor = AnalyzerAssembly.Descriptors.Single(d => d.Id == id);
        Assert.True(s_contract.TryGetValue(id, out var expected), id + " is not a rule of the public contract");
        Assert.Equal(expected.Title, descriptor.Title.ToString());
        Assert.Equal(expected.Severity, descriptor.DefaultSeverity.ToString());
        Assert.Equal("Privacy", descriptor.Category);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Fact]
    public void Rule_identifier_constants_match_the_contract()
    {
        var ids = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(s_contract.Keys.OrderBy(k => k), ids.OrderBy(k => k));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_to_the_rule_page(string id)
    {
        var descriptor = AnalyzerAssembly.Descriptors.Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(RepositoryFiles.PathOf("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_follows_the_template(string id)
    {
        var page = File.ReadAllText(RepositoryFiles.PathOf("docs", "rules", id + ".md"));
        var descriptor = AnalyzerAssembly.Descriptors.Single(d => d.Id == id);
        Assert.StartsWith($"# {id}: {descriptor.Title}", page);
        foreach (var heading in new[] { "## Cause", "## Why it matters", "## Examples", "## How to fix violations", "## Configuration", "## How to suppress violations" })
        {
            Assert.Contains(heading, page);
        }
    }

    [Fact]
    public void Every_rule_page_belongs_to_a_descriptor()
    {
        var pages = Directory.GetFiles(RepositoryFiles.PathOf("docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
        var ids = AnalyzerAssembly.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.All(pages.Where(p => p != "README"), page => Assert.Contains(page!, ids));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_tracked_in_analyzer_releases(string id)
    {
        var descriptor = AnalyzerAssembly.Descriptors.Single(d => d.Id == id);
        var releases = File.ReadAllText(RepositoryFiles.PathOf("src", "Altertech.NoTelemetry", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(RepositoryFiles.PathOf("src", "Altertech.NoTelemetry", "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Readme_rule_table_lists_the_rule(string id)
    {
        var descriptor = AnalyzerAssembly.Descriptors.Single(d => d.Id == id);
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        Assert.Matches(new Regex($@"\|\s*\[?{id}\]?(\([^)]*\))?\s*\|\s*{Regex.Escape(descriptor.Title.ToString())}\s*\|\s*{descriptor.DefaultSeverity}\s*\|"), readme);
    }

    /// <summary>Loads an analyzer assembly into the default context, where the test has it already.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
