using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary>
/// A host whose analyzer config options cannot list their keys: <see cref="AnalyzerConfigOptions.Keys"/> of the base
/// class throws <see cref="NotImplementedException"/> in Roslyn 4.8, and an options object of an IDE or tool that
/// implements only <see cref="AnalyzerConfigOptions.TryGetValue"/> gets it. The analyzers still read the known
/// <c>notelemetry.*</c> options, and never throw (an AD0001 in the user's IDE).
/// </summary>
public class OptionsWithoutKeysTests
{
    [Fact]
    public async Task A_bad_allowed_endpoints_value_is_still_reported_as_NT0900_without_an_exception()
    {
        var (diagnostics, exceptions) = await RunAsync(new ConfigurationAnalyzer(), "class C { }", new Dictionary<string, string>
        {
            ["notelemetry.allowed_endpoints"] = "10.0.0.0/33, *.corp.example",
        });

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var problem = Assert.Single(diagnostics);
        Assert.Equal("NT0900", problem.Id);
        Assert.Equal(
            "notelemetry.allowed_endpoints: '10.0.0.0/33' is not a CIDR range: the prefix length must be a number from 0 to 32; the other endpoints still apply",
            problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Good_options_report_nothing_and_unlisted_keys_go_unchecked()
    {
        // A typo such as 'notelemetry.allowed_endpoint' cannot be found without the list of keys: it is not reported,
        // which is better than an exception that stops the whole analyzer.
        var (diagnostics, exceptions) = await RunAsync(new ConfigurationAnalyzer(), "class C { }", new Dictionary<string, string>
        {
            ["notelemetry.allowed_endpoints"] = "*.corp.example, 10.0.0.0/8",
            ["notelemetry.allowed_endpoint"] = "typo.example",
        });

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_allowed_endpoints_still_apply()
    {
        const string Source = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient http)
                {
                    http.GetAsync("https://build.corp.example/api");
                    http.GetAsync("https://updates.example.com/feed");
                }
            }
            """;

        var (diagnostics, exceptions) = await RunAsync(new HardCodedEndpointAnalyzer(), Source, new Dictionary<string, string>
        {
            ["notelemetry.allowed_endpoints"] = "*.corp.example",
        });

        Assert.Empty(exceptions);
        var finding = Assert.Single(diagnostics);
        Assert.Equal("NT0003", finding.Id);
        Assert.Contains("updates.example.com", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Runs one analyzer with options that answer <c>TryGetValue</c> only; collects its exceptions rather than failing on the first.</summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
        DiagnosticAnalyzer analyzer,
        string source,
        IReadOnlyDictionary<string, string> values)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, TestReferences.Net80.Resolve(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new KeylessOptionsProvider(new KeylessOptions(values))),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var result = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalysisResultAsync(CancellationToken.None);
        return (result.GetAllDiagnostics(), exceptions);
    }

    private sealed class KeylessOptionsProvider(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    /// <summary>Overrides <c>TryGetValue</c> only, as a minimal host does: <c>Keys</c> is the base class's, which throws.</summary>
    private sealed class KeylessOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            // Option keys are case-insensitive, as Roslyn's own options compare them.
            foreach (var (name, text) in values)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = text;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
