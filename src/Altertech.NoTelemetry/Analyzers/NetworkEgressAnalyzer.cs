using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
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

            start.RegisterOperationAction(
                c => Analyze(c, knowledge),
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.MethodReference,
                OperationKind.Invalid);
        });
    }

    private static void Analyze(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        if (context.Operation is IInvalidOperation invalid)
        {
            AnalyzeCandidates(context, invalid, knowledge);
            return;
        }

        if (!EgressClassifier.TryClassify(context.Operation, knowledge.Egress, out var site) || !site.IsEgress)
        {
            return;
        }

        var (destination, text, hosts) = Destination(site, context.Operation, knowledge, context.CancellationToken);
        if (destination == Loopback)
        {
            // client.ConnectAsync(IPAddress.Loopback, port): a connection to this machine is not the network.
            return;
        }

        Report(context, site.Api, site.Member, destination, text, hosts);
    }

    /// <summary>
    /// Code that does not bind (under edit, or a missing reference): when every method it can mean is the same kind of
    /// egress, it is reported all the same.
    /// </summary>
    private static void AnalyzeCandidates(OperationAnalysisContext context, IInvalidOperation invalid, CompilationKnowledge knowledge)
    {
        if (!EgressClassifier.TryClassifyCandidates(invalid, knowledge.Egress, context.CancellationToken, out var site) || !site.IsEgress)
        {
            return;
        }

        // The endpoint argument, when the unfinished call writes one, is folded like any other; one that folds to
        // nothing known is as likely unfinished as set at run time.
        var (destination, text, hosts) = site.Endpoint is null
            ? (Unbound, UnboundText, (IReadOnlyList<string>?)null)
            : Destination(site, context.Operation, knowledge, context.CancellationToken);
        if (destination == Runtime)
        {
            (destination, text) = (Unbound, UnboundText);
        }

        if (destination != Loopback)
        {
            Report(context, site.Api, site.Member, destination, text, hosts);
        }
    }

    private static void Report(OperationAnalysisContext context, EgressApi api, ISymbol member, string destination, string text, IReadOnlyList<string>? hosts)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Kind, EgressApi.KindNames[(int)api.Kind]);
        properties.Add(DiagnosticProperties.Destination, destination);
        properties.Add(DiagnosticProperties.Member, member.OriginalDefinition.GetDocumentationCommentId());
        if (hosts is not null)
        {
            // One host, or several constants it can be: the first, and all of them.
            properties.Add(DiagnosticProperties.Host, hosts[0]);
            properties.Add(DiagnosticProperties.Hosts, string.Join(",", hosts));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.NetworkEgress,
            DiagnosticLocations.MemberName(context.Operation),
            properties.ToImmutable(),
            DiagnosticLocations.Describe(member),
            api.Verb,
            text));
    }

    private const string Constant = "constant";
    private const string Relative = "relative";
    private const string Runtime = "runtime";
    private const string Elsewhere = "elsewhere";
    private const string Unbound = "unbound";
    private const string Loopback = "loopback";

    private const string UnboundText = " to an endpoint that the unfinished call does not name yet";
    private const string ElsewhereOnClient = " to an endpoint given to its client, request or options elsewhere";
    private const string ElsewhereInOptions = " to the endpoint set in its options or configuration";
    private const string ElsewhereThroughDelegate = " to the endpoint each call through the delegate passes";

    /// <summary>
    /// The URL of the <c>HttpRequestMessage</c> a call sends, when the request is made in the same member with
    /// <c>new HttpRequestMessage(method, url)</c>, written once and never given another <c>RequestUri</c>; else null.
    /// </summary>
    private static IOperation? RequestUri(IOperation operation, CancellationToken cancellationToken)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is not { Name: "HttpRequestMessage" } || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var value = ValueFlow.CallGraph.Unwrap(argument.Value);
            if (value is ILocalReferenceOperation local)
            {
                var writes = ValueFlow.LocalFlow.ReachingWrites(local, cancellationToken);
                if (writes.IsDefault || writes.Length != 1 || IsGivenAnotherUri(local) || local.SemanticModel is not { } model)
                {
                    return null;
                }

                value = model.GetOperation(writes[0].Syntax, cancellationToken) switch
                {
                    IVariableDeclaratorOperation { Initializer.Value: var initial } => ValueFlow.CallGraph.Unwrap(initial),
                    ISimpleAssignmentOperation { Value: var assigned } => ValueFlow.CallGraph.Unwrap(assigned),
                    _ => null,
                };
            }

            if (value is IObjectCreationOperation { Constructor: { } constructor } creation && constructor.ContainingType.Name == "HttpRequestMessage")
            {
                foreach (var parameterArgument in creation.Arguments)
                {
                    if (parameterArgument.Parameter?.Name == "requestUri" && parameterArgument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return parameterArgument.Value;
                    }
                }
            }

            return null;
        }

        return null;
    }

    /// <summary><c>request.RequestUri = ...</c> anywhere in the member: the URL the request was made with may not be the one it has.</summary>
    private static bool IsGivenAnotherUri(ILocalReferenceOperation reference)
    {
        var member = reference.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>() ?? (SyntaxNode?)reference.Syntax.SyntaxTree.GetRoot();
        foreach (var node in member!.DescendantNodes())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RequestUri", Expression: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax target } }
                && target.Identifier.ValueText == reference.Local.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the operation sends, always said: a constant host, a relative path, run time, or elsewhere.</summary>
    private static (string Destination, string Text, IReadOnlyList<string>? Hosts) Destination(EgressSite site, IOperation operation, CompilationKnowledge knowledge, CancellationToken cancellationToken)
    {
        if (site.Endpoint is null && RequestUri(operation, cancellationToken) is { } requestUri)
        {
            // http.SendAsync(request) where the request was made for a URL here: that URL is where it goes.
            site = new EgressSite(site.Api, site.Member, requestUri, endpointAcceptsBareHost: false);
        }

        if (site.Endpoint is null)
        {
            // http.SendAsync(request), socket.Send(bytes), a method group: the call names no endpoint.
            return operation is IMethodReferenceOperation ? (Elsewhere, ElsewhereThroughDelegate, null)
                : site.Api.Kind == EgressKind.Register ? (Elsewhere, ElsewhereInOptions, null)
                : (Elsewhere, ElsewhereOnClient, null);
        }

        if (knowledge.Endpoints.Resolve(site.Endpoint, site.EndpointAcceptsBareHost, cancellationToken, out var relative) is { } endpoint)
        {
            // This machine is not the network: a call that goes only there is not egress, and a set names the rest.
            var remote = endpoint.Alternatives.Where(a => !Endpoint.IsLoopback(a.Host)).Select(a => a.Host).ToList();
            return remote.Count == 0
                ? (Loopback, string.Empty, null)
                : (Constant, " to " + TextDisplay.Alternatives(remote), remote);
        }

        // GetAsync("v1/check"): the host is the client's base address, set elsewhere (and checked there by NT0003).
        return !site.EndpointAcceptsBareHost && relative is not null
            ? (Relative, $" to '{TextDisplay.Shorten(relative)}' on its client's base address", null)
            : (Runtime, " to an endpoint set at run time", null);
    }
}
