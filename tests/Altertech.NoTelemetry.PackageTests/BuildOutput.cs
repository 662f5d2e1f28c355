using System.Text.Json;
using System.Text.RegularExpressions;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>A diagnostic as MSBuild prints it: <c>path(line,column): error NT0001: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string Origin, string Severity, string Id, string Message, string Project);

/// <summary>Reads what a <c>dotnet build</c> printed.</summary>
public static partial class BuildOutput
{
    /// <summary>Every diagnostic of ours (NTxxxx, NTBxxx) the build printed, once each (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(this CommandResult build) =>
        build.Output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => new BuildDiagnostic(
                match.Groups["origin"].Value, match.Groups["severity"].Value, match.Groups["id"].Value, match.Groups["message"].Value, match.Groups["project"].Value))
            .Distinct()
            .ToList();

    /// <summary>Whether the build printed <paramref name="id"/> with <paramref name="severity"/>, with <paramref name="text"/> in its message or origin.</summary>
    public static bool Reports(this CommandResult build, string severity, string id, string text = "") =>
        build.Diagnostics().Any(d => d.Severity == severity && d.Id == id && (d.Message.Contains(text, StringComparison.Ordinal) || d.Origin.Contains(text, StringComparison.Ordinal)));

    /// <summary>The switches of one kind (<c>/analyzerconfig:</c>, <c>/analyzer:</c>) on the compiler's command line, which <c>-v:n</c> prints.</summary>
    public static IReadOnlyList<string> CompilerSwitches(this CommandResult build, string name) =>
        Switches(
            build.Output.Split('\n')
                .Where(line => line.Contains("csc", StringComparison.Ordinal) && line.Contains("/out:", StringComparison.Ordinal))
                .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            name);

    /// <summary>
    /// The switches of one kind among the compiler arguments that a design-time build hands the IDE: the
    /// <c>CscCommandLineArgs</c> items, which <c>-getItem</c> prints as JSON (see <see cref="ConsumerCommand.DesignTimeBuild"/>).
    /// </summary>
    public static IReadOnlyList<string> DesignTimeCompilerSwitches(this CommandResult build, string name)
    {
        var start = build.Output.IndexOf('{', StringComparison.Ordinal);
        var end = build.Output.LastIndexOf('}');
        Assert.True(start >= 0 && end > start, "The design-time build printed no items." + Environment.NewLine + build);
        using var items = JsonDocument.Parse(build.Output[start..(end + 1)]);
        return Switches(
            items.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs").EnumerateArray().Select(item => item.GetProperty("Identity").GetString() ?? string.Empty),
            name);
    }

    /// <summary>How many warnings the build counted in its summary (<c>3 Warning(s)</c>): every one, not only ours.</summary>
    public static int WarningCount(this CommandResult build)
    {
        var summary = WarningSummary().Match(build.Output);
        Assert.True(summary.Success, "The build printed no warning count." + Environment.NewLine + build);
        return int.Parse(summary.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Switches(IEnumerable<string> arguments, string name) =>
        arguments
            .Where(argument => argument.StartsWith(name, StringComparison.Ordinal))
            .Select(argument => argument[name.Length..].Trim('"'))
            .ToList();

    [GeneratedRegex(@"^\s*(?<count>\d+) Warning\(s\)\s*$", RegexOptions.Multiline)]
    private static partial Regex WarningSummary();

    // At normal verbosity MSBuild puts a number and ">" before the lines it logs while a project builds ("1>").
    [GeneratedRegex(@"^(?:\d+>)?(?<origin>.*?): (?<severity>warning|error|info) (?<id>NTB?\d+): (?<message>.*?)(?: \[(?<project>[^\]]*)\])?$")]
    private static partial Regex DiagnosticLine();
}
