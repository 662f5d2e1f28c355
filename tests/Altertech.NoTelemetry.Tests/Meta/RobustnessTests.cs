using System.Collections.Immutable;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

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
}
