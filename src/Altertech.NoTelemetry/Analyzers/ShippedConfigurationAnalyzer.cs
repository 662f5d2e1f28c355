using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Configuration;
using Altertech.NoTelemetry.ConfigurationFiles;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// Telemetry and network senders that a product's shipped configuration files switch on without code: Serilog sinks
/// and <c>Using</c> assemblies in <c>appsettings*.json</c>, NLog targets and extensions, log4net appenders, Application
/// Insights and Sentry keys. A catalogued service is NT0001; a self-hosted network sink is NT0006, and NT0003 when its
/// endpoint is a hard-coded remote host the user did not allow. Each is reported on its line and column in that file;
/// a file that cannot be read is NT0900 at the line where it goes wrong.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShippedConfigurationAnalyzer : DiagnosticAnalyzer
{
    private const string Origin = "configuration";
    private static readonly ConditionalWeakTable<ProjectConfiguration, Dictionary<string, TelemetryService>> s_assemblies = new();

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.TelemetryServiceUsed, Rules.HardCodedRemoteEndpoint, Rules.NetworkEgress, Rules.InvalidConfiguration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            foreach (var file in start.Options.AdditionalFiles)
            {
                if (ShippedConfigurationFiles.FormatOf(file, start.Options) != ConfigFileFormat.None)
                {
                    var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
                    var assemblies = s_assemblies.GetValue(knowledge.Configuration, AssembliesOf);
                    start.RegisterAdditionalFileAction(c => Analyze(c, knowledge, assemblies));
                    return;
                }
            }
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, CompilationKnowledge knowledge, Dictionary<string, TelemetryService> assemblies)
    {
        var file = context.AdditionalFile;
        var format = ShippedConfigurationFiles.FormatOf(file, context.Options);
        if (format == ConfigFileFormat.None)
        {
            return;
        }

        var document = ShippedConfigurationFiles.Read(file, format, context.CancellationToken);
        if (document.Problem is { } problem)
        {
            var line = document.Text.Lines[Math.Min(problem.Line, document.Text.Lines.Count - 1)];
            context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidConfiguration, LocationOf(document, line.Span), $"{Path.GetFileName(document.Path)}({line.LineNumber + 1}): {problem.Message}"));
            return;
        }

        var builtIn = BuiltInCatalogue.Instance.Senders;
        var project = knowledge.Configuration.Senders;
        var findings = ConfigurationScanner.Scan(
            document,
            format,
            (system, name) => builtIn.Find(system, name) ?? project.Find(system, name),
            name => assemblies.TryGetValue(name, out var service) ? service : null,
            context.CancellationToken);
        if (findings.Count == 0)
        {
            return;
        }

        var allowList = AllowListFor(context, knowledge);
        foreach (var finding in findings)
        {
            if (finding.Service is { } service)
            {
                ReportService(context, document, finding, service, RoleOf(finding), span: null);
            }
            else
            {
                ReportTransport(context, document, finding, knowledge, allowList);
            }
        }
    }

    private static void ReportService(AdditionalFileAnalysisContext context, ConfigDocument document, ConfigurationFinding finding, TelemetryService service, TelemetryRole role, TextSpan? span, string? host = null)
    {
        var properties = Facts(finding);
        properties.Add(DiagnosticProperties.Service, service.Name);
        properties.Add(DiagnosticProperties.Vendor, service.Vendor);
        properties.Add(DiagnosticProperties.Category, service.Category);
        properties.Add(DiagnosticProperties.Role, TelemetryFinding.RoleName(role));
        properties.Add(DiagnosticProperties.Origin, host is null ? Origin : TelemetryOrigin.Host);
        properties.Add(DiagnosticProperties.Fixable, "false");
        properties.Add(DiagnosticProperties.OtherMembers, "0");
        if (host is not null)
        {
            properties.Add(DiagnosticProperties.Host, host);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.TelemetryServiceUsed,
            LocationOf(document, span ?? finding.Span),
            properties.ToImmutable(),
            service.Name,
            finding.Describe(),
            TelemetryFinding.Verb(role, service),
            string.Empty));
    }

    /// <summary>NT0006 for the sink; NT0003 for its endpoint when that is a constant remote host; NT0001 when it is a catalogued ingestion host.</summary>
    private static void ReportTransport(AdditionalFileAnalysisContext context, ConfigDocument document, ConfigurationFinding finding, CompilationKnowledge knowledge, EndpointAllowList allowList)
    {
        var endpoints = finding.Endpoint is null ? null : Endpoints(finding.Endpoint);
        var remote = new List<ResolvedAlternative>();
        var loopback = false;
        foreach (var endpoint in endpoints ?? new List<ResolvedAlternative>())
        {
            if (Endpoint.IsLoopback(endpoint.Host))
            {
                loopback = true;
            }
            else
            {
                remote.Add(endpoint);
            }
        }

        if (remote.Count == 0 && loopback)
        {
            // Seq on localhost, a local syslog relay: this machine is not the network, as for a call in code.
            return;
        }

        var (destination, text) = remote.Count > 0
            ? ("constant", " to " + TextDisplay.Alternatives(remote.ConvertAll(r => r.Host)))
            : finding.Endpoint is null
                ? ("elsewhere", " to an endpoint this file does not name")
                : ("runtime", " to an endpoint set at run time");
        var egress = Facts(finding);
        egress.Add(DiagnosticProperties.Kind, "register");
        egress.Add(DiagnosticProperties.Destination, destination);
        if (remote.Count > 0)
        {
            egress.Add(DiagnosticProperties.Host, remote[0].Host);
            egress.Add(DiagnosticProperties.Hosts, string.Join(",", remote.ConvertAll(r => r.Host)));
        }

        context.ReportDiagnostic(Diagnostic.Create(Rules.NetworkEgress, LocationOf(document, finding.Span), egress.ToImmutable(), finding.Describe(), "registers a sender", text));

        var hardCoded = remote.FindAll(r => !allowList.Allows(r));
        if (hardCoded.Count > 0)
        {
            var properties = Facts(finding);
            properties.Add(DiagnosticProperties.Host, hardCoded[0].Host);
            properties.Add(DiagnosticProperties.Hosts, string.Join(",", hardCoded.ConvertAll(r => r.Host)));
            properties.Add(DiagnosticProperties.Endpoint, hardCoded[0].Text);
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HardCodedRemoteEndpoint,
                LocationOf(document, finding.Endpoint!.ValueSpan),
                properties.ToImmutable(),
                TextDisplay.Alternatives(hardCoded.ConvertAll(r => r.Display)),
                string.Empty,
                "the " + finding.Describe()));
        }

        foreach (var endpoint in remote)
        {
            if (knowledge.Telemetry.MatchHost(endpoint.Host) is { } service)
            {
                ReportService(context, document, finding, service, TelemetryRole.Send, finding.Endpoint!.ValueSpan, endpoint.Host);
                break;
            }
        }
    }

    /// <summary>
    /// The constant endpoints a value writes: one URL or host, several separated by <c>;</c> or <c>,</c> (Elasticsearch's
    /// node list), or an array of them. A placeholder (<c>${SEQ_URL}</c>, <c>%SEQ_URL%</c>, <c>$(SeqUrl)</c>,
    /// <c>#{SeqUrl}</c>) is set at run time, not hard-coded.
    /// </summary>
    private static List<ResolvedAlternative> Endpoints(ConfigNode node)
    {
        var found = new List<ResolvedAlternative>();
        var values = new List<string>();
        if (node.Value is { } written)
        {
            values.Add(written);
        }

        foreach (var child in node.Children)
        {
            if (!child.IsAttribute && child.Value is { } item)
            {
                values.Add(item);
            }
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(';', ','))
            {
                var text = part.Trim();
                if (text.Length > 0 && !IsPlaceholder(text) && Endpoint.TryGetHost(text, complete: true, acceptsBareHost: true, out var host))
                {
                    found.Add(new ResolvedAlternative(text, host));
                }
            }
        }

        return found;
    }

    private static bool IsPlaceholder(string text) =>
        text.IndexOf("${", StringComparison.Ordinal) >= 0
        || text.IndexOf("$(", StringComparison.Ordinal) >= 0
        || text.IndexOf("#{", StringComparison.Ordinal) >= 0
        || text.IndexOf("{{", StringComparison.Ordinal) >= 0
        || (text.IndexOf('%') is var percent && percent >= 0 && text.IndexOf('%', percent + 1) > percent + 1)
        || (text[0] == '{' && text[text.Length - 1] == '}');

    /// <summary>
    /// The allow list that applies to the file: the <c>.editorconfig</c> sections that match its path, else the
    /// global config.
    /// </summary>
    private static EndpointAllowList AllowListFor(AdditionalFileAnalysisContext context, CompilationKnowledge knowledge)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        return provider.GetOptions(context.AdditionalFile).TryGetValue(ProjectConfiguration.AllowedEndpointsKey, out var value)
            || provider.GlobalOptions.TryGetValue(ProjectConfiguration.AllowedEndpointsKey, out value)
            ? knowledge.Configuration.GetAllowList(value)
            : EndpointAllowList.Empty;
    }

    private static TelemetryRole RoleOf(ConfigurationFinding finding) => finding.Item switch
    {
        ConfigurationItem.Setting => TelemetryRole.Configure,
        ConfigurationItem.SerilogUsing or ConfigurationItem.NLogExtension => TelemetryRole.Use,
        _ => TelemetryRole.Send,
    };

    private static ImmutableDictionary<string, string?>.Builder Facts(ConfigurationFinding finding)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Configuration, finding.Item);
        properties.Add(DiagnosticProperties.Name, finding.Name);
        if (finding.Sender?.Transport is { } transport)
        {
            properties.Add(DiagnosticProperties.Transport, transport);
        }

        return properties;
    }

    private static Location LocationOf(ConfigDocument document, TextSpan span) => DiagnosticLocations.InFile(document.Path, document.Text, span);

    /// <summary>The assemblies of every service, the project's own too, less those the project exempts (<c>!A:</c>).</summary>
    private static Dictionary<string, TelemetryService> AssembliesOf(ProjectConfiguration configuration)
    {
        var assemblies = new Dictionary<string, TelemetryService>(StringComparer.OrdinalIgnoreCase);
        var exempt = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var services in new[] { BuiltInCatalogue.Instance.Services, configuration.Services })
        {
            foreach (var service in services)
            {
                foreach (var entry in service.Section.Entries)
                {
                    if (entry.Kind != EntryKind.Assembly)
                    {
                        continue;
                    }

                    if (entry.Exempt)
                    {
                        exempt.Add(entry.Target);
                    }
                    else if (!assemblies.ContainsKey(entry.Target))
                    {
                        assemblies.Add(entry.Target, service);
                    }
                }
            }
        }

        foreach (var name in exempt)
        {
            assemblies.Remove(name);
        }

        return assemblies;
    }
}
