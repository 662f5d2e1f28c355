using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.CodeFixes;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>
/// NT0001's fix for fields and constructor parameters of SDK types: the SDK client becomes an <c>ILogger&lt;T&gt;</c> with every
/// call through it a log call, only where the result compiles; against the real Application Insights, Sentry and logging packages.
/// </summary>
public class LoggerSlotCodeFixTests
{
    private static readonly ReferenceSet s_applicationInsights = TestReferences.With("Microsoft.ApplicationInsights", "Microsoft.Extensions.Logging");

    private static readonly ReferenceSet s_sentry = TestReferences.With("Sentry", "Microsoft.Extensions.Logging");

    [Fact]
    public Task A_field_and_the_constructor_parameter_it_is_assigned_from_become_a_logger_and_every_call_a_log_call() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        namespace Shop;

        public sealed class Checkout
        {
            // The vendor's client.
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            /// <summary>Made by dependency injection.</summary>
            /// <param name="telemetry">Where <see cref="_telemetry"/> comes from.</param>
            public Checkout({|NT0001:TelemetryClient|} telemetry)
            {
                _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
            }

            public void Complete(string order, IDictionary<string, string> properties, Exception? problem)
            {
                _telemetry.{|NT0001:TrackEvent|}("Completed", properties); // done
                if (problem is not null)
                {
                    this._telemetry.{|NT0001:TrackException|}(problem);
                }
            }

            public void Stop() => _telemetry.{|NT0001:Flush|}();
        }
        """, """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed class Checkout
        {
            // The vendor's client.
            private readonly ILogger<Checkout> _telemetry;

            /// <summary>Made by dependency injection.</summary>
            /// <param name="telemetry">Where <see cref="_telemetry"/> comes from.</param>
            public Checkout(ILogger<Checkout> telemetry)
            {
                _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
            }

            public void Complete(string order, IDictionary<string, string> properties, Exception? problem)
            {
                _telemetry.LogInformation("{EventName} {Properties}", "Completed", properties); // done
                if (problem is not null)
                {
                    this._telemetry.LogError(problem, "TrackException");
                }
            }

            public void Stop() => _telemetry.LogDebug("Flush");
        }
        """, s_applicationInsights);

    [Fact]
    public Task A_primary_constructor_parameter_and_a_nullable_field_with_conditional_calls_in_lambdas() => Verify.VerifyAsync("""
        #nullable enable
        using System;
        using System.Threading.Tasks;
        using Sentry;

        class Importer({|NT0001:IHub|} hub)
        {
            public Task Run(string file) => Task.Run(() =>
            {
                hub.{|NT0001:AddBreadcrumb|}("import " + file);
            });
        }

        class Retry
        {
            private {|NT0001:IHub|}? _fallback;

            public Retry({|NT0001:IHub|}? fallback) => this._fallback = fallback;

            public void Run(string file)
            {
                void Failed(Exception e) => _fallback?.{|NT0001:CaptureException|}(e);
                Failed(new InvalidOperationException(file));
            }
        }
        """, """
        #nullable enable
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Importer(ILogger<Importer> hub)
        {
            public Task Run(string file) => Task.Run(() =>
            {
                hub.LogDebug("{Message}", "import " + file);
            });
        }

        class Retry
        {
            private ILogger<Retry>? _fallback;

            public Retry(ILogger<Retry>? fallback) => this._fallback = fallback;

            public void Run(string file)
            {
                void Failed(Exception e) => _fallback?.LogError(e, "CaptureException");
                Failed(new InvalidOperationException(file));
            }
        }
        """, s_sentry);

    /// <summary>Another constructor calls the primary one with a client: the parameter keeps its type, the call is logged through Trace.</summary>
    [Fact]
    public Task Is_not_offered_for_a_constructor_another_constructor_calls() => Verify.VerifyAsync("""
        using Sentry;

        class Importer({|NT0001:IHub|} hub)
        {
            public Importer() : this(null!)
            {
            }

            public void Run(string file) => hub.{|NT0001:AddBreadcrumb|}("import " + file);
        }
        """, """
        using System.Diagnostics;
        using Sentry;

        class Importer({|NT0001:IHub|} hub)
        {
            public Importer() : this(null!)
            {
            }

            public void Run(string file) => Trace.TraceInformation("AddBreadcrumb: {0}", "import " + file);
        }
        """, s_sentry);

    /// <summary>
    /// Each of these would break the build, or lose what the code does with the client: the constructor is called with one, the
    /// field is given to another method, a property of the client is set, a call's result is used, the field is initialised
    /// with a new client, the field is public, and a logger is already at hand for the calls.
    /// </summary>
    [Fact]
    public Task Is_not_offered_where_the_result_would_not_compile_or_would_drop_what_the_code_does() => Verify.VerifyNoFixAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;
        using Microsoft.Extensions.Logging;

        class Called
        {
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            public Called({|NT0001:TelemetryClient|} telemetry) => _telemetry = telemetry;

            public static Called Make() => new Called({|NT0001:new TelemetryClient()|});
        }

        class Passed
        {
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            public Passed({|NT0001:TelemetryClient|} telemetry) => _telemetry = telemetry;

            void M() => Send(_telemetry);

            static void Send(object client) => System.Console.WriteLine(client);
        }

        class Configured({|NT0001:TelemetryClient|} telemetry)
        {
            void M() => telemetry.Context.User.{|NT0001:Id|} = "anonymous";
        }

        class ResultUsed({|NT0001:TelemetryClient|} telemetry)
        {
            void M()
            {
                using var operation = telemetry.{|NT0001:StartOperation|}<RequestTelemetry>("import");
            }
        }

        """, s_applicationInsights);

    [Fact]
    public Task Where_the_class_holds_a_logger_the_calls_log_through_it_and_the_client_goes() => Verify.VerifyAsync("""
        using System;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class WithLogger({|NT0001:TelemetryClient|} telemetry, ILogger<WithLogger> logger)
        {
            void M()
            {
                telemetry.{|NT0001:TrackEvent|}("both");
                logger.LogInformation("both");
            }
        }

        public sealed class Controller
        {
            private readonly ILogger<Controller> _logger;
            private readonly {|NT0001:TelemetryClient|} _telemetryClient;

            public Controller(ILogger<Controller> logger, {|NT0001:TelemetryClient|} telemetryClient)
            {
                _logger = logger;
                _telemetryClient = telemetryClient ?? throw new ArgumentNullException(nameof(telemetryClient));
            }

            public void Get(string id)
            {
                _telemetryClient.{|NT0001:TrackEvent|}("get"); // counted
                _logger.LogInformation("Get {Id}", id);
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class WithLogger(ILogger<WithLogger> logger)
        {
            void M()
            {
                logger.LogInformation("{EventName}", "both");
                logger.LogInformation("both");
            }
        }

        public sealed class Controller
        {
            private readonly ILogger<Controller> _logger;

            public Controller(ILogger<Controller> logger)
            {
                _logger = logger;
            }

            public void Get(string id)
            {
                _logger.LogInformation("{EventName}", "get"); // counted
                _logger.LogInformation("Get {Id}", id);
            }
        }
        """, s_applicationInsights);

    /// <summary>Arguments written one per line stay one per line, with the comment above one of them.</summary>
    [Fact]
    public Task Arguments_on_lines_of_their_own_stay_on_them() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        public class MonkeyService(ILogger<MonkeyService> logger, {|NT0001:TelemetryClient|} telemetryClient)
        {
            public void Done(int count, string text)
            {
                telemetryClient.{|NT0001:TrackEvent|}(
                    "Accomplished",
                    // What was typed.
                    new Dictionary<string, string>
                    {
                        { "Count", count.ToString() },
                        { "Text", text },
                    });
                logger.LogInformation("done");
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class MonkeyService(ILogger<MonkeyService> logger)
        {
            public void Done(int count, string text)
            {
                logger.LogInformation("{EventName} {Properties}",
                    "Accomplished",
                    // What was typed.
                    new Dictionary<string, string>
                    {
                        { "Count", count.ToString() },
                        { "Text", text },
                    });
                logger.LogInformation("done");
            }
        }
        """, s_applicationInsights);

    /// <summary>
    /// The client would go, but a documentation comment names it (a dangling tag, CS1572, an error with warnings as errors),
    /// or the constructor without it would be another one again (CS0111): nothing changes.
    /// </summary>
    [Fact]
    public Task Is_not_offered_to_remove_a_client_a_comment_documents_or_whose_constructor_would_collide() => Verify.VerifyNoFixAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Documented
        {
            private readonly ILogger<Documented> _logger;
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            /// <param name="logger">The log.</param>
            /// <param name="telemetry">The vendor's client.</param>
            public Documented(ILogger<Documented> logger, {|NT0001:TelemetryClient|} telemetry)
            {
                _logger = logger;
                _telemetry = telemetry;
            }
        }

        // Without its client the second constructor would be the first one again: no fix.
        class Stored
        {
            private readonly ILogger _log;
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            public Stored(ILogger log) => _log = log;

            public Stored(ILogger log, {|NT0001:TelemetryClient|} telemetry) : this(log) => _telemetry = telemetry;
        }
        """, s_applicationInsights);

    [Fact]
    public async Task The_analyzer_marks_only_fields_and_constructor_parameters_of_the_SDK_type_itself()
    {
        const string Source = """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;

            class C
            {
                private TelemetryClient _one;
                private TelemetryClient _created = new TelemetryClient();
                private TelemetryClient _two, _three;
                private List<TelemetryClient> _many;
                private static TelemetryClient s_shared;
                public C(TelemetryClient telemetry, TelemetryClient[] all) { }
                void M(TelemetryClient client) { }
                TelemetryClient Property { get; set; }
            }
            """;
        var (_, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source, s_applicationInsights);
        var marked = diagnostics
            .Where(d => d.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == "logger")
            .Select(d => d.GetMessage())
            .ToList();
        Assert.Equal(2, marked.Count);
        Assert.Contains(marked, m => m.Contains("(_one)", StringComparison.Ordinal));
        Assert.Contains(marked, m => m.Contains("(telemetry)", StringComparison.Ordinal));
        Assert.All(diagnostics.Where(d => d.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == "logger"), d => Assert.Equal("true", d.Properties[DiagnosticProperties.Fixable]));
    }

    /// <summary>
    /// A use in another file is not this document's to change: the call there is logged through Trace on its own, and only then,
    /// used by nothing else, the field and its parameter become a logger (the SDK type is gone from the class).
    /// </summary>
    [Fact]
    public Task A_use_in_another_file_of_a_partial_class_is_not_rewritten_by_the_slots_fix()
    {
        var test = new CSharpCodeFixTest<TelemetrySdkUsageAnalyzer, TelemetrySdkUsageCodeFix, DefaultVerifier>();
        test.TestState.Sources.Add(("Checkout.cs", """
            using Microsoft.ApplicationInsights;

            partial class Checkout
            {
                private readonly {|NT0001:TelemetryClient|} _telemetry;

                public Checkout({|NT0001:TelemetryClient|} telemetry) => _telemetry = telemetry;
            }
            """));
        test.TestState.Sources.Add(("Checkout.Reports.cs", """
            partial class Checkout
            {
                void Report() => _telemetry.{|NT0001:TrackEvent|}("report");
            }
            """));
        test.FixedState.Sources.Add(("Checkout.cs", """
            using Microsoft.Extensions.Logging;

            partial class Checkout
            {
                private readonly ILogger<Checkout> _telemetry;

                public Checkout(ILogger<Checkout> telemetry) => _telemetry = telemetry;
            }
            """));
        test.FixedState.Sources.Add(("Checkout.Reports.cs", """
            using System.Diagnostics;

            partial class Checkout
            {
                void Report() => Trace.TraceInformation("TrackEvent: {0}", "report");
            }
            """));
        test.FixedState.MarkupHandling = MarkupMode.Allow;

        // One pass rewrites the call, the next the slots: `dotnet format` twice.
        test.NumberOfFixAllIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 2;
        s_applicationInsights.ApplyTo(test);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// What <c>dotnet format</c> does: one pass over the document from the first finding. The field, its parameter and the calls
    /// through them are one change; the calls' own findings do not rewrite them a second time.
    /// </summary>
    [Fact]
    public async Task Fix_all_like_dotnet_format_changes_the_slots_and_their_calls_once()
    {
        const string Source = """
            using Microsoft.ApplicationInsights;

            class Worker
            {
                private readonly TelemetryClient _telemetry;

                public Worker(TelemetryClient telemetry) => _telemetry = telemetry;

                void Tick(int count)
                {
                    _telemetry.TrackEvent("tick");
                    _telemetry.GetMetric("ticks").TrackValue(count);
                }
            }

            class Other
            {
                void M(TelemetryClient client) => client.TrackEvent("other");
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source, s_applicationInsights);

        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), document, diagnostics);

        // GetMetric(...).TrackValue(...) is a call on a call's result: the field keeps the SDK type, and each call that can be
        // logged through Trace is.
        Assert.Equal("""
            using System.Diagnostics;
            using Microsoft.ApplicationInsights;

            class Worker
            {
                private readonly TelemetryClient _telemetry;

                public Worker(TelemetryClient telemetry) => _telemetry = telemetry;

                void Tick(int count)
                {
                    Trace.TraceInformation("TrackEvent: {0}", "tick");
                    _telemetry.GetMetric("ticks").TrackValue(count);
                }
            }

            class Other
            {
                void M(TelemetryClient client) => Trace.TraceInformation("TrackEvent: {0}", "other");
            }
            """, fixedText);

        var (clean, cleanDiagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source.Replace("        _telemetry.GetMetric(\"ticks\").TrackValue(count);\n", string.Empty, StringComparison.Ordinal), s_applicationInsights);
        var cleanText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), clean, cleanDiagnostics);
        Assert.Equal("""
            using Microsoft.ApplicationInsights;
            using Microsoft.Extensions.Logging;

            class Worker
            {
                private readonly ILogger<Worker> _telemetry;

                public Worker(ILogger<Worker> telemetry) => _telemetry = telemetry;

                void Tick(int count)
                {
                    _telemetry.LogInformation("{EventName}", "tick");
                }
            }

            class Other
            {
                void M(TelemetryClient client) => Trace.TraceInformation("TrackEvent: {0}", "other");
            }
            """.Replace("using Microsoft.ApplicationInsights;\n", "using System.Diagnostics;\nusing Microsoft.ApplicationInsights;\n", StringComparison.Ordinal), cleanText);
    }
}
