using System.Collections.Immutable;
using Altertech.NoTelemetry.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>One project file in the reports: its compilations (one per framework) taken together.</summary>
internal sealed record ProjectSummary(string ProjectFile, string Name, string RelativePath, ImmutableArray<string> Frameworks, string Enforcement, IReadOnlyList<string> CompileErrors, IReadOnlyList<string> AnalyzerFailures, bool IsApproximate)
{
    public bool Compiles => CompileErrors.Count == 0;
}

/// <summary>Everything the reports say: the input, the projects, the findings, and what went wrong.</summary>
internal sealed record AuditResult
{
    public required AuditInput Input { get; init; }

    public required IReadOnlyList<ProjectSummary> Projects { get; init; }

    public required IReadOnlyList<SkippedProject> Skipped { get; init; }

    /// <summary>Every finding, suppressed and baselined ones too, one per fingerprint, in file and line order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<ToolMessage> Messages { get; init; }

    public required ImmutableArray<DiagnosticDescriptor> Rules { get; init; }

    public required AuditOptions Options { get; init; }

    /// <summary>With --baseline: how many of its findings are gone.</summary>
    public int BaselineFixed { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public TimeSpan Duration { get; init; }

    public bool IsApproximate => Projects.Any(p => p.IsApproximate);

    public IEnumerable<Finding> Active => Findings.Where(f => f.IsActive);

    /// <summary>Load failures, projects that do not compile, analyzer exceptions: the audit is not evidence (exit code 2).</summary>
    public bool HasToolErrors =>
        Messages.Any(m => m.Level == ToolMessageLevel.Error)
        || Projects.Any(p => (!p.Compiles && !p.IsApproximate) || p.AnalyzerFailures.Count > 0);

    public int ExitCode =>
        HasToolErrors ? CommandLine.ToolFailed
        : Options.FailOn is { } failOn && Active.Any(f => f.Severity >= failOn) ? CommandLine.FindingsFailed
        : CommandLine.Success;

    public DiagnosticDescriptor? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>Merges the compilations' outcomes: a finding reported by several frameworks of one project is one finding.</summary>
    public static (List<ProjectSummary> Projects, List<Finding> Findings) Merge(IEnumerable<ProjectOutcome> outcomes, string root)
    {
        var projects = new List<ProjectSummary>();
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var group in outcomes.GroupBy(o => o.Project.ProjectFile, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First().Project;
            projects.Add(new ProjectSummary(
                group.Key,
                first.Name,
                ProjectAnalysis.RelativePath(root, group.Key),
                [.. group.Select(o => o.Project.TargetFramework).OfType<string>().Order(StringComparer.Ordinal)],
                first.Enforcement,
                [.. group.SelectMany(o => o.CompileErrors.Select(e => o.Project.TargetFramework is { } f ? $"{e} [{f}]" : e)).Distinct()],
                [.. group.SelectMany(o => o.AnalyzerFailures).Distinct()],
                first.IsApproximate));
            foreach (var finding in group.SelectMany(o => o.Findings))
            {
                findings[finding.Fingerprint] = findings.TryGetValue(finding.Fingerprint, out var known)
                    ? known with { Frameworks = [.. known.Frameworks.Union(finding.Frameworks).Order(StringComparer.Ordinal)] }
                    : finding;
            }
        }

        var ordered = findings.Values
            .OrderBy(f => f.RelativePath ?? "", StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return (projects, ordered);
    }
}
