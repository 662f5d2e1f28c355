using System.Text;
using Altertech.NoTelemetry.Cli.Analysis;
using Altertech.NoTelemetry.Cli.Loading;

namespace Altertech.NoTelemetry.Cli.Reports;

/// <summary>
/// The evidence report for a release: the verdict, then per project the telemetry SDKs referenced, the network egress
/// inventory, each violation, and each suppression with its justification.
/// </summary>
internal static class MarkdownReport
{
    public static string Write(AuditResult result)
    {
        var md = new StringBuilder();
        md.AppendLine("# Telemetry and network audit");
        md.AppendLine();
        md.AppendLine($"**{Escape(ReportText.Verdict(result))}**");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| Audited | `{Escape(result.Input.Folder)}` ({result.Input.Kind switch { InputKind.Solution => "solution " + Path.GetFileName(result.Input.Files[0]), InputKind.Projects => "projects", _ => "loose .cs files, approximate" }}) |");
        md.AppendLine($"| Date | {result.StartTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC |");
        md.AppendLine($"| Tool | {ReportText.ToolName} {AnalyzerSet.Version} (Altertech.NoTelemetry analyzers {AnalyzerSet.Version}) |");
        md.AppendLine($"| Projects | {result.Projects.Count} analysed{(result.Skipped.Count > 0 ? $", {result.Skipped.Count} skipped" : "")} |");
        md.AppendLine($"| Enforcement | {string.Join(", ", result.Projects.Select(p => p.Enforcement).Distinct().Order(StringComparer.Ordinal))} |");
        if (result.Options.BaselinePath is { } baseline)
        {
            md.AppendLine($"| Baseline | `{Escape(baseline)}`: {result.Findings.Count(f => f.IsInBaseline)} known finding(s) not counted, {result.BaselineFixed} fixed |");
        }

        AppendToolMessages(md, result);
        AppendRuleSummary(md, result);
        foreach (var project in result.Projects)
        {
            AppendProject(md, result, project);
        }

        if (result.Skipped.Count > 0)
        {
            md.AppendLine("## Not audited");
            md.AppendLine();
            foreach (var skipped in result.Skipped)
            {
                md.AppendLine($"- `{Escape(ProjectAnalysis.RelativePath(result.Input.Root, skipped.ProjectFile))}`: {Escape(skipped.Reason)}");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void AppendToolMessages(StringBuilder md, AuditResult result)
    {
        var messages = result.Messages.Where(m => m.Level != ToolMessageLevel.Note).Select(m => $"{m.Level.ToString().ToLowerInvariant()}: {m.Text}")
            .Concat(result.Projects.Where(p => !p.Compiles && !p.IsApproximate).Select(p => $"error: {p.RelativePath} does not compile: {p.CompileErrors[0]}"))
            .Concat(result.Projects.SelectMany(p => p.AnalyzerFailures.Select(f => $"error: an analyzer failed on {p.RelativePath}: {f}")))
            .ToList();
        if (messages.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("## Tool messages");
        md.AppendLine();
        foreach (var message in messages)
        {
            md.AppendLine($"- {Escape(message)}");
        }
    }

    private static void AppendRuleSummary(StringBuilder md, AuditResult result)
    {
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| Rule | Title | Findings | Suppressed |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var rule in result.Rules)
        {
            var active = result.Findings.Count(f => f.RuleId == rule.Id && f.IsActive);
            var suppressed = result.Findings.Count(f => f.RuleId == rule.Id && f.IsSuppressed);
            md.AppendLine($"| [{rule.Id}]({rule.HelpLinkUri}) | {Escape(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture))} | {active} | {suppressed} |");
        }

        md.AppendLine();
    }

    private static void AppendProject(StringBuilder md, AuditResult result, ProjectSummary project)
    {
        var findings = result.Findings.Where(f => f.ProjectFile == project.ProjectFile).ToList();
        var active = findings.Where(f => f.IsActive).ToList();
        md.AppendLine($"## {Escape(project.Name)}");
        md.AppendLine();
        md.AppendLine($"`{Escape(project.RelativePath)}`{(project.Frameworks.Length > 0 ? $" ({string.Join(", ", project.Frameworks)})" : "")}, enforcement {project.Enforcement}{(project.Compiles || project.IsApproximate ? "" : $", **does not compile** ({project.CompileErrors.Count} errors)")}.");
        md.AppendLine();

        AppendTable(md, "Telemetry SDKs referenced", "None.", null, ["Package", "Assembly", "Service", "Vendor", "Status"],
            findings.Where(f => f.RuleId == RuleIdentifiers.TelemetrySdkReferenced && !f.IsInBaseline).Select(sdk => new[]
            {
                sdk.Property(DiagnosticProperties.Package), sdk.Property(DiagnosticProperties.Assembly), sdk.Property(DiagnosticProperties.Service),
                sdk.Property(DiagnosticProperties.Vendor), sdk.IsSuppressed ? "suppressed: " + (sdk.Justification ?? "no justification") : "reported",
            }));

        var egress = active.Where(ReportText.IsInventory).ToList();
        AppendTable(md, "Network egress inventory", "None: the project does not talk to the network.", ReportText.EgressSummary(egress) + ".", ["Location", "Operation", "Destination"],
            egress.Select(point => new[] { ReportText.Location(point), point.Message, Destination(point) }));

        AppendTable(md, "Violations", "None.", null, ["Rule", "Severity", "Location", "Finding"],
            active.Where(f => !ReportText.IsInventory(f)).Select(violation => new[]
            {
                violation.RuleId, ReportText.SeverityName(violation.Severity), ReportText.Location(violation),
                violation.Message + (violation.Property(DiagnosticProperties.Chain) is { } path ? $" (path: {string.Join(" → ", path.Split(';').Select(ShortMember))})" : ""),
            }));

        AppendTable(md, "Suppressions", "None.", null, ["Rule", "Location", "Finding", "Justification"],
            findings.Where(f => f.IsSuppressed).Select(finding => new[]
            {
                finding.RuleId, ReportText.Location(finding), finding.Message, finding.Justification ?? $"none given ({finding.SuppressionKind})",
            }));
    }

    /// <summary>A section of a project: its table, or <paramref name="empty"/> when it has no row.</summary>
    private static void AppendTable(StringBuilder md, string heading, string empty, string? lead, string[] columns, IEnumerable<string?[]> rows)
    {
        md.AppendLine($"### {heading}");
        md.AppendLine();
        var lines = rows.Select(cells => "| " + string.Join(" | ", cells.Select(Cell)) + " |").ToList();
        if (lines.Count == 0)
        {
            md.AppendLine(empty);
            md.AppendLine();
            return;
        }

        if (lead is not null)
        {
            md.AppendLine(lead);
            md.AppendLine();
        }

        md.AppendLine("| " + string.Join(" | ", columns) + " |");
        md.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var line in lines)
        {
            md.AppendLine(line);
        }

        md.AppendLine();
    }

    private static string Destination(Finding point) => point.Property(DiagnosticProperties.Destination) switch
    {
        "constant" => "compiled in: " + (point.Property(DiagnosticProperties.Hosts) ?? point.Property(DiagnosticProperties.Host) ?? "a constant host"),
        "relative" => "a path on its client's base address",
        "runtime" => "computed at run time",
        "elsewhere" => "given by a request object or connection",
        { } other => other,
        null => "not known",
    };

    /// <summary><c>M:Contoso.Crash.Report(System.Exception)</c> as <c>Contoso.Crash.Report</c>.</summary>
    private static string ShortMember(string documentationId)
    {
        var name = documentationId.Length > 2 && documentationId[1] == ':' ? documentationId[2..] : documentationId;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? name[..parenthesis] : name;
    }

    private static string Cell(string? text) => string.IsNullOrEmpty(text) ? "" : Escape(text).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
