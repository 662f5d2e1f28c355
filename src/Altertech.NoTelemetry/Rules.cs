using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry;

/// <summary>The diagnostic descriptors, all built by one helper so that every rule is filled in alike.</summary>
internal static class Rules
{
    internal const string Category = "Privacy";
    internal const string HelpLinkBase = "https://github.com/altertech/Altertech.NoTelemetry/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor TelemetryServiceUsed = Create(
        RuleIdentifiers.TelemetryServiceUsed,
        "Telemetry service used",
        "{0}: {1} {2}{3}",
        DiagnosticSeverity.Warning,
        "The product calls into a telemetry, analytics, crash-reporting or APM service, or sends a request to one of its " +
        "ingestion hosts. Usage and personal data must stay on the user's machine.");

    public static readonly DiagnosticDescriptor TelemetrySdkReferenced = Create(
        RuleIdentifiers.TelemetrySdkReferenced,
        "Telemetry SDK referenced",
        "{0} (package {1}) is {2} SDK that sends data to {3}",
        DiagnosticSeverity.Warning,
        "A telemetry SDK is referenced. Many of them hook crashes or instrument the process on their own, so they can " +
        "report without a single call in the product's code.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HardCodedRemoteEndpoint = Create(
        RuleIdentifiers.HardCodedRemoteEndpoint,
        "Hard-coded remote endpoint",
        "Hard-coded endpoint {0}{1} is passed to {2}",
        DiagnosticSeverity.Warning,
        "A remote host compiled into the product is where phoning home lives: update checks, license pings, " +
        "statistics. The product should talk only to endpoints the user configured; allow the ones that are " +
        "legitimate with notelemetry.allowed_endpoints.");

    public static readonly DiagnosticDescriptor UnsolicitedReporting = Create(
        RuleIdentifiers.UnsolicitedReporting,
        "Unsolicited reporting",
        "{0} from the {1} without asking the user ({2})",
        DiagnosticSeverity.Warning,
        "Code that runs on a crash, at exit, on a failed task or while the host stops sends data over the network. Crash " +
        "reports and logs may leave the machine only when the user sends them: write them to a local file and let the " +
        "user send it, or ask first (see the rule's page for how a consent method is declared).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor IdentifyingDataSent = Create(
        RuleIdentifiers.IdentifyingDataSent,
        "Identifying data sent",
        "Sends {0}{1} {2} with {3}",
        DiagnosticSeverity.Warning,
        "A network request or a telemetry SDK call carries data that identifies the machine, the user, the system or " +
        "its hardware (a machine or user name, an OS description, a MAC address, a machine GUID), or a value derived " +
        "from one: a hash of an identifier is an identifier. Personal information must stay on the user's machine.");

    public static readonly DiagnosticDescriptor NetworkEgress = Create(
        RuleIdentifiers.NetworkEgress,
        "Network egress",
        "Network egress: {0} {1}{2}",
        DiagnosticSeverity.Info,
        "The inventory of every point where the program connects to or sends data over the network. Not a violation by " +
        "itself: it documents where the product talks to the network so that a reviewer can check that each point " +
        "goes only where the user configured.");

    public static readonly DiagnosticDescriptor HiddenNetworkAccess = Create(
        RuleIdentifiers.HiddenNetworkAccess,
        "Hidden network access",
        "{0}: {1}",
        DiagnosticSeverity.Warning,
        "The program reaches the network through a door the other rules cannot see: a network or telemetry type or " +
        "assembly loaded by name, a native network library, a network tool it launches, or a URL with run-time data " +
        "opened in the browser. Go through a declared HttpClient instead, so that the request is checked like any " +
        "other, or suppress with a justification that says why the access is the user's.");

    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        RuleIdentifiers.InvalidConfiguration,
        "Invalid configuration",
        "{0}",
        DiagnosticSeverity.Warning,
        "A line of NoTelemetry.txt or a notelemetry.* option in .editorconfig/.globalconfig cannot be used, or a shipped " +
        "configuration file (appsettings.json, nlog.config, ...) is not valid JSON or XML. It is ignored; the rest of the " +
        "configuration still applies.");

    /// <summary>Every descriptor, in rule order.</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        TelemetryServiceUsed,
        TelemetrySdkReferenced,
        HardCodedRemoteEndpoint,
        UnsolicitedReporting,
        IdentifyingDataSent,
        NetworkEgress,
        HiddenNetworkAccess,
        InvalidConfiguration,
    };

    /// <summary>The address of a rule's documentation page.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: customTags);
}
