using System.Xml.Linq;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The repository's samples build with the package's own props and targets, from nuget/.</summary>
public sealed class RepositoryLayoutTests
{
    [Theory]
    [InlineData("Directory.Build.props", "nuget/buildTransitive/Altertech.NoTelemetry.props")]
    [InlineData("Directory.Build.targets", "nuget/buildTransitive/Altertech.NoTelemetry.targets")]
    public void Samples_import_the_packages_props_and_targets(string file, string packageFile)
    {
        var path = Path.Combine(BuildSettings.RepoRoot, "docs", "samples", file);
        var imports = XDocument.Load(path).Root!.Elements("Import")
            .Select(i => ((string?)i.Attribute("Project") ?? string.Empty).Replace("$(MSBuildThisFileDirectory)", Path.GetDirectoryName(path) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .ToList();

        Assert.Contains(Path.GetFullPath(Path.Combine(BuildSettings.RepoRoot, packageFile)), imports);
    }
}
