using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// Times the analyzers of Altertech.NoTelemetry against an empty analyzer and Microsoft.CodeAnalysis.BannedApiAnalyzers
/// on one generated compilation. Usage: dotnet run -c Release --project tests/Altertech.NoTelemetry.Benchmarks
/// [-- --iterations N] [--warmup N] [--files N] [--profile] [--per-analyzer] [--without AnalyzerName] [--dump-banned-symbols PATH] [--configuration-files].
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("usage: Altertech.NoTelemetry.Benchmarks [--iterations N] [--warmup N] [--files N] [--profile] [--per-analyzer] [--without AnalyzerName] [--dump-banned-symbols PATH] [--configuration-files]");
            return 2;
        }

        var total = Stopwatch.StartNew();
        var framework = FrameworkReferences();
        var standIns = StandIns.Compile(framework);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var (trees, statistics) = Corpus.Generate(settings.Files, parseOptions);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            framework.AddRange(standIns),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"The corpus does not compile ({errors.Count} errors):");
            foreach (var error in errors.Take(20))
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }

        var (bannedText, bannedLines, bannedSkipped) = BannedApi.GenerateBannedSymbols(compilation);
        var bannedFile = new InMemoryAdditionalText("BannedSymbols.txt", bannedText);
        if (settings.DumpBannedSymbols is { } dumpPath)
        {
            File.WriteAllText(dumpPath, bannedText);
        }

        var banned = BannedApi.Load();
        var ours = OurAnalyzers();
        if (settings.ConfigurationFilesOnly)
        {
            // Only what a product's configuration files cost, on the same corpus: minutes less than the whole run.
            await ConfigurationCost.RunAsync(compilation, ours, bannedFile, settings.Iterations);
            Console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
            return 0;
        }

        var configurations = new List<Configuration>
        {
            new("empty (syntax node)", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySyntaxAnalyzer())),
            new("empty (operation)", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer())),
            new("BannedApiAnalyzers", banned),
            new("NoTelemetry", ours),
            new("NoTelemetry + BannedApiAnalyzers", ours.AddRange(banned)),
        };
        if (settings.Without is { } without)
        {
            // The package minus one analyzer, to see what that analyzer adds to the whole.
            configurations.Add(new Configuration("NoTelemetry without " + without, ours.Where(a => a.GetType().Name != without).ToImmutableArray()));
        }

        if (settings.PerAnalyzer)
        {
            // One of our analyzers at a time, to see which one the time over the floor goes to.
            configurations.AddRange(ours.Select(a => new Configuration("only " + a.GetType().Name, ImmutableArray.Create(a))));
        }

        Console.WriteLine("# Altertech.NoTelemetry analyzer benchmark");
        Console.WriteLine();
        Console.WriteLine($"- Machine: {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical cores, {CpuModel()}");
        Console.WriteLine($"- Runtime: {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        Console.WriteLine($"- Corpus: {statistics.Files} files, {statistics.Lines:N0} lines (seed {Corpus.Seed}): {statistics.BusinessMethods} business, {statistics.NetworkMethods} network, {statistics.TelemetryMethods} telemetry methods; {compilation.References.Count()} references");
        Console.WriteLine($"- BannedSymbols.txt: {bannedLines} lines generated from the catalogue ({bannedSkipped} A:/H: entries and unresolved wildcards have no BannedSymbols equivalent)");
        Console.WriteLine($"- Method: {settings.Warmup} warm-up + {settings.Iterations} measured runs per configuration, round-robin; each run analyses a fresh Compilation.Clone() (nothing bound, no per-compilation cache), concurrentAnalysis on, logAnalyzerExecutionTime on");
        Console.WriteLine();

        var results = configurations.ToDictionary(c => c, _ => new Result());
        for (var run = 0; run < settings.Warmup + settings.Iterations; run++)
        {
            var measured = run >= settings.Warmup;
            for (var k = 0; k < configurations.Count; k++)
            {
                // Rotate the order so that drift (other processes, thermal) does not favour one configuration.
                var configuration = configurations[(k + run) % configurations.Count];
                var sample = await MeasureAsync(compilation, configuration.Analyzers, ImmutableArray.Create<AdditionalText>(bannedFile));
                if (measured)
                {
                    results[configuration].Add(sample);
                }

                Console.Error.WriteLine($"{(measured ? "run" : "warm-up")} {run + 1,2} {configuration.Name,-34} {sample.Elapsed.TotalMilliseconds,8:F0} ms {sample.Cpu.TotalMilliseconds,8:F0} ms CPU {sample.Diagnostics,6} diagnostics");
            }
        }

        var floor = results[configurations[0]];
        var baseline = results[configurations[2]];
        Console.WriteLine("Wall-clock time of GetAnalyzerDiagnosticsAsync on a fresh clone (binding included); ratios as median / min:");
        Console.WriteLine();
        Console.WriteLine("| Configuration | Median ms | Min ms | CPU ms (median) | Over empty floor ms (median) | Diagnostics | × BannedApi | × empty |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var configuration in configurations)
        {
            var result = results[configuration];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {configuration.Name} | {result.Median:F0} | {result.Min:F0} | {result.CpuMedian:F0} | {result.Median - floor.Median:F0} | {result.Diagnostics} | {result.Median / baseline.Median:F2} / {result.Min / baseline.Min:F2} | {result.Median / floor.Median:F2} / {result.Min / floor.Min:F2} |"));
        }

        // Each round measures every configuration within seconds of the others, so a ratio taken inside a round
        // cancels load that changes over minutes (other builds on the machine); the median of those is the figure to
        // trust on a shared machine.
        Console.WriteLine();
        Console.WriteLine("Paired ratios to BannedApiAnalyzers: the ratio within each measured round, then the median and quartiles over the rounds:");
        Console.WriteLine();
        Console.WriteLine("| Configuration | Wall clock: median (Q1–Q3) | CPU: median (Q1–Q3) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var configuration in configurations)
        {
            var result = results[configuration];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {configuration.Name} | {Quartiles(result.ElapsedRatiosTo(baseline))} | {Quartiles(result.CpuRatiosTo(baseline))} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Diagnostics by id:");
        Console.WriteLine();
        foreach (var configuration in configurations)
        {
            var ids = results[configuration].DiagnosticsById;
            Console.WriteLine($"- {configuration.Name}: " + (ids.Count == 0 ? "none" : string.Join(", ", ids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))));
        }

        Console.WriteLine();
        Console.WriteLine("Per-analyzer execution time (GetAnalyzerTelemetryInfoAsync, median over the measured runs; summed over threads):");
        Console.WriteLine();
        Console.WriteLine("| Configuration | Analyzer | Execution ms | Actions registered |");
        Console.WriteLine("|---|---|---:|---|");
        foreach (var configuration in configurations)
        {
            foreach (var (analyzer, times) in results[configuration].ExecutionTimes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {configuration.Name} | {analyzer} | {Median(times):F0} | {results[configuration].Actions[analyzer]} |"));
            }
        }

        Console.WriteLine();
        await ReachChain.RunAsync(framework, Math.Max(3, settings.Iterations / 3));
        await ConfigurationCost.RunAsync(compilation, ours, bannedFile, settings.Iterations);

        if (settings.Profile)
        {
            Console.WriteLine();
            await ActionProfiler.RunAsync(compilation, ours, bannedFile, settings.Iterations);
        }

        Console.WriteLine();
        Console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    internal static async Task<Sample> MeasureAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles)
    {
        var clone = compilation.Clone();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = clone.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw: " + exceptions[0]);
        }

        var times = new Dictionary<string, (TimeSpan, string)>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            times[analyzer.GetType().Name] = (info.ExecutionTime, DescribeActions(info));
        }

        var byId = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Sample(stopwatch.Elapsed, cpu, diagnostics.Length, byId, times);
    }

    private static string DescribeActions(AnalyzerTelemetryInfo info)
    {
        var parts = new List<string>();
        void Add(string name, int count)
        {
            if (count > 0)
            {
                parts.Add($"{name} {count}");
            }
        }

        Add("compilation-start", info.CompilationStartActionsCount);
        Add("compilation", info.CompilationActionsCount);
        Add("compilation-end", info.CompilationEndActionsCount);
        Add("syntax-tree", info.SyntaxTreeActionsCount);
        Add("semantic-model", info.SemanticModelActionsCount);
        Add("symbol", info.SymbolActionsCount);
        Add("symbol-start", info.SymbolStartActionsCount);
        Add("syntax-node", info.SyntaxNodeActionsCount);
        Add("operation-block-start", info.OperationBlockStartActionsCount);
        Add("operation-block", info.OperationBlockActionsCount);
        Add("operation", info.OperationActionsCount);
        Add("code-block-start", info.CodeBlockStartActionsCount);
        Add("code-block", info.CodeBlockActionsCount);
        return string.Join(", ", parts);
    }

    private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() => typeof(TelemetrySdkUsageAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The shared framework's assemblies, from the runtime's trusted platform assemblies.</summary>
    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Quartiles(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Count - 1))];
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted):F2} ({At(0.25):F2}–{At(0.75):F2})");
    }

    private sealed record Configuration(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers);

    internal sealed record Sample(TimeSpan Elapsed, TimeSpan Cpu, int Diagnostics, Dictionary<string, int> DiagnosticsById, Dictionary<string, (TimeSpan Time, string Actions)> ExecutionTimes);

    private sealed class Result
    {
        private readonly List<double> _elapsed = new();
        private readonly List<double> _cpu = new();

        public Dictionary<string, List<double>> ExecutionTimes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Actions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> DiagnosticsById { get; private set; } = new();

        public int Diagnostics { get; private set; }

        public double Median => Program.Median(_elapsed);

        public double Min => _elapsed.Min();

        public double CpuMedian => Program.Median(_cpu);

        /// <summary>This configuration's time over <paramref name="other"/>'s, round by round.</summary>
        public List<double> ElapsedRatiosTo(Result other) => _elapsed.Zip(other._elapsed, (a, b) => a / b).ToList();

        public List<double> CpuRatiosTo(Result other) => _cpu.Zip(other._cpu, (a, b) => a / b).ToList();

        public void Add(Sample sample)
        {
            _elapsed.Add(sample.Elapsed.TotalMilliseconds);
            _cpu.Add(sample.Cpu.TotalMilliseconds);
            Diagnostics = sample.Diagnostics;
            DiagnosticsById = sample.DiagnosticsById;
            foreach (var (analyzer, (time, actions)) in sample.ExecutionTimes)
            {
                if (!ExecutionTimes.TryGetValue(analyzer, out var list))
                {
                    ExecutionTimes[analyzer] = list = new List<double>();
                }

                list.Add(time.TotalMilliseconds);
                Actions[analyzer] = actions;
            }
        }
    }

    private sealed record Settings(int Iterations, int Warmup, int Files, bool Profile, bool PerAnalyzer, string? DumpBannedSymbols, string? Without = null, bool ConfigurationFilesOnly = false)
    {
        public static Settings? Parse(string[] args)
        {
            var settings = new Settings(7, 2, 1000, false, false, null);
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--iterations" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                        settings = settings with { Iterations = n };
                        i++;
                        break;
                    case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 0:
                        settings = settings with { Warmup = n };
                        i++;
                        break;
                    case "--files" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                        settings = settings with { Files = n };
                        i++;
                        break;
                    case "--profile":
                        settings = settings with { Profile = true };
                        break;
                    case "--per-analyzer":
                        settings = settings with { PerAnalyzer = true };
                        break;
                    case "--configuration-files":
                        settings = settings with { ConfigurationFilesOnly = true };
                        break;
                    case "--without" when i + 1 < args.Length:
                        settings = settings with { Without = args[i + 1] };
                        i++;
                        break;
                    case "--dump-banned-symbols" when i + 1 < args.Length:
                        settings = settings with { DumpBannedSymbols = args[i + 1] };
                        i++;
                        break;
                    default:
                        return null;
                }
            }

            return settings;
        }
    }
}
