using Microsoft.Build.Construction;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>The project files a .sln or .slnx names, read by MSBuild's own solution parser.</summary>
internal static class SolutionFileProjects
{
    public static HashSet<string> Read(string solutionFile) =>
        SolutionFile.Parse(solutionFile).ProjectsInOrder
            .Where(p => p.ProjectType != SolutionProjectType.SolutionFolder)
            .Select(p => Path.GetFullPath(p.AbsolutePath))
            .ToHashSet(StringComparer.Ordinal);
}
