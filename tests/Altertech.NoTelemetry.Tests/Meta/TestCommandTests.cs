using System.Text.RegularExpressions;

namespace Altertech.NoTelemetry.Tests.Meta;

/// <summary>CI runs the README's test command, so CI fails whenever a user's run of that command would.</summary>
public partial class TestCommandTests
{
    [Fact]
    public void Ci_runs_the_readme_test_command_adding_only_a_logger_and_a_results_folder()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        var readmeCommand = ReadmeTestCommand().Match(readme);
        Assert.True(readmeCommand.Success, "README.md names no `dotnet test` command in its two commands.");

        var ciCommands = File.ReadLines(RepositoryFiles.PathOf(".ci", "run"))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("dotnet test", StringComparison.Ordinal))
            .ToList();
        var ciCommand = Assert.Single(ciCommands);

        var extra = ciCommand.Substring(readmeCommand.Value.Length);
        Assert.StartsWith(readmeCommand.Value + " ", ciCommand, StringComparison.Ordinal);
        Assert.Matches(OnlyLoggerAndResults(), extra);
    }

    [GeneratedRegex(@"(?<=^|\n)dotnet test [^\n#]*?(?=\s*(#|\n|$))")]
    private static partial Regex ReadmeTestCommand();

    [GeneratedRegex(@"^(\s+--(logger|results-directory)\s+(""[^""]*""|\S+))+\s*$")]
    private static partial Regex OnlyLoggerAndResults();
}
