namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>
/// Finds a project's NoTelemetry.txt as the package's props do (nuget/buildTransitive/Altertech.NoTelemetry.props):
/// the nearest one in the project's folder or above it, up to the repository root, the nearest folder with a
/// <c>.git</c> file or folder (the filesystem root if there is none).
/// </summary>
internal static class ConfigFileDiscovery
{
    public const string FileName = "NoTelemetry.txt";

    public static string? Find(string projectDirectory)
    {
        for (var folder = new DirectoryInfo(projectDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            // The package checks the config folder against the repository root, the nearest .git: a config file
            // beside the .git still counts, one above it does not.
            if (File.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git", "HEAD")))
            {
                return null;
            }
        }

        return null;
    }
}
