using System.Diagnostics;

namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>The command line itself: version, usage errors (exit code 2), Ctrl+C.</summary>
[Collection(AuditCollection.Name)]
public sealed class CommandLineTests(AuditWorkspace workspace)
{
    [Fact]
    public async Task Version_prints_the_packages_version()
    {
        var run = await Tool.RunAsync(workspace.Root, ["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Theory]
    [InlineData("audit", "--fail-on", "sometimes")]
    [InlineData("audit", "--format", "html")]
    [InlineData("audit", "--rules", "NT1,CA2000")]
    [InlineData("audit", "--property", "NoEquals")]
    [InlineData("audit", "does/not/exist")]
    [InlineData("audit", "--format", "json", "--format", "sarif")]
    [InlineData("audit", "--baseline", "missing-baseline.json", "loose")]
    [InlineData("lint")]
    public async Task Usage_errors_exit_2_and_say_what_is_wrong(params string[] arguments)
    {
        var run = await Tool.RunAsync(workspace.Root, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_audit_promptly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Restored by that audit already: this restore has nothing to write, whenever it is stopped.
        await workspace.RunAsync(Scenarios.Multi);
        var stopwatch = new Stopwatch();
        // Once the tool says it restores, its Ctrl+C handler is in place; the restore and the load are still to come.
        var run = await Tool.RunAsync(workspace.Root, ["audit", "multi/Multi.slnx"], async tool =>
        {
            await tool.WaitForErrorAsync("Restoring");
            stopwatch.Start();
            using var interrupt = Process.Start("kill", ["-INT", tool.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        });

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("notelemetry: canceled.", run.Error, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopped {stopwatch.Elapsed} after Ctrl+C");
    }
}
