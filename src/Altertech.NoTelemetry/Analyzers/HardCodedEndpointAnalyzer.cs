using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0003: a network call, constructor, factory or property assignment that receives an endpoint whose host is a
/// compile-time constant and not loopback. The constant is followed through fields, properties, locals, string
/// building and URI/address types (see <see cref="EndpointResolver"/>); endpoints the user allowed are exempt.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedEndpointAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HardCodedRemoteEndpoint);

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

            start.RegisterOperationAction(
                c => Analyze(c, knowledge),
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.Invalid);
        });
    }

    private static void Analyze(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        // Code under edit: a call that does not bind, but whose every candidate sends, still names its endpoint.
        if (context.Operation is IInvalidOperation invalid)
        {
            if (EgressClassifier.TryClassifyCandidates(invalid, knowledge.Egress, context.CancellationToken, out var candidate) && candidate.IsEgress)
            {
                Check(context, knowledge, candidate);
            }

            return;
        }

        // The API call itself, or Fetch("https://...") where the product's Fetch passes its argument on to one.
        foreach (var site in knowledge.EgressSitesOf(context.Operation, context.CancellationToken))
        {
            Check(context, knowledge, site);
        }
    }

    private static void Check(OperationAnalysisContext context, CompilationKnowledge knowledge, EgressSite site)
    {
        if (site.Resolve(knowledge.Endpoints, context.CancellationToken) is not { } endpoint)
        {
            return;
        }

        // Every remote value the endpoint can have, in one finding: a switch between two hosts is one decision.
        var allowList = knowledge.GetAllowList(context.Options, context.Operation.Syntax.SyntaxTree);
        var remote = new List<ResolvedAlternative>();
        foreach (var alternative in endpoint.Alternatives)
        {
            if (!Endpoint.IsLoopback(alternative.Host) && !allowList.Allows(alternative))
            {
                remote.Add(alternative);
            }
        }

        if (remote.Count == 0)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Host, remote[0].Host);
        properties.Add(DiagnosticProperties.Hosts, string.Join(",", remote.Select(a => a.Host)));
        properties.Add(DiagnosticProperties.Endpoint, remote[0].Text);
        properties.Add(DiagnosticProperties.Member, site.Member.OriginalDefinition.GetDocumentationCommentId());
        if (endpoint.Origin is not null)
        {
            properties.Add(DiagnosticProperties.Source, endpoint.Origin);
        }

        if (endpoint.Origin is null && IsWrittenInPlace(site.Endpoint))
        {
            properties.Add(DiagnosticProperties.Fix, EndpointFix.Configuration);
            if (site.Endpoint?.Parent is IArgumentOperation { Parameter: { } parameter })
            {
                properties.Add(DiagnosticProperties.Parameter, parameter.Name);
            }
        }

        if (site.Via is { } via)
        {
            properties.Add(DiagnosticProperties.Via, via.OriginalDefinition.GetDocumentationCommentId());
            properties.Add(DiagnosticProperties.Chain, string.Join(";", site.Chain.Add(via).Select(m => m.OriginalDefinition.GetDocumentationCommentId())));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.HardCodedRemoteEndpoint,
            DiagnosticLocations.MemberName(context.Operation),
            properties.ToImmutable(),
            TextDisplay.Alternatives(remote.Select(a => a.Display).ToList()),
            endpoint.Origin is null ? string.Empty : $" (from {endpoint.Origin})",
            site.Describe()));
    }

    /// <summary>
    /// Whether the endpoint is a string literal written at the call, bare or in <c>new Uri("...")</c>: the code fix can read
    /// it from configuration instead without touching anything else.
    /// </summary>
    private static bool IsWrittenInPlace(IOperation? endpoint) => EndpointFix.LiteralOf(endpoint) is not null;
}
