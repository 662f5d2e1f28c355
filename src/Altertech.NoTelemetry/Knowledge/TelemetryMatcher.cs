using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>
/// Which symbols of one compilation belong to a telemetry service. Built once per compilation; every lookup is
/// a few dictionary probes keyed by symbols, never by display strings.
/// </summary>
internal sealed class TelemetryMatcher
{
    private static readonly TelemetryService s_none = new("", "", "", ImmutableArray<string>.Empty, new CatalogueSection("", 0));

    private readonly IAssemblySymbol _compilationAssembly;
    private readonly Dictionary<IAssemblySymbol, TelemetryService> _assemblies;
    private readonly Dictionary<ISymbol, TelemetryService> _symbols;
    private readonly HashSet<ISymbol> _exemptSymbols;
    private readonly Dictionary<string, TelemetryService> _namespaces;
    private readonly HashSet<string> _exemptNamespaces;
    private readonly HostPatternSet<string> _exemptHosts;
    private readonly HashSet<IAssemblySymbol> _exemptAssemblies;
    private readonly HashSet<IAssemblySymbol> _candidateAssemblies;
    private readonly ConcurrentDictionary<INamespaceSymbol, TelemetryService> _namespaceCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, TelemetryRole> _roles = new(SymbolEqualityComparer.Default);

    private TelemetryMatcher(
        IAssemblySymbol compilationAssembly,
        Dictionary<IAssemblySymbol, TelemetryService> assemblies,
        Dictionary<ISymbol, TelemetryService> symbols,
        HashSet<ISymbol> exemptSymbols,
        Dictionary<string, TelemetryService> namespaces,
        HashSet<string> exemptNamespaces,
        HostPatternSet<TelemetryService> hosts,
        HostPatternSet<string> exemptHosts,
        HashSet<IAssemblySymbol> exemptAssemblies,
        HashSet<IAssemblySymbol> candidateAssemblies,
        ImmutableArray<(IAssemblySymbol Assembly, TelemetryService Service)> referencedSdks)
    {
        _candidateAssemblies = candidateAssemblies;
        _exemptAssemblies = exemptAssemblies;
        _exemptHosts = exemptHosts;
        _compilationAssembly = compilationAssembly;
        _assemblies = assemblies;
        _symbols = symbols;
        _exemptSymbols = exemptSymbols;
        _namespaces = namespaces;
        _exemptNamespaces = exemptNamespaces;
        Hosts = hosts;
        ReferencedSdks = referencedSdks;
    }

    /// <summary>True when some SDK symbol can occur in this compilation.</summary>
    public bool HasSdkSymbols => _assemblies.Count > 0 || _symbols.Count > 0 || _namespaces.Count > 0;

    /// <summary>The ingestion hosts of every service.</summary>
    public HostPatternSet<TelemetryService> Hosts { get; }

    /// <summary>The service whose ingestion host <paramref name="host"/> is, unless the project exempted it.</summary>
    public TelemetryService? MatchHost(string host) =>
        Hosts.Count == 0 || (_exemptHosts.Count > 0 && _exemptHosts.Match(host) is not null) ? null : Hosts.Match(host);

    /// <summary>The catalogued assemblies that the compilation references, in reference order.</summary>
    public ImmutableArray<(IAssemblySymbol Assembly, TelemetryService Service)> ReferencedSdks { get; }

    public static TelemetryMatcher Build(Compilation compilation, SymbolResolver resolver, ImmutableArray<TelemetryService> services, CancellationToken cancellationToken)
    {
        var byAssemblyName = new Dictionary<string, TelemetryService>(System.StringComparer.OrdinalIgnoreCase);
        var symbols = new Dictionary<ISymbol, TelemetryService>(SymbolEqualityComparer.Default);
        var exemptSymbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var namespaces = new Dictionary<string, TelemetryService>(System.StringComparer.Ordinal);
        var exemptNamespaces = new HashSet<string>(System.StringComparer.Ordinal);
        var exemptAssemblies = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var hosts = new HostPatternSet<TelemetryService>();
        var exemptHosts = new HostPatternSet<string>();
        var namespaceAssemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);

        foreach (var service in services)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in service.Section.Entries)
            {
                switch (entry.Kind)
                {
                    case EntryKind.Assembly:
                        if (entry.Exempt)
                        {
                            exemptAssemblies.Add(entry.Target);
                        }
                        else if (!byAssemblyName.ContainsKey(entry.Target))
                        {
                            byAssemblyName.Add(entry.Target, service);
                        }

                        break;
                    case EntryKind.Namespace:
                        if (entry.Exempt)
                        {
                            exemptNamespaces.Add(entry.Target);
                        }
                        else if (!namespaces.ContainsKey(entry.Target) && resolver.FindNamespace(entry.Target) is { } found)
                        {
                            namespaces.Add(entry.Target, service);
                            foreach (var constituent in found.ConstituentNamespaces)
                            {
                                if (constituent.ContainingAssembly is { } declaring)
                                {
                                    namespaceAssemblies.Add(declaring);
                                }
                            }
                        }

                        break;
                    case EntryKind.Host:
                        if (entry.Exempt)
                        {
                            exemptHosts.Add(entry.Target, entry.Target);
                        }
                        else
                        {
                            hosts.Add(entry.Target, service);
                        }

                        break;
                    default:
                        foreach (var symbol in resolver.Resolve(entry))
                        {
                            if (entry.Exempt)
                            {
                                exemptSymbols.Add(symbol.OriginalDefinition);
                            }
                            else if (!symbols.ContainsKey(symbol.OriginalDefinition))
                            {
                                symbols.Add(symbol.OriginalDefinition, service);
                            }
                        }

                        break;
                }
            }
        }

        var assemblies = new Dictionary<IAssemblySymbol, TelemetryService>(SymbolEqualityComparer.Default);
        var exemptAssemblySymbols = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        var referenced = ImmutableArray.CreateBuilder<(IAssemblySymbol, TelemetryService)>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly)
            {
                continue;
            }

            if (exemptAssemblies.Contains(assembly.Identity.Name))
            {
                // Exempt as a whole: neither by assembly nor by namespace, nor by the symbols it declares.
                exemptAssemblySymbols.Add(assembly);
            }
            else if (byAssemblyName.TryGetValue(assembly.Identity.Name, out var service) && !assemblies.ContainsKey(assembly))
            {
                assemblies.Add(assembly, service);
                referenced.Add((assembly, service));
            }
        }

        // The only assemblies whose symbols can match: nearly every symbol a program uses is its own or the
        // runtime's, and is turned away by one set lookup.
        var candidates = new HashSet<IAssemblySymbol>(assemblies.Keys, SymbolEqualityComparer.Default);
        foreach (var symbol in symbols.Keys)
        {
            if (symbol.ContainingAssembly is { } declaring)
            {
                candidates.Add(declaring);
            }
        }

        namespaceAssemblies.Remove(compilation.Assembly);
        candidates.UnionWith(namespaceAssemblies);

        return new TelemetryMatcher(compilation.Assembly, assemblies, symbols, exemptSymbols, namespaces, exemptNamespaces, hosts, exemptHosts, exemptAssemblySymbols, candidates, referenced.ToImmutable());
    }

    /// <summary>The service <paramref name="symbol"/> belongs to, or null.</summary>
    public TelemetryService? Match(ISymbol? symbol)
    {
        switch (symbol)
        {
            case null:
                return null;
            case IMethodSymbol { ReducedFrom: { } reducedFrom }:
                symbol = reducedFrom;
                break;
            case IArrayTypeSymbol array:
                return Match(array.ElementType);
            case IPointerTypeSymbol or ITypeParameterSymbol or IDynamicTypeSymbol:
                return null;
        }

        // A constructed symbol lives in the assembly of its definition: turn the others away before asking for that.
        if (symbol is not INamespaceSymbol && (symbol.ContainingAssembly is not { } declaringAssembly || !_candidateAssemblies.Contains(declaringAssembly)))
        {
            return null;
        }

        symbol = symbol.OriginalDefinition;

        if (_exemptAssemblies.Count > 0 && symbol.ContainingAssembly is { } containing && _exemptAssemblies.Contains(containing))
        {
            return null;
        }

        if (_symbols.Count > 0 || _exemptSymbols.Count > 0)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (_exemptSymbols.Contains(current))
                {
                    return null;
                }

                if (_symbols.TryGetValue(current, out var explicitService))
                {
                    return explicitService;
                }
            }
        }

        var assembly = symbol.ContainingAssembly;
        if (assembly is null)
        {
            return null;
        }

        if (_assemblies.TryGetValue(assembly, out var service))
        {
            return IsExemptNamespace(symbol) ? null : service;
        }

        if (_namespaces.Count == 0 || SymbolEqualityComparer.Default.Equals(assembly, _compilationAssembly))
        {
            return null;
        }

        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        var cached = _namespaceCache.GetOrAdd(ns, MatchNamespace);
        return ReferenceEquals(cached, s_none) ? null : cached;
    }

    /// <summary>What <paramref name="member"/>, which <see cref="Match"/> gave <paramref name="service"/>, does: the catalogue's member roles.</summary>
    public TelemetryRole RoleOf(ISymbol member, TelemetryService service)
    {
        var definition = member is IMethodSymbol { ReducedFrom: { } reducedFrom } ? reducedFrom : member.OriginalDefinition;
        return _roles.TryGetValue(definition, out var role) ? role : _roles.GetOrAdd(definition, Compute(definition, service));

        // A method an M: line names by itself (a project's "M:Contoso.Metrics.Channel`1.Post;...") is there because it sends.
        TelemetryRole Compute(ISymbol definition, TelemetryService service)
        {
            var listed = service.RoleOf(definition);
            return listed == TelemetryRole.Use && definition is IMethodSymbol && _symbols.TryGetValue(definition, out var named) && named == service
                ? TelemetryRole.Send
                : listed;
        }
    }

    /// <summary>The service that <paramref name="type"/> or one of its type arguments belongs to, or null.</summary>
    public TelemetryService? MatchType(ITypeSymbol? type)
    {
        var service = Match(type);
        if (service is not null || type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return service;
        }

        foreach (var argument in named.TypeArguments)
        {
            service = MatchType(argument);
            if (service is not null)
            {
                return service;
            }
        }

        return null;
    }

    private bool IsExemptNamespace(ISymbol symbol)
    {
        if (_exemptNamespaces.Count == 0)
        {
            return false;
        }

        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (_exemptNamespaces.Contains(ns.ToDisplayString()))
            {
                return true;
            }
        }

        return false;
    }

    private TelemetryService MatchNamespace(INamespaceSymbol ns)
    {
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            var name = current.ToDisplayString();
            if (_exemptNamespaces.Contains(name))
            {
                return s_none;
            }

            if (_namespaces.TryGetValue(name, out var service))
            {
                return service;
            }
        }

        return s_none;
    }
}
