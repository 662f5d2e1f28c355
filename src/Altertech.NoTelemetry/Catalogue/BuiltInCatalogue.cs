using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// The data files embedded in the analyzer assembly, parsed once per process: they never change while it runs.
/// </summary>
internal sealed class BuiltInCatalogue
{
    private const string ResourcePrefix = "Altertech.NoTelemetry.Catalogue.";

    /// <summary>The block of <c>Telemetry.txt</c> whose member roles hold for every service, the project's own too.</summary>
    public const string EveryServiceSection = "*";
    private static readonly Lazy<BuiltInCatalogue> s_instance = new(Load);

    private BuiltInCatalogue(ImmutableArray<CatalogueDocument> documents, ImmutableArray<TelemetryService> services, ImmutableArray<CatalogueSection> egressSections, ImmutableArray<CatalogueSection> hookSections, ImmutableArray<CatalogueSection> identifyingSections, ImmutableArray<CatalogueSection> hiddenSections, ImmutableArray<CatalogueSection> configurationSections, MemberRoles defaultRoles)
    {
        HiddenSections = hiddenSections;
        ConfigurationSections = configurationSections;
        Senders = ConfiguredSenders.Build(configurationSections, services);
        IdentifyingSections = identifyingSections;
        Documents = documents;
        HookSections = hookSections;
        DefaultRoles = defaultRoles;
        Services = services;
        EgressSections = egressSections;
        var assemblies = new Dictionary<string, TelemetryService>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in services)
        {
            foreach (var entry in service.Section.Entries)
            {
                if (entry.Kind == EntryKind.Assembly && !assemblies.ContainsKey(entry.Target))
                {
                    assemblies.Add(entry.Target, service);
                }
            }
        }

        ServicesByAssemblyName = assemblies;
    }

    public static BuiltInCatalogue Instance => s_instance.Value;

    public ImmutableArray<CatalogueDocument> Documents { get; }

    /// <summary>Every service block of <c>Telemetry.txt</c>.</summary>
    public ImmutableArray<TelemetryService> Services { get; }

    /// <summary>Every block of the <c>Egress.*.txt</c> files.</summary>
    public ImmutableArray<CatalogueSection> EgressSections { get; }

    /// <summary>Every block of <c>Hooks.txt</c>: where code runs on a crash, at exit, on failure or while the host stops.</summary>
    public ImmutableArray<CatalogueSection> HookSections { get; }

    /// <summary>Every block of <c>Identifying.txt</c>: the values that identify the machine, the user, the system or its hardware.</summary>
    public ImmutableArray<CatalogueSection> IdentifyingSections { get; }

    /// <summary>Every block of <c>Hidden.txt</c>: the doors around a symbol-based check (NT0007), metadata-only blocks too.</summary>
    public ImmutableArray<CatalogueSection> HiddenSections { get; }

    /// <summary>Every block of <c>Configuration.txt</c>: what shipped configuration files switch on.</summary>
    public ImmutableArray<CatalogueSection> ConfigurationSections { get; }

    /// <summary>The sinks, targets, appenders and settings keys of <see cref="ConfigurationSections"/>, by name.</summary>
    public ConfiguredSenders Senders { get; }

    public IReadOnlyDictionary<string, TelemetryService> ServicesByAssemblyName { get; }

    /// <summary>The member roles of the <c>[*]</c> block: what sends, captures or configures in most SDKs.</summary>
    public MemberRoles DefaultRoles { get; }

    /// <summary>The <c>log-levels</c> of the <c>[*]</c> block: the level the code fix logs at in most SDKs.</summary>
    public LocalLogLevels DefaultLogLevels { get; private set; } = LocalLogLevels.None;

    /// <summary>The <c>log-arguments</c> of the <c>[*]</c> block: which arguments the code fix keeps in most SDKs.</summary>
    public LocalLogArguments DefaultLogArguments { get; private set; } = LocalLogArguments.None;

    private static BuiltInCatalogue Load()
    {
        var assembly = typeof(BuiltInCatalogue).GetTypeInfo().Assembly;
        var documents = ImmutableArray.CreateBuilder<CatalogueDocument>();
        var services = ImmutableArray.CreateBuilder<TelemetryService>();
        var egress = ImmutableArray.CreateBuilder<CatalogueSection>();
        var hooks = ImmutableArray.CreateBuilder<CatalogueSection>();
        var identifying = ImmutableArray.CreateBuilder<CatalogueSection>();
        var hidden = ImmutableArray.CreateBuilder<CatalogueSection>();
        var configuration = ImmutableArray.CreateBuilder<CatalogueSection>();
        var defaultRoles = MemberRoles.None;
        var defaultLogLevels = LocalLogLevels.None;
        var defaultLogArguments = LocalLogArguments.None;
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var document = CatalogueParser.Parse(name.Substring(ResourcePrefix.Length), SourceText.From(stream));
            documents.Add(document);
            var isTelemetry = document.Path.StartsWith("Telemetry", StringComparison.OrdinalIgnoreCase);
            var isHooks = document.Path.StartsWith("Hooks", StringComparison.OrdinalIgnoreCase);
            var isIdentifying = document.Path.StartsWith("Identifying", StringComparison.OrdinalIgnoreCase);
            var isHidden = document.Path.StartsWith("Hidden", StringComparison.OrdinalIgnoreCase);
            var isConfiguration = document.Path.StartsWith("Configuration", StringComparison.OrdinalIgnoreCase);
            foreach (var section in document.Sections)
            {
                if (isHidden)
                {
                    if (section.GetMetadata("door") is not null)
                    {
                        hidden.Add(section);
                    }

                    continue;
                }

                // A configuration block has keys and no entries.
                if (isConfiguration)
                {
                    if (ConfiguredSenders.IsConfigurationSection(section))
                    {
                        configuration.Add(section);
                    }

                    continue;
                }

                if (isTelemetry && section.Name == EveryServiceSection)
                {
                    defaultRoles = MemberRoles.FromSection(section);
                    defaultLogLevels = LocalLogLevels.FromSection(section);
                    defaultLogArguments = LocalLogArguments.FromSection(section);
                    continue;
                }

                if (section.Entries.Count == 0)
                {
                    continue;
                }

                if (isHooks)
                {
                    hooks.Add(section);
                }
                else if (isIdentifying)
                {
                    identifying.Add(section);
                }
                else if (isTelemetry)
                {
                    services.Add(TelemetryService.FromSection(section, document.Path));
                }
                else
                {
                    egress.Add(section);
                }
            }
        }

        return new BuiltInCatalogue(documents.ToImmutable(), services.ToImmutable(), egress.ToImmutable(), hooks.ToImmutable(), identifying.ToImmutable(), hidden.ToImmutable(), configuration.ToImmutable(), defaultRoles)
        {
            DefaultLogLevels = defaultLogLevels,
            DefaultLogArguments = defaultLogArguments,
        };
    }
}
