using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.CodeFixes;
using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

public class TelemetrySdkUsageCodeFixTests
{
    /// <summary>
    /// The SDK's namespace goes with its last use, so that removing the package afterwards (NT0002) does not break the build;
    /// a directive the file did not use before the fix stays: it is the product's to tidy.
    /// </summary>
    /// <summary>
    /// <c>client?.TrackEvent(...)</c> evaluates its arguments only with a client; the log call would run them always, so an
    /// argument that changes a variable keeps the call as it is.
    /// </summary>
    [Fact]
    public Task Is_not_offered_for_a_conditional_call_whose_arguments_change_a_variable() => Verify.VerifyNoFixAsync("""
        using Microsoft.ApplicationInsights;

        class Counter
        {
            private int _sent;

            void M({|NT0001:TelemetryClient|}? client)
            {
                client?.{|NT0001:TrackEvent|}("sent " + _sent++);
                client?.{|NT0001:TrackEvent|}("last " + (_sent = 0));
            }
        }
        """, TestReferences.ApplicationInsights);

    [Fact]
    public Task Removes_the_using_directives_the_fix_leaves_unused_and_no_other() => Verify.VerifyAsync("""
        using System.Text;
        using Sentry;
        using static Sentry.SentrySdk;

        class App
        {
            void Stopped() => {|NT0001:CaptureMessage|}("stopped");

            void Paid() => SentrySdk.{|NT0001:AddBreadcrumb|}("paid");
        }
        """, """
        using System.Diagnostics;
        using System.Text;

        class App
        {
            void Stopped() => Trace.TraceInformation("CaptureMessage: {0}", "stopped");

            void Paid() => Trace.TraceInformation("AddBreadcrumb: {0}", "paid");
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Without_a_logger_in_scope_replaces_a_tracking_statement_with_tracing_at_the_catalogues_level() => Verify.VerifyAsync("""
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

        class Checkout
        {
            void Complete(string orderId, Exception problem)
            {
                // Report the problem.
                Trace.TraceInformation("CaptureMessage: {0}", "checkout " + orderId);
                Trace.TraceError("CaptureException: {0}", problem);
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
                await Task.Delay(1);
            }
        }
        """, """
        using System.Diagnostics;
        using System.Threading.Tasks;

        class C
        {
            async Task M()
            {
                Trace.TraceInformation("FlushAsync: {0}", System.TimeSpan.FromSeconds(2));
                Trace.TraceInformation("Flush");
                await Task.Delay(1);
            }
        }
        """, TestReferences.Sentry);

    /// <summary>
    /// Without its await, an async method that awaits nothing else warns (CS1998), which fails a build that treats
    /// warnings as errors; and a call on a call would lose what the inner call was given.
    /// </summary>
    [Fact]
    public Task Is_not_offered_for_the_only_await_of_a_method_or_a_call_on_a_call() => Verify.VerifyNoFixAsync("""
        using System.Threading.Tasks;
        using Sentry;

        class C
        {
            async Task M()
            {
                await SentrySdk.{|NT0001:FlushAsync|}(System.TimeSpan.FromSeconds(2));
            }

            void N() => SentrySdk.StartTransaction("checkout", "http").{|NT0001:Finish|}();
        }
        """, TestReferences.Sentry);

    /// <summary>
    /// A scope callback the catalogue leaves out is a lambda there (LocalLoggingCodeFixTests); one that a call computes would
    /// go with its side effects, so that call keeps its SDK call.
    /// </summary>
    [Fact]
    public Task Is_not_offered_where_the_result_is_used_or_a_left_out_callback_is_computed_by_a_call() => Verify.VerifyNoFixAsync("""
        using System;
        using Sentry;

        class C
        {
            {|NT0001:SentryId|} M()
            {
                SentrySdk.{|NT0001:CaptureException|}(new System.Exception(), Fatal());
                return SentrySdk.{|NT0001:CaptureMessage|}("x");
            }

            static {|NT0001:Action<Scope>|} Fatal() => scope => scope.{|NT0001:Level|} = SentryLevel.Fatal;
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Never_rewrites_a_call_that_only_mentions_the_SDK_in_an_argument() => Verify.VerifyNoFixAsync("""
        using System;
        using Sentry;

        class C
        {
            void M()
            {
                Console.WriteLine({|NT0001:typeof(SentrySdk)|});
                Console.WriteLine(SentrySdk.{|NT0001:IsEnabled|});
                Console.WriteLine(nameof(SentrySdk.CaptureMessage));
            }
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Replaces_only_the_sending_call_of_a_statement_that_also_reads_the_SDK() => Verify.VerifyAsync("""
        using Sentry;

        class C
        {
            void M()
            {
                SentrySdk.{|NT0001:CaptureMessage|}("last: " + SentrySdk.LastEventId);
            }
        }
        """, """
        using System.Diagnostics;
        using Sentry;

        class C
        {
            void M()
            {
                Trace.TraceInformation("CaptureMessage: {0}", "last: " + SentrySdk.{|NT0001:LastEventId|});
            }
        }
        """, TestReferences.Sentry);

    /// <summary>
    /// What <c>dotnet format</c> does: it asks the fix for the first finding of the rule, and starts Fix All over the
    /// solution with that action's equivalence key, which is null when the first finding has no fix (here the
    /// parameter typed <c>IHub</c>). Every fixable finding is fixed all the same; the others stay.
    /// </summary>
    [Fact]
    public async Task Fix_all_started_from_an_unfixable_first_finding_fixes_every_fixable_one()
    {
        const string Source = """
            using System;
            using Sentry;

            class C
            {
                void M(IHub hub, Exception problem)
                {
                    Console.WriteLine(typeof(SentrySdk));
                    SentrySdk.CaptureException(problem);
                    hub.CaptureMessage("checkout");
                }
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source, TestReferences.Sentry);
        Assert.Equal(4, diagnostics.Length);
        Assert.Equal("false", diagnostics[0].Properties[DiagnosticProperties.Fixable]);

        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), document, diagnostics);

        Assert.Equal("""
            using System;
            using System.Diagnostics;
            using Sentry;

            class C
            {
                void M(IHub hub, Exception problem)
                {
                    Console.WriteLine(typeof(SentrySdk));
                    Trace.TraceError("CaptureException: {0}", problem);
                    Trace.TraceInformation("CaptureMessage: {0}", "checkout");
                }
            }
            """, fixedText);
    }
}
