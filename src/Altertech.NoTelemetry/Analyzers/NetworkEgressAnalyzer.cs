using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0006: the inventory of every operation that connects, sends, resolves a host or registers a sender
/// (exporters and sinks). Creating a client is not egress; using it is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkEgressAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.NetworkEgress);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
            if (knowledge.Egress.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, knowledge), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.MethodReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        if (!EgressClassifier.TryClassify(context.Operation, knowledge.Egress, out var site) || !site.IsEgress)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.NetworkEgress,
            DiagnosticLocations.MemberName(context.Operation),
            DiagnosticLocations.Describe(site.Member),
            site.Api.Verb,
            Destination(site, knowledge, context.CancellationToken)));
    }

    private static string Destination(EgressSite site, CompilationKnowledge knowledge, CancellationToken cancellationToken)
    {
        if (site.Endpoint is null)
        {
            return string.Empty;
        }

        if (knowledge.Endpoints.Resolve(site.Endpoint, site.EndpointAcceptsBareHost, cancellationToken, out var relative) is { } endpoint)
        {
            return $" to '{endpoint.Host}'";
        }

        // GetAsync("v1/check"): the host is the client's base address, set elsewhere (and checked there by NT0003).
        return !site.EndpointAcceptsBareHost && relative is not null
            ? $" to '{TextDisplay.Shorten(relative)}' on its client's base address"
            : " to an endpoint set at run time";
    }
}
