using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// The floor: an analyzer that asks for every invocation, object creation and member access and does nothing.
/// What it costs is what getting the compilation through the analyzer driver costs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySyntaxAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new("BENCH01", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxNodeAction(
            static _ => { },
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression,
            SyntaxKind.SimpleMemberAccessExpression);
    }
}

/// <summary>
/// A second floor for operation-based analyzers: asks for the same operations our analyzers ask for and does
/// nothing, so it pays for the IOperation trees that every operation action needs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = new("BENCH02", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(
            static _ => { },
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.MethodReference,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.EventReference,
            OperationKind.SimpleAssignment,
            OperationKind.TypeOf);
    }
}

/// <summary>Microsoft.CodeAnalysis.BannedApiAnalyzers, loaded from its NuGet package, and its BannedSymbols.txt.</summary>
internal static class BannedApi
{
    public const string FolderName = "BannedApiAnalyzers";

    /// <summary>The C# analyzers of the package, copied next to the benchmark by its project file.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, FolderName);
        var common = Path.Combine(folder, "Microsoft.CodeAnalysis.BannedApiAnalyzers.dll");
        var csharp = Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll");
        if (!File.Exists(common) || !File.Exists(csharp))
        {
            throw new FileNotFoundException($"The BannedApiAnalyzers package files are not in {folder}; build the benchmark project (it copies them from the package).");
        }

        // The C# assembly depends on the common one; loading that first lets the default context bind to it.
        AssemblyLoadContext.Default.LoadFromAssemblyPath(common);
        var reference = new AnalyzerFileReference(csharp, new DefaultContextLoader());
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.TypeName}: {e.Message}");
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (analyzers.IsEmpty || failures.Count > 0)
        {
            throw new InvalidOperationException("BannedApiAnalyzers did not load: " + string.Join("; ", failures));
        }

        return analyzers;
    }

    /// <summary>
    /// BannedSymbols.txt equivalent to our catalogue as far as that format goes: every type of every telemetry
    /// namespace (N:, which BannedApiAnalyzers 3.3.4 does not support), every type and member entry, and every
    /// egress API, and the reflection, native-library and process APIs of NT0007. Entries that name every overload or a name prefix (which
    /// BannedSymbols.txt cannot say) are expanded to the documentation-comment ID of each symbol they resolve to
    /// in <paramref name="compilation"/>. Assemblies (A:) and ingestion hosts (H:) have no equivalent there.
    /// </summary>
    public static (string Text, int Lines, int Skipped) GenerateBannedSymbols(Compilation compilation)
    {
        var catalogue = BuiltInCatalogue.Instance;
        var resolver = new SymbolResolver(compilation);
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;

        void Add(string id, string message)
        {
            if (seen.Add(id))
            {
                lines.Add($"{id};{message}");
            }
        }

        void AddEntry(CatalogueEntry entry, string message)
        {
            var symbols = resolver.Resolve(entry);
            if (!symbols.IsEmpty)
            {
                foreach (var symbol in symbols)
                {
                    if (DocumentationCommentId.CreateDeclarationId(symbol.OriginalDefinition) is { } id)
                    {
                        Add(id, message);
                    }
                }
            }
            else if (!entry.Target.EndsWith('*'))
            {
                Add(entry.DocumentationId, message);
            }
            else
            {
                skipped++;
            }
        }

        foreach (var service in catalogue.Services)
        {
            foreach (var entry in service.Section.Entries)
            {
                if (entry.Exempt)
                {
                    continue;
                }

                switch (entry.Kind)
                {
                    case EntryKind.Namespace:
                        // BannedApiAnalyzers 3.3.4 does not act on N: lines: ban every type the namespace holds.
                        foreach (var type in TypesIn(compilation, entry.Target))
                        {
                            Add(DocumentationCommentId.CreateDeclarationId(type), $"{service.Name} ({service.Vendor})");
                        }

                        break;
                    case EntryKind.Assembly:
                    case EntryKind.Host:
                        skipped++;
                        break;
                    default:
                        AddEntry(entry, $"{service.Name} ({service.Vendor})");
                        break;
                }
            }
        }

        foreach (var section in catalogue.EgressSections)
        {
            foreach (var entry in section.Entries)
            {
                if (!entry.Exempt)
                {
                    AddEntry(entry, $"network egress ({section.Name})");
                }
            }
        }

        // NT0007's doors, as far as a ban list can say: the reflection, native-library and process APIs themselves
        // (BannedSymbols.txt cannot ask what name they are given, or which library a [DllImport] names).
        foreach (var section in catalogue.HiddenSections)
        {
            foreach (var entry in section.Entries)
            {
                if (entry.Kind is EntryKind.Method or EntryKind.Property)
                {
                    AddEntry(entry, $"hidden network access ({section.Name})");
                }
            }
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }

        return (text.ToString(), lines.Count, skipped);
    }

    /// <summary>Every type, nested ones included, declared in the namespace (dotted name) or below it.</summary>
    private static IEnumerable<INamedTypeSymbol> TypesIn(Compilation compilation, string name)
    {
        INamespaceSymbol? ns = compilation.GlobalNamespace;
        foreach (var part in name.Split('.'))
        {
            ns = ns.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            if (ns is null)
            {
                yield break;
            }
        }

        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(ns);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is INamedTypeSymbol type)
            {
                yield return type;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol child)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
