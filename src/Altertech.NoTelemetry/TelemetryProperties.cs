namespace Altertech.NoTelemetry;

/// <summary>
/// The keys of NT0001's <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: the facts a code fix or a report
/// reads instead of the message. Public contract, documented in docs/rules/NT0001.md.
/// </summary>
public static class TelemetryProperties
{
    /// <summary>The service, as the catalogue names it (<c>Sentry</c>, <c>Application Insights</c>).</summary>
    public const string Service = "service";

    /// <summary>Who receives the data (<c>Microsoft</c>).</summary>
    public const string Vendor = "vendor";

    /// <summary><c>analytics</c>, <c>crash-reporting</c>, <c>apm</c> or <c>logging</c>.</summary>
    public const string Category = "category";

    /// <summary>What the member does: <c>send</c>, <c>capture</c>, <c>configure</c> or <c>use</c>.</summary>
    public const string Role = "role";

    /// <summary><c>sdk</c>, <c>host</c> (a request to an ingestion host) or <c>candidate</c> (code that does not bind).</summary>
    public const string Origin = "origin";

    /// <summary><c>true</c> when the code fix can replace the reported call with local tracing.</summary>
    public const string Fixable = "fixable";

    /// <summary>How many further members of the service the same statement uses (not reported on their own).</summary>
    public const string OtherMembers = "others";

    /// <summary>The documentation-comment ID of the member reported (<c>M:Sentry.SentrySdk.CaptureException(System.Exception)</c>).</summary>
    public const string Member = "member";

    /// <summary>The ingestion host a request goes to, for origin <c>host</c>.</summary>
    public const string Host = "host";

    /// <summary>The network API that a product method hands the endpoint to, when the request goes through one.</summary>
    public const string Via = "via";
}
