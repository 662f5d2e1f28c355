using System.Text;
using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;

namespace Altertech.NoTelemetry.Cli.Reports;

/// <summary>The console report: findings grouped by rule, then file, as <c>path(line,col): NTxxxx message</c>, and a summary table per rule.</summary>
internal static class TextReport
{
    public static string Write(AuditResult result)
    {
        var text = new StringBuilder();
        foreach (var message in result.Messages.Where(m => m.Level != ToolMessageLevel.Note))
        {
            text.AppendLine($"{(message.Level == ToolMessageLevel.Error ? "error" : "warning")}: {(message.ProjectFile is null ? "" : message.ProjectFile + ": ")}{message.Text}");
        }

        foreach (var project in result.Projects.Where(p => !p.Compiles && !p.IsApproximate))
        {
            text.AppendLine($"error: {project.RelativePath} does not compile ({ReportText.Count(project.CompileErrors.Count, "error", "errors")}); first: {project.CompileErrors[0]}");
        }

        var active = result.Active.ToList();
        foreach (var rule in active.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine($"{rule.Key} {result.Rule(rule.Key)?.Title} ({ReportText.Count(rule.Count(), "finding", "findings")})");
            foreach (var file in rule.GroupBy(f => f.RelativePath ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"  {(file.Key.Length == 0 ? "(no file)" : file.Key)}");
                foreach (var finding in file)
                {
                    text.AppendLine($"    {ReportText.Location(finding)}: {finding.RuleId} {finding.Message}");
                }
            }
        }

        text.AppendLine();
        AppendSummary(text, result);
        text.AppendLine();
        text.AppendLine(ReportText.Verdict(result));
        return text.ToString();
    }

    private static void AppendSummary(StringBuilder text, AuditResult result)
    {
        var rows = new List<string[]> { new[] { "Rule", "Title", "Severity", "Findings", "Suppressed", "Baseline" } };
        foreach (var rule in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var severities = string.Join("/", rule.Where(f => f.IsActive).Select(f => ReportText.SeverityName(f.Severity)).Distinct().Order(StringComparer.Ordinal));
            rows.Add([rule.Key, result.Rule(rule.Key)?.Title.ToString() ?? "", severities.Length == 0 ? "-" : severities,
                rule.Count(f => f.IsActive).ToString(System.Globalization.CultureInfo.InvariantCulture),
                rule.Count(f => f.IsSuppressed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                rule.Count(f => f.IsInBaseline && !f.IsSuppressed).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        rows.Add(["Total", "", "", result.Findings.Count(f => f.IsActive).ToString(System.Globalization.CultureInfo.InvariantCulture),
            result.Findings.Count(f => f.IsSuppressed).ToString(System.Globalization.CultureInfo.InvariantCulture),
            result.Findings.Count(f => f.IsInBaseline && !f.IsSuppressed).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i >= 3 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }

        text.AppendLine($"{ReportText.Count(result.Projects.Count, "project", "projects")} analysed{(result.Skipped.Count > 0 ? $", {result.Skipped.Count} skipped ({string.Join("; ", result.Skipped.Select(s => $"{Path.GetFileName(s.ProjectFile)}: {s.Reason}"))})" : "")}.");
        if (result.Options.BaselinePath is not null)
        {
            text.AppendLine($"Baseline {result.Options.BaselinePath}: {result.Findings.Count(f => f.IsInBaseline)} known finding(s) not reported, {result.BaselineFixed} fixed since.");
        }
    }
}
