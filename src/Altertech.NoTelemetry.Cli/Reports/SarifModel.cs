using System.Text.Json.Serialization;

namespace Altertech.NoTelemetry.Cli.Reports;

// The part of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) the audit writes, one record per object.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    SarifPropertyBag? Properties = null);

internal sealed record SarifTool(SarifToolComponent Driver);

internal sealed record SarifToolComponent(
    string Name,
    string Version,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifReportingDescriptor> Rules);

internal sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMessageString ShortDescription,
    SarifMessageString FullDescription,
    string? HelpUri,
    SarifMessageString Help,
    SarifConfiguration DefaultConfiguration,
    SarifPropertyBag Properties);

internal sealed record SarifMessageString(string Text, string? Markdown = null);

internal sealed record SarifConfiguration(string Level, bool Enabled = true);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    IReadOnlyList<SarifNotification> ToolExecutionNotifications,
    string? StartTimeUtc,
    string? EndTimeUtc,
    int? ExitCode);

internal sealed record SarifNotification(SarifMessage Message, string Level, IReadOnlyList<SarifLocation>? Locations = null);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<SarifSuppression>? Suppressions,
    string? BaselineState,
    SarifPropertyBag? Properties);

internal sealed record SarifMessage(string Text);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

internal sealed record SarifRegion(int StartLine, int? StartColumn = null, int? EndLine = null, int? EndColumn = null);

internal sealed record SarifSuppression(string Kind, string? Justification = null);

/// <summary>A SARIF property bag: tags, and the facts of a finding.</summary>
internal sealed class SarifPropertyBag : Dictionary<string, object>
{
}
