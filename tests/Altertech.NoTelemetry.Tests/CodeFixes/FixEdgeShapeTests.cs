using System.Collections.Immutable;
using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.CodeFixes;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer,
    Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix>;
using VerifyEndpoint = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer,
    Altertech.NoTelemetry.CodeFixes.HardCodedEndpointCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>The code fixes at the edges: the usings they drop and add, what a callback left out may do, where the endpoint comment goes, what a logger in scope is.</summary>
public class FixEdgeShapeTests
{
    private static readonly ReferenceSet s_sentryLogging = TestReferences.With("Sentry", "Microsoft.Extensions.Logging");

    private static readonly ReferenceSet s_configuration = TestReferences.With("Microsoft.Extensions.Configuration.Abstractions");

    // ---- 1. Imports.WithoutNewlyUnusedAsync ----

    /// <summary>
    /// Fix All: the Init goes (the file's only use of System.Diagnostics, Debugger) and the capture becomes Trace, written
    /// global::System.Diagnostics.Trace until simplified. Before simplification the directive looks unused, so it is removed,
    /// and the name stays long: System.Diagnostics.Trace.TraceInformation(...). One fix at a time gives `using` + `Trace`.
    /// </summary>
    [Fact]
    public Task Fix_all_keeps_the_using_that_the_written_Trace_needs() => Verify.VerifyAsync("""
        using System.Diagnostics;
        using Sentry;

        class App
        {
            void Start()
            {
                SentrySdk.{|NT0001:Init|}(o => o.Debug = Debugger.IsAttached);
                SentrySdk.{|NT0001:CaptureMessage|}("started");
            }
        }
        """, """
        using System.Diagnostics;

        class App
        {
            void Start()
            {
                Trace.TraceInformation("CaptureMessage: {0}", "started");
            }
        }
        """, TestReferences.Sentry);

    /// <summary>The last directive of a file with a header comment and a blank line: two blank lines are left under the header.</summary>
    [Fact]
    public Task Removing_the_last_using_under_a_header_leaves_one_blank_line() => Verify.VerifyAsync("""
        // Copyright (c) Contoso.

        using Sentry;

        class App
        {
            void Start() => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
        }
        """, """
        // Copyright (c) Contoso.

        class App
        {
            void Start()
            {
            }
        }
        """, TestReferences.Sentry);

    /// <summary>File-scoped namespace, the directive under it: two blank lines are left between the namespace and the class.</summary>
    [Fact]
    public Task Removing_the_last_using_under_a_file_scoped_namespace_leaves_one_blank_line() => Verify.VerifyAsync("""
        namespace Shop;

        using Sentry;

        class App
        {
            void Start() => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
        }
        """, """
        namespace Shop;

        class App
        {
            void Start()
            {
            }
        }
        """, TestReferences.Sentry);

    /// <summary>A block namespace whose only directive goes: a line of indentation only is left after the brace.</summary>
    [Fact]
    public Task Removing_the_last_using_inside_a_namespace_leaves_no_whitespace_line() => Verify.VerifyAsync("""
        namespace Shop
        {
            using Sentry;

            class App
            {
                void Start() => SentrySdk.{|NT0001:Init|}(o => o.Debug = false);
            }
        }
        """, """
        namespace Shop
        {
            class App
            {
                void Start()
                {
                }
            }
        }
        """, TestReferences.Sentry);

    /// <summary>
    /// A project without &lt;GenerateDocumentationFile&gt; (DocumentationMode.None, what the command-line compiler and
    /// dotnet format's design-time build use): the compiler reports no CS8019 at all, so `using Sentry;` stays and removing
    /// the package breaks the build, the very case the commit was for (roslyn#41640: IDE0005 needs the doc file).
    /// </summary>
    [Fact]
    public async Task Removes_the_sdk_using_without_a_documentation_file()
    {
        const string Source = """
            using System;
            using Sentry;

            class App
            {
                void Start()
                {
                    SentrySdk.Init(o => o.Debug = false);
                    Console.WriteLine("started");
                }
            }
            """;
        var (parsed, _) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, TestReferences.Sentry, DocumentationMode.Parse);
        Assert.DoesNotContain("using Sentry;", parsed, StringComparison.Ordinal);
        var (text, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, TestReferences.Sentry, DocumentationMode.None);
        Assert.DoesNotContain("SentrySdk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("using Sentry;", text, StringComparison.Ordinal);
    }

    // ---- 2. LocalLogging: Trace's namespace through Imports.With ----

    /// <summary>
    /// A Trace of the product's, in a namespace the file imports: `using System.Diagnostics;` is added without a conflict check,
    /// and the product's own `Trace.Write` becomes ambiguous (CS0104). Roslyn's import adder checked for that.
    /// </summary>
    [Fact]
    public async Task Does_not_import_System_Diagnostics_where_it_makes_a_name_ambiguous()
    {
        const string Source = """
            using Engine;
            using Sentry;

            namespace Engine
            {
                public static class Trace { public static void Write(string message) { } }
            }

            class Player
            {
                void Die()
                {
                    Trace.Write("died");
                    SentrySdk.CaptureMessage("died");
                }
            }
            """;
        var (text, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, TestReferences.Sentry);
        Assert.Contains("Trace.TraceInformation(", text, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>
    /// A header above the file's first directive, which sorts after System.Diagnostics: Imports.With inserts
    /// `using System.Diagnostics;` before that directive, without its leading trivia, so the new directive stands above the
    /// copyright header (and when `using Sentry;` then goes, the header moves down to the class, with two blank lines).
    /// </summary>
    [Fact]
    public Task Imports_Trace_below_the_file_header() => Verify.VerifyAsync("""
        // Copyright (c) Contoso.

        using System.Text;
        using Sentry;

        class App
        {
            void Start() => SentrySdk.{|NT0001:CaptureMessage|}(new StringBuilder("started").ToString());
        }
        """, """
        // Copyright (c) Contoso.

        using System.Diagnostics;
        using System.Text;

        class App
        {
            void Start() => Trace.TraceInformation("CaptureMessage: {0}", new StringBuilder("started").ToString());
        }
        """, TestReferences.Sentry);

    /// <summary>`#define` above the directives: the inserted directive comes before it, and #define after a token is CS1032.</summary>
    [Fact]
    public async Task Imports_Trace_after_a_define()
    {
        const string Source = """
            #define TRACE
            using Sentry;

            class App
            {
                void Start() => SentrySdk.CaptureMessage("started");
            }
            """;
        var (_, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, TestReferences.Sentry);
        Assert.Empty(errors);
    }

    /// <summary>A Trace of the file's own namespace: the name cannot be shortened, yet an unused `using System.Diagnostics;` is added.</summary>
    [Fact]
    public Task Does_not_add_a_using_the_shadowed_Trace_cannot_use() => Verify.VerifyAsync("""
        using Sentry;

        namespace Shop
        {
            class Trace { }

            class App
            {
                void Start() => SentrySdk.{|NT0001:CaptureMessage|}("started");
            }
        }
        """, """
        namespace Shop
        {
            class Trace { }

            class App
            {
                void Start() => System.Diagnostics.Trace.TraceInformation("CaptureMessage: {0}", "started");
            }
        }
        """, TestReferences.Sentry);

    /// <summary>A file whose directives are all inside its namespace: System.Diagnostics is put at the top of the file, outside it.</summary>
    [Fact]
    public Task Imports_Trace_among_the_directives_inside_the_namespace() => Verify.VerifyAsync("""
        namespace Shop
        {
            using System;
            using Sentry;

            class App
            {
                void Start() => SentrySdk.{|NT0001:CaptureMessage|}("started " + DateTime.Now);
            }
        }
        """, """
        namespace Shop
        {
            using System;
            using System.Diagnostics;

            class App
            {
                void Start() => Trace.TraceInformation("CaptureMessage: {0}", "started " + DateTime.Now);
            }
        }
        """, TestReferences.Sentry);

    // ---- 3. LoggedArguments: scope callbacks left out ----

    /// <summary>
    /// `scope => scope.TagRelease()`: a product extension method whose receiver is the parameter counts as configuring the
    /// scope, so the callback is left out and the product code it ran (Tagged++) no longer runs.
    /// </summary>
    [Fact]
    public async Task A_product_extension_method_on_the_scope_is_not_left_out()
    {
        const string Source = """
            using System;
            using Microsoft.Extensions.Logging;
            using Sentry;

            static class ScopeExtensions
            {
                public static int Tagged;

                public static void TagRelease(this Scope scope) => Tagged++;
            }

            class Checkout(ILogger<Checkout> logger)
            {
                void Failed(Exception problem) => SentrySdk.CaptureException(problem, scope => scope.TagRelease());
            }
            """;
        var (text, _) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, s_sentryLogging);
        Assert.Contains("scope.TagRelease()", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A scope callback held in a local (or field) is a body elsewhere, like a method group, but a local "loses nothing":
    /// the callback is left out and `_failures++` no longer runs.
    /// </summary>
    [Fact]
    public async Task A_scope_callback_in_a_local_is_not_left_out()
    {
        const string Source = """
            using System;
            using Microsoft.Extensions.Logging;
            using Sentry;

            class Checkout(ILogger<Checkout> logger)
            {
                private int _failures;

                void Failed(Exception problem)
                {
                    Action<Scope> configure = scope => _failures++;
                    SentrySdk.CaptureException(problem, configure);
                }
            }
            """;
        var (text, _) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, s_sentryLogging);
        Assert.Contains("CaptureException(problem, configure)", text, StringComparison.Ordinal);
    }

    // ---- 4. HardCodedEndpointCodeFix: the comment ----

    /// <summary>A multi-line raw string literal written into a `//` comment: its second and third lines become code.</summary>
    [Fact]
    public async Task The_comment_of_a_raw_string_literal_endpoint_stays_one_line()
    {
        const string Source = """"
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            class UpdateChecker(IConfiguration configuration, HttpClient http)
            {
                public Task<string> CheckAsync() => http.GetStringAsync("""
                    https://updates.example.com/feed.xml
                    """);
            }
            """";
        var (text, errors) = await FixAllAsync(new HardCodedEndpointAnalyzer(), new HardCodedEndpointCodeFix(), Source, s_configuration);
        Assert.Contains("configuration[\"Endpoints:Check\"]", text, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Two endpoints in one member get one key: both requests then go to whatever `Endpoints:Sync` holds, and the two
    /// comments ask for two values for that one key.
    /// </summary>
    [Fact]
    public async Task Two_endpoints_in_one_member_get_two_keys()
    {
        const string Source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            class Sync(IConfiguration configuration, HttpClient http)
            {
                public async Task SyncAsync()
                {
                    await http.GetStringAsync("https://a.example.com/");
                    await http.GetStringAsync("https://b.example.com/");
                }
            }
            """;
        var (text, errors) = await FixAllAsync(new HardCodedEndpointAnalyzer(), new HardCodedEndpointCodeFix(), Source, s_configuration);
        Assert.Empty(errors);
        Assert.Equal(1, Count(text, "configuration[\"Endpoints:Sync\"]"));
    }

    /// <summary>An embedded statement on its condition's line: the comment ends the `if` line and the statement starts at column 0.</summary>
    [Fact]
    public Task The_comment_of_an_embedded_statement_goes_above_the_if() => VerifyEndpoint.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class Sync(IConfiguration configuration, HttpClient http)
        {
            public async Task SyncAsync(bool enabled)
            {
                if (enabled) await http.{|NT0003:GetStringAsync|}("https://a.example.com/");
            }
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class Sync(IConfiguration configuration, HttpClient http)
        {
            public async Task SyncAsync(bool enabled)
            {
                // Endpoints:Sync was "https://a.example.com/" in the code: set it in the configuration.
                if (enabled) await http.GetStringAsync(configuration["Endpoints:Sync"] ?? throw new System.InvalidOperationException("Set 'Endpoints:Sync' in the configuration: the endpoint is no longer built in."));
            }
        }
        """, s_configuration);

    // ---- 5. InScope ----

    /// <summary>
    /// A primary-constructor parameter of an outer class, from a nested class: the nested-class rule of 14005d7 covers fields
    /// and properties, not primary-constructor parameters (CS9105 after the fix).
    /// </summary>
    [Fact]
    public async Task Does_not_use_an_outer_classs_primary_constructor_logger_from_a_nested_class()
    {
        const string Source = """
            using Microsoft.Extensions.Logging;
            using Sentry;

            class Outer(ILogger<Outer> logger)
            {
                public void Run() => logger.LogInformation("run");

                class Inner
                {
                    void Start() => SentrySdk.CaptureMessage("started");
                }
            }
            """;
        var (_, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, s_sentryLogging);
        Assert.Empty(errors);
    }

    /// <summary>A static local function in an instance method: it cannot use the instance field (CS8421 after the fix).</summary>
    [Fact]
    public async Task Does_not_use_an_instance_logger_from_a_static_local_function()
    {
        const string Source = """
            using Microsoft.Extensions.Logging;
            using Sentry;

            class App
            {
                private readonly ILogger<App> _logger;

                public App(ILogger<App> logger) => _logger = logger;

                void Start()
                {
                    Report();

                    static void Report() => SentrySdk.CaptureMessage("started");
                }
            }
            """;
        var (_, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, s_sentryLogging);
        Assert.Empty(errors);
    }

    /// <summary>A lambda in an instance field initializer: it cannot use another instance field (CS0236 after the fix).</summary>
    [Fact]
    public async Task Does_not_use_an_instance_logger_from_a_field_initializer()
    {
        const string Source = """
            using System;
            using Microsoft.Extensions.Logging;
            using Sentry;

            class App
            {
                private readonly ILogger<App> _logger;

                private readonly Action _started = () => SentrySdk.CaptureMessage("started");

                public App(ILogger<App> logger) => _logger = logger;
            }
            """;
        var (_, errors) = await FixAllAsync(new TelemetrySdkUsageAnalyzer(), new TelemetrySdkUsageCodeFix(), Source, s_sentryLogging);
        Assert.Empty(errors);
    }

    /// <summary>NT0003, same cause: an endpoint in an instance field initializer read from an instance configuration field (CS0236).</summary>
    [Fact]
    public async Task Does_not_use_an_instance_configuration_from_a_field_initializer()
    {
        const string Source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            class Feed
            {
                private readonly IConfiguration _configuration;

                private readonly Func<HttpClient, Task<string>> _check = http => http.GetStringAsync("https://updates.example.com/feed.xml");

                public Feed(IConfiguration configuration) => _configuration = configuration;

                public Task<string> CheckAsync(HttpClient http) => _check(http);
            }
            """;
        var (_, errors) = await FixAllAsync(new HardCodedEndpointAnalyzer(), new HardCodedEndpointCodeFix(), Source, s_configuration);
        Assert.Empty(errors);
    }

    /// <summary>A logger inherited from a generic base class is found (works: a control for the nested-class rule).</summary>
    [Fact]
    public Task Uses_a_logger_inherited_from_a_generic_base_class() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using Sentry;

        abstract class Base<T>(ILogger<T> logger)
        {
            protected ILogger<T> Logger { get; } = logger;
        }

        class App(ILogger<App> logger) : Base<App>(logger)
        {
            void Start() => SentrySdk.{|NT0001:CaptureMessage|}("started");
        }
        """, """
        using Microsoft.Extensions.Logging;

        abstract class Base<T>(ILogger<T> logger)
        {
            protected ILogger<T> Logger { get; } = logger;
        }

        class App(ILogger<App> logger) : Base<App>(logger)
        {
            void Start() => Logger.LogInformation("started");
        }
        """, s_sentryLogging);

    // ---- helpers ----

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Fix All as dotnet format runs it, in a project with the given documentation mode; the text and its compile errors.</summary>
    private static async Task<(string Text, ImmutableArray<Diagnostic> Errors)> FixAllAsync(
        DiagnosticAnalyzer analyzer, CodeFixProvider provider, string source, ReferenceSet references, DocumentationMode mode = DocumentationMode.Parse)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12, mode),
            metadataReferences: references.Resolve()));
        var document = workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = (await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync())
            .Where(d => provider.FixableDiagnosticIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        Assert.NotEmpty(diagnostics);
        var text = await CodeFixRunner.FixAllLikeDotnetFormatAsync(provider, document, diagnostics);
        Console.WriteLine("---- fixed ----\n" + text);
        var fixedDocument = document.WithText(SourceText.From(text));
        var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
        var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (text, errors);
    }
}
