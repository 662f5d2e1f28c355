using System.Runtime.CompilerServices;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>
/// Everything the rules know about one compilation, built once and shared by every analyzer of the package.
/// </summary>
internal sealed class CompilationKnowledge
{
    private static readonly ConditionalWeakTable<Compilation, CompilationKnowledge> s_cache = new();

    private CompilationKnowledge(TelemetryMatcher telemetry, EgressTable egress, EndpointResolver endpoints)
    {
        Telemetry = telemetry;
        Egress = egress;
        Endpoints = endpoints;
    }

    public TelemetryMatcher Telemetry { get; }

    public EgressTable Egress { get; }

    /// <summary>Constant folding of endpoints, with its per-compilation caches.</summary>
    public EndpointResolver Endpoints { get; }

    public static CompilationKnowledge Get(Compilation compilation, CancellationToken cancellationToken)
    {
        if (s_cache.TryGetValue(compilation, out var knowledge))
        {
            return knowledge;
        }

        // Two analyzers may build at once; both results are equal and the table keeps the first.
        knowledge = Build(compilation, cancellationToken);
        return s_cache.GetValue(compilation, _ => knowledge);
    }

    private static CompilationKnowledge Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var catalogue = BuiltInCatalogue.Instance;
        var resolver = new SymbolResolver(compilation);
        return new CompilationKnowledge(
            TelemetryMatcher.Build(compilation, resolver, catalogue.Services, cancellationToken),
            EgressTable.Build(resolver, catalogue.EgressSections, cancellationToken),
            new EndpointResolver(compilation));
    }
}
