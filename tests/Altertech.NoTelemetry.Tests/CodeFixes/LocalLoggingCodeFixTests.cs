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

        class Checkout
        {
            private readonly ILogger<Checkout> _logger;

            public Checkout(ILogger<Checkout> logger) => _logger = logger;

            void Complete(string orderId, Exception problem)
            {
                // Tell the vendor.
                _logger.LogError(problem, "CaptureException"); // the crash
                _logger.LogWarning("{Message}", "checkout " + orderId);
                _logger.LogDebug("paid {Category}", "checkout");
            }
        }
        """, s_sentry);

    /// <summary>
    /// The catalogue's <c>log-arguments</c> leave Sentry's scope callback out (a lambda or anonymous method that only configures
    /// its scope; a method group's body is elsewhere, so that call keeps it and has no fix), which makes these calls fixable; a constant message without braces is the template, one with a
    /// brace stays a value; a constant SentryLevel chooses the level (Fatal: Critical, which Trace writes as an error). The
    /// SetTag inside the first callback goes with it.
    /// </summary>
    [Fact]
    public Task Leaves_the_scope_callback_out_and_makes_a_constant_message_the_template_and_its_level_the_level() => Verify.VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout(ILogger<Checkout> logger, {|NT0001:IHub|} hub)
        {
            void Failed(Exception problem, string step)
            {
                SentrySdk.{|NT0001:CaptureException|}(problem, scope => scope.{|NT0001:SetTag|}("step", step));
                SentrySdk.{|NT0001:CaptureException|}(problem, Tag);
                hub.{|NT0001:CaptureException|}(problem, delegate (Scope scope) { scope.Clear(); });
                SentrySdk.{|NT0001:CaptureMessage|}("payment failed", scope => scope.Level = SentryLevel.Warning, SentryLevel.Warning);
                SentrySdk.{|NT0001:CaptureMessage|}("{step} failed", scope => scope.Clear());
            }

            static void Crashed() => SentrySdk.{|NT0001:CaptureMessage|}("crashed", SentryLevel.Fatal);

            static void Tag({|NT0001:Scope|} scope) { }
        }
        """, """
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout(ILogger<Checkout> logger)
        {
            void Failed(Exception problem, string step)
            {
                logger.LogError(problem, "CaptureException");
                SentrySdk.{|NT0001:CaptureException|}(problem, Tag);
                logger.LogError(problem, "CaptureException");
                logger.LogWarning("payment failed");
                logger.LogInformation("{Message}", "{step} failed");
            }

            static void Crashed() => Trace.TraceError("CaptureMessage: {0}", "crashed");

            static void Tag({|NT0001:Scope|} scope) { }
        }
        """, s_sentry);

    /// <summary>
    /// Application Insights' calls carry data in every argument: all are kept, but a constant SeverityLevel, which chooses the
    /// level (one in a variable stays a value). A trace's constant message is the template (with a brace in it, a value); an
    /// event name stays a value, to search the log by.
    /// </summary>
    [Fact]
    public Task Keeps_the_Application_Insights_arguments_and_makes_a_constant_trace_message_the_template_and_its_severity_the_level() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;
        using Microsoft.Extensions.Logging;

        class Cache({|NT0001:TelemetryClient|} telemetry, ILogger<Cache> logger)
        {
            void Warmed(IDictionary<string, string> properties, IDictionary<string, double> metrics, {|NT0001:SeverityLevel|} severity)
            {
                telemetry.{|NT0001:TrackTrace|}("Cache warmed", SeverityLevel.Warning, properties);
                telemetry.{|NT0001:TrackTrace|}("Cache warmed", severity, properties);
                telemetry.{|NT0001:TrackTrace|}("Loaded {0} entries", properties);
                telemetry.{|NT0001:TrackEvent|}("CacheWarmed", properties, metrics);
                telemetry.{|NT0001:TrackMetric|}("CacheSize", 42, properties);
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights.DataContracts;
        using Microsoft.Extensions.Logging;

        class Cache(ILogger<Cache> logger)
        {
            void Warmed(IDictionary<string, string> properties, IDictionary<string, double> metrics, {|NT0001:SeverityLevel|} severity)
            {
                logger.LogWarning("Cache warmed {Properties}", properties);
                logger.LogInformation("Cache warmed {SeverityLevel} {Properties}", severity, properties);
                logger.LogInformation("{Message} {Properties}", "Loaded {0} entries", properties);
                logger.LogInformation("{EventName} {Properties} {Metrics}", "CacheWarmed", properties, metrics);
                logger.LogDebug("{Name} {Value} {Properties}", "CacheSize", 42, properties);
            }
        }
        """, s_applicationInsights);

    /// <summary>
    /// A scope callback that a call or a property read computes does something the log call would lose: no fix, even with a
    /// logger in scope.
    /// </summary>
    [Fact]
    public Task Is_not_offered_where_leaving_the_callback_out_would_lose_a_side_effect() => Verify.VerifyNoFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Checkout(ILogger<Checkout> logger)
        {
            void Failed(Exception problem, string step)
            {
                SentrySdk.{|NT0001:CaptureException|}(problem, Scopes.Tagged(step));
                SentrySdk.{|NT0001:CaptureMessage|}("payment failed", Scopes.Current);
            }
        }

        static class Scopes
        {
            public static {|NT0001:Action<Scope>|} Current => scope => { };

            public static {|NT0001:Action<Scope>|} Tagged(string step)
            {
                Console.WriteLine(step);
                return scope => { };
            }
        }
        """, s_sentry);

    /// <summary>A project's NoTelemetry.txt says which arguments of its own service's calls the log keeps, as the built-in blocks do.</summary>
    [Fact]
    public Task Reads_which_arguments_to_keep_from_a_project_catalogue_block()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<Analyzers.TelemetrySdkUsageAnalyzer, Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix, Microsoft.CodeAnalysis.Testing.DefaultVerifier>();
        s_sentry.ApplyTo(test);
        const string client = """
            namespace Contoso.Metrics
            {
                public sealed class MetricsClient
                {
                    public void Publish(string message, string[] tags, System.Action<string> onSent) { }
                }
            }
            """;
        test.TestState.Sources.Add(client);
        test.TestState.Sources.Add("""
            using Contoso.Metrics;
            using Microsoft.Extensions.Logging;

            class Checkout(ILogger<Checkout> logger)
            {
                void Done({|NT0001:MetricsClient|} metrics, string[] tags) => metrics.{|NT0001:Publish|}("checkout done", tags, id => { });
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            [Contoso Metrics]
            vendor = Contoso
            sends = MetricsClient.Publish*
            log-levels = Publish* Warning
            log-arguments = Publish* message:template tags -onSent
            T:Contoso.Metrics.MetricsClient
            """));
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        test.FixedState.Sources.Add(client);
        test.FixedState.Sources.Add("""
            using Contoso.Metrics;
            using Microsoft.Extensions.Logging;

            class Checkout(ILogger<Checkout> logger)
            {
                void Done({|NT0001:MetricsClient|} metrics, string[] tags) => logger.LogWarning("checkout done {Tags}", tags);
            }
            """);
        return test.RunAsync();
    }

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

        class Sync
        {
            public ILogger? Logger { get; set; }

            void Done() => Logger?.LogInformation("synced");
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
