using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>
/// What a project's MSBuild properties say about Altertech.NoTelemetry, read by evaluating the project (not building
/// it) with the audit's global properties, so that a project without the package is audited as it would be with it.
/// </summary>
/// <param name="HasPackageIntegration">The package's targets are imported: the design-time build already added its
/// enforcement config and NoTelemetry.txt.</param>
/// <param name="Enforcement">NoTelemetryEnforcement, trimmed and lower-case; empty when unset.</param>
/// <param name="ConfigFile">The NoTelemetry.txt to read, full path; null: none.</param>
internal sealed record ProjectSettings(bool HasPackageIntegration, string Enforcement, string? ConfigFile)
{
    /// <summary>Evaluates each project once; a project that does not evaluate gets the package's defaults (the load reports it).</summary>
    public static Dictionary<string, ProjectSettings> Evaluate(IEnumerable<string> projectFiles, IReadOnlyDictionary<string, string> globalProperties, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, ProjectSettings>(StringComparer.Ordinal);
        using var collection = new ProjectCollection(globalProperties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        foreach (var file in projectFiles.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            settings[file] = EvaluateOne(collection, file);
        }

        return settings;
    }

    public static ProjectSettings Default(string projectFile) =>
        new(false, "", ConfigFileDiscovery.Find(Path.GetDirectoryName(projectFile)!));

    private static ProjectSettings EvaluateOne(ProjectCollection collection, string file)
    {
        try
        {
            var project = collection.LoadProject(file);
            try
            {
                var hasPackage = string.Equals(project.GetPropertyValue("_NoTelemetryTargetsImported"), "true", StringComparison.OrdinalIgnoreCase);
                var enforcement = project.GetPropertyValue("NoTelemetryEnforcement").Trim().ToLowerInvariant();
                var configured = project.GetPropertyValue("NoTelemetryConfigFile");
                string? configFile;
                if (configured.Length > 0)
                {
                    configFile = Path.GetFullPath(Path.Combine(project.DirectoryPath, configured));
                }
                else
                {
                    // With the package, its props have searched already and found none, or the project chose none.
                    configFile = hasPackage ? null : ConfigFileDiscovery.Find(project.DirectoryPath);
                }

                return new ProjectSettings(hasPackage, enforcement, configFile);
            }
            finally
            {
                collection.UnloadProject(project);
            }
        }
        catch (InvalidProjectFileException)
        {
            return Default(file);
        }
    }
}
