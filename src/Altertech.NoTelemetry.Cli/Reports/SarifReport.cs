using System.Text.Json;
using System.Text.Json.Serialization;
using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning takes it: rules with help URIs and levels, locations relative to
/// <c>%SRCROOT%</c> (the audit's root), and content fingerprints under <see cref="Fingerprints.SarifKey"/>.
/// Suppressed findings are in it with their suppression; with --baseline, known ones are <c>unchanged</c>.
/// </summary>
internal static class SarifReport
{
    public const string SourceRoot = "%SRCROOT%";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AuditResult result) => JsonSerializer.Serialize(Create(result), s_json) + "\n";

    public static SarifLog Create(AuditResult result)
    {
        var rules = result.Rules.Select(Rule).ToList();
        var ruleIndex = result.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var results = result.Findings.Select(f => Result(f, ruleIndex[f.RuleId], result)).ToList();
        var notifications = result.Messages.Where(m => m.Level != ToolMessageLevel.Note).Select(m => new SarifNotification(new SarifMessage(m.Text), m.Level == ToolMessageLevel.Error ? "error" : "warning", ArtifactLocations(m.ProjectFile, result)))
            .Concat(result.Projects.Where(p => !p.Compiles && !p.IsApproximate).Select(p => new SarifNotification(new SarifMessage($"{p.RelativePath} does not compile: {p.CompileErrors[0]}"), "error", ArtifactLocations(p.ProjectFile, result))))
            .Concat(result.Projects.SelectMany(p => p.AnalyzerFailures.Select(f => new SarifNotification(new SarifMessage($"An analyzer failed on {p.RelativePath}: {f}"), "error", ArtifactLocations(p.ProjectFile, result)))))
            .ToList();
        var root = new Uri(Path.TrimEndingDirectorySeparator(result.Input.Root) + Path.DirectorySeparatorChar).AbsoluteUri;
        var run = new SarifRun(
            new SarifTool(new SarifToolComponent(ReportText.ToolName, AnalyzerSet.Version, AnalyzerSet.Version, ReportText.InformationUri, rules)),
            [new SarifInvocation(!result.HasToolErrors, notifications, Timestamp(result.StartTime), Timestamp(result.StartTime + result.Duration), result.ExitCode)],
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(root) },
            results,
            "utf16CodeUnits",
            result.IsApproximate ? new SarifPropertyBag { ["approximate"] = true } : null);
        return new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]);
    }

    private static SarifReportingDescriptor Rule(DiagnosticDescriptor descriptor)
    {
        var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var help = descriptor.HelpLinkUri.Length > 0 ? $"{description} See {descriptor.HelpLinkUri}." : description;
        return new SarifReportingDescriptor(
            descriptor.Id,
            PascalCase(title),
            new SarifMessageString(title),
            new SarifMessageString(description.Length > 0 ? description : title),
            descriptor.HelpLinkUri.Length > 0 ? descriptor.HelpLinkUri : null,
            new SarifMessageString(help, descriptor.HelpLinkUri.Length > 0 ? $"{description} [{descriptor.Id}]({descriptor.HelpLinkUri})" : description),
            new SarifConfiguration(Level(descriptor.DefaultSeverity), descriptor.IsEnabledByDefault),
            new SarifPropertyBag { ["category"] = descriptor.Category, ["tags"] = new[] { "privacy", "telemetry", descriptor.Category } });
    }

    private static SarifResult Result(Finding finding, int ruleIndex, AuditResult result)
    {
        var locations = finding.FilePath is null ? [] : new[] { Location(finding, result) };
        var properties = new SarifPropertyBag();
        foreach (var (key, value) in finding.Properties)
        {
            properties[key] = value;
        }

        properties["project"] = ProjectAnalysis.RelativePath(result.Input.Root, finding.ProjectFile);
        if (finding.Frameworks.Length > 0)
        {
            properties["frameworks"] = finding.Frameworks;
        }

        if (finding.IsGenerated)
        {
            properties["generated"] = true;
        }

        return new SarifResult(
            finding.RuleId,
            ruleIndex,
            Level(finding.Severity),
            new SarifMessage(finding.Message),
            locations,
            new Dictionary<string, string> { [Fingerprints.SarifKey] = finding.Fingerprint },
            finding.IsSuppressed ? [new SarifSuppression("inSource", finding.Justification)] : null,
            result.Options.BaselinePath is null ? null : finding.IsInBaseline ? "unchanged" : "new",
            properties);
    }

    private static SarifLocation Location(Finding finding, AuditResult result) =>
        new(new SarifPhysicalLocation(Artifact(finding.FilePath!, result), finding.Line > 0 ? new SarifRegion(finding.Line, finding.Column, finding.EndLine, finding.EndColumn) : null));

    private static SarifLocation[]? ArtifactLocations(string? path, AuditResult result) =>
        path is null || !File.Exists(path) ? null : [new SarifLocation(new SarifPhysicalLocation(Artifact(path, result), null))];

    /// <summary>Relative to %SRCROOT% inside the root; an absolute file URI outside it.</summary>
    private static SarifArtifactLocation Artifact(string path, AuditResult result)
    {
        var relative = ProjectAnalysis.RelativePath(result.Input.Root, path);
        return Path.IsPathRooted(relative)
            ? new SarifArtifactLocation(new Uri(path).AbsoluteUri)
            : new SarifArtifactLocation(string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), SourceRoot);
    }

    /// <summary>"Telemetry service used" as a rule name: TelemetryServiceUsed.</summary>
    private static string PascalCase(string title) =>
        string.Concat(title.Split(title.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
