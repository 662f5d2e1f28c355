namespace Altertech.NoTelemetry.PackageTests;

/// <summary>The user's own configuration and suppressions win over the enforcement mode's globalconfig.</summary>
[Collection(PackageCollection.Name)]
public sealed class SeverityPrecedenceTests(PackageFeed package)
{
    [Fact]
    public async Task Users_globalconfig_wins_over_error_mode()
    {
        var build = await package.BuildAsync(Scenarios.UserGlobalConfig);

        Assert.True(build.Succeeded, "The user's .globalconfig did not lower NT0001 and NT0003 to warnings." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0001", "Mixpanel"), "NT0001 is not a warning." + Environment.NewLine + build);
        Assert.True(build.Reports("warning", "NT0003", "api.mixpanel.com"), "NT0003 is not a warning." + Environment.NewLine + build);
    }

    [Theory]
    [InlineData("SilencedByEditorConfig.cs")]
    [InlineData("SilencedByPragma.cs")]
    [InlineData("SilencedBySuppressMessage.cs")]
    public async Task Users_editorconfig_pragma_and_SuppressMessage_win_over_error_mode(string file)
    {
        var build = await package.BuildAsync(Scenarios.Suppressions);

        // The same request in a file that nothing silences shows that error mode is in force in this build.
        Assert.True(build.Reports("error", "NT0001", "NotSilenced.cs"), "NT0001 is not an error where nothing silences it." + Environment.NewLine + build);
        Assert.True(build.Reports("error", "NT0003", "NotSilenced.cs"), "NT0003 is not an error where nothing silences it." + Environment.NewLine + build);
        var silenced = build.Diagnostics().Where(d => d.Origin.Contains(file, StringComparison.Ordinal)).ToList();
        Assert.True(silenced.Count == 0, $"{file} still reports: {string.Join(", ", silenced.Select(d => $"{d.Severity} {d.Id}"))}" + Environment.NewLine + build);
    }
}
