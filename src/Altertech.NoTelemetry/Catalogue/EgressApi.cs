using System.Collections.Immutable;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>What a network API does, as its catalogue block says.</summary>
internal enum EgressKind
{
    /// <summary>Sends a request or data.</summary>
    Send,

    /// <summary>Opens a connection.</summary>
    Connect,

    /// <summary>Asks DNS or probes a host.</summary>
    Resolve,

    /// <summary>Registers an exporter or sink that sends on the program's behalf.</summary>
    Register,

    /// <summary>
    /// Binds an endpoint to a client or request without talking to the network yet (<c>HttpClient.BaseAddress</c>,
    /// <c>new HttpRequestMessage(method, uri)</c>): not egress, but where a hard-coded endpoint enters (NT0003).
    /// </summary>
    Bind,

    /// <summary>
    /// Names the file a process starts, which may be an http(s) URL that the browser opens (<c>Process.Start(url)</c>):
    /// not egress the program makes, but where a URL with run-time data leaves with the browser (NT0007, and NT0004 and
    /// NT0005 when such a URL carries a report or identifying data).
    /// </summary>
    Open,
}

/// <summary>One catalogued egress API: a member, the family it belongs to, and where its endpoint comes from.</summary>
internal sealed class EgressApi
{
    public EgressApi(string family, EgressKind kind, ImmutableArray<string> endpointParameters)
    {
        Family = family;
        Kind = kind;
        EndpointParameters = endpointParameters;
    }

    /// <summary>The block's name, e.g. <c>System.Net.Http</c> or <c>RestSharp</c>.</summary>
    public string Family { get; }

    public EgressKind Kind { get; }

    /// <summary>Names of the parameters that carry the endpoint; empty when it is not an argument.</summary>
    public ImmutableArray<string> EndpointParameters { get; }

    public string Verb => Kind switch
    {
        EgressKind.Connect => "connects",
        EgressKind.Resolve => "resolves a host",
        EgressKind.Register => "registers a sender",
        EgressKind.Bind => "binds an endpoint",
        EgressKind.Open => "opens a URL in the browser",
        _ => "sends",
    };

    /// <summary>The values a block's <c>kind</c> may take.</summary>
    public static readonly ImmutableArray<string> KindNames = ImmutableArray.Create("send", "connect", "resolve", "register", "bind", "open");

    /// <summary>The kind a block names; <see cref="EgressKind.Send"/> when it names none it knows.</summary>
    public static EgressKind ParseKind(string? value) => TryParseKind(value, out var kind) ? kind : EgressKind.Send;

    public static bool TryParseKind(string? value, out EgressKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "send": kind = EgressKind.Send; return true;
            case "connect": kind = EgressKind.Connect; return true;
            case "resolve": kind = EgressKind.Resolve; return true;
            case "register": kind = EgressKind.Register; return true;
            case "bind": kind = EgressKind.Bind; return true;
            case "open": kind = EgressKind.Open; return true;
            default: kind = EgressKind.Send; return false;
        }
    }
}
