using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>The package's analyzers, from the analyzer assembly the tool ships (the same one the package ships).</summary>
internal sealed class AnalyzerSet
{
    private AnalyzerSet(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        Analyzers = analyzers;
        Descriptors = descriptors;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>Every rule of the package, in ID order, one descriptor per ID.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The analyzer assembly's version, which is the package's.</summary>
    public static string Version { get; } =
        typeof(RuleIdentifiers).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(RuleIdentifiers).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>The analyzers that report any of <paramref name="rules"/> (all when empty); every descriptor either way.</summary>
    public static AnalyzerSet Create(IReadOnlySet<string> rules)
    {
        var all = typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();
        var descriptors = all.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        var chosen = rules.Count == 0 ? all : all.Where(a => a.SupportedDiagnostics.Any(d => rules.Contains(d.Id) || d.Id == RuleIdentifiers.InvalidConfiguration)).ToImmutableArray();
        return new AnalyzerSet(chosen, descriptors);
    }
}
