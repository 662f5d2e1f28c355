using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>
/// Turns catalogue entries into the symbols of one compilation. One resolver serves one compilation: it
/// remembers every type it looked up, because many entries name members of the same type.
/// </summary>
internal sealed class SymbolResolver
{
    private readonly Compilation _compilation;
    private static readonly char[] s_typeNameSeparators = ['.', '+'];
    private readonly Dictionary<string, ImmutableArray<INamedTypeSymbol>> _types = new(StringComparer.Ordinal);
    private ImmutableArray<IAssemblySymbol> _assemblies;

    public SymbolResolver(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// The symbols a type or member entry names in the compilation; empty when the compilation
    /// does not have them (the SDK is not referenced). A member without a parameter list names every overload,
    /// and a member name ending in <c>*</c> every member whose name starts with what precedes it.
    /// </summary>
    public ImmutableArray<ISymbol> Resolve(CatalogueEntry entry)
    {
        switch (entry.Kind)
        {
            case EntryKind.Type:
                return ResolveTypes(entry.Target).CastArray<ISymbol>();
            case EntryKind.Method:
            case EntryKind.Property:
            case EntryKind.Field:
            case EntryKind.Event:
                return ResolveMembers(entry);
            default:
                return ImmutableArray<ISymbol>.Empty;
        }
    }

    /// <summary>
    /// Why a project entry names nothing, when that looks like a mistake rather than an SDK this project does not
    /// reference: the namespace exists but has no such type, or the type exists but has no such member. Null
    /// when the entry resolves, or when its namespace is absent (a shared file naming another project's SDK).
    /// </summary>
    public string? ExplainUnresolved(CatalogueEntry entry)
    {
        if (entry.Kind is not (EntryKind.Type or EntryKind.Method or EntryKind.Property or EntryKind.Field or EntryKind.Event)
            || !Resolve(entry).IsEmpty)
        {
            return null;
        }

        var target = entry.Target;
        var parenthesis = target.IndexOf('(');
        var withoutParameters = parenthesis >= 0 ? target.Substring(0, parenthesis) : target;
        var typeName = entry.Kind == EntryKind.Type ? withoutParameters : Before(withoutParameters);
        if (typeName.Length == 0)
        {
            return $"{entry.DocumentationId}: write the containing type, as in M:Namespace.Type.Member";
        }

        if (!ResolveTypes(typeName).IsEmpty)
        {
            return parenthesis >= 0
                ? $"{entry.DocumentationId}: '{typeName}' has no {KindName(entry.Kind)} with these parameter types"
                : $"{entry.DocumentationId}: '{typeName}' has no {KindName(entry.Kind)} named '{After(withoutParameters)}'";
        }

        var namespaceName = Before(typeName);
        return namespaceName.Length > 0 && NamespaceExists(namespaceName)
            ? $"{entry.DocumentationId}: namespace '{namespaceName}' has no type '{After(typeName)}'"
            : null;

        static string Before(string name) => name.LastIndexOf('.') is var dot and > 0 ? name.Substring(0, dot) : string.Empty;

        static string After(string name) => name.Substring(name.LastIndexOf('.') + 1);

        static string KindName(EntryKind kind) => kind switch
        {
            EntryKind.Method => "method",
            EntryKind.Property => "property",
            EntryKind.Field => "field",
            _ => "event",
        };
    }

    /// <summary>Whether the namespace (dotted name) exists in the compilation or its references.</summary>
    public bool NamespaceExists(string name) => FindNamespace(name) is not null;

    /// <summary>The namespace (dotted name), merged over the compilation and its references, or null.</summary>
    public INamespaceSymbol? FindNamespace(string name)
    {
        INamespaceSymbol current = _compilation.GlobalNamespace;
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
                return null;
            }

            current = next;
        }

        return current;
    }

    private ImmutableArray<INamedTypeSymbol> ResolveTypes(string name)
    {
        if (_types.TryGetValue(name, out var cached))
        {
            return cached;
        }

        // Most catalogue types are absent (SDKs and libraries the project does not reference). An assembly's simple
        // type names are a set it keeps for its lifetime, shared by every compilation that references it: asking it
        // first spares a namespace walk in each of the compilation's assemblies, and the documentation-ID fallback.
        var types = ImmutableArray<INamedTypeSymbol>.Empty;
        var simpleName = SimpleTypeName(name);
        ImmutableArray<INamedTypeSymbol>.Builder? found = null;
        var declared = false;
        foreach (var assembly in Assemblies)
        {
            if (!assembly.TypeNames.Contains(simpleName))
            {
                continue;
            }

            declared = true;
            if (assembly.GetTypeByMetadataName(name) is { } type)
            {
                (found ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>()).Add(type);
            }
        }

        if (declared)
        {
            types = found is not null ? found.ToImmutable() : ResolveNestedTypes(name);
        }
        else if (!IsIdentifier(simpleName))
        {
            // Hand-written targets such as "Ns.Client*" or "Ns.Channel`1[System.String]": the documentation-ID reader
            // stops at the first character that cannot be in a name, and resolved them so before. Keep that.
            types = ResolveNestedTypes(name);
        }

        _types.Add(name, types);
        return types;
    }

    /// <summary>The compilation's own assembly and every assembly it references, as <c>GetTypesByMetadataName</c> searches them.</summary>
    private ImmutableArray<IAssemblySymbol> Assemblies =>
        _assemblies.IsDefault ? _assemblies = _compilation.SourceModule.ReferencedAssemblySymbols.Insert(0, _compilation.Assembly) : _assemblies;

    private static bool IsIdentifier(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    /// <summary><c>Outer+Inner`1</c> and <c>Namespace.Outer.Inner</c> are both <c>Inner</c> in an assembly's type names.</summary>
    private static string SimpleTypeName(string name)
    {
        var start = name.LastIndexOfAny(s_typeNameSeparators) + 1;
        var arity = name.IndexOf('`', start);
        return arity < 0 ? name.Substring(start) : name.Substring(start, arity - start);
    }

    private ImmutableArray<INamedTypeSymbol> ResolveNestedTypes(string name)
    {
        // Documentation-comment IDs write nested types with '.', metadata names with '+'.
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + name, _compilation))
        {
            if (symbol is INamedTypeSymbol type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<ISymbol> ResolveMembers(CatalogueEntry entry)
    {
        var target = entry.Target;
        if (target.Length == 0)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var parenthesis = target.IndexOf('(');
        var dot = target.LastIndexOf('.', parenthesis < 0 ? target.Length - 1 : parenthesis);
        if (parenthesis >= 0)
        {
            // The documentation-ID lookup walks the namespaces of every assembly: only when the type is there.
            return dot > 0 && ResolveTypes(target.Substring(0, dot)).IsEmpty
                ? ImmutableArray<ISymbol>.Empty
                : DocumentationCommentId.GetSymbolsForDeclarationId(entry.DocumentationId, _compilation);
        }

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
        foreach (var type in ResolveTypes(target.Substring(0, dot)))
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
