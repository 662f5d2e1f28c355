using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>
/// The network APIs of one compilation: catalogued members resolved to symbols once, then looked up by symbol.
/// </summary>
internal sealed class EgressTable
{
    private const int MaxOverrideDepth = 8;

    private readonly Dictionary<ISymbol, EgressApi> _members;
    private readonly Dictionary<INamedTypeSymbol, EgressApi> _attributes;

    private EgressTable(Dictionary<ISymbol, EgressApi> members, Dictionary<INamedTypeSymbol, EgressApi> attributes)
    {
        _members = members;
        _attributes = attributes;
    }

    public bool IsEmpty => _members.Count == 0 && _attributes.Count == 0;

    public static EgressTable Build(SymbolResolver resolver, ImmutableArray<CatalogueSection> sections, CancellationToken cancellationToken)
    {
        var members = new Dictionary<ISymbol, EgressApi>(SymbolEqualityComparer.Default);
        var attributes = new Dictionary<INamedTypeSymbol, EgressApi>(SymbolEqualityComparer.Default);
        foreach (var section in sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = EgressApi.ParseKind(section.GetMetadata("kind"));
            foreach (var entry in section.Entries)
            {
                var api = new EgressApi(section.Name, kind, ParseParameters(entry.Text));
                foreach (var symbol in resolver.Resolve(entry))
                {
                    // A type entry names an attribute: calling a method that carries it (Refit's [Get], [Post], ...) sends.
                    if (symbol is INamedTypeSymbol type)
                    {
                        if (!attributes.ContainsKey(type))
                        {
                            attributes.Add(type, api);
                        }
                    }
                    else if (!members.ContainsKey(symbol.OriginalDefinition))
                    {
                        members.Add(symbol.OriginalDefinition, api);
                    }
                }
            }
        }

        return new EgressTable(members, attributes);
    }

    /// <summary>The catalogued API that <paramref name="method"/> is, overrides or, through an attribute, stands for.</summary>
    public EgressApi? Classify(IMethodSymbol method)
    {
        var current = (method.ReducedFrom ?? method).OriginalDefinition;
        for (var depth = 0; depth < MaxOverrideDepth; depth++)
        {
            if (_members.TryGetValue(current, out var api))
            {
                return api;
            }

            if (!current.IsOverride || current.OverriddenMethod is not { } overridden)
            {
                break;
            }

            current = overridden.OriginalDefinition;
        }

        if (_attributes.Count > 0 && method.ContainingType is { TypeKind: TypeKind.Interface })
        {
            foreach (var attribute in method.GetAttributes())
            {
                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (_attributes.TryGetValue(type.OriginalDefinition, out var api))
                    {
                        return api;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The catalogued API that <paramref name="property"/> is or overrides.</summary>
    public EgressApi? Classify(IPropertySymbol property)
    {
        var current = property.OriginalDefinition;
        for (var depth = 0; depth < MaxOverrideDepth; depth++)
        {
            if (_members.TryGetValue(current, out var api))
            {
                return api;
            }

            if (!current.IsOverride || current.OverriddenProperty is not { } overridden)
            {
                break;
            }

            current = overridden.OriginalDefinition;
        }

        return null;
    }

    /// <summary>The endpoint parameter names after ';', where <c>-</c> says the endpoint is not an argument.</summary>
    private static ImmutableArray<string> ParseParameters(string? text) =>
        CatalogueParser.SplitList(text).RemoveAll(name => name == "-");
}
