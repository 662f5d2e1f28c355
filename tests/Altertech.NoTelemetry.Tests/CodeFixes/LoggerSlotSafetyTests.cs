using System.Collections.Immutable;
using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.CodeFixes;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>
/// NT0001's SDK-client slot fix (and the local-logging fix it builds on) in the shapes where an action could throw, or
/// its result does not compile, or drops what the code did. Each test states the promise it checks.
/// </summary>
public class LoggerSlotSafetyTests
{
    private static readonly ReferenceSet s_applicationInsights = TestReferences.With("Microsoft.ApplicationInsights", "Microsoft.Extensions.Logging");

    private static readonly ReferenceSet s_sentry = TestReferences.With("Sentry", "Microsoft.Extensions.Logging");

    private static readonly ReferenceSet s_both = TestReferences.With("Microsoft.ApplicationInsights", "Sentry", "Microsoft.Extensions.Logging");

    // ---- The action throws (a broken light bulb, a failed dotnet format) ----

    /// <summary>
    /// Remove kind, constructor with an expression body <c>=&gt; _t = t;</c>: the constructor is replaced by a new node (block
    /// body) and then its parameter is removed from the old one, which the editor no longer finds.
    /// </summary>
    [Fact]
    public Task Remove_with_an_expression_bodied_constructor_does_not_throw_and_compiles() => AssertSlotFixesCompileAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        abstract class ServiceBase
        {
            protected ServiceBase(ILogger logger) => Logger = logger;

            protected ILogger Logger { get; }
        }

        sealed class Worker : ServiceBase
        {
            private readonly TelemetryClient _telemetry;

            public Worker(ILogger<Worker> logger, TelemetryClient telemetry) : base(logger) => _telemetry = telemetry;

            public void Tick() => _telemetry.TrackEvent("tick");
        }
        """, s_applicationInsights, expectActions: true);

    /// <summary>
    /// A call through the slot inside another one's scope callback: both calls are the plan's, both are replaced, the inner one
    /// inside the outer one's replaced node.
    /// </summary>
    [Fact]
    public Task A_slot_call_inside_another_slot_calls_callback_does_not_throw() => AssertSlotFixesCompileAsync("""
        using System;
        using Sentry;

        class Importer
        {
            private readonly IHub _hub;

            public Importer(IHub hub) => _hub = hub;

            public void Failed(Exception e) => _hub.CaptureException(e, scope => _hub.AddBreadcrumb("failed"));
        }
        """, s_sentry, expectActions: null);

    // ---- The action is offered and the result does not compile ----

    /// <summary>
    /// A primary constructor's parameter is given by a derived class's primary-constructor base call (<c>: ServiceBase(telemetry)</c>):
    /// SymbolFinder does not report that call as a reference of the constructor, so the parameter is retyped and the derived class breaks (CS1503).
    /// </summary>
    [Fact]
    public Task A_primary_constructor_called_from_a_derived_primary_constructor_is_not_retyped() => AssertSlotFixesCompileAsync("""
        using Microsoft.ApplicationInsights;

        abstract class ServiceBase(TelemetryClient telemetry)
        {
            protected void Started() => telemetry.TrackEvent("started");
        }

        sealed class Worker(TelemetryClient telemetry) : ServiceBase(telemetry)
        {
        }
        """, s_applicationInsights, expectActions: false);

    /// <summary>
    /// Remove kind in a nested class of a class that holds a logger: the outer class's instance field is "in scope" by name
    /// (LookupSymbols), so the plan removes the client and logs through <c>_logger</c>, which the nested class cannot reach (CS0120).
    /// </summary>
    [Fact]
    public Task A_nested_class_does_not_log_through_the_outer_class_instance_logger() => AssertSlotFixesCompileAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Outer
        {
            private readonly ILogger<Outer> _logger;

            public Outer(ILogger<Outer> logger) => _logger = logger;

            public void Run() => _logger.LogInformation("run");

            public class Inner
            {
                private readonly TelemetryClient _t;

                public Inner(TelemetryClient t) { _t = t; }

                public void Go() => _t.TrackEvent("go");
            }
        }
        """, s_applicationInsights, expectActions: null);

    /// <summary>The same root cause in the plain local-logging fix (not the slot fix): a call in a nested class logs through the outer instance's logger (CS0120).</summary>
    [Fact]
    public Task The_local_logging_fix_in_a_nested_class_does_not_use_the_outer_class_instance_logger() => AssertFixAllCompilesAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Outer
        {
            private readonly ILogger<Outer> _logger;

            public Outer(ILogger<Outer> logger) => _logger = logger;

            public void Run() => _logger.LogInformation("run");

            public class Inner
            {
                public void Go(TelemetryClient client) => client.TrackEvent("go");
            }
        }
        """, s_applicationInsights);

    /// <summary>
    /// Remove kind, two constructors that differ only in where the client stands: without it both are <c>Two(int)</c> (CS0111).
    /// ConstructorsCollide compares what is left of one constructor with the other's original parameters, not with what is left of it.
    /// </summary>
    [Fact]
    public Task Removing_the_client_from_two_constructors_does_not_make_them_one() => AssertSlotFixesCompileAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Two
        {
            private static readonly ILogger s_log = LoggerFactory.Create(b => { }).CreateLogger("Two");
            private readonly TelemetryClient _t;

            public Two(TelemetryClient t, int a) { _t = t; }

            public Two(int a, TelemetryClient t) { _t = t; }

            public void Go() => _t.TrackEvent("go");
        }
        """, s_applicationInsights, expectActions: null);

    /// <summary>
    /// Remove kind, the field stored in a lambda of the constructor (<c>() =&gt; _t = t</c>): the store is accepted (its operation
    /// parent is an implicit expression statement) but only statement and arrow-clause stores are removed (CS0103 twice).
    /// </summary>
    [Fact]
    public Task Remove_with_the_store_in_a_lambda_compiles() => AssertSlotFixesCompileAsync("""
        using System;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;

        class Lazy
        {
            private readonly ILogger<Lazy> _logger;
            private TelemetryClient _t;

            public Lazy(ILogger<Lazy> logger, TelemetryClient t)
            {
                _logger = logger;
                Action init = () => _t = t;
                init();
            }

            public void Go() => _t.TrackEvent("go");
        }
        """, s_applicationInsights, expectActions: null);

    /// <summary>
    /// Fix All (dotnet format) with two SDK clients of different types, each in its own constructor: each plan is made on the
    /// original document, both retype, and the two constructors become <c>Overloads(ILogger&lt;Overloads&gt;)</c> (CS0111). One by one
    /// the second would have been the Remove kind. (In <c>Both</c> the result compiles but holds two <c>ILogger&lt;Both&gt;</c>.)
    /// </summary>
    [Fact]
    public Task Fix_all_with_two_sdk_clients_in_one_class_compiles() => AssertFixAllCompilesAsync("""
        using Microsoft.ApplicationInsights;
        using Sentry;

        public sealed class Overloads
        {
            private readonly TelemetryClient _telemetry;
            private readonly IHub _hub;

            public Overloads(TelemetryClient telemetry) => _telemetry = telemetry;

            public Overloads(IHub hub) => _hub = hub;

            public void Get(string id)
            {
                _telemetry?.TrackEvent("get");
                _hub?.AddBreadcrumb("get " + id);
            }
        }
        """, s_both);

    /// <summary>
    /// Fix All (dotnet format), Remove kind, two SDK clients taken by one constructor next to a logger-only one: each plan alone
    /// leaves <c>Three(ILogger&lt;Three&gt;, IHub)</c> or <c>Three(ILogger&lt;Three&gt;, TelemetryClient)</c>, so ConstructorsCollide passes
    /// both; together they leave a second <c>Three(ILogger&lt;Three&gt;)</c> (CS0111).
    /// </summary>
    [Fact]
    public Task Fix_all_removing_two_sdk_clients_from_one_constructor_compiles() => AssertFixAllCompilesAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;
        using Sentry;

        class Three
        {
            private readonly ILogger<Three> _logger;
            private readonly TelemetryClient _t;
            private readonly IHub _h;

            public Three(ILogger<Three> logger) { _logger = logger; }

            public Three(ILogger<Three> logger, TelemetryClient t, IHub h)
            {
                _logger = logger;
                _t = t;
                _h = h;
            }

            public void Go() { _t.TrackEvent("x"); _h.AddBreadcrumb("y"); }
        }
        """, s_both);

    /// <summary>
    /// The plan reads only active code: a use of the slot under an inactive <c>#if</c> still reads a property of the client,
    /// and breaks in the configuration that defines the symbol.
    /// </summary>
    [Fact]
    public async Task A_slot_named_in_inactive_preprocessor_code_is_not_retyped()
    {
        const string Source = """
            using Microsoft.ApplicationInsights;

            class Tracked
            {
                private readonly TelemetryClient _t;

                public Tracked(TelemetryClient t) => _t = t;

                public void Go()
                {
                    _t.TrackEvent("go");
            #if DIAGNOSTICS
                    _t.Context.User.Id = "x";
            #endif
                }
            }
            """;
        var fixedTexts = await SlotActionTextsAsync(Source, s_applicationInsights);
        Assert.All(fixedTexts, t => Assert.DoesNotContain("ILogger<Tracked> _t", t, StringComparison.Ordinal));
    }

    /// <summary>
    /// A public field is marked and retyped (LoggerSlot.MayBecomeLogger checks no accessibility): code in another solution that
    /// reads <c>Telemetry</c> breaks. The docs name only public constructors called from another solution. (Probe: is it offered?)
    /// </summary>
    [Fact]
    public async Task A_public_field_is_not_retyped()
    {
        const string Source = """
            using Microsoft.ApplicationInsights;

            public class Exposed
            {
                public readonly TelemetryClient Telemetry;

                public Exposed(TelemetryClient telemetry) => Telemetry = telemetry;

                public void Go() => Telemetry.TrackEvent("go");
            }
            """;
        Assert.Empty(await SlotActionTextsAsync(Source, s_applicationInsights));
    }

    // ---- Behaviour ----

    /// <summary>
    /// Remove kind: the calls log through the class's logger field, which a helper called from the constructor reads before
    /// the constructor assigns it: <c>Init()</c> threw nothing before (the client was assigned first), it throws a
    /// NullReferenceException now. The logger must be assigned wherever the client was, before each call can run.
    /// </summary>
    [Fact]
    public async Task Remove_does_not_log_through_a_logger_the_constructor_has_not_assigned_yet()
    {
        const string Source = """
            using Microsoft.ApplicationInsights;
            using Microsoft.Extensions.Logging;

            class Started
            {
                private readonly ILogger<Started> _logger;
                private readonly TelemetryClient _t;

                public Started(ILogger<Started> logger, TelemetryClient t)
                {
                    _t = t;
                    Init();
                    _logger = logger;
                }

                private void Init() => _t.TrackEvent("init");
            }
            """;
        var fixedTexts = await SlotActionTextsAsync(Source, s_applicationInsights);
        Assert.All(fixedTexts, t => Assert.DoesNotContain("private void Init() => _logger.LogInformation", t, StringComparison.Ordinal));
    }

    /// <summary>
    /// log-arguments: Sentry runs the scope callback at once; leaving it out (LoggedArguments.LosesNothing says a lambda loses
    /// nothing) drops what its body does besides the scope: the counter and the console line are gone after the fix.
    /// </summary>
    [Fact]
    public async Task A_scope_callback_that_does_more_than_configure_the_scope_is_not_left_out()
    {
        const string Source = """
            using System;
            using Sentry;

            class Reporter
            {
                private int _failures;

                public void Failed(IHub hub, Exception e)
                {
                    hub.CaptureException(e, scope => { scope.SetTag("k", "v"); _failures++; Console.WriteLine("reported"); });
                }
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source, s_sentry);
        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), document, diagnostics);
        Assert.Contains("_failures++", fixedText, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(\"reported\")", fixedText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Fix All (dotnet format) with a slot retyped whose class has no call (so only Roslyn's import adder adds
    /// Microsoft.Extensions.Logging) and a call elsewhere logged through Trace (System.Diagnostics, also the import adder): the
    /// file's header comment is written twice.
    /// </summary>
    [Fact]
    public async Task Fix_all_keeps_the_file_header_once()
    {
        const string Source = """
            // Copyright (c) Contoso.
            using Microsoft.ApplicationInsights;

            class One
            {
                private readonly TelemetryClient _t;

                public One(TelemetryClient t) => _t = t;
            }

            class Other
            {
                public void Go(TelemetryClient client) => client.TrackEvent("other");
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), Source, s_applicationInsights);
        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), document, diagnostics);
        Assert.Single(fixedText.Split('\n'), line => line.StartsWith("// Copyright", StringComparison.Ordinal));
    }

    // ---- helpers ----

    /// <summary>
    /// For every finding marked <c>fix = logger</c>: registering its actions and computing each must not throw, and each result
    /// must compile; then Fix All as dotnet format runs it. <paramref name="expectActions"/> true: at least one slot action is
    /// offered (the shape is one the fix should handle); false: none should be; null: either, as long as it compiles.
    /// </summary>
    private static async Task AssertSlotFixesCompileAsync(string source, ReferenceSet references, bool? expectActions)
    {
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), source, references);
        var provider = new TelemetrySdkUsageCodeFix();
        var offered = 0;
        foreach (var diagnostic in diagnostics.Where(IsSlot))
        {
            foreach (var action in await ActionsAsync(provider, document, diagnostic))
            {
                offered++;
                var changed = await ApplyAsync(action, document);
                await AssertCompilesAsync(changed, action.Title);
            }
        }

        if (expectActions is { } expected)
        {
            Assert.Equal(expected, offered > 0);
        }

        await AssertFixAllCompilesAsync(source, references);
    }

    private static async Task AssertFixAllCompilesAsync(string source, ReferenceSet references)
    {
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), source, references);
        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new TelemetrySdkUsageCodeFix(), document, diagnostics);
        await AssertCompilesAsync(document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(fixedText)), "Fix All");
    }

    private static async Task<List<string>> SlotActionTextsAsync(string source, ReferenceSet references)
    {
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new TelemetrySdkUsageAnalyzer(), source, references);
        var provider = new TelemetrySdkUsageCodeFix();
        var texts = new List<string>();
        foreach (var diagnostic in diagnostics.Where(IsSlot))
        {
            foreach (var action in await ActionsAsync(provider, document, diagnostic))
            {
                texts.Add((await (await ApplyAsync(action, document)).GetTextAsync()).ToString());
            }
        }

        return texts;
    }

    private static bool IsSlot(Diagnostic d) => d.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == "logger";

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        return actions;
    }

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
    }

    private static async Task AssertCompilesAsync(Document document, string what)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, what + " does not compile:\n" + string.Join("\n", errors) + "\n" + (await document.GetTextAsync()));
    }
}
