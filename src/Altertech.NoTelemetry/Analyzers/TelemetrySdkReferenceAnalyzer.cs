using System.Collections.Immutable;
using Altertech.NoTelemetry.ConfigurationFiles;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0002: once per referenced catalogued SDK assembly. SDKs that hook crashes or instrument the process report without
/// a single call, so the reference alone is worth a warning. When the project file is an additional file (the package's
/// targets pass it), the diagnostic is on the <c>&lt;PackageReference&gt;</c> that brings the SDK in: its own, or, as
/// NuGet's assets file tells, the direct reference that depends on it; without the project file it has no location.
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
            if (knowledge.Telemetry.ReferencedSdks.IsEmpty)
            {
                return;
            }

            var references = PackageReferences.Find(compilationContext.Options, compilationContext.Compilation.AssemblyName, compilationContext.CancellationToken);
            foreach (var (assembly, service) in knowledge.Telemetry.ReferencedSdks)
            {
                var name = assembly.Identity.Name;
                var package = service.PackageFor(name);
                var reference = references?.DirectReferenceFor(name, package);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticProperties.Service, service.Name);
                properties.Add(DiagnosticProperties.Vendor, service.Vendor);
                properties.Add(DiagnosticProperties.Category, service.Category);
                properties.Add(DiagnosticProperties.Assembly, name);
                properties.Add(DiagnosticProperties.Package, package);
                if (reference is { } direct)
                {
                    properties.Add(DiagnosticProperties.Reference, direct.Reference);
                }

                compilationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TelemetrySdkReferenced,
                    reference?.Location ?? Location.None,
                    properties.ToImmutable(),
                    name,
                    reference is { } through && !string.Equals(through.Reference, package, System.StringComparison.OrdinalIgnoreCase) ? $"{package}, through {through.Reference}" : package,
                    service.CategoryPhrase,
                    service.Vendor));
            }
        });
    }
}
