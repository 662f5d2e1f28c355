using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>Which part of a configuration file a name of <c>Configuration.txt</c> is looked up in.</summary>
internal enum ConfigurationSystem
{
    /// <summary>A Serilog sink's <c>"Name"</c>.</summary>
    Serilog,

    /// <summary>An NLog target's <c>xsi:type</c>.</summary>
    NLog,

    /// <summary>A log4net appender's type.</summary>
    Log4Net,

    /// <summary>A configuration key.</summary>
    Settings,
}

/// <summary>
/// One name of a <c>Configuration.txt</c> block (a sink, target, appender or settings key) and what it sends to: a
/// catalogued service (NT0001) or a self-hosted transport (NT0006, NT0003).
/// </summary>
internal sealed class ConfiguredSender
{
    public ConfiguredSender(string name, ImmutableArray<string> endpointKeys, TelemetryService? service, string? transport, CatalogueSection section)
    {
        Name = name;
        EndpointKeys = endpointKeys;
        Service = service;
        Transport = transport;
        Section = section;
    }

    /// <summary>The sink name, target type, appender type or key, as the catalogue writes it.</summary>
    public string Name { get; }

    /// <summary>The arguments, attributes or child elements that carry where the data goes.</summary>
    public ImmutableArray<string> EndpointKeys { get; }

    /// <summary>The catalogued service it sends to; null for a transport.</summary>
    public TelemetryService? Service { get; }

    /// <summary>The transport's name for messages (<c>Seq</c>, <c>syslog</c>); null for a service.</summary>
    public string? Transport { get; }

    public CatalogueSection Section { get; }
}

/// <summary>
/// The blocks of <c>Configuration.txt</c> and of a project's <c>NoTelemetry.txt</c> that have a <c>service</c> or
/// <c>transport</c> key, looked up by name per <see cref="ConfigurationSystem"/> (ignoring case, as the three logging
/// libraries and .NET configuration do).
/// </summary>
internal sealed class ConfiguredSenders
{
    public const string ServiceKey = "service";
    public const string TransportKey = "transport";

    /// <summary>The keys of a configuration block.</summary>
    public static readonly string[] Keys = { ServiceKey, TransportKey, "serilog", "nlog", "log4net", "settings", "source" };

    private readonly Dictionary<string, ConfiguredSender>[] _byName;

    private ConfiguredSenders(Dictionary<string, ConfiguredSender>[] byName) => _byName = byName;

    public static ConfiguredSenders Empty { get; } = new(NewTables());

    public bool IsEmpty
    {
        get
        {
            foreach (var table in _byName)
            {
                if (table.Count > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public ConfiguredSender? Find(ConfigurationSystem system, string name) =>
        _byName[(int)system].TryGetValue(name, out var sender) ? sender : null;

    /// <summary>Whether a block is a configuration block, and not a service or egress block.</summary>
    public static bool IsConfigurationSection(CatalogueSection section) =>
        section.GetMetadata(ServiceKey) is not null || section.GetMetadata(TransportKey) is not null;

    /// <summary>The metadata key a system's names are listed under.</summary>
    public static string KeyOf(ConfigurationSystem system) => system switch
    {
        ConfigurationSystem.Serilog => "serilog",
        ConfigurationSystem.NLog => "nlog",
        ConfigurationSystem.Log4Net => "log4net",
        _ => "settings",
    };

    /// <summary>
    /// The senders of <paramref name="sections"/>, the first block naming a name winning (the built-in blocks come
    /// first). <paramref name="problem"/> hears of each block it cannot use: a service no block of <paramref name="services"/>
    /// is named, or an item that is not <c>Name</c> or <c>Name(key|key)</c>.
    /// </summary>
    public static ConfiguredSenders Build(IEnumerable<CatalogueSection> sections, IReadOnlyList<TelemetryService> services, Action<CatalogueSection, string, string>? problem = null)
    {
        var tables = NewTables();
        foreach (var section in sections)
        {
            TelemetryService? service = null;
            var transport = section.GetMetadata(TransportKey);
            if (section.GetMetadata(ServiceKey) is { } serviceName)
            {
                service = FindService(services, serviceName);
                if (service is null)
                {
                    problem?.Invoke(section, ServiceKey, $"[{section.Name}]: service '{serviceName}' is not a catalogued service");
                    continue;
                }
            }
            else if (string.IsNullOrWhiteSpace(transport))
            {
                continue;
            }

            foreach (ConfigurationSystem system in Enum.GetValues(typeof(ConfigurationSystem)))
            {
                var key = KeyOf(system);
                foreach (var item in CatalogueParser.SplitList(section.GetMetadata(key)))
                {
                    if (!TryParseItem(item, out var name, out var endpointKeys))
                    {
                        problem?.Invoke(section, key, $"[{section.Name}]: '{item}' in '{key}' is not Name or Name(key|key)");
                        continue;
                    }

                    if (!tables[(int)system].ContainsKey(name))
                    {
                        tables[(int)system].Add(name, new ConfiguredSender(name, endpointKeys, service, service is null ? transport!.Trim() : null, section));
                    }
                }
            }
        }

        return new ConfiguredSenders(tables);
    }

    private static TelemetryService? FindService(IReadOnlyList<TelemetryService> services, string name)
    {
        foreach (var service in services)
        {
            if (string.Equals(service.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return service;
            }
        }

        return null;
    }

    private static Dictionary<string, ConfiguredSender>[] NewTables()
    {
        var tables = new Dictionary<string, ConfiguredSender>[Enum.GetValues(typeof(ConfigurationSystem)).Length];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = new Dictionary<string, ConfiguredSender>(StringComparer.OrdinalIgnoreCase);
        }

        return tables;
    }

    private static bool TryParseItem(string item, out string name, out ImmutableArray<string> endpointKeys)
    {
        endpointKeys = ImmutableArray<string>.Empty;
        var open = item.IndexOf('(');
        name = (open < 0 ? item : item.Substring(0, open)).Trim();
        if (name.Length == 0 || !IsName(name))
        {
            return false;
        }

        if (open < 0)
        {
            return true;
        }

        if (item[item.Length - 1] != ')')
        {
            return false;
        }

        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var part in item.Substring(open + 1, item.Length - open - 2).Split('|'))
        {
            var key = part.Trim();
            if (key.Length == 0 || !IsName(key))
            {
                return false;
            }

            keys.Add(key);
        }

        endpointKeys = keys.ToImmutable();
        return true;
    }

    private static bool IsName(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
