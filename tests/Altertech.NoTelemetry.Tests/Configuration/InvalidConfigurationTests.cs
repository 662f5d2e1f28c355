using System.Globalization;
using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.ConfigurationAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary>NT0900: what is wrong, at the file and line; never an exception, whatever the file holds.</summary>
public class InvalidConfigurationTests
{
    private const string ConfigPath = "/0/NoTelemetry.txt";

    [Fact]
    public async Task Reports_each_malformed_line_at_its_line_with_what_is_wrong()
    {
        var diagnostics = await RunWithFileAsync("""
            # Project catalogue
            X:Contoso.Metrics;unknown prefix
            T:Contoso.Metrics.MetricsClient
            H:bad host.example;space in a host
            H:api.*.example;wildcard in the middle
            T:Sentry.NoSuchType;a typo in a namespace that exists
            M:Sentry.SentrySdk.NoSuchMethod;a typo in a type that exists
            T:Other.Sdk.Client;a namespace this project does not reference is not a problem
            [Analytics without vendor]
            M:Sentry.SentrySdk.CaptureMessage
            [Network]
            kind = teleport
            [Service]
            vendor = Contoso
            colour = blue
            [broken
            """, TestReferences.Sentry);

        AssertProblems(
            diagnostics,
            (1, "unknown prefix 'X:'"),
            (2, "T:Contoso.Metrics.MetricsClient needs a message after ';'"),
            (3, "'bad host.example' is not a host pattern"),
            (4, "'api.*.example' is not a host pattern: '*' may only stand first"),
            (5, "namespace 'Sentry' has no type 'NoSuchType'"),
            (6, "'Sentry.SentrySdk' has no method named 'NoSuchMethod'"),
            (8, "[Analytics without vendor] needs 'vendor = "),
            (11, "kind 'teleport' is not one of"),
            (14, "unknown key 'colour'"),
            (15, "a section header is '[Name]'"));
    }

    [Fact]
    public async Task Reports_a_log_levels_item_that_is_not_a_pattern_and_a_level()
    {
        var diagnostics = await RunWithFileAsync("""
            [Contoso Metrics]
            vendor = Contoso
            sends = Post*
            log-levels = Post* Loud, PostError* Error
            T:Contoso.Metrics.MetricsClient;Contoso usage metrics
            """, TestReferences.Sentry);

        AssertProblems(diagnostics, (3, "'Post* Loud' in 'log-levels' is not 'Pattern Level'"));
    }

    [Fact]
    public async Task Reports_a_log_arguments_item_that_is_not_a_pattern_and_parameter_names()
    {
        var diagnostics = await RunWithFileAsync("""
            [Contoso Metrics]
            vendor = Contoso
            sends = Post*
            log-arguments = PostEvent name -onSent, Post* message:template -message
            T:Contoso.Metrics.MetricsClient;Contoso usage metrics
            """, TestReferences.Sentry);

        AssertProblems(diagnostics, (3, "'Post* message:template -message' in 'log-arguments' is not 'Pattern name ...'"));
    }

    [Fact]
    public Task Reports_at_the_line_of_the_additional_file()
    {
        var test = Verify.CreateTest();
        test.TestCode = "class C { }";
        test.TestState.AdditionalFiles.Add((ConfigPath, "# fine\nZ:Nothing\n"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900")
            .WithSpan(ConfigPath, 2, 1, 2, 10)
            .WithMessage("NoTelemetry.txt(2): unknown prefix 'Z:' in 'Z:Nothing': use N:, T:, M:, P:, F:, E:, A: or H:"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_unknown_options_and_bad_allowed_endpoints_once_per_compilation()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add("class A { }");
        test.TestState.Sources.Add("class B { }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            notelemetry.allowed_endpoint = typo.example
            notelemetry.allowed_endpoints = 10.0.0.0/33, *.corp.example, 300.1.1.1/8, https://, corp*.example
            """));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900").WithMessage("'notelemetry.allowed_endpoint' is not a NoTelemetry option (known: notelemetry.allowed_endpoints, notelemetry.consent_methods, notelemetry.max_call_chain, notelemetry.max_reach_depth); it is ignored"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900").WithMessage("notelemetry.allowed_endpoints: '10.0.0.0/33' is not a CIDR range: the prefix length must be a number from 0 to 32; the other endpoints still apply"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900").WithMessage("notelemetry.allowed_endpoints: '300.1.1.1/8' is not a CIDR range: '300.1.1.1' is not an IP address; the other endpoints still apply"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900").WithMessage("notelemetry.allowed_endpoints: 'https://' is not a URL prefix: write scheme://host/path; the other endpoints still apply"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0900").WithMessage("notelemetry.allowed_endpoints: 'corp*.example' is not a host pattern: '*' may only stand first, as in *.example.com; the other endpoints still apply"));
        return test.RunAsync();
    }

    [Fact]
    public async Task A_valid_file_with_BOM_CRLF_and_tabs_reports_nothing()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ConfigurationAnalyzer(),
            "class C { }",
            TestReferences.Sentry,
            new[] { (ConfigPath, "\uFEFF# comment\r\n!A:Sentry;self-hosted\r\n\tH:*.stats.contoso.example ; Contoso statistics \r\n[Contoso]\r\nvendor = Contoso\r\n\tN:Contoso.Telemetry\r\n") },
            new Dictionary<string, string> { ["notelemetry.allowed_endpoints"] = "*.corp.example, 10.0.0.0/8, ::1/128, https://license.example.com/" });
        Assert.Empty(diagnostics);
    }

    /// <summary>
    /// Whatever the file holds, the analyzer reads it to the end without an exception, reports each bad line, and
    /// caps what one file reports. The numbers are the file's bad lines: binary and control-characters have six lines,
    /// none of them an entry; long-line is a valid type entry (of a namespace this project lacks) and a host that is
    /// no host name; brackets has thousands of bad lines, capped at 50 and a line that says how many more.
    /// </summary>
    [Theory]
    [InlineData("binary", 6)]
    [InlineData("long-line", 1)]
    [InlineData("control-characters", 6)]
    [InlineData("brackets", 51)]
    [InlineData("empty", 0)]
    public async Task Survives_any_file_content_and_stays_bounded(string kind, int fileProblems)
    {
        var content = kind switch
        {
            "binary" => new string(Enumerable.Range(0, 65536).Select(i => (char)(i * 7919 % 0xD7FF)).ToArray()),
            "long-line" => "T:" + new string('A', 1_000_000) + ";x\nH:" + new string('a', 300_000) + "\n",
            "control-characters" => "T:Contoso.\0Client;x\u202E\nN:\u0000\n!\n;\n:\n\u0007\u0008",
            "brackets" => string.Concat(Enumerable.Repeat("[\n]\n[]\n[[x]]\n=\nkey=\n", 2000)),
            _ => string.Empty,
        };

        var diagnostics = await AnalyzerRunner.RunAsync(
            new ConfigurationAnalyzer(),
            "class C { }",
            additionalFiles: new[] { (ConfigPath, content) },
            options: new Dictionary<string, string> { ["notelemetry.allowed_endpoints"] = content.Length > 100_000 ? content.Substring(0, 100_000) : content });

        Assert.All(diagnostics, d => Assert.Equal("NT0900", d.Id));
        var inFile = diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile).ToList();
        Assert.Equal(fileProblems, inFile.Count);
        Assert.All(inFile, d => Assert.Equal(ConfigPath, d.Location.GetLineSpan().Path));
        if (fileProblems > CatalogueParser.MaxProblemsPerFile)
        {
            Assert.Single(inFile, d => d.GetMessage(CultureInfo.InvariantCulture).EndsWith(" more problems in this file are not listed", StringComparison.Ordinal));
        }

        // The same text as the allowed endpoints is no list of endpoints: reported, without a location.
        var inOptions = diagnostics.Count(d => d.Location.Kind == LocationKind.None);
        Assert.Equal(diagnostics.Length, inFile.Count + inOptions);
        if (kind == "empty")
        {
            Assert.Empty(diagnostics);
        }
        else
        {
            Assert.NotEqual(0, inOptions);
        }
    }

    [Fact]
    public async Task The_rest_of_the_file_still_applies()
    {
        var diagnostics = await RunSentryCallAsync("garbage line\n!A:Sentry;self-hosted\nQ:nothing\n");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Without_its_exemption_line_the_same_file_leaves_the_call_reported()
    {
        var diagnostics = await RunSentryCallAsync("garbage line\nQ:nothing\n");

        var finding = Assert.Single(diagnostics);
        Assert.Equal("NT0001", finding.Id);
        Assert.Equal("CaptureException", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunSentryCallAsync(string configuration) =>
        AnalyzerRunner.RunAsync(
            new TelemetrySdkUsageAnalyzer(),
            "using System; using Sentry; class C { void M(Exception e) => SentrySdk.CaptureException(e); }",
            TestReferences.Sentry,
            new[] { (ConfigPath, configuration) });

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunWithFileAsync(string content, ReferenceSet references) =>
        AnalyzerRunner.RunAsync(new ConfigurationAnalyzer(), "class C { }", references, new[] { (ConfigPath, content) });

    private static void AssertProblems(IEnumerable<Diagnostic> diagnostics, params (int Line, string Text)[] expected)
    {
        var actual = diagnostics
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, Path: d.Location.GetLineSpan().Path, Message: d.GetMessage()))
            .OrderBy(d => d.Line)
            .ToList();
        var report = string.Join(Environment.NewLine, actual.Select(a => $"{a.Path}({a.Line}): {a.Message}"));
        Assert.True(actual.Count == expected.Length, $"expected {expected.Length} problems, got:{Environment.NewLine}{report}");
        foreach (var (line, text) in expected)
        {
            Assert.True(
                actual.Any(a => a.Line == line && a.Path == ConfigPath && a.Message.Contains(text, StringComparison.Ordinal)),
                $"no problem at line {line} saying \"{text}\" in:{Environment.NewLine}{report}");
        }
    }
}
