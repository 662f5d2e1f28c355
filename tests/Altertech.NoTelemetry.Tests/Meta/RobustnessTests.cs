using System.Collections.Immutable;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Tests.Meta;

/// <summary>An analyzer exception (AD0001) in a user's IDE is the worst bug we can ship.</summary>
public class RobustnessTests
{
    public static TheoryData<string, string> Sources() => new()
    {
        { "empty", "" },
        { "whitespace", "   \r\n\t\n" },
        { "garbage", "}{ ;; class 123 @@@ => ?. new new ( [ \" ' $\"{ " },
        { "unclosed class", "using Microsoft.ApplicationInsights; class C { void M(TelemetryClient c) { c.TrackEvent(" },
        { "unclosed interpolation", "class C { void M(System.Net.Http.HttpClient c) { c.GetAsync($\"https://{x" },
        { "missing types", "class C : Missing, IMissing { Missing F; [Missing] void M(Missing p) { new Missing().Send(p); global::Nope.X.Y(); } }" },
        { "attribute on nothing", "[Microsoft.ApplicationInsights.Foo(" },
        { "top-level garbage", "await new System.Net.Http.HttpClient().GetAsync(; var x = typeof(; x?.()" },
        { "deep nesting", "class C { string M() => " + string.Concat(Enumerable.Repeat("\"a\" + (", 300)) + "\"b\"" + new string(')', 300) + "; }" },
        { "a local written on a thousand paths", "class C { void M(System.Net.Http.HttpClient c, int n) { var url = \"\"; " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"if (n == {i}) url = \"https://h{i}.example.com/\"; ")) + "for (var i = 0; i < n; i++) { url += \"/x\"; } c.GetAsync(url); } }" },
        { "a URL appended to twenty thousand times", "class C { void M(System.Net.Http.HttpClient c, string x) { var url = \"https://api.example.com/\"; " + string.Concat(Enumerable.Repeat("url += x; ", 20000)) + "c.GetAsync(url); } }" },
        { "a query string of thirty optional parts", "class C { void M(System.Net.Http.HttpClient c, string?[] a) { var url = \"https://api.example.com/search?\"; " + string.Concat(Enumerable.Range(0, 30).Select(i => $"if (a[{i}] != null) url += \"p{i}=\" + a[{i}] + \"&\"; ")) + "c.GetAsync(url); } }" },
        { "optional parts in a loop", "class C { void M(System.Net.Http.HttpClient c, bool[] a) { var url = \"https://api.example.com/?\"; foreach (var b in a) { " + string.Concat(Enumerable.Range(0, 12).Select(i => $"if (b) url = url + \"p{i}&\"; ")) + "} c.GetAsync(url); } }" },
        { "nested interpolation", "class C { void M(System.Net.Http.HttpClient c) { var a0 = \"https://api.example.com/\"; " + string.Concat(Enumerable.Range(1, 16).Select(i => $"var a{i} = $\"{{a{i - 1}}}{{a{i - 1}}}{{a{i - 1}}}{{a{i - 1}}}\"; ")) + "c.GetAsync(a16); } }" },
        { "a thousand hooks into one recursive helper", "class C { static System.Net.Http.HttpClient H = new(); static void M() { " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"System.AppDomain.CurrentDomain.UnhandledException += (s, e) => R({i}); ")) + "} static void R(int n) { if (n > 0) R(n - 1); H.GetAsync(\"https://x.example.com/\" + System.Environment.MachineName); } }" },
        { "delegates stored in each other", "class C { static System.Action? A, B, D; static void M() { A = () => B?.Invoke(); B = () => A?.Invoke(); D = A; A = D; System.AppDomain.CurrentDomain.ProcessExit += (s, e) => D?.Invoke(); } }" },
        { "identifying data appended twenty thousand times", "class C { void M(System.Net.Http.HttpClient c) { var id = System.Environment.UserName; var url = \"https://api.example.com/?\"; " + string.Concat(Enumerable.Repeat("url += id; id = url; ", 10000)) + "c.GetAsync(url); } }" },
        { "a hook under edit", "class C { void M() { System.AppDomain.CurrentDomain.UnhandledException += (s, e) => { Send(e.; } ; System.AppDomain.CurrentDomain.ProcessExit += ; } void Send(object o) => new System.Net.Http.HttpClient().PostAsync(\"https://x.example.com\", new System.Net.Http.StringContent(System.Environment.MachineName" },
        { "a client field and constructor under edit", "using Microsoft.ApplicationInsights; class C { private readonly TelemetryClient _t; private TelemetryClient _u, ; public C(TelemetryClient t) { _t = t ?? ; } public C(TelemetryClient) : this( { } void M() { _t.TrackEvent(\"x\"); _t?.TrackException(; this._t. } }" },
        { "a primary constructor client under edit", "using Microsoft.ApplicationInsights; partial class C(TelemetryClient t, ) { void M() => t.TrackEvent(\"x\"); void N() => t.Flush(; } partial class C { void O() => t. }" },
        { "long concatenation", "class C { string M(System.Net.Http.HttpClient c) { c.GetAsync(\"https://\" " + string.Concat(Enumerable.Repeat("+ \"a\" ", 3000)) + "); return \"\"; } }" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Analyzers_never_throw(string name, string source)
    {
        var references = TestReferences.ApplicationInsights.Resolve();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: name + ".cs");
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { tree },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerAssembly.Analyzers, options).GetAllDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>
    /// Every code fix, asked for every finding of code under edit, registers its actions and computes their changes without
    /// an exception (an exception in a fix is a failed light bulb in the IDE and a crash of <c>dotnet format</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Code_fixes_never_throw(string name, string source)
    {
        if (source.Length > 20_000)
        {
            return;
        }

        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Robustness",
            "Robustness",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.ApplicationInsights.Resolve()));
        var document = workspace.AddDocument(project.Id, name + ".cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AnalyzerAssembly.Analyzers).GetAnalyzerDiagnosticsAsync();
        var providers = typeof(Altertech.NoTelemetry.CodeFixes.TelemetrySdkUsageCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(providers);

        var computed = 0;
        foreach (var provider in providers)
        {
            foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(CancellationToken.None);
                    computed++;
                }
            }
        }

        // The sources with a client under edit still have calls a fix can rewrite: the loop above did run fixes.
        if (name.Contains("client", StringComparison.Ordinal))
        {
            Assert.NotEqual(0, computed);
        }
    }
}
