using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkReferenceAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class TelemetrySdkReferenceAnalyzerTests
{
    private const string Empty = "class C { }";

    [Fact]
    public Task Reports_a_referenced_SDK_once_without_a_call() => Verify.VerifyAsync(
        Empty,
        TestReferences.ApplicationInsights,
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights", "an APM", "Microsoft"));

    [Fact]
    public Task Reports_every_SDK_assembly_a_package_brings_along() => Verify.VerifyAsync(
        Empty,
        TestReferences.SentryExtensionsLogging,
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Sentry", "Sentry", "a crash-reporting", "Sentry"),
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Sentry.Extensions.Logging", "Sentry.Extensions.Logging", "a crash-reporting", "Sentry"));

    [Fact]
    public Task Names_the_package_of_a_logging_provider_that_is_not_the_core_SDK() => Verify.VerifyAsync(
        Empty,
        TestReferences.ApplicationInsightsLogging,
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights", "an APM", "Microsoft"),
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Microsoft.Extensions.Logging.ApplicationInsights", "Microsoft.Extensions.Logging.ApplicationInsights", "an APM", "Microsoft"));

    [Fact]
    public Task Names_the_package_an_entry_says_ships_the_assembly() => Verify.VerifyAsync(
        Empty,
        TestReferences.Net80,
        new[] { StandIns.SentryBindingsAndroid },
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Sentry.Bindings.Android", "Sentry", "a crash-reporting", "Sentry"));

    [Fact]
    public Task Reports_a_stand_in_assembly_by_its_name() => Verify.VerifyAsync(
        Empty,
        TestReferences.Net80,
        new[] { StandIns.SegmentAnalytics },
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Analytics", "Analytics", "an analytics", "Twilio Segment"));

    [Fact]
    public Task Does_not_report_without_an_SDK() => Verify.VerifyAsync(Empty, TestReferences.DependencyInjection);

    [Fact]
    public async Task Carries_its_facts_in_the_diagnostic_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new Altertech.NoTelemetry.Analyzers.TelemetrySdkReferenceAnalyzer(), Empty, TestReferences.ApplicationInsightsLogging);

        var provider = Assert.Single(diagnostics, d => d.Properties[DiagnosticProperties.Assembly] == "Microsoft.Extensions.Logging.ApplicationInsights");
        Assert.Equal("Application Insights", provider.Properties[DiagnosticProperties.Service]);
        Assert.Equal("Microsoft", provider.Properties[DiagnosticProperties.Vendor]);
        Assert.Equal("apm", provider.Properties[DiagnosticProperties.Category]);
        Assert.Equal("Microsoft.Extensions.Logging.ApplicationInsights", provider.Properties[DiagnosticProperties.Package]);
    }
}
