using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>
/// Gives a loaded project what a build with the package gives the analyzers: the enforcement mode's analyzer config and
/// the project's NoTelemetry.txt. A project that references the package has them from its design-time build already,
/// and loses its own Altertech.NoTelemetry analyzer references, since the tool runs its own.
/// </summary>
internal static class AnalysisSetup
{
    private const string AnalyzerAssemblyPrefix = "Altertech.NoTelemetry";

    public static Solution Prepare(Project project, string enforcement, ProjectSettings settings, bool enforcementForced, List<ToolMessage> messages)
    {
        foreach (var reference in project.AnalyzerReferences.Where(IsOwnAnalyzer).ToList())
        {
            project = project.RemoveAnalyzerReference(reference);
        }

        if (enforcementForced || !settings.HasPackageIntegration)
        {
            foreach (var config in project.AnalyzerConfigDocuments.Where(d => IsEnforcementConfig(d.FilePath)).ToList())
            {
                project = project.RemoveAnalyzerConfigDocument(config.Id);
            }

            project = AddEnforcementConfig(project, enforcement);
        }

        var projectFile = project.FilePath!;
        if (settings.ConfigFile is { } configFile && !project.AdditionalDocuments.Any(d => IsConfigFile(d.FilePath)))
        {
            if (!IsConfigFile(configFile))
            {
                // As the package's build error NTB002: the analyzers read only files of that name.
                messages.Add(new ToolMessage(ToolMessageLevel.Error, $"NoTelemetryConfigFile is {configFile}, but Altertech.NoTelemetry reads only files named {ConfigFileDiscovery.FileName}.", projectFile));
            }
            else if (File.Exists(configFile))
            {
                project = project.AddAdditionalDocument(ConfigFileDiscovery.FileName, SourceText.From(File.ReadAllText(configFile)), filePath: configFile).Project;
            }
            else
            {
                messages.Add(new ToolMessage(ToolMessageLevel.Error, $"NoTelemetryConfigFile is {configFile}, which does not exist.", projectFile));
            }
        }

        return project.Solution;
    }

    /// <summary>The globalconfig of a mode, as shipped beside the tool (the same files the package ships).</summary>
    public static Project AddEnforcementConfig(Project project, string enforcement)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "globalconfigs", $"NoTelemetry.{enforcement}.globalconfig");
        return project.AddAnalyzerConfigDocument(Path.GetFileName(path), SourceText.From(File.ReadAllText(path)), filePath: path).Project;
    }

    public static bool IsConfigFile(string? path) =>
        string.Equals(Path.GetFileName(path), ConfigFileDiscovery.FileName, StringComparison.OrdinalIgnoreCase);

    private static bool IsOwnAnalyzer(AnalyzerReference reference) =>
        reference.FullPath is { } path
        && Path.GetFileName(path).StartsWith(AnalyzerAssemblyPrefix, StringComparison.OrdinalIgnoreCase)
        && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private static bool IsEnforcementConfig(string? path) =>
        Path.GetFileName(path) is { } name
        && name.StartsWith("NoTelemetry.", StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);
}
