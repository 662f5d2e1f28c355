using System.Collections.Immutable;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>An operation that connects or sends: the API, the member called, and its endpoint argument.</summary>
internal readonly struct EgressSite
{
    public EgressSite(EgressApi api, IMethodSymbol method, IOperation? endpoint)
    {
        Api = api;
        Method = method;
        Endpoint = endpoint;
    }

    public EgressApi Api { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The argument value that carries the endpoint, or null when the call has none.</summary>
    public IOperation? Endpoint { get; }

    /// <summary>The host of the endpoint when its host part is a compile-time constant.</summary>
    public string? ConstantHost => Endpoint is null ? null : EndpointResolver.TryGetHost(Endpoint);
}

/// <summary>
/// Decides whether an invocation, object creation or method group is network egress, and which argument is its
/// endpoint (a method group has none: it is called later, through a delegate).
/// </summary>
internal static class EgressClassifier
{
    public static bool TryClassify(IOperation operation, EgressTable table, out EgressSite site)
    {
        site = default;
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            IMethodReferenceOperation reference => (reference.Method, ImmutableArray<IArgumentOperation>.Empty),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };

        if (method is null || table.Classify(method) is not { } api)
        {
            return false;
        }

        site = new EgressSite(api, method, FindEndpoint(api, arguments));
        return true;
    }

    private static IOperation? FindEndpoint(EgressApi api, ImmutableArray<IArgumentOperation> arguments)
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
                    return argument.Value;
                }
            }
        }

        return null;
    }
}
