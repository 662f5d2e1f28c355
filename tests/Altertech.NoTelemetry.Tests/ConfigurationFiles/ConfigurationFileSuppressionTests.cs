using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>How a finding in a configuration file is silenced, since the file has no #pragma: what the docs promise.</summary>
public class ConfigurationFileSuppressionTests
{
    private const string SentrySink = """{ "Serilog": { "WriteTo": [ { "Name": "Sentry", "Args": { "dsn": "https://k@o0.ingest.sentry.io/1" } } ] } }""";

    [Fact]
    public async Task An_assembly_level_SuppressMessage_silences_findings_outside_source_files()
    {
        var test = CSharpAnalyzerVerifier<ShippedConfigurationAnalyzer>.CreateTest();
        test.TestCode = """[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Privacy", "NT0001", Justification = "The user opts in to crash reports in Settings.")]""";
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", SentrySink));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_global_config_sets_their_severity()
    {
        var test = CSharpAnalyzerVerifier<ShippedConfigurationAnalyzer>.CreateTest();
        test.TestCode = "public static class Empty { }";
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", SentrySink));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.NT0001.severity = none
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
