namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The bundled samples, built the way docs/samples/README.md says.</summary>
public sealed class SampleBuildTests
{
    /// <summary>
    /// Clean keeps the promise: with every rule an error, NT0006 included, it builds. Its one network call, to the
    /// user's own sync server, carries a justified suppression that docs/samples/README.md lists.
    /// </summary>
    [Fact]
    public async Task Clean_sample_builds_in_strict_mode()
    {
        var build = await DotNetCli.RunAsync(
            BuildSettings.RepoRoot,
            [
                "build", Path.Combine("docs", "samples", "Clean", "Clean.csproj"),
                "--configuration", BuildSettings.Configuration,
                "-p:NoTelemetryEnforcement=strict",
                // The analyzer was built with these tests; building it again could race the package tests' pack.
                "-p:BuildProjectReferences=false",
                "--disable-build-servers",
            ]);

        Assert.True(build.Succeeded, "The Clean sample does not build in strict mode." + Environment.NewLine + build);
        Assert.DoesNotContain(" NT0", build.Output, StringComparison.Ordinal);
    }
}
