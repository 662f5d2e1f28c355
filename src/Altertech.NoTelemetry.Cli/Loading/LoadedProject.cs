using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>One project to audit: one target framework of one project file, or the folder of loose files.</summary>
/// <param name="ProjectFile">The project file; for loose files, the folder.</param>
/// <param name="TargetFramework">For a multi-targeting project, the framework this compilation is for.</param>
/// <param name="Enforcement">The enforcement mode the project is audited in (<c>warning</c>, <c>error</c>, <c>strict</c>).</param>
/// <param name="IsApproximate">Loose files, compiled against the running runtime: compiler errors do not fail the audit.</param>
internal sealed record LoadedProject(ProjectId Id, string Name, string ProjectFile, string? TargetFramework, string Enforcement, bool IsApproximate);

/// <summary>What the loading produced: the solution to analyse, its projects, and what went wrong on the way.</summary>
internal sealed record LoadResult(Solution Solution, IReadOnlyList<LoadedProject> Projects, IReadOnlyList<ToolMessage> Messages, IReadOnlyList<SkippedProject> Skipped);

/// <summary>A project left out of the audit, and why (NoTelemetryEnforcement=off, not C#).</summary>
internal sealed record SkippedProject(string ProjectFile, string Reason);

/// <summary>Something the tool has to say that is not a finding: a project that failed to load or compile, a warning.</summary>
internal sealed record ToolMessage(ToolMessageLevel Level, string Text, string? ProjectFile = null);

/// <summary>How bad a <see cref="ToolMessage"/> is; <see cref="Error"/> makes the exit code 2.</summary>
internal enum ToolMessageLevel
{
    Note,
    Warning,
    Error,
}
