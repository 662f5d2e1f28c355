using Altertech.NoTelemetry.Tests.Verifiers;

namespace Altertech.NoTelemetry.Tests;

/// <summary>
/// The test host's entry point; with <c>--warm-up</c> it downloads the reference packages the tests use
/// (run by the build, see the project file) and exits.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--warm-up"))
        {
            await TestReferences.WarmUpAsync();
        }

        return 0;
    }
}
