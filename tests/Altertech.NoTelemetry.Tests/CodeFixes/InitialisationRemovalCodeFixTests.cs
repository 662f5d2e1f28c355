using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>NT0001's fix that removes an SDK's initialisation or registration, against the real SDK packages.</summary>
public class InitialisationRemovalCodeFixTests
{
    private static readonly ReferenceSet s_loggingSinks = TestReferences.With("Sentry.Extensions.Logging", "Microsoft.Extensions.Logging.ApplicationInsights", "Microsoft.Extensions.Logging");

    [Fact]
    public Task Deletes_a_statement_that_only_initialises_and_keeps_the_comment_above_it() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class App
        {
            void Start()
            {
                // Crash reporting.
                SentrySdk.{|NT0001:Init|}(o => o.Dsn = "https://public@o0.ingest.sentry.io/0");
                Console.WriteLine("started");
            }
        }
        """, """
        using System;

        class App
        {
            void Start()
            {
                // Crash reporting.
                Console.WriteLine("started");
            }
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Keeps_the_body_of_a_using_statement_and_removes_an_unused_using_declaration() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class App
        {
            void Run()
            {
                using (SentrySdk.{|NT0001:Init|}(o => o.Debug = false))
                {
                    Console.WriteLine("running");
                }
            }

            void RunAgain()
            {
                using var sentry = SentrySdk.{|NT0001:Init|}("https://public@o0.ingest.sentry.io/0");
                Console.WriteLine("running");
            }
        }
        """, """
        using System;

        class App
        {
            void Run()
            {
                {
                    Console.WriteLine("running");
                }
            }

            void RunAgain()
            {
                Console.WriteLine("running");
            }
        }
        """, TestReferences.Sentry);

    /// <summary>Fix All in one document: the using goes and the capture in its body becomes logging, neither edit lost.</summary>
    [Fact]
    public Task Fix_all_removes_a_using_and_logs_the_call_in_its_body() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class App
        {
            void Run(Exception problem)
            {
                using (SentrySdk.{|NT0001:Init|}(o => o.Debug = false))
                {
                    SentrySdk.{|NT0001:CaptureException|}(problem);
                }
            }
        }
        """, """
        using System;
        using System.Diagnostics;

        class App
        {
            void Run(Exception problem)
            {
                {
                    Trace.TraceError("CaptureException: {0}", problem);
                }
            }
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Gives_an_expression_bodied_method_and_lambda_an_empty_body() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class App
        {
            void Configure() => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);

            Action Later() => () => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
        }
        """, """
        using System;

        class App
        {
            void Configure()
            {
            }

            Action Later() => () => { };
        }
        """, TestReferences.Sentry);

    [Fact]
    public Task Removes_just_the_link_of_a_fluent_chain_and_keeps_the_chain_compiling() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;

        static class Logging
        {
            public static ILoggingBuilder Configure(ILoggingBuilder logging) => logging
                .{|NT0001:AddSentry|}(o => o.Dsn = "https://public@o0.ingest.sentry.io/0")
                .SetMinimumLevel(LogLevel.Information);

            public static void Setup(ILoggingBuilder logging)
            {
                logging.SetMinimumLevel(LogLevel.Debug).{|NT0001:AddApplicationInsights|}();
                logging.{|NT0001:AddSentry|}();
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        static class Logging
        {
            public static ILoggingBuilder Configure(ILoggingBuilder logging) => logging
                .SetMinimumLevel(LogLevel.Information);

            public static void Setup(ILoggingBuilder logging)
            {
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        }
        """, s_loggingSinks);

    /// <summary>Fix All removes both services' links of one chain together; what is left is no statement, so it goes too.</summary>
    [Fact]
    public Task Fix_all_removes_two_links_of_one_chain_and_then_the_statement() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;

        static class Logging
        {
            public static void Setup(ILoggingBuilder logging)
            {
                logging.{|NT0001:AddSentry|}().{|NT0001:AddApplicationInsights|}();
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        static class Logging
        {
            public static void Setup(ILoggingBuilder logging)
            {
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        }
        """, s_loggingSinks);

    /// <summary><c>WriteTo.ApplicationInsights(...)</c> returns the configuration <c>WriteTo</c> was read from: both go.</summary>
    [Fact]
    public Task Removes_a_sink_reached_through_WriteTo() => Verify.VerifyAsync("""
        using Serilog;
        using Serilog.Sinks.ApplicationInsights.TelemetryConverters;

        static class Logs
        {
            public static ILogger Create() => new LoggerConfiguration()
                .MinimumLevel.Debug()
                .WriteTo.{|NT0001:ApplicationInsights|}("InstrumentationKey=00000000-0000-0000-0000-000000000000", new TraceTelemetryConverter())
                .CreateLogger();
        }
        """, """
        using Serilog;

        static class Logs
        {
            public static ILogger Create() => new LoggerConfiguration()
                .MinimumLevel.Debug()
                .CreateLogger();
        }
        """, TestReferences.SerilogApplicationInsights);

    [Fact]
    public async Task Deletes_an_initialisation_in_top_level_statements()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<Analyzers.TelemetrySdkUsageAnalyzer, Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                using Sentry;

                SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
                System.Console.WriteLine("started");
                """,
            FixedCode = """
                System.Console.WriteLine("started");
                """,
        };
        TestReferences.Sentry.ApplyTo(test);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    /// <summary>
    /// Never a fix that breaks the build or loses the product's own work: the value is used, an argument calls product code,
    /// the disposable is named later, an expression body returns the value.
    /// </summary>
    [Fact]
    public Task Is_not_offered_where_removing_would_not_compile_or_would_drop_product_code() => Verify.VerifyNoFixAsync("""
        using System;
        using Sentry;

        class App
        {
            static string Dsn() => "https://public@o0.ingest.sentry.io/0";

            void Start()
            {
                var handle = SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
                SentrySdk.{|NT0001:Init|}(Dsn());
                using var sentry = SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
                Console.WriteLine(sentry);
                handle.Dispose();
            }

            IDisposable Begin() => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
        }
        """, TestReferences.Sentry);
}
