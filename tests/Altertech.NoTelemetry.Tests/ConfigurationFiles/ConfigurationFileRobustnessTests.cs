using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>
/// Configuration files are hand-written and wrong: a file that does not parse is NT0900 at its line, never an
/// exception; the facts of a finding are in its properties.
/// </summary>
public class ConfigurationFileRobustnessTests
{
    private const string Empty = "public static class Empty { }";

    [Fact]
    public async Task Invalid_JSON_is_NT0900_naming_the_file_and_line()
    {
        var diagnostics = await RunAsync(("/0/appsettings.json", "{\n  \"Serilog\": {\n    \"WriteTo\": [ { \"Name\" \"Sentry\" } ]\n  }\n}"));

        var problem = Assert.Single(diagnostics);
        Assert.Equal("NT0900", problem.Id);
        Assert.Equal(2, problem.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("appsettings.json(3): not valid JSON, so it is not checked: ", problem.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_XML_is_NT0900_naming_the_file_and_line()
    {
        var diagnostics = await RunAsync(("/0/nlog.config", "<nlog>\n  <targets>\n    <target type=\"Sentry\" name=\"s\">\n  </targets>\n</nlog>"));

        var problem = Assert.Single(diagnostics);
        Assert.Equal("NT0900", problem.Id);
        Assert.Equal(3, problem.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("nlog.config(4): not valid XML, so it is not checked: ", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_broken_file_does_not_stop_the_others()
    {
        var diagnostics = await RunAsync(
            ("/0/appsettings.Development.json", "{ \"Sentry\": { \"Dsn\": "),
            ("/0/appsettings.json", "{ \"Sentry\": { \"Dsn\": \"https://k@o0.ingest.sentry.io/1\" } }"));

        Assert.Equal(new[] { "NT0001 appsettings.json", "NT0900 appsettings.Development.json" }, diagnostics.Select(d => d.Id + " " + Path.GetFileName(d.Location.GetLineSpan().Path)).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/0/appsettings.json", "")]
    [InlineData("/0/appsettings.json", "   \n")]
    [InlineData("/0/appsettings.json", "null")]
    [InlineData("/0/appsettings.json", "[1, 2, \"Sentry\"]")]
    [InlineData("/0/appsettings.json", "\"Serilog\"")]
    [InlineData("/0/appsettings.json", "{ \"Serilog\": \"Sentry\", \"Sentry\": { \"Dsn\": null } }")]
    [InlineData("/0/appsettings.json", "{ \"Serilog\": { \"WriteTo\": [ null, 3, [], {}, { \"Name\": null }, { \"Name\": { } }, { \"Args\": [] } ], \"Using\": {} } }")]
    [InlineData("/0/nlog.config", "<nlog><targets><target /><target type=\"\" /></targets><extensions><add /></extensions></nlog>")]
    [InlineData("/0/log4net.config", "<log4net><appender /><appender type=\",\" /><appender type=\"., \" /></log4net>")]
    [InlineData("/0/App.config", "<configuration><appSettings><add /><add key=\"Sentry:Dsn\" /></appSettings><nlog /><log4net /></configuration>")]
    [InlineData("/0/ApplicationInsights.config", "<ApplicationInsights><InstrumentationKey><![CDATA[]]></InstrumentationKey></ApplicationInsights>")]
    [InlineData("/0/Web.config", "<other-root><nlog><targets><target type=\"Sentry\" /></targets></nlog></other-root>")]
    public async Task Odd_but_valid_shapes_report_nothing(string path, string text)
    {
        Assert.Empty(await RunAsync((path, text)));
    }

    [Theory]
    [InlineData("/0/appsettings.json", "\uFEFF{ \"Sentry\": { \"Dsn\": \"https://k@o0.ingest.sentry.io/1\" } }")]
    [InlineData("/0/nlog.config", "\uFEFF<?xml version=\"1.0\"?><nlog><targets><target type=\"Sentry\" /></targets></nlog>")]
    public async Task A_byte_order_mark_is_read_past(string path, string text)
    {
        Assert.Equal("NT0001", Assert.Single(await RunAsync((path, text))).Id);
    }

    [Fact]
    public async Task Garbage_and_very_deep_files_give_NT0900_or_nothing_never_an_exception()
    {
        var deepJson = new string('[', 10_000) + new string(']', 10_000);
        var deepXml = string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000));
        var diagnostics = await RunAsync(
            ("/0/appsettings.json", deepJson),
            ("/0/appsettings.A.json", "\0\u0001garbage{{{[[[\"\\u12"),
            ("/0/nlog.config", "<nlog>" + deepXml + "</nlog>"),
            ("/0/log4net.config", "<!DOCTYPE log4net [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><log4net>&b;</log4net>"),
            ("/0/App.config", "\0\u0001<<<>>>"));

        Assert.All(diagnostics, d => Assert.Equal("NT0900", d.Id));
        Assert.Equal(4, diagnostics.Length);
    }

    [Fact]
    public async Task A_service_finding_carries_its_facts_in_the_properties()
    {
        var diagnostics = await RunAsync(("/0/appsettings.json", """{ "Serilog": { "WriteTo": [ { "Name": "Sentry", "Args": { "dsn": "https://k@o0.ingest.sentry.io/1" } } ] } }"""));

        var finding = Assert.Single(diagnostics);
        Assert.Equal("Sentry", finding.Properties[DiagnosticProperties.Service]);
        Assert.Equal("Sentry", finding.Properties[DiagnosticProperties.Vendor]);
        Assert.Equal("crash-reporting", finding.Properties[DiagnosticProperties.Category]);
        Assert.Equal("send", finding.Properties[DiagnosticProperties.Role]);
        Assert.Equal("configuration", finding.Properties[DiagnosticProperties.Origin]);
        Assert.Equal("serilog-sink", finding.Properties[DiagnosticProperties.Configuration]);
        Assert.Equal("Sentry", finding.Properties[DiagnosticProperties.Name]);
        Assert.Equal("false", finding.Properties[DiagnosticProperties.Fixable]);
        Assert.Equal("Sentry: Serilog sink 'Sentry' sends data to Sentry", finding.GetMessage());
    }

    [Fact]
    public async Task A_transport_finding_carries_its_facts_in_the_properties()
    {
        var diagnostics = await RunAsync(("/0/appsettings.json", """{ "Serilog": { "WriteTo": [ { "Name": "Seq", "Args": { "serverUrl": "https://seq.example.com/ingest" } } ] } }"""));

        var egress = Assert.Single(diagnostics, d => d.Id == "NT0006");
        Assert.Equal("register", egress.Properties[DiagnosticProperties.Kind]);
        Assert.Equal("constant", egress.Properties[DiagnosticProperties.Destination]);
        Assert.Equal("seq.example.com", egress.Properties[DiagnosticProperties.Host]);
        Assert.Equal("Seq", egress.Properties[DiagnosticProperties.Transport]);
        Assert.Equal("Network egress: Serilog sink 'Seq' registers a sender to 'seq.example.com'", egress.GetMessage());
        var hardCoded = Assert.Single(diagnostics, d => d.Id == "NT0003");
        Assert.Equal("seq.example.com", hardCoded.Properties[DiagnosticProperties.Host]);
        Assert.Equal("https://seq.example.com/ingest", hardCoded.Properties[DiagnosticProperties.Endpoint]);
        Assert.Equal("serilog-sink", hardCoded.Properties[DiagnosticProperties.Configuration]);
        Assert.Equal("Hard-coded endpoint 'https://seq.example.com' is passed to the Serilog sink 'Seq'", hardCoded.GetMessage());
    }

    [Fact]
    public async Task Reads_a_file_of_any_name_marked_with_the_item_metadata_and_skips_one_marked_false()
    {
        const string Sentry = """{ "Sentry": { "Dsn": "https://k@o0.ingest.sentry.io/1" } }""";
        var marked = await AnalyzerRunner.RunAsync(new ShippedConfigurationAnalyzer(), Empty, additionalFiles: new[] { ("/0/logging.json", Sentry) }, options: new Dictionary<string, string> { ["build_metadata.AdditionalFiles.NoTelemetryConfiguration"] = "true" });
        var skipped = await AnalyzerRunner.RunAsync(new ShippedConfigurationAnalyzer(), Empty, additionalFiles: new[] { ("/0/appsettings.json", Sentry) }, options: new Dictionary<string, string> { ["build_metadata.AdditionalFiles.NoTelemetryConfiguration"] = "false" });

        Assert.Equal("NT0001", Assert.Single(marked).Id);
        Assert.Empty(skipped);
    }

    [Fact]
    public async Task The_analysis_honours_cancellation()
    {
        var text = "{ \"Serilog\": { \"WriteTo\": [" + string.Join(",", Enumerable.Repeat("{ \"Name\": \"Seq\", \"Args\": { \"serverUrl\": \"https://seq.example.com\" } }", 20_000)) + "] } }";
        var document = Altertech.NoTelemetry.ConfigurationFiles.JsonConfigurationReader.Read("/0/appsettings.json", Microsoft.CodeAnalysis.Text.SourceText.From(text), CancellationToken.None);
        Assert.NotNull(document.Root);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Altertech.NoTelemetry.ConfigurationFiles.JsonConfigurationReader.Read("/0/appsettings.json", Microsoft.CodeAnalysis.Text.SourceText.From(text), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Altertech.NoTelemetry.ConfigurationFiles.XmlConfigurationReader.Read("/0/nlog.config", Microsoft.CodeAnalysis.Text.SourceText.From("<nlog><targets /></nlog>"), cancelled.Token));
        await Task.CompletedTask;
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunAsync(params (string Path, string Text)[] files) =>
        AnalyzerRunner.RunAsync(new ShippedConfigurationAnalyzer(), Empty, additionalFiles: files);
}
