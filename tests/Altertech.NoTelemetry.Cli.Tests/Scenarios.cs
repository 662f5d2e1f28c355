namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>Every audit the tests read; <c>{out}</c> is the workspace's output folder.</summary>
public static class Scenarios
{
    public static readonly AuditScenario PhoneHome = new("PhoneHome",
    [
        "audit", "samples/PhoneHome/PhoneHome.csproj",
        "--format", "text",
        "--format", "sarif", "--output", "{out}/phonehome.sarif",
        "--format", "json", "--output", "{out}/phonehome.json",
        "--format", "markdown", "--output", "{out}/phonehome.md",
    ]);

    /// <summary>PhoneHome in the project's own error mode (a --property), NT0002 only.</summary>
    public static readonly AuditScenario PhoneHomeSdksAsErrors = new("PhoneHomeSdksAsErrors",
        ["audit", "samples/PhoneHome", "--no-restore", "--rules", "NT0002", "--property", "NoTelemetryEnforcement=error", "-f", "json"], After: PhoneHome);

    public static readonly AuditScenario Clean = new("Clean", ["audit", "samples/Clean", "--fail-on", "error", "--format", "markdown"]);

    public static readonly AuditScenario CleanStrict = new("CleanStrict",
        ["audit", "samples/Clean", "--no-restore", "--enforcement", "strict", "--fail-on", "error", "--format", "json"], After: Clean);

    public static readonly AuditScenario Multi = new("Multi", ["audit", "multi/Multi.slnx", "--format", "json", "--output", "{out}/multi.json"]);

    /// <summary>The multi-targeting library alone, one framework, in Release (restored by <see cref="Multi"/>).</summary>
    public static readonly AuditScenario MultiReleaseOneFramework = new("MultiReleaseOneFramework",
        ["audit", "multi/Lib/Lib.csproj", "--no-restore", "--framework", "netstandard2.0", "--configuration", "Release", "--format", "json", "--output", "{out}/multi-release.json"],
        After: Multi);

    public static readonly AuditScenario Good = new("Good", ["audit", "broken/Good/Good.csproj"]);

    /// <summary>With --no-restore: a restore of the solution fails on the broken project, and Good was restored by <see cref="Good"/>.</summary>
    public static readonly AuditScenario Broken = new("Broken",
        ["audit", "broken/Broken.sln", "--no-restore", "--format", "json", "--output", "{out}/broken.json"], After: Good);

    public static readonly AuditScenario Typo = new("Typo", ["audit", "typo"]);

    public static readonly AuditScenario BaselineWritten = new("BaselineWritten",
        ["audit", "evolving", "--write-baseline", "{out}/baseline.json", "--format", "json", "--output", "{out}/evolving-before.json"]);

    public static readonly AuditScenario BaselineApplied = new("BaselineApplied",
        ["audit", "evolving", "--no-restore", "--baseline", "{out}/baseline.json", "--format", "json", "--output", "{out}/evolving-after.json", "--format", "sarif", "--output", "{out}/evolving-after.sarif"],
        After: BaselineWritten,
        Before: workspace => workspace.Write("evolving/Client.cs", Sources.Evolving.After));

    public static readonly AuditScenario Configured = new("Configured",
        ["audit", "configured/src/Configured", "--fail-on", "none", "--format", "json", "--output", "{out}/configured.json", "--format", "markdown", "--output", "{out}/configured.md"]);

    public static readonly AuditScenario Loose = new("Loose", ["audit", "loose", "--format", "json"]);
}
