using System.Collections.Immutable;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0002: once per referenced catalogued SDK assembly, without a location. SDKs that hook crashes or
/// instrument the process report without a single call, so the reference alone is worth a warning.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetrySdkReferenceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TelemetrySdkReferenced);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(compilationContext =>
        {
            var knowledge = CompilationKnowledge.Get(compilationContext.Compilation, compilationContext.Options, compilationContext.CancellationToken);
            foreach (var (assembly, service) in knowledge.Telemetry.ReferencedSdks)
            {
                var name = assembly.Identity.Name;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticProperties.Service, service.Name);
                properties.Add(DiagnosticProperties.Vendor, service.Vendor);
                properties.Add(DiagnosticProperties.Category, service.Category);
                properties.Add(DiagnosticProperties.Assembly, name);
                properties.Add(DiagnosticProperties.Package, service.PackageFor(name));
                compilationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TelemetrySdkReferenced,
                    Location.None,
                    properties.ToImmutable(),
                    name,
                    service.PackageFor(name),
                    service.CategoryPhrase,
                    service.Vendor));
            }
        });
    }
}
