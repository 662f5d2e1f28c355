using Microsoft.Build.Locator;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>
/// The user's .NET SDK: found by Microsoft.Build.Locator, whose registration must come before the first method that
/// names an MSBuild type is compiled, so nothing here names one.
/// </summary>
internal static class Sdk
{
    private static readonly Lazy<VisualStudioInstance> s_instance = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder of the SDK's MSBuild (<c>/usr/share/dotnet/sdk/10.0.100/</c>).</summary>
    public static string MSBuildPath => s_instance.Value.MSBuildPath;

    /// <summary>The <c>dotnet</c> executable of that SDK, to restore with.</summary>
    public static string DotNetExecutable
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            var root = Path.GetFullPath(Path.Combine(MSBuildPath, "..", ".."));
            var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            return File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : "dotnet";
        }
    }

    /// <summary>Registers the SDK once per process (a test host may have registered it already).</summary>
    public static void EnsureRegistered() => _ = s_instance.Value;

    private static VisualStudioInstance Register()
    {
        if (MSBuildLocator.IsRegistered)
        {
            return MSBuildLocator.QueryVisualStudioInstances().First();
        }

        // The first is the SDK that global.json in the current folder selects, as for `dotnet build`.
        var instance = MSBuildLocator.QueryVisualStudioInstances().FirstOrDefault()
            ?? throw new AuditException("No .NET SDK was found. Install the .NET SDK (https://dot.net) or set DOTNET_ROOT.");
        MSBuildLocator.RegisterInstance(instance);
        return instance;
    }
}
