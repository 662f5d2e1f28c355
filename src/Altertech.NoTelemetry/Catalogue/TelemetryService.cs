using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>A telemetry, analytics, crash-reporting or APM service: one block of the catalogue.</summary>
internal sealed class TelemetryService
{
    public TelemetryService(string name, string vendor, string category, ImmutableArray<string> packages, CatalogueSection section)
    {
        Name = name;
        Vendor = vendor;
        Category = category;
        Packages = packages;
        Section = section;
        Roles = MemberRoles.FromSection(section);
        LogLevels = LocalLogLevels.FromSection(section);
        LogArguments = LocalLogArguments.FromSection(section);
    }

    /// <summary>The display name used in messages, e.g. "Application Insights".</summary>
    public string Name { get; }

    public string Vendor { get; }

    /// <summary><c>analytics</c>, <c>crash-reporting</c>, <c>apm</c> or <c>logging</c>.</summary>
    public string Category { get; }

    /// <summary>The categories a service block may name.</summary>
    public static readonly ImmutableArray<string> Categories = ImmutableArray.Create("analytics", "crash-reporting", "apm", "logging");

    /// <summary>The category as messages say it, with its article: "an APM", "a crash-reporting".</summary>
    public string CategoryPhrase => Category switch
    {
        "apm" => "an APM",
        "analytics" => "an analytics",
        "logging" => "a log-shipping",
        _ => "a " + Category,
    };

    public ImmutableArray<string> Packages { get; }

    public CatalogueSection Section { get; }

    /// <summary>The members this block says send, capture or configure (its <c>sends</c>, <c>captures</c>, <c>configures</c> keys).</summary>
    public MemberRoles Roles { get; }

    /// <summary>The levels this block's own <c>log-levels</c> key gives its members.</summary>
    public LocalLogLevels LogLevels { get; }

    /// <summary>
    /// The level at which the code fix logs what <paramref name="member"/> was given: as this block's own
    /// <c>log-levels</c> say, else as the <c>[*]</c> block's say, else <c>Information</c>.
    /// </summary>
    public string LogLevelOf(ISymbol member) =>
        LogLevels.LevelOf(member) ?? BuiltInCatalogue.Instance.DefaultLogLevels.LevelOf(member) ?? "Information";

    /// <summary>
    /// The level that <paramref name="value"/>, an SDK's own level (<c>SentryLevel.Warning</c>) given to a parameter that
    /// <c>log-arguments</c> mark <c>:level</c>, chooses: as this block's own <c>log-levels</c> say, else as the <c>[*]</c>
    /// block's say, else null (the member's level holds).
    /// </summary>
    public string? LogLevelChosenBy(ISymbol value) =>
        LogLevels.LevelOf(value) ?? BuiltInCatalogue.Instance.DefaultLogLevels.LevelOf(value);

    /// <summary>Which arguments this block's own <c>log-arguments</c> key says the log call keeps.</summary>
    public LocalLogArguments LogArguments { get; }

    /// <summary>
    /// Which arguments of a call of <paramref name="member"/> the code fix keeps: as this block's own <c>log-arguments</c>
    /// say, else as the <c>[*]</c> block's say, else null (every argument is kept).
    /// </summary>
    public LocalLogArguments.Rule? LogArgumentsOf(ISymbol member) =>
        LogArguments.RuleOf(member) ?? BuiltInCatalogue.Instance.DefaultLogArguments.RuleOf(member);

    /// <summary>
    /// What <paramref name="member"/>, a member of this service's SDK, does: as this block's own lists say, else as
    /// the catalogue's lists for every service say, else <see cref="TelemetryRole.Use"/>.
    /// </summary>
    public TelemetryRole RoleOf(ISymbol member) =>
        Roles.RoleOf(member) ?? BuiltInCatalogue.Instance.DefaultRoles.RoleOf(member) ?? TelemetryRole.Use;

    /// <summary>
    /// The package that ships <paramref name="assemblyName"/>: the one its <c>A:</c> entry names
    /// (<c>A:Sentry.Bindings.Android;package Sentry</c>), else the listed package of the same name, else the
    /// assembly's own name, which is how almost every SDK package is named.
    /// </summary>
    public string PackageFor(string assemblyName)
    {
        const string PackagePrefix = "package ";
        foreach (var entry in Section.Entries)
        {
            if (entry.Kind == EntryKind.Assembly
                && entry.Text is { } text
                && text.StartsWith(PackagePrefix, StringComparison.Ordinal)
                && string.Equals(entry.Target, assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                var named = text.Substring(PackagePrefix.Length).Trim();
                var end = named.IndexOf(' ');
                return end < 0 ? named : named.Substring(0, end);
            }
        }

        foreach (var package in Packages)
        {
            if (string.Equals(package, assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return package;
            }
        }

        return assemblyName;
    }

    public static TelemetryService FromSection(CatalogueSection section, string fallbackName)
    {
        var name = section.Name.Length > 0 ? section.Name : fallbackName;
        return new TelemetryService(
            name,
            section.GetMetadata("vendor") ?? name,
            section.GetMetadata("category") ?? "telemetry",
            CatalogueParser.SplitList(section.GetMetadata("packages")),
            section);
    }
}
