using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// <c>--profile</c>: runs our analyzers wrapped so that every action they register is timed on its own, which
/// tells which analyzer and which kind of action the time goes to (the driver's ExecutionTime is per analyzer).
/// </summary>
internal static class ActionProfiler
{
    public static async Task RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AdditionalText bannedFile, int iterations)
    {
        var perRun = new List<Dictionary<string, (double Ms, long Calls)>>();
        for (var run = 0; run < iterations + 1; run++)
        {
            var counters = new ConcurrentDictionary<string, Counter>(StringComparer.Ordinal);
            var wrapped = analyzers.Select(a => (DiagnosticAnalyzer)new TimedAnalyzer(a, counters)).ToImmutableArray();
            await Program.MeasureAsync(compilation, wrapped, ImmutableArray.Create<AdditionalText>(bannedFile));
            if (run > 0)
            {
                perRun.Add(counters.ToDictionary(p => p.Key, p => (Stopwatch.GetElapsedTime(0, p.Value.Ticks).TotalMilliseconds, p.Value.Calls), StringComparer.Ordinal));
            }
        }

        Console.WriteLine($"Per-action time of our analyzers (--profile: each registered callback timed on its own, median over {iterations} runs, summed over threads):");
        Console.WriteLine();
        Console.WriteLine("| Analyzer / action | Calls | ms | µs per call |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var key in perRun.SelectMany(r => r.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal))
        {
            var ms = Program.Median(perRun.Select(r => r.TryGetValue(key, out var v) ? v.Ms : 0).ToList());
            var calls = perRun[^1].TryGetValue(key, out var last) ? last.Calls : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {calls} | {ms:F1} | {(calls == 0 ? 0 : ms * 1000 / calls):F2} |"));
        }
    }

    private sealed class Counter
    {
        public long Ticks;
        public long Calls;

        public void Add(long started)
        {
            Interlocked.Add(ref Ticks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref Calls);
        }
    }

    private sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private readonly ConcurrentDictionary<string, Counter> _counters;

        public TimedAnalyzer(DiagnosticAnalyzer inner, ConcurrentDictionary<string, Counter> counters)
        {
            _inner = inner;
            _counters = counters;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedContext(context, _inner.GetType().Name, _counters));
    }

    private static Action<T> Time<T>(ConcurrentDictionary<string, Counter> counters, string key, Action<T> action)
    {
        var counter = counters.GetOrAdd(key, _ => new Counter());
        return context =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                action(context);
            }
            finally
            {
                counter.Add(started);
            }
        };
    }

    private static string Kinds<T>(ImmutableArray<T> kinds) => string.Join(",", kinds.Select(k => k!.ToString()));

    private sealed class TimedContext : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly string _name;
        private readonly ConcurrentDictionary<string, Counter> _counters;

        public TimedContext(AnalysisContext inner, string name, ConcurrentDictionary<string, Counter> counters)
        {
            _inner = inner;
            _name = name;
            _counters = counters;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(Time<CompilationStartAnalysisContext>(_counters, $"{_name} / compilation-start", c => action(new TimedStartContext(c, _name, _counters))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            _inner.RegisterCompilationAction(Time(_counters, $"{_name} / compilation", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _inner.RegisterSemanticModelAction(Time(_counters, $"{_name} / semantic-model", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(Time(_counters, $"{_name} / symbol [{Kinds(symbolKinds)}]", action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("code-block-start actions are not profiled");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(Time(_counters, $"{_name} / code-block", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _inner.RegisterSyntaxTreeAction(Time(_counters, $"{_name} / syntax-tree", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Time(_counters, $"{_name} / syntax-node [{Kinds(syntaxKinds)}]", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(Time(_counters, $"{_name} / operation [{Kinds(operationKinds)}]", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            throw new NotSupportedException("operation-block-start actions are not profiled");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _inner.RegisterOperationBlockAction(Time(_counters, $"{_name} / operation-block", action));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            throw new NotSupportedException("symbol-start actions are not profiled");
    }

    private sealed class TimedStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly string _name;
        private readonly ConcurrentDictionary<string, Counter> _counters;

        public TimedStartContext(CompilationStartAnalysisContext inner, string name, ConcurrentDictionary<string, Counter> counters)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _name = name;
            _counters = counters;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            _inner.RegisterCompilationEndAction(Time(_counters, $"{_name} / compilation-end", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _inner.RegisterSemanticModelAction(Time(_counters, $"{_name} / semantic-model", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(Time(_counters, $"{_name} / symbol [{Kinds(symbolKinds)}]", action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("code-block-start actions are not profiled");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(Time(_counters, $"{_name} / code-block", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _inner.RegisterSyntaxTreeAction(Time(_counters, $"{_name} / syntax-tree", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Time(_counters, $"{_name} / syntax-node [{Kinds(syntaxKinds)}]", action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(Time(_counters, $"{_name} / operation [{Kinds(operationKinds)}]", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            throw new NotSupportedException("operation-block-start actions are not profiled");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _inner.RegisterOperationBlockAction(Time(_counters, $"{_name} / operation-block", action));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            throw new NotSupportedException("symbol-start actions are not profiled");
    }
}
