using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class TelemetrySdkUsageAnalyzerTests
{
    [Fact]
    public Task Reports_TrackEvent_on_TelemetryClient() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;

        class C
        {
            void M()
            {
                var client = {|NT0001:new TelemetryClient()|};
                client.{|NT0001:TrackEvent|}("started");
            }
        }
        """, TestReferences.ApplicationInsights);
}
