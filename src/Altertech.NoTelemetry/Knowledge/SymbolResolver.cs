using System;
using System.Collections.Immutable;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>Turns catalogue entries into the symbols of one compilation.</summary>
internal static class SymbolResolver
{
    /// <summary>
    /// The symbols a type or member entry names in <paramref name="compilation"/>; empty when the compilation
    /// does not have them (the SDK is not referenced). A member without a parameter list names every overload,
    /// and a member name ending in <c>*</c> every member whose name starts with what precedes it.
    /// </summary>
    public static ImmutableArray<ISymbol> Resolve(Compilation compilation, CatalogueEntry entry)
    {
        switch (entry.Kind)
        {
            case EntryKind.Type:
                return ResolveTypes(compilation, entry.Target).CastArray<ISymbol>();
            case EntryKind.Method:
            case EntryKind.Property:
            case EntryKind.Field:
            case EntryKind.Event:
                return ResolveMembers(compilation, entry);
            default:
                return ImmutableArray<ISymbol>.Empty;
        }
    }

    /// <summary>Whether the namespace (dotted name) exists in the compilation or its references.</summary>
    public static bool NamespaceExists(Compilation compilation, string name)
    {
        INamespaceSymbol current = compilation.GlobalNamespace;
        foreach (var part in name.Split('.'))
        {
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(part))
            {
                if (member is INamespaceSymbol ns)
                {
                    next = ns;
                    break;
                }
            }

            if (next is null)
            {
                return false;
            }

            current = next;
        }

        return true;
    }

    private static ImmutableArray<INamedTypeSymbol> ResolveTypes(Compilation compilation, string name)
    {
        var types = compilation.GetTypesByMetadataName(name);
        if (!types.IsEmpty)
        {
            return types;
        }

        // Documentation-comment IDs write nested types with '.', metadata names with '+'.
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + name, compilation))
        {
            if (symbol is INamedTypeSymbol type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<ISymbol> ResolveMembers(Compilation compilation, CatalogueEntry entry)
    {
        var target = entry.Target;
        if (target.IndexOf('(') >= 0)
        {
            return DocumentationCommentId.GetSymbolsForDeclarationId(entry.DocumentationId, compilation);
        }

        var dot = target.LastIndexOf('.');
        if (dot <= 0 || dot == target.Length - 1)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var memberName = target.Substring(dot + 1);
        var prefix = memberName.EndsWith("*", StringComparison.Ordinal) ? memberName.Substring(0, memberName.Length - 1) : null;
        if (memberName == "#ctor")
        {
            memberName = ".ctor";
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var type in ResolveTypes(compilation, target.Substring(0, dot)))
        {
            var members = prefix is null ? type.GetMembers(memberName) : type.GetMembers();
            foreach (var member in members)
            {
                if (Matches(entry.Kind, member) && (prefix is null || member.Name.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    builder.Add(member);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static bool Matches(EntryKind kind, ISymbol member) => kind switch
    {
        EntryKind.Method => member is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.ReducedExtension },
        EntryKind.Property => member.Kind == SymbolKind.Property,
        EntryKind.Field => member.Kind == SymbolKind.Field,
        EntryKind.Event => member.Kind == SymbolKind.Event,
        _ => false,
    };
}
