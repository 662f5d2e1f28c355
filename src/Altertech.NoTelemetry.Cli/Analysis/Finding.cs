using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>One diagnostic of the package's analyzers, with what the reports need to say about it.</summary>
internal sealed record Finding
{
    public required string RuleId { get; init; }

    /// <summary>The severity the project's configuration gives it (its editorconfig, its enforcement mode).</summary>
    public required DiagnosticSeverity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The project file (for loose files, the folder) of the first compilation that reported it.</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The frameworks whose compilations reported it, for a multi-targeting project; empty otherwise.</summary>
    public ImmutableArray<string> Frameworks { get; init; } = [];

    /// <summary>The file, full path; null when the diagnostic has no location in a file.</summary>
    public string? FilePath { get; init; }

    /// <summary>The file relative to the audit's root, with forward slashes; the full path for a file outside it.</summary>
    public string? RelativePath { get; init; }

    /// <summary>One-based; zero when the finding has no region (NT0002 without a PackageReference line).</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    /// <summary>The facts the analyzer reported (Diagnostic.Properties): host, member, service, package, ...</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Computed from content, never from line numbers: see <see cref="Fingerprints"/>.</summary>
    public required string Fingerprint { get; init; }

    public bool IsSuppressed { get; init; }

    /// <summary><c>pragma</c> or <c>attribute</c>, for a suppressed finding.</summary>
    public string? SuppressionKind { get; init; }

    /// <summary>The SuppressMessage attribute's Justification, or the comment after the #pragma.</summary>
    public string? Justification { get; init; }

    /// <summary>In generated code (a source generator's output, a *.g.cs file).</summary>
    public bool IsGenerated { get; init; }

    /// <summary>Recorded in the baseline given with --baseline: not new, so not reported.</summary>
    public bool IsInBaseline { get; init; }

    /// <summary>Counts towards the exit code and the verdict: neither suppressed nor in the baseline.</summary>
    public bool IsActive => !IsSuppressed && !IsInBaseline;

    public string? Property(string key) => Properties.TryGetValue(key, out var value) ? value : null;
}
