using System;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// An operation that connects, sends, registers a sender or binds an endpoint: the API, the member used, and the
/// value that carries its endpoint.
/// </summary>
internal readonly struct EgressSite
{
    public EgressSite(EgressApi api, ISymbol member, IOperation? endpoint, bool endpointAcceptsBareHost, ISymbol? via = null, ImmutableArray<ISymbol> chain = default)
    {
        Api = api;
        Member = member;
        Endpoint = endpoint;
        EndpointAcceptsBareHost = endpointAcceptsBareHost;
        Via = via;
        Chain = chain.IsDefault ? ImmutableArray<ISymbol>.Empty : chain;
    }

    /// <summary>
    /// For a call of a product method that passes its argument on: the product methods it goes through, from the one
    /// called to the one that calls <see cref="Via"/>. Empty when <see cref="Member"/> is the API itself.
    /// </summary>
    public ImmutableArray<ISymbol> Chain { get; }

    public EgressApi Api { get; }

    /// <summary>The method, constructor or property (for an assignment) that the operation uses.</summary>
    public ISymbol Member { get; }

    /// <summary>
    /// For a call of a product method that passes its argument on to a network API (see
    /// <see cref="EndpointForwarders"/>): that API. Null when <see cref="Member"/> is the API itself.
    /// </summary>
    public ISymbol? Via { get; }

    /// <summary>The value that carries the endpoint, or null when the operation has none.</summary>
    public IOperation? Endpoint { get; }

    /// <summary>
    /// True when the endpoint may be a bare host (<c>TcpClient(hostname, port)</c>, an <c>IPAddress</c>, an end
    /// point); false when it is a URI, so that text without a scheme is a relative request, not a host.
    /// </summary>
    public bool EndpointAcceptsBareHost { get; }

    /// <summary>
    /// The operation talks to the network: every kind but <see cref="EgressKind.Bind"/> and <see cref="EgressKind.Open"/>
    /// (a process start is a browser's request only for a URL, see <see cref="BrowserUrl"/>).
    /// </summary>
    public bool IsEgress => Api.Kind is not (EgressKind.Bind or EgressKind.Open);

    /// <summary><c>HttpClient.GetAsync</c>, or <c>Updater.FetchAsync, which passes it to HttpClient.GetAsync</c>.</summary>
    public string Describe() =>
        Via is null ? DiagnosticLocations.Describe(Member) : $"{DiagnosticLocations.Describe(Member)}, which passes it to {DiagnosticLocations.Describe(Via)}";

    /// <summary>The endpoint when its host is a compile-time constant.</summary>
    public ResolvedEndpoint? Resolve(EndpointResolver resolver, System.Threading.CancellationToken cancellationToken) =>
        Endpoint is null ? null : resolver.Resolve(Endpoint, EndpointAcceptsBareHost, cancellationToken);
}

/// <summary>
/// Decides whether an invocation, object creation, method group or property assignment is a catalogued network
/// API, and which value is its endpoint (a method group has none: it is called later, through a delegate).
/// </summary>
internal static class EgressClassifier
{
    public static bool TryClassify(IOperation operation, EgressTable table, out EgressSite site)
    {
        site = default;
        if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment)
        {
            if (table.Classify(property) is not { } propertyApi)
            {
                return false;
            }

            site = new EgressSite(propertyApi, property, assignment.Value, AcceptsBareHost(property.Name, property.Type));
            return true;
        }

        var (method, arguments) = operation is IMethodReferenceOperation reference
            ? (reference.Method, ImmutableArray<IArgumentOperation>.Empty)
            : CallOf(operation);

        if (method is null || table.Classify(method) is not { } api)
        {
            return false;
        }

        var endpoint = FindEndpoint(api, arguments);
        site = new EgressSite(
            api,
            method,
            endpoint?.Value,
            endpoint?.Parameter is { } parameter && AcceptsBareHost(parameter.Name, parameter.Type));
        return true;
    }

    /// <summary>
    /// A call or creation that does not bind (code under edit, a missing reference) whose every candidate is egress of one
    /// kind: the site of the candidate whose parameters fit the arguments, with the argument written for its endpoint
    /// parameter (by name, else by position), bound on its own.
    /// </summary>
    public static bool TryClassifyCandidates(IInvalidOperation invalid, EgressTable table, CancellationToken cancellationToken, out EgressSite site)
    {
        site = default;
        var candidates = UnboundCalls.CandidatesOf(invalid, cancellationToken);
        if (candidates.IsEmpty)
        {
            return false;
        }

        EgressApi? kind = null;
        foreach (var candidate in candidates)
        {
            if (candidate is not IMethodSymbol method || table.Classify(method) is not { } api || (kind is not null && api.Kind != kind.Kind))
            {
                return false;
            }

            kind ??= api;
        }

        var best = (IMethodSymbol)UnboundCalls.BestCandidate(invalid, candidates);
        var bestApi = table.Classify(best)!;
        foreach (var name in bestApi.EndpointParameters)
        {
            foreach (var parameter in best.Parameters)
            {
                if (parameter.Name == name && UnboundCalls.ArgumentFor(invalid, parameter, cancellationToken) is { } endpoint)
                {
                    site = new EgressSite(bestApi, best, endpoint, AcceptsBareHost(parameter.Name, parameter.Type));
                    return true;
                }
            }
        }

        site = new EgressSite(bestApi, best, endpoint: null, endpointAcceptsBareHost: false);
        return true;
    }

    /// <summary>The method or constructor an invocation or object creation calls, with its arguments; null for anything else.</summary>
    public static (IMethodSymbol? Method, ImmutableArray<IArgumentOperation> Arguments) CallOf(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
        IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
    };

    /// <summary>
    /// Host-shaped parameters: a name that says host or server (<c>hostname</c>, <c>hostNameOrAddress</c>,
    /// <c>server</c>), or an address or end point type. Everything else carries a URI.
    /// </summary>
    private static bool AcceptsBareHost(string name, ITypeSymbol type) =>
        name.IndexOf("host", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("server", StringComparison.OrdinalIgnoreCase) >= 0
        || NetworkTypes.IsAddress(type);

    private static IArgumentOperation? FindEndpoint(EgressApi api, ImmutableArray<IArgumentOperation> arguments)
    {
        if (api.EndpointParameters.IsEmpty)
        {
            return null;
        }

        foreach (var name in api.EndpointParameters)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument;
                }
            }
        }

        return null;
    }
}
