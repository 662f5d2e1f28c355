namespace Altertech.NoTelemetry.Tests.Meta;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Altertech.NoTelemetry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Altertech.NoTelemetry.sln not found above " + AppContext.BaseDirectory);
    }
}
