namespace Altertech.NoTelemetry;

/// <summary>
/// The rule identifiers of Altertech.NoTelemetry. They are public contract: users name them in
/// <c>.editorconfig</c>, suppressions and CI scripts, so they are never renumbered.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>Telemetry service used.</summary>
    public const string TelemetryServiceUsed = "NT0001";

    /// <summary>Telemetry SDK referenced.</summary>
    public const string TelemetrySdkReferenced = "NT0002";

    /// <summary>Hard-coded remote endpoint.</summary>
    public const string HardCodedRemoteEndpoint = "NT0003";

    /// <summary>Unsolicited reporting.</summary>
    public const string UnsolicitedReporting = "NT0004";

    /// <summary>Identifying data sent.</summary>
    public const string IdentifyingDataSent = "NT0005";

    /// <summary>Network egress.</summary>
    public const string NetworkEgress = "NT0006";

    /// <summary>Hidden network access.</summary>
    public const string HiddenNetworkAccess = "NT0007";

    /// <summary>Invalid configuration.</summary>
    public const string InvalidConfiguration = "NT0900";
}
