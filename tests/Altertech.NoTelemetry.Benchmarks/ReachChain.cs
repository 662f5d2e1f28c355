using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// NT0004 on a generated chain of methods from a crash handler to a send, as the chain grows: the walk visits each
/// method once, so the time over an empty operation analyzer should grow linearly with the chain's length.
/// </summary>
internal static class ReachChain
{
    private static readonly int[] Lengths = { 500, 1000, 2000, 4000 };

    public static async Task RunAsync(ImmutableArray<MetadataReference> framework, int iterations)
    {
        Console.WriteLine("NT0004 on a chain of methods from an AppDomain.UnhandledException handler to HttpClient.PostAsync (notelemetry.max_reach_depth = 4096), median of " +
            $"{iterations} runs after one warm-up, wall clock of GetAnalyzerDiagnosticsAsync on a fresh clone:");
        Console.WriteLine();
        Console.WriteLine("| Methods in the chain | Empty operation analyzer ms | UnsolicitedReportingAnalyzer ms | Over empty ms | Over empty, µs per method | NT0004 found |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|");
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OneOption("notelemetry.max_reach_depth", "4096"));
        foreach (var length in Lengths)
        {
            var compilation = CSharpCompilation.Create(
                "Chain" + length,
                new[] { CSharpSyntaxTree.ParseText(Source(length), new CSharpParseOptions(LanguageVersion.CSharp12), "Chain.cs") },
                framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var empty = new List<double>();
            var ours = new List<double>();
            var found = false;
            for (var run = 0; run <= iterations; run++)
            {
                var (emptyMs, _) = await TimeAsync(compilation, new EmptyOperationAnalyzer(), options);
                var (oursMs, diagnostics) = await TimeAsync(compilation, new UnsolicitedReportingAnalyzer(), options);
                if (run > 0)
                {
                    empty.Add(emptyMs);
                    ours.Add(oursMs);
                }

                found = diagnostics.Any(d => d.Id == "NT0004");
            }

            var over = Median(ours) - Median(empty);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {length} | {Median(empty):F0} | {Median(ours):F0} | {over:F0} | {over * 1000 / length:F1} | {(found ? "yes" : "no")} |"));
        }

        Console.WriteLine();
    }

    private static string Source(int length)
    {
        var source = new StringBuilder();
        source.AppendLine("using System; using System.Net.Http;");
        source.AppendLine("static class Program { static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) => Chain.M0(); }");
        source.AppendLine("static class Chain {");
        for (var i = 0; i < length; i++)
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"  public static void M{i}() => M{i + 1}();");
        }

        source.AppendLine(CultureInfo.InvariantCulture, $"  public static void M{length}() => new HttpClient().PostAsync(\"https://deep.example.com/\", null);");
        source.AppendLine("}");
        return source.ToString();
    }

    private static async Task<(double Milliseconds, ImmutableArray<Diagnostic> Diagnostics)> TimeAsync(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions options)
    {
        var clone = compilation.Clone();
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await clone.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (stopwatch.Elapsed.TotalMilliseconds, diagnostics);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class OneOption : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public OneOption(string key, string value) => _options = new Options(key, value);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string _key;
            private readonly string _value;

            public Options(string key, string value)
            {
                _key = key;
                _value = value;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == _key ? _value : null;
                return value is not null;
            }
        }
    }
}
