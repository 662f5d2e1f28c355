using System;
using System.Collections.Generic;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>What a configuration file switches on: the item its <c>configuration</c> property names.</summary>
internal static class ConfigurationItem
{
    public const string SerilogSink = "serilog-sink";
    public const string SerilogUsing = "serilog-using";
    public const string NLogTarget = "nlog-target";
    public const string NLogExtension = "nlog-extension";
    public const string Log4NetAppender = "log4net-appender";
    public const string Setting = "setting";
}

/// <summary>
/// One thing a configuration file switches on: a sink, target, appender or setting of a catalogued service (NT0001),
/// or a network transport (NT0006, and NT0003 for its endpoint).
/// </summary>
internal sealed class ConfigurationFinding
{
    public ConfigurationFinding(string item, string name, TextSpan span, TelemetryService? service, ConfiguredSender? sender, ConfigNode? endpoint)
    {
        Item = item;
        Name = name;
        Span = span;
        Service = service;
        Sender = sender;
        Endpoint = endpoint;
    }

    /// <summary>One of <see cref="ConfigurationItem"/>'s values.</summary>
    public string Item { get; }

    /// <summary>The sink name, target type, appender type, assembly or key, as the file writes it.</summary>
    public string Name { get; }

    public TextSpan Span { get; }

    /// <summary>The catalogued service it sends to; null for a transport.</summary>
    public TelemetryService? Service { get; }

    /// <summary>The catalogue's entry for it; null for an assembly matched by the service's <c>A:</c> entries.</summary>
    public ConfiguredSender? Sender { get; }

    /// <summary>The argument, attribute or value that says where it sends, when the file writes one.</summary>
    public ConfigNode? Endpoint { get; }

    /// <summary>How the messages name it: <c>Serilog sink 'Seq'</c>.</summary>
    public string Describe() => Item switch
    {
        ConfigurationItem.SerilogSink => $"Serilog sink '{Name}'",
        ConfigurationItem.SerilogUsing => $"Serilog assembly '{Name}'",
        ConfigurationItem.NLogTarget => $"NLog target '{Name}'",
        ConfigurationItem.NLogExtension => $"NLog extension '{Name}'",
        ConfigurationItem.Log4NetAppender => $"log4net appender '{Name}'",
        _ => $"setting '{Name}'",
    };
}

/// <summary>
/// Walks a read configuration file for what the catalogue knows: in JSON, the settings keys and the <c>Serilog</c>
/// section (<c>Using</c>, <c>WriteTo</c>, <c>AuditTo</c>, and sinks nested in a sink's <c>Args</c>); in XML, an
/// <c>&lt;nlog&gt;</c>, <c>&lt;log4net&gt;</c> or <c>&lt;ApplicationInsights&gt;</c> document, or a
/// <c>&lt;configuration&gt;</c> with those sections and <c>&lt;appSettings&gt;</c>. Each node is visited once.
/// </summary>
internal sealed class ConfigurationScanner
{
    private readonly Func<ConfigurationSystem, string, ConfiguredSender?> _senders;
    private readonly Func<string, TelemetryService?> _assemblies;
    private readonly List<ConfigurationFinding> _findings = new();
    private readonly CancellationToken _cancellationToken;

    private ConfigurationScanner(Func<ConfigurationSystem, string, ConfiguredSender?> senders, Func<string, TelemetryService?> assemblies, CancellationToken cancellationToken)
    {
        _senders = senders;
        _assemblies = assemblies;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// What <paramref name="document"/> switches on. <paramref name="senders"/> looks a name up in the catalogue's
    /// configuration blocks, <paramref name="assemblies"/> an assembly in its services' <c>A:</c> entries.
    /// </summary>
    public static IReadOnlyList<ConfigurationFinding> Scan(
        ConfigDocument document,
        ConfigFileFormat format,
        Func<ConfigurationSystem, string, ConfiguredSender?> senders,
        Func<string, TelemetryService?> assemblies,
        CancellationToken cancellationToken)
    {
        var scanner = new ConfigurationScanner(senders, assemblies, cancellationToken);
        if (document.Root is { } root)
        {
            if (format == ConfigFileFormat.Json)
            {
                scanner.ScanJson(root);
            }
            else
            {
                scanner.ScanXml(root);
            }
        }

        return scanner.WithoutRepeatedServices();
    }

    private void ScanJson(ConfigNode root)
    {
        ScanSettings(root, prefix: null);
        if (root.Child("Serilog") is { } serilog)
        {
            ScanSerilog(serilog);
        }
    }

    private void ScanXml(ConfigNode root)
    {
        switch (root.Name.ToLowerInvariant())
        {
            case "nlog":
                ScanNLog(root);
                break;
            case "log4net":
                ScanLog4Net(root);
                break;
            case "applicationinsights":
                ScanSettings(root, root.Name);
                break;
            case "configuration":
                foreach (var section in root.Children)
                {
                    switch (section.Name.ToLowerInvariant())
                    {
                        case "nlog":
                            ScanNLog(section);
                            break;
                        case "log4net":
                            ScanLog4Net(section);
                            break;
                        case "appsettings":
                            ScanAppSettings(section);
                            break;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Every scalar under <paramref name="node"/> as a configuration key, <c>:</c>-separated from the root as .NET
    /// configuration writes it; <c>__</c> (an environment variable's separator) means <c>:</c> too.
    /// </summary>
    private void ScanSettings(ConfigNode node, string? prefix)
    {
        var index = 0;
        foreach (var child in node.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (child.IsAttribute)
            {
                continue;
            }

            var name = child.Name.Length == 0 ? (index++).ToString(System.Globalization.CultureInfo.InvariantCulture) : child.Name.Replace("__", ":");
            var key = prefix is null ? name : prefix + ":" + name;
            if (child.Value is not null)
            {
                Setting(key, child);
            }
            else if (child.Children.Count > 0)
            {
                ScanSettings(child, key);
            }
        }
    }

    /// <summary>
    /// <c>&lt;add key="..." value="..."/&gt;</c> of <c>&lt;appSettings&gt;</c>: settings keys, and Serilog configured the
    /// Serilog.Settings.AppSettings way (<c>serilog:using:Seq</c>, <c>serilog:write-to:Seq.serverUrl</c>).
    /// </summary>
    private void ScanAppSettings(ConfigNode appSettings)
    {
        // One sink per name, its arguments gathered from every key that names it.
        var sinks = new Dictionary<string, (ConfigNode Key, ConfigNode Args)>(StringComparer.OrdinalIgnoreCase);
        foreach (var add in appSettings.Children)
        {
            if (!string.Equals(add.Name, "add", StringComparison.OrdinalIgnoreCase) || add.Child("key") is not { Value: { } key } keyNode || add.Child("value") is not { } value)
            {
                continue;
            }

            if (key.StartsWith(SerilogUsingKey, StringComparison.OrdinalIgnoreCase))
            {
                Assembly(ConfigurationItem.SerilogUsing, value);
            }
            else if (SinkKey(key) is { } sinkKey)
            {
                var dot = sinkKey.IndexOf('.');
                var name = dot < 0 ? sinkKey : sinkKey.Substring(0, dot);
                if (!sinks.TryGetValue(name, out var sink))
                {
                    sinks.Add(name, sink = (keyNode, new ConfigNode("Args", keyNode.ValueSpan)));
                }

                if (dot >= 0)
                {
                    sink.Args.Add(new ConfigNode(sinkKey.Substring(dot + 1), value.ValueSpan) { Value = value.Value, ValueSpan = value.ValueSpan });
                }
            }
            else
            {
                Setting(key, value);
            }
        }

        foreach (var pair in sinks)
        {
            Sender(ConfigurationSystem.Serilog, ConfigurationItem.SerilogSink, pair.Key, pair.Value.Key.ValueSpan, pair.Value.Args, ValueOf);
        }
    }

    private const string SerilogUsingKey = "serilog:using:";

    /// <summary>What follows <c>serilog:write-to:</c> or <c>serilog:audit-to:</c>: the sink's name, and <c>.argument</c>.</summary>
    private static string? SinkKey(string key)
    {
        foreach (var prefix in new[] { "serilog:write-to:", "serilog:audit-to:" })
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key.Length > prefix.Length)
            {
                return key.Substring(prefix.Length).Trim();
            }
        }

        return null;
    }

    private void Setting(string key, ConfigNode value)
    {
        if (_senders(ConfigurationSystem.Settings, key) is not { } sender || string.IsNullOrWhiteSpace(value.Value))
        {
            // An empty key or DSN switches the service off (Sentry: "disabled"); an empty endpoint names none.
            return;
        }

        _findings.Add(new ConfigurationFinding(ConfigurationItem.Setting, key, value.ValueSpan, sender.Service, sender, value));
    }

    /// <summary>An assembly a logging library loads (<c>Using</c>, <c>&lt;extensions&gt;</c>), if it is a service's.</summary>
    private void Assembly(string item, ConfigNode name)
    {
        if (name.Value?.Trim() is { Length: > 0 } assembly && _assemblies(assembly) is { } service)
        {
            _findings.Add(new ConfigurationFinding(item, assembly, name.ValueSpan, service, null, null));
        }
    }

    private void ScanSerilog(ConfigNode serilog)
    {
        if (serilog.Child("Using") is { } usings)
        {
            foreach (var assembly in usings.Children)
            {
                Assembly(ConfigurationItem.SerilogUsing, assembly);
            }
        }

        FindSinkLists(serilog);
    }

    /// <summary>The <c>WriteTo</c> and <c>AuditTo</c> lists below <paramref name="node"/> (a sub-logger's too).</summary>
    private void FindSinkLists(ConfigNode node)
    {
        foreach (var child in node.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (child.Value is not null)
            {
                continue;
            }

            if (string.Equals(child.Name, "WriteTo", StringComparison.OrdinalIgnoreCase) || string.Equals(child.Name, "AuditTo", StringComparison.OrdinalIgnoreCase))
            {
                ScanSinks(child);
            }
            else
            {
                FindSinkLists(child);
            }
        }
    }

    /// <summary>
    /// A list of sinks: an array, or an object whose members are sinks; each a name (<c>"Console"</c>) or an object with
    /// <c>Name</c> and <c>Args</c>. A wrapper's argument that is a list (<c>Async</c>'s <c>configure</c>) is a list of sinks.
    /// </summary>
    private void ScanSinks(ConfigNode list)
    {
        foreach (var sink in list.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var nameNode = sink.Value is not null ? sink : sink.Child("Name");
            var args = sink.Value is not null ? null : sink.Child("Args");
            if (nameNode?.Value is { Length: > 0 } name)
            {
                Sender(ConfigurationSystem.Serilog, ConfigurationItem.SerilogSink, name.Trim(), nameNode.ValueSpan, args, ValueOf);
            }

            if (args is not null)
            {
                foreach (var argument in args.Children)
                {
                    if (argument.Value is null && argument.Children.Count > 0)
                    {
                        if (argument.Children[0].Name.Length == 0)
                        {
                            ScanSinks(argument);
                        }
                        else
                        {
                            FindSinkLists(argument);
                        }
                    }
                }
            }
        }
    }

    private void ScanNLog(ConfigNode nlog)
    {
        foreach (var child in nlog.Children)
        {
            if (string.Equals(child.Name, "extensions", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var add in child.Children)
                {
                    if (add.Child("assembly") is { } assembly)
                    {
                        Assembly(ConfigurationItem.NLogExtension, assembly);
                    }
                }
            }
            else if (string.Equals(child.Name, "targets", StringComparison.OrdinalIgnoreCase))
            {
                ScanTargets(child);
            }
        }
    }

    /// <summary>Every <c>&lt;target&gt;</c> below <paramref name="node"/>: a wrapper target holds the targets it wraps.</summary>
    private void ScanTargets(ConfigNode node)
    {
        foreach (var child in node.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (child.IsAttribute)
            {
                continue;
            }

            if (string.Equals(child.Name, "target", StringComparison.OrdinalIgnoreCase) && child.Child("type") is { Value: { } type } typeNode)
            {
                // xsi:type="Sentry" or, naming its assembly, "Sentry, Sentry.NLog".
                var comma = type.IndexOf(',');
                Sender(ConfigurationSystem.NLog, ConfigurationItem.NLogTarget, (comma < 0 ? type : type.Substring(0, comma)).Trim(), typeNode.ValueSpan, child, Descendant);
            }

            ScanTargets(child);
        }
    }

    private void ScanLog4Net(ConfigNode log4net)
    {
        foreach (var appender in log4net.Children)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!string.Equals(appender.Name, "appender", StringComparison.OrdinalIgnoreCase) || appender.Child("type") is not { Value: { } type } typeNode)
            {
                continue;
            }

            // type="Namespace.Appender, Assembly": the type names a catalogued appender, or its assembly a service's.
            var comma = type.IndexOf(',');
            var typeName = (comma < 0 ? type : type.Substring(0, comma)).Trim();
            if (Sender(ConfigurationSystem.Log4Net, ConfigurationItem.Log4NetAppender, typeName, typeNode.ValueSpan, appender, Descendant))
            {
                continue;
            }

            if (AssemblyOf(type, typeName) is { } service)
            {
                _findings.Add(new ConfigurationFinding(ConfigurationItem.Log4NetAppender, typeName, typeNode.ValueSpan, service, null, null));
            }
        }
    }

    /// <summary>The service of the assembly a log4net type names, else of the namespace its type is in (assemblies are named so).</summary>
    private TelemetryService? AssemblyOf(string type, string typeName)
    {
        var comma = type.IndexOf(',');
        if (comma >= 0)
        {
            var assembly = type.Substring(comma + 1);
            var end = assembly.IndexOf(',');
            return _assemblies((end < 0 ? assembly : assembly.Substring(0, end)).Trim());
        }

        for (var dot = typeName.LastIndexOf('.'); dot > 0; dot = typeName.LastIndexOf('.', dot - 1))
        {
            if (_assemblies(typeName.Substring(0, dot)) is { } service)
            {
                return service;
            }
        }

        return null;
    }

    /// <summary>
    /// Records the sink, target or appender <paramref name="name"/> if the catalogue knows it; returns whether it does.
    /// A service's, when every key that says where it sends is written and empty, is switched off.
    /// </summary>
    private bool Sender(ConfigurationSystem system, string item, string name, TextSpan span, ConfigNode? arguments, Func<ConfigNode, string, ConfigNode?> find)
    {
        if (_senders(system, name) is not { } sender)
        {
            return false;
        }

        ConfigNode? endpoint = null;
        var written = 0;
        var empty = 0;
        foreach (var key in sender.EndpointKeys)
        {
            if (arguments is not null && find(arguments, key) is { } value)
            {
                written++;
                empty += string.IsNullOrWhiteSpace(value.Value) ? 1 : 0;
                endpoint ??= string.IsNullOrWhiteSpace(value.Value) ? null : value;
            }
        }

        if (sender.Service is not null && written > 0 && written == sender.EndpointKeys.Length && empty == written)
        {
            return true;
        }

        _findings.Add(new ConfigurationFinding(item, name, span, sender.Service, sender, endpoint));
        return true;
    }

    private static ConfigNode? ValueOf(ConfigNode arguments, string key) => arguments.ValueOf(key);

    /// <summary>An attribute or child element, or one nested a little deeper (NLog's Syslog target: <c>&lt;messageSend&gt;&lt;udp server="..."/&gt;</c>).</summary>
    private static ConfigNode? Descendant(ConfigNode node, string key) => Descendant(node, key, depth: 3);

    private static ConfigNode? Descendant(ConfigNode node, string key, int depth)
    {
        if (node.ValueOf(key) is { } found)
        {
            return found;
        }

        if (depth == 0)
        {
            return null;
        }

        foreach (var child in node.Children)
        {
            if (!child.IsAttribute && !string.Equals(child.Name, "target", StringComparison.OrdinalIgnoreCase) && Descendant(child, key, depth - 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>
    /// An assembly loaded for a service (<c>Using</c>, <c>&lt;extensions&gt;</c>) says nothing more once the same file
    /// names that service's sink or target: one finding on the line that sends.
    /// </summary>
    private IReadOnlyList<ConfigurationFinding> WithoutRepeatedServices()
    {
        var sending = new HashSet<TelemetryService>();
        foreach (var finding in _findings)
        {
            if (finding.Service is not null && finding.Item is ConfigurationItem.SerilogSink or ConfigurationItem.NLogTarget)
            {
                sending.Add(finding.Service);
            }
        }

        if (sending.Count == 0)
        {
            return _findings;
        }

        return _findings.FindAll(f => f.Item is not (ConfigurationItem.SerilogUsing or ConfigurationItem.NLogExtension) || !sending.Contains(f.Service!));
    }
}
