using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>NT0001's fix to local logging through an <c>ILogger</c> in scope, against the real SDK and logging packages.</summary>
public class LocalLoggingCodeFixTests
{
    private static readonly ReferenceSet s_sentry = TestReferences.With("Sentry", "Microsoft.Extensions.Logging");

    private static readonly ReferenceSet s_applicationInsights = TestReferences.With("Microsoft.ApplicationInsights", "Microsoft.Extensions.Logging");

    [Fact]
    public Task Logs_through_a_logger_field_at_the_catalogues_level_with_the_exception_and_named_values() => Verify.VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout
        {
            private readonly ILogger<Checkout> _logger;

            public Checkout(ILogger<Checkout> logger) => _logger = logger;

            void Complete(string orderId, Exception problem)
            {
                // Tell the vendor.
                SentrySdk.{|NT0001:CaptureException|}(problem); // the crash
                SentrySdk.{|NT0001:CaptureMessage|}("checkout " + orderId, SentryLevel.Warning);
                SentrySdk.{|NT0001:AddBreadcrumb|}(message: "paid", category: "checkout");
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout
        {
            private readonly ILogger<Checkout> _logger;

            public Checkout(ILogger<Checkout> logger) => _logger = logger;

            void Complete(string orderId, Exception problem)
            {
                // Tell the vendor.
                _logger.LogError(problem, "CaptureException"); // the crash
                _logger.LogInformation("{Message} {Level}", "checkout " + orderId, SentryLevel.Warning);
                _logger.LogDebug("{Message} {Category}", "paid", "checkout");
            }
        }
        """, s_sentry);

    [Fact]
    public Task Logs_through_a_primary_constructor_parameter_in_an_expression_bodied_member() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Checkout({|NT0001:TelemetryClient|} telemetry, ILogger<Checkout> logger)
        {
            public void Done(string name, IDictionary<string, string> properties) => telemetry.{|NT0001:TrackEvent|}(name, properties);
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Checkout(ILogger<Checkout> logger)
        {
            public void Done(string name, IDictionary<string, string> properties) => logger.LogInformation("{EventName} {Properties}", name, properties);
        }
        """, s_applicationInsights);

    [Fact]
    public Task Logs_through_a_parameter_in_a_lambda_and_a_local_function_and_an_awaited_call() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sentry;

        static class Jobs
        {
            public static async Task RunAsync(ILogger log, Action<Action<Exception>> onError)
            {
                onError(e => SentrySdk.{|NT0001:CaptureException|}(e));
                Report("started");
                await SentrySdk.{|NT0001:FlushAsync|}(TimeSpan.FromSeconds(1));
                await Task.Yield();

                void Report(string what) => SentrySdk.{|NT0001:CaptureMessage|}(what);
            }
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sentry;

        static class Jobs
        {
            public static async Task RunAsync(ILogger log, Action<Action<Exception>> onError)
            {
                onError(e => log.LogError(e, "CaptureException"));
                Report("started");
                log.LogDebug("{Timeout}", TimeSpan.FromSeconds(1));
                await Task.Yield();

                void Report(string what) => log.LogInformation("{Message}", what);
            }
        }
        """, s_sentry);

    /// <summary>
    /// <c>client?.TrackEvent(...)</c> goes whole (a log line where a null client sent nothing); a nested call in an argument
    /// is kept, so what it computes and does still happens.
    /// </summary>
    [Fact]
    public Task Logs_a_conditional_call_and_keeps_a_nested_call_in_its_arguments() => Verify.VerifyAsync("""
        #nullable enable
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Checkout(ILogger<Checkout> logger)
        {
            private readonly {|NT0001:TelemetryClient|}? _telemetry = null;

            void Done(int order)
            {
                _telemetry?.{|NT0001:TrackEvent|}(Describe(order));
            }

            static string Describe(int order) => "order " + order;
        }
        """, """
        #nullable enable
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Checkout(ILogger<Checkout> logger)
        {
            private readonly {|NT0001:TelemetryClient|}? _telemetry = null;

            void Done(int order)
            {
                logger.LogInformation("{EventName}", Describe(order));
            }

            static string Describe(int order) => "order " + order;
        }
        """, s_applicationInsights);

    /// <summary>A logger that may be null is called with <c>?.</c>, which a nullable-aware build accepts without a warning.</summary>
    [Fact]
    public Task Calls_a_nullable_logger_with_a_conditional_access() => Verify.VerifyAsync("""
        #nullable enable
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Sync
        {
            public ILogger? Logger { get; set; }

            void Done() => SentrySdk.{|NT0001:CaptureMessage|}("synced");
        }
        """, """
        #nullable enable
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Sync
        {
            public ILogger? Logger { get; set; }

            void Done() => Logger?.LogInformation("{Message}", "synced");
        }
        """, s_sentry);

    [Fact]
    public Task Imports_the_logging_namespace_for_a_logger_declared_in_another_part_of_a_partial_class()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<Analyzers.TelemetrySdkUsageAnalyzer, Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix, Microsoft.CodeAnalysis.Testing.DefaultVerifier>();
        s_sentry.ApplyTo(test);
        test.TestState.Sources.Add(("Checkout.cs", """
            using Sentry;

            partial class Checkout
            {
                void Complete(string orderId) => SentrySdk.{|NT0001:CaptureMessage|}(orderId);
            }
            """));
        test.TestState.Sources.Add(("Checkout.Logging.cs", """
            partial class Checkout
            {
                private readonly Microsoft.Extensions.Logging.ILogger _logger = null!;
            }
            """));
        test.FixedState.Sources.Add(("Checkout.cs", """
            using Microsoft.Extensions.Logging;
            using Sentry;

            partial class Checkout
            {
                void Complete(string orderId) => _logger.LogInformation("{Message}", orderId);
            }
            """));
        test.FixedState.Sources.Add(("Checkout.Logging.cs", """
            partial class Checkout
            {
                private readonly Microsoft.Extensions.Logging.ILogger _logger = null!;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Static code cannot use an instance field or a primary-constructor parameter, and a local of top-level code is not a logger the fix relies on: both get
    /// tracing, which compiles anywhere.
    /// </summary>
    [Fact]
    public Task Traces_where_the_only_logger_is_an_instance_field_out_of_reach() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout
        {
            private readonly ILogger _logger = null!;

            static void Started() => SentrySdk.{|NT0001:CaptureMessage|}("started");
        }

        class Refund(ILogger logger)
        {
            static void Started() => SentrySdk.{|NT0001:CaptureMessage|}("refund");
        }
        """, """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout
        {
            private readonly ILogger _logger = null!;

            static void Started() => Trace.TraceInformation("CaptureMessage: {0}", "started");
        }

        class Refund(ILogger logger)
        {
            static void Started() => Trace.TraceInformation("CaptureMessage: {0}", "refund");
        }
        """, s_sentry);

    [Fact]
    public async Task Traces_in_top_level_statements()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<Analyzers.TelemetrySdkUsageAnalyzer, Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                using Sentry;

                SentrySdk.{|NT0001:CaptureMessage|}("started");
                """,
            FixedCode = """
                using System.Diagnostics;
                using Sentry;

                Trace.TraceInformation("CaptureMessage: {0}", "started");
                """,
        };
        s_sentry.ApplyTo(test);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    /// <summary>A file with no using directive at all gets one, before its first line.</summary>
    [Fact]
    public Task Imports_the_logging_namespace_into_a_file_without_usings() => Verify.VerifyAsync("""
        class Checkout
        {
            private readonly Microsoft.Extensions.Logging.ILogger _logger = null!;

            void Complete(string orderId) => global::Sentry.SentrySdk.{|NT0001:CaptureMessage|}(orderId);
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Checkout
        {
            private readonly Microsoft.Extensions.Logging.ILogger _logger = null!;

            void Complete(string orderId) => _logger.LogInformation("{Message}", orderId);
        }
        """, s_sentry);
}
