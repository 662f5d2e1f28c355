using Altertech.NoTelemetry.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli.Reports;

/// <summary>The words every report uses alike.</summary>
internal static class ReportText
{
    public const string ToolName = "notelemetry";

    public const string InformationUri = "https://github.com/altertech/Altertech.NoTelemetry/blob/main/docs/cli.md";

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary><c>path(line,col)</c> as a build prints it; the path alone without a region; the project without a path.</summary>
    public static string Location(Finding finding) =>
        finding.RelativePath is null ? Path.GetFileName(finding.ProjectFile)
        : finding.Line > 0 ? $"{finding.RelativePath}({finding.Line},{finding.Column})"
        : finding.RelativePath;

    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";

    /// <summary>Only NT0006 is an inventory; every other rule's finding is a violation.</summary>
    public static bool IsInventory(Finding finding) => finding.RuleId == RuleIdentifiers.NetworkEgress;

    /// <summary>"Network egress points, all to endpoints not compiled in" and the like, from NT0006's destination facts.</summary>
    public static string EgressSummary(IReadOnlyCollection<Finding> egress)
    {
        if (egress.Count == 0)
        {
            return "no network egress";
        }

        var constant = egress.Where(f => f.Property(DiagnosticProperties.Destination) == "constant").ToList();
        var points = Count(egress.Count, "network egress point", "network egress points");
        if (constant.Count == 0)
        {
            return $"{points}, all to endpoints that are not compiled in (configured by the user or computed at run time)";
        }

        var hosts = constant.Select(f => f.Property(DiagnosticProperties.Host)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        return $"{points}: {egress.Count - constant.Count} to endpoints not compiled in, {constant.Count} to compiled-in hosts ({string.Join(", ", hosts)})";
    }

    /// <summary>The one line a release manager reads first.</summary>
    public static string Verdict(AuditResult result)
    {
        var projects = Count(result.Projects.Count, "project", "projects");
        var active = result.Active.ToList();
        var violations = active.Where(f => !IsInventory(f)).ToList();
        var egress = EgressSummary(active.Where(IsInventory).ToList());
        var approximate = result.IsApproximate ? " (approximate: loose files without a project)" : "";
        if (result.HasToolErrors)
        {
            return $"Audit incomplete{approximate}: not every project loaded, compiled and was analysed (see the tool messages); {Count(violations.Count, "finding", "findings")} and {egress} in what was analysed.";
        }

        if (violations.Count == 0)
        {
            return $"No telemetry found in {projects}{approximate}; {egress}.";
        }

        var byRule = string.Join(", ", violations.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        var projectsWith = violations.Select(f => f.ProjectFile).Distinct(StringComparer.Ordinal).Count();
        return $"Telemetry or phoning home found in {projectsWith} of {projects}{approximate}: {Count(violations.Count, "finding", "findings")} ({byRule}); {egress}.";
    }
}
