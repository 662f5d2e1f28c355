using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Configuration;
using Altertech.NoTelemetry.Network;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>
/// Everything the rules know about one compilation under one project configuration (built-in catalogue plus
/// <c>NoTelemetry.txt</c>), built once and shared by every analyzer of the package.
/// </summary>
internal sealed class CompilationKnowledge
{
    private static readonly ConditionalWeakTable<Compilation, List<CompilationKnowledge>> s_cache = new();

    private CompilationKnowledge(
        ProjectConfiguration configuration,
        TelemetryMatcher telemetry,
        EgressTable egress,
        EndpointResolver endpoints,
        EndpointForwarders forwarders,
        HookTable hooks,
        CallGraph calls,
        IdentifyingFlow identifying,
        HiddenAccessTable hidden,
        ImmutableArray<ConfigurationProblem> problems)
    {
        Hidden = hidden;
        Identifying = identifying;
        Hooks = hooks;
        Calls = calls;
        Forwarders = forwarders;
        Configuration = configuration;
        Telemetry = telemetry;
        Egress = egress;
        Endpoints = endpoints;
        Problems = problems;
    }

    public ProjectConfiguration Configuration { get; }

    public TelemetryMatcher Telemetry { get; }

    public EgressTable Egress { get; }

    /// <summary>Constant folding of endpoints, with its per-compilation caches.</summary>
    public EndpointResolver Endpoints { get; }

    /// <summary>Product methods that pass a parameter on as a network API's endpoint, summarised on demand.</summary>
    public EndpointForwarders Forwarders { get; }

    /// <summary>Where code runs without the user asking: crash, exit, failure and stopping hooks.</summary>
    public HookTable Hooks { get; }

    /// <summary>What each product function sends, calls and runs, summarised on demand.</summary>
    public CallGraph Calls { get; }

    /// <summary>Identifying data followed to what sends it (NT0005).</summary>
    public IdentifyingFlow Identifying { get; }

    /// <summary>The doors around a symbol-based check (NT0007): reflection, native libraries, process launches.</summary>
    public HiddenAccessTable Hidden { get; }

    /// <summary>Every problem of the project's configuration files, including entries that name nothing here.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; }

    public static CompilationKnowledge Get(Compilation compilation, AnalyzerOptions? options, CancellationToken cancellationToken)
    {
        var configuration = ProjectConfiguration.Get(options, cancellationToken);
        var entries = s_cache.GetValue(compilation, _ => new List<CompilationKnowledge>(1));

        // Analyzers of one build share one configuration; a few (an IDE editing NoTelemetry.txt) may coexist.
        lock (entries)
        {
            foreach (var entry in entries)
            {
                if (entry.Configuration.Fingerprint == configuration.Fingerprint)
                {
                    return entry;
                }
            }

            var knowledge = Build(compilation, configuration, cancellationToken);
            if (entries.Count >= 4)
            {
                entries.RemoveAt(0);
            }

            entries.Add(knowledge);
            return knowledge;
        }
    }

    /// <summary>
    /// The egress sites <paramref name="operation"/> amounts to: the catalogued network API it uses, or, for a call
    /// of a product method, the network APIs that method passes its arguments on to (see <see cref="EndpointForwarders"/>).
    /// A page opened in the browser (<see cref="EgressKind.Open"/>) is none: it is not the program talking to a host it
    /// chose, nor an SDK's traffic; NT0007, NT0004 and NT0005 judge it from its URL (<see cref="CallGraph.Sends"/>).
    /// </summary>
    public ImmutableArray<EgressSite> EgressSitesOf(IOperation operation, CancellationToken cancellationToken)
    {
        if (EgressClassifier.TryClassify(operation, Egress, out var site))
        {
            return site.Api.Kind == EgressKind.Open ? ImmutableArray<EgressSite>.Empty : ImmutableArray.Create(site);
        }

        return Forwarders.Classify(operation, Endpoints, cancellationToken).RemoveAll(static s => s.Api.Kind == EgressKind.Open);
    }

    /// <summary>The allow list that applies to <paramref name="tree"/> (per-folder <c>.editorconfig</c> sections apply).</summary>
    public EndpointAllowList GetAllowList(AnalyzerOptions options, SyntaxTree tree) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ProjectConfiguration.AllowedEndpointsKey, out var value)
            ? Configuration.GetAllowList(value)
            : EndpointAllowList.Empty;

    private static CompilationKnowledge Build(Compilation compilation, ProjectConfiguration configuration, CancellationToken cancellationToken)
    {
        var catalogue = BuiltInCatalogue.Instance;
        var resolver = new SymbolResolver(compilation);
        var services = configuration.Services.IsEmpty ? catalogue.Services : catalogue.Services.AddRange(configuration.Services);
        var egressSections = configuration.EgressSections.IsEmpty ? catalogue.EgressSections : catalogue.EgressSections.AddRange(configuration.EgressSections);
        var egress = EgressTable.Build(resolver, egressSections, cancellationToken);
        var endpoints = new EndpointResolver(compilation);
        var telemetry = TelemetryMatcher.Build(compilation, resolver, services, cancellationToken);
        var hookSections = configuration.HookSections.IsEmpty ? catalogue.HookSections : catalogue.HookSections.AddRange(configuration.HookSections);
        var hooks = HookTable.Build(resolver, hookSections, cancellationToken);
        var forwarders = new EndpointForwarders(compilation, egress, endpoints, configuration.MaxCallChain);
        var calls = new CallGraph(compilation, egress, telemetry, hooks, endpoints, forwarders);
        return new CompilationKnowledge(
            configuration,
            telemetry,
            egress,
            endpoints,
            forwarders,
            hooks,
            calls,
            new IdentifyingFlow(compilation, IdentifyingSources.Build(resolver, catalogue.IdentifyingSections, cancellationToken), egress, telemetry, calls, configuration.MaxCallChain),
            HiddenAccessTable.Build(resolver, compilation, catalogue.HiddenSections, services, cancellationToken),
            configuration.Files.IsEmpty ? ImmutableArray<ConfigurationProblem>.Empty : FindProblems(configuration, resolver, cancellationToken));
    }

    private static ImmutableArray<ConfigurationProblem> FindProblems(ProjectConfiguration configuration, SymbolResolver resolver, CancellationToken cancellationToken)
    {
        var problems = configuration.Problems.ToBuilder();
        foreach (var file in configuration.Files)
        {
            foreach (var section in file.Sections)
            {
                foreach (var entry in section.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (resolver.ExplainUnresolved(entry) is { } explanation)
                    {
                        problems.Add(new ConfigurationProblem(file, entry.Line, explanation + " in this compilation"));
                    }
                }
            }
        }

        return Cap(problems);
    }

    /// <summary>At most <see cref="CatalogueParser.MaxProblemsPerFile"/> problems per file, then one line that says how many more.</summary>
    private static ImmutableArray<ConfigurationProblem> Cap(ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        var capped = ImmutableArray.CreateBuilder<ConfigurationProblem>();
        var counts = new Dictionary<CatalogueDocument, int>();
        foreach (var problem in problems)
        {
            if (problem.Document is not { } document)
            {
                capped.Add(problem);
                continue;
            }

            counts.TryGetValue(document, out var count);
            counts[document] = count + 1;
            if (count < CatalogueParser.MaxProblemsPerFile)
            {
                capped.Add(problem);
            }
        }

        foreach (var pair in counts)
        {
            if (pair.Value > CatalogueParser.MaxProblemsPerFile)
            {
                capped.Add(new ConfigurationProblem(pair.Key, 0, $"{pair.Value - CatalogueParser.MaxProblemsPerFile} more problems in this file are not listed"));
            }
        }

        return capped.ToImmutable();
    }
}
