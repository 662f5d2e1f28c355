using System.Reflection;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>Facts about the build that produced these tests, written into the assembly by the project file.</summary>
internal static class BuildSettings
{
    public static string RepoRoot { get; } = Path.GetFullPath(Get("RepoRoot"));

    /// <summary>The configuration the tests, and so the package project they reference, were built in.</summary>
    public static string Configuration { get; } = Get("Configuration");

    public static string PackageVersion { get; } = Get("PackageVersion");

    public static string PackageProject { get; } = Path.Combine(RepoRoot, "nuget", "Altertech.NoTelemetry.Package.csproj");

    public static string ToolProject { get; } = Path.Combine(RepoRoot, "src", "Altertech.NoTelemetry.Cli", "Altertech.NoTelemetry.Cli.csproj");

    private static string Get(string key) =>
        typeof(BuildSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: see the project file.");
}
