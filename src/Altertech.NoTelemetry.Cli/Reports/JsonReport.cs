using System.Text.Json;
using System.Text.Json.Serialization;
using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;

namespace Altertech.NoTelemetry.Cli.Reports;

/// <summary>
/// The report for scripts, schema version <see cref="SchemaVersion"/> (docs/cli.md documents every field; a field is
/// never removed or changes meaning within a version). Paths are relative to the audit's root, with forward slashes.
/// </summary>
internal static class JsonReport
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AuditResult result) => JsonSerializer.Serialize(Create(result), s_json) + "\n";

    private static JsonAudit Create(AuditResult result)
    {
        var root = result.Input.Root;
        return new JsonAudit(
            SchemaVersion,
            new JsonTool(ReportText.ToolName, AnalyzerSet.Version),
            new JsonInput(result.Input.Folder, root, result.Input.Kind switch { InputKind.Solution => "solution", InputKind.Projects => "projects", _ => "looseFiles" }, result.IsApproximate),
            result.StartTime.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Math.Round(result.Duration.TotalSeconds, 3),
            new JsonOptions(
                result.Options.FailOn is { } failOn ? ReportText.SeverityName(failOn) : "none",
                result.Options.Enforcement,
                [.. result.Options.Rules.Order(StringComparer.Ordinal)],
                result.Options.BaselinePath),
            result.ExitCode,
            ReportText.Verdict(result),
            [.. result.Projects.Select(p => new JsonProject(p.Name, p.RelativePath, p.Frameworks, p.Enforcement, p.Compiles || p.IsApproximate, p.CompileErrors, p.AnalyzerFailures))],
            [.. result.Skipped.Select(s => new JsonSkipped(ProjectAnalysis.RelativePath(root, s.ProjectFile), s.Reason))],
            [.. result.Messages.Select(m => new JsonMessage(m.Level.ToString().ToLowerInvariant(), m.Text, m.ProjectFile is null ? null : ProjectAnalysis.RelativePath(root, m.ProjectFile)))],
            [.. result.Findings.Select(f => new JsonFinding(
                f.RuleId,
                ReportText.SeverityName(f.Severity),
                f.Message,
                ProjectAnalysis.RelativePath(root, f.ProjectFile),
                f.RelativePath,
                f.Line,
                f.Column,
                f.EndLine,
                f.EndColumn,
                f.Frameworks,
                f.Fingerprint,
                f.IsSuppressed ? new JsonSuppression(f.SuppressionKind ?? "pragma", f.Justification) : null,
                f.IsInBaseline,
                f.IsGenerated,
                f.Properties))],
            new JsonSummary(
                result.Findings.Count(f => f.IsActive),
                result.Findings.Count(f => f.IsSuppressed),
                result.Findings.Count(f => f.IsInBaseline && !f.IsSuppressed),
                result.BaselineFixed,
                [.. result.Rules.Select(r => new JsonRuleSummary(
                    r.Id,
                    r.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ReportText.SeverityName(r.DefaultSeverity),
                    r.HelpLinkUri,
                    result.Findings.Count(f => f.RuleId == r.Id && f.IsActive),
                    result.Findings.Count(f => f.RuleId == r.Id && f.IsSuppressed)))]));
    }

    private sealed record JsonAudit(int SchemaVersion, JsonTool Tool, JsonInput Input, string StartTime, double DurationSeconds, JsonOptions Options, int ExitCode, string Verdict,
        IReadOnlyList<JsonProject> Projects, IReadOnlyList<JsonSkipped> Skipped, IReadOnlyList<JsonMessage> Messages, IReadOnlyList<JsonFinding> Findings, JsonSummary Summary);

    private sealed record JsonTool(string Name, string Version);

    private sealed record JsonInput(string Path, string Root, string Kind, bool Approximate);

    private sealed record JsonOptions(string FailOn, string? Enforcement, IReadOnlyList<string> Rules, string? Baseline);

    private sealed record JsonProject(string Name, string Path, IReadOnlyList<string> Frameworks, string Enforcement, bool Compiles, IReadOnlyList<string> CompileErrors, IReadOnlyList<string> AnalyzerFailures);

    private sealed record JsonSkipped(string Path, string Reason);

    private sealed record JsonMessage(string Level, string Text, string? Project);

    private sealed record JsonFinding(string Rule, string Severity, string Message, string Project, string? Path, int Line, int Column, int EndLine, int EndColumn,
        IReadOnlyList<string> Frameworks, string Fingerprint, JsonSuppression? Suppression, bool InBaseline, bool Generated, IReadOnlyDictionary<string, string> Properties);

    private sealed record JsonSuppression(string Kind, string? Justification);

    private sealed record JsonSummary(int Active, int Suppressed, int InBaseline, int BaselineFixed, IReadOnlyList<JsonRuleSummary> Rules);

    private sealed record JsonRuleSummary(string Id, string Title, string DefaultSeverity, string HelpUri, int Findings, int Suppressed);
}
