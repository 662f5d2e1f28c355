using System.Collections.Immutable;
using System.Linq;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0005: a network egress, a telemetry SDK send or capture, or a call of a product method that passes its argument on
/// to one, whose URL, headers, content, request or client carry identifying data (see <see cref="IdentifyingFlow"/>).
/// Reported at the call, once, for the first operand that carries a source.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentifyingDataAnalyzer : DiagnosticAnalyzer
{
    /// <summary>At most this many product members are named after "via".</summary>
    private const int MaxShownVia = 3;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.IdentifyingDataSent);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
            if (knowledge.Identifying.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, knowledge), OperationKind.Invocation, OperationKind.ObjectCreation);
            if (knowledge.Telemetry.HasSdkSymbols)
            {
                start.RegisterOperationAction(c => AnalyzeSdkAssignment(c, knowledge), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        var operation = context.Operation;
        if (EgressClassifier.CallOf(operation).Method is not { } method)
        {
            return;
        }

        var flow = knowledge.Identifying;
        if (EgressClassifier.TryClassify(operation, knowledge.Egress, out var site))
        {
            if (knowledge.Calls.Sends(site, context.CancellationToken))
            {
                ReportOperands(context, knowledge, site.Api, site.Member, site);
            }

            return;
        }

        if (flow.IsSdkSend(method))
        {
            ReportOperands(context, knowledge, null, method, null);
            return;
        }

        if (!knowledge.Calls.IsInSource(method) || method.Parameters.IsEmpty)
        {
            return;
        }

        // A product method that passes a parameter on to a sending call: what this call gives it is sent. The arguments
        // are looked at first (most carry nothing), the method's body only for an argument that carries a source.
        ImmutableArray<ParameterFlow>? flows = null;
        foreach (var (value, parameter, isReceiver) in IdentifyingFlow.OperandsOf(operation))
        {
            if (isReceiver || parameter is null)
            {
                continue;
            }

            var carried = flow.Evaluate(value, context.CancellationToken);
            if (carried.Source is null)
            {
                continue;
            }

            // OpenInBrowser("https://example.com/?user=" + Environment.UserName): the browser sends what the URL carries.
            // Asked only now, when an argument carries a source, as the method's flows are.
            if (flows is null)
            {
                foreach (var opened in knowledge.Calls.BrowserReportsOf(operation, context.CancellationToken))
                {
                    var inUrl = flow.Evaluate(opened.Endpoint!, context.CancellationToken);
                    if (inUrl.Source is not null)
                    {
                        Report(context, inUrl, "in the URL", opened.Describe(), opened.Via ?? method, opened.Chain);
                        return;
                    }
                }
            }

            flows ??= flow.FlowsOf((method.ReducedFrom ?? method).OriginalDefinition, context.CancellationToken);
            var ordinal = method.ReducedFrom is not null ? parameter.Ordinal + 1 : parameter.Ordinal;
            foreach (var parameterFlow in flows.Value)
            {
                if (parameterFlow.Ordinal == ordinal)
                {
                    var description = $"{DiagnosticLocations.Describe(method)}, which passes it to {DiagnosticLocations.Describe(parameterFlow.Api)}";
                    Report(context, carried, parameterFlow.Channel, description, parameterFlow.Api, parameterFlow.Chain);
                    return;
                }
            }
        }
    }

    private static bool GoesOnlyToThisMachine(EgressSite site, CompilationKnowledge knowledge, System.Threading.CancellationToken cancellationToken) =>
        site.Endpoint is not null
        && knowledge.Endpoints.Resolve(site.Endpoint, site.EndpointAcceptsBareHost, cancellationToken, out _) is { } endpoint
        && endpoint.Alternatives.All(a => Endpoint.IsLoopback(a.Host));

    /// <summary>
    /// <c>scope.User = new SentryUser { Id = token }</c>: data set on a telemetry SDK's object is sent with what the SDK
    /// sends next. Reported at the assignment (the SDK's later calls on that object are not, for it).
    /// </summary>
    private static void AnalyzeSdkAssignment(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || knowledge.Telemetry.Match(property) is null)
        {
            return;
        }

        for (var parent = assignment.Parent; parent is not null and not IBlockOperation; parent = parent.Parent)
        {
            if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } outer } } && knowledge.Telemetry.Match(outer) is not null)
            {
                // scope.User = new SentryUser { Id = ... }: one finding, on the outer assignment.
                return;
            }
        }

        var carried = knowledge.Identifying.Evaluate(assignment.Value, context.CancellationToken);
        if (carried.Source is not null)
        {
            Report(context, carried, "in the event data", DiagnosticLocations.Describe(property), property, ImmutableArray<ISymbol>.Empty);
        }
    }

    private static void ReportOperands(OperationAnalysisContext context, CompilationKnowledge knowledge, Catalogue.EgressApi? api, ISymbol member, EgressSite? site)
    {
        foreach (var (value, parameter, isReceiver) in IdentifyingFlow.OperandsOf(context.Operation))
        {
            if (isReceiver && api is null)
            {
                // An SDK object the product set data on: reported where the data was set.
                continue;
            }

            var carried = knowledge.Identifying.Evaluate(value, context.CancellationToken);
            if (carried.Source is null)
            {
                continue;
            }

            // A request to this machine (local IPC, a local service) does not take the data off it: asked only of a
            // request that carries identifying data, not of every egress.
            if (site is { } egress && GoesOnlyToThisMachine(egress, knowledge, context.CancellationToken))
            {
                return;
            }

            Report(context, carried, IdentifyingFlow.ChannelOf(carried, api, parameter, isReceiver), DiagnosticLocations.Describe(member), member, ImmutableArray<ISymbol>.Empty);
            return;
        }
    }

    private static void Report(OperationAnalysisContext context, Carried carried, string channel, string description, ISymbol api, ImmutableArray<ISymbol> chain)
    {
        var source = carried.Source!;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Data, source.Member.OriginalDefinition.GetDocumentationCommentId());
        properties.Add(DiagnosticProperties.Identifies, source.Identifies);
        properties.Add(DiagnosticProperties.Channel, ChannelKey(channel));
        properties.Add(DiagnosticProperties.Member, (api is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : api).OriginalDefinition.GetDocumentationCommentId());
        if (carried.Header is { } header)
        {
            properties.Add(DiagnosticProperties.Header, header);
        }

        if (!chain.IsEmpty)
        {
            properties.Add(DiagnosticProperties.Chain, string.Join(";", chain.Select(m => m.GetDocumentationCommentId())));
        }

        var via = carried.Via.IsEmpty
            ? string.Empty
            : " (via " + string.Join(", ", carried.Via.Take(MaxShownVia).Select(Display)) + (carried.Via.Length > MaxShownVia ? $" and {carried.Via.Length - MaxShownVia} more" : string.Empty) + ")";
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.IdentifyingDataSent,
            DiagnosticLocations.MemberName(context.Operation),
            properties.ToImmutable(),
            source.Display,
            via,
            channel,
            description));
    }

    private static string Display(ISymbol member) =>
        DiagnosticLocations.Describe(member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member);

    private static string ChannelKey(string channel) => channel switch
    {
        "in the URL" => "url",
        "in the host name" => "host",
        "in the request" => "request",
        "through its client" => "client",
        "in the event data" => "event",
        _ when channel.StartsWith("in header ", System.StringComparison.Ordinal) => "header",
        _ => "content",
    };
}
