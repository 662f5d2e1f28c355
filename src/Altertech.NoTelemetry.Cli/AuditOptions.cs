using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli;

/// <summary>The report formats of <c>notelemetry audit</c>.</summary>
internal enum ReportFormat
{
    Text,
    Sarif,
    Json,
    Markdown,
}

/// <summary>How much <c>notelemetry audit</c> writes on stderr, with the names <c>dotnet</c> uses.</summary>
internal enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Detailed,
}

/// <summary>One report to write: its format, and its file (null: stdout).</summary>
internal sealed record ReportRequest(ReportFormat Format, string? OutputPath);

/// <summary>Everything <c>notelemetry audit</c> was asked to do, checked.</summary>
internal sealed record AuditOptions
{
    public required string Path { get; init; }

    public required IReadOnlyList<ReportRequest> Reports { get; init; }

    /// <summary>The lowest severity that fails the audit; null: none does.</summary>
    public DiagnosticSeverity? FailOn { get; init; } = DiagnosticSeverity.Warning;

    /// <summary><c>warning</c>, <c>error</c> or <c>strict</c>; null: each project's own mode.</summary>
    public string? Enforcement { get; init; }

    public string? BaselinePath { get; init; }

    public string? WriteBaselinePath { get; init; }

    /// <summary>The rules to report; empty: every rule.</summary>
    public IReadOnlySet<string> Rules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public string? Configuration { get; init; }

    public string? Framework { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool Restore { get; init; } = true;

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>The MSBuild global properties the projects load with: <c>--property</c>, <c>--configuration</c>, <c>--framework</c>.</summary>
    public IReadOnlyDictionary<string, string> GlobalProperties
    {
        get
        {
            var properties = new Dictionary<string, string>(Properties, StringComparer.OrdinalIgnoreCase);
            if (Configuration is not null)
            {
                properties["Configuration"] = Configuration;
            }

            if (Framework is not null)
            {
                properties["TargetFramework"] = Framework;
            }

            return properties;
        }
    }
}
