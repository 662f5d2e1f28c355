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
        build.Output.Split('\n')
            .Where(line => line.Contains("csc", StringComparison.Ordinal) && line.Contains("/out:", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(word => word.StartsWith(name, StringComparison.Ordinal))
            .Select(word => word[name.Length..].Trim('"'))
            .ToList();

    [GeneratedRegex(@"^(?<origin>.*?): (?<severity>warning|error|info) (?<id>NTB?\d+): (?<message>.*?)(?: \[(?<project>[^\]]*)\])?$")]
    private static partial Regex DiagnosticLine();
}
