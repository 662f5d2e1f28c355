using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetryCallToLocalTraceCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

public class TelemetryCallToLocalTraceCodeFixTests
{
    [Fact]
    public Task Replaces_a_tracking_statement_with_local_tracing_and_keeps_its_arguments() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Sentry;

        class Checkout
        {
            void Complete(string orderId, Exception problem)
            {
                // Report the problem.
                SentrySdk.{|NT0001:CaptureMessage|}("checkout " + orderId);
                SentrySdk.{|NT0001:CaptureException|}(problem);
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using Sentry;

        class Checkout
        {
            void Complete(string orderId, Exception problem)
            {
                // Report the problem.
                Trace.TraceInformation("CaptureMessage: {0}", "checkout " + orderId);
                Trace.TraceInformation("CaptureException: {0}", problem);
            }
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Replaces_an_awaited_call_and_a_call_without_arguments() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Sentry;

        class C
        {
            async Task M()
            {
                await SentrySdk.{|NT0001:FlushAsync|}(System.TimeSpan.FromSeconds(2));
                SentrySdk.{|NT0001:Flush|}();
            }
        }
        """, """
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Sentry;

        class C
        {
            async Task M()
            {
                Trace.TraceInformation("FlushAsync: {0}", System.TimeSpan.FromSeconds(2));
                Trace.TraceInformation("Flush");
            }
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Is_not_offered_where_the_result_is_used_or_an_argument_is_a_lambda() => Verify.VerifyAsync("""
        using Sentry;

        class C
        {
            {|NT0001:SentryId|} M()
            {
                SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
                return SentrySdk.{|NT0001:CaptureMessage|}("x");
            }
        }
        """, """
        using Sentry;

        class C
        {
            {|NT0001:SentryId|} M()
            {
                SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
                return SentrySdk.{|NT0001:CaptureMessage|}("x");
            }
        }
        """, TestReferences.Sentry);
}
