using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Network;

/// <summary>The BCL types that carry an endpoint: <c>System.Uri</c>, <c>System.UriBuilder</c> and the <c>System.Net</c> addresses.</summary>
internal enum NetworkType
{
    None,
    Uri,
    UriBuilder,
    IPAddress,
    EndPoint,
    IPEndPoint,
    DnsEndPoint,
}

/// <summary>
/// One place that recognises the endpoint-carrying BCL types, by name and namespace (no symbol lookup: a test of
/// two names, cheap enough for every argument of every call).
/// </summary>
internal static class NetworkTypes
{
    public static NetworkType Of(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { ContainingNamespace: { IsGlobalNamespace: false } ns })
        {
            return NetworkType.None;
        }

        if (ns.Name == "System" && ns.ContainingNamespace.IsGlobalNamespace)
        {
            return type.Name switch
            {
                "Uri" => NetworkType.Uri,
                "UriBuilder" => NetworkType.UriBuilder,
                _ => NetworkType.None,
            };
        }

        if (ns.Name == "Net" && ns.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            return type.Name switch
            {
                "IPAddress" => NetworkType.IPAddress,
                "EndPoint" => NetworkType.EndPoint,
                "IPEndPoint" => NetworkType.IPEndPoint,
                "DnsEndPoint" => NetworkType.DnsEndPoint,
                _ => NetworkType.None,
            };
        }

        return NetworkType.None;
    }

    public static bool IsUri(ITypeSymbol? type) => Of(type) == NetworkType.Uri;

    /// <summary><c>Uri</c> or <c>UriBuilder</c>: a URI built from its first argument.</summary>
    public static bool IsUriOrBuilder(ITypeSymbol? type) => Of(type) is NetworkType.Uri or NetworkType.UriBuilder;

    /// <summary>An address or end point: <c>IPAddress</c>, <c>EndPoint</c>, <c>IPEndPoint</c>, <c>DnsEndPoint</c>.</summary>
    public static bool IsAddress(ITypeSymbol? type) => IsAddress(Of(type));

    /// <summary>A type that carries an endpoint by itself: <c>Uri</c> or an address (not <c>UriBuilder</c>, which builds one).</summary>
    public static bool IsUriOrAddress(ITypeSymbol? type)
    {
        var kind = Of(type);
        return kind == NetworkType.Uri || IsAddress(kind);
    }

    private static bool IsAddress(NetworkType kind) =>
        kind is NetworkType.IPAddress or NetworkType.EndPoint or NetworkType.IPEndPoint or NetworkType.DnsEndPoint;
}
