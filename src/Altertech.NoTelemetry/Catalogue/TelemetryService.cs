using System;
using System.Collections.Immutable;

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

    /// <summary>The package that most likely ships <paramref name="assemblyName"/>.</summary>
    public string PackageFor(string assemblyName)
    {
        foreach (var package in Packages)
        {
            if (string.Equals(package, assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return package;
            }
        }

        return Packages.IsDefaultOrEmpty ? assemblyName : Packages[0];
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
