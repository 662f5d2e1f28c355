using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Configuration;

/// <summary>Something wrong in a configuration file or option; the rest of the configuration still applies.</summary>
internal readonly struct ConfigurationProblem
{
    public ConfigurationProblem(CatalogueDocument? document, int line, string message)
    {
        Document = document;
        Line = line;
        Message = message;
    }

    /// <summary>The <c>NoTelemetry.txt</c> the problem is in; null for an <c>.editorconfig</c> option.</summary>
    public CatalogueDocument? Document { get; }

    /// <summary>Zero-based line in <see cref="Document"/>.</summary>
    public int Line { get; }

    public string Message { get; }

    /// <summary>The line in the file, or no location for an option (Roslyn does not say which file set it).</summary>
    public Location GetLocation()
    {
        if (Document is null || Line < 0 || Line >= Document.Text.Lines.Count)
        {
            return Location.None;
        }

        return Infrastructure.DiagnosticLocations.InFile(Document.Path, Document.Text, Document.Text.Lines[Line].Span);
    }
}

/// <summary>
/// A project's own configuration: the <c>NoTelemetry.txt</c> additional files (catalogue lines in the built-in
/// catalogue's grammar, parsed by the same parser) and the <c>notelemetry.*</c> analyzer config options.
/// Loaded once per <see cref="AnalyzerOptions"/> instance.
/// </summary>
internal sealed class ProjectConfiguration
{
    public const string FileName = "NoTelemetry.txt";
    public const string OptionPrefix = "notelemetry.";
    public const string AllowedEndpointsKey = "notelemetry.allowed_endpoints";

    /// <summary>The service name of project entries written without a section.</summary>
    public const string ProjectVendor = "a destination listed in " + FileName;

    /// <summary>Where code that asks the user before sending is named: <c>Type.Member</c> patterns, per file.</summary>
    public const string ConsentMethodsKey = "notelemetry.consent_methods";

    public static readonly ProjectConfiguration Empty = new(ImmutableArray<CatalogueDocument>.Empty, ImmutableArray<TelemetryService>.Empty, ImmutableArray<CatalogueSection>.Empty, ImmutableArray<CatalogueSection>.Empty, ConfiguredSenders.Empty, ImmutableArray<ConfigurationProblem>.Empty, string.Empty, CompilationLimit.MaxCallChain.Default, CompilationLimit.MaxReachDepth.Default);

    private static readonly ConditionalWeakTable<AnalyzerOptions, ProjectConfiguration> s_cache = new();
    private static readonly string[] s_serviceKeys = { "vendor", "category", "packages", "source", "sends", "captures", "configures", LocalLogLevels.Key, LocalLogArguments.Key };

    private readonly ConcurrentDictionary<string, EndpointAllowList> _allowLists = new(StringComparer.Ordinal);

    private ProjectConfiguration(
        ImmutableArray<CatalogueDocument> files,
        ImmutableArray<TelemetryService> services,
        ImmutableArray<CatalogueSection> egressSections,
        ImmutableArray<CatalogueSection> hookSections,
        ConfiguredSenders senders,
        ImmutableArray<ConfigurationProblem> problems,
        string fingerprint,
        int maxCallChain,
        int maxReachDepth)
    {
        Senders = senders;
        Files = files;
        Services = services;
        EgressSections = egressSections;
        HookSections = hookSections;
        MaxReachDepth = maxReachDepth;
        Problems = problems;
        Fingerprint = fingerprint;
        MaxCallChain = maxCallChain;
    }

    /// <summary><see cref="CompilationLimit.MaxCallChain"/>, as the global config sets it.</summary>
    public int MaxCallChain { get; }

    /// <summary><see cref="CompilationLimit.MaxReachDepth"/>, as the global config sets it.</summary>
    public int MaxReachDepth { get; }

    public ImmutableArray<CatalogueDocument> Files { get; }

    /// <summary>Services the project adds, and the project's exemptions (as entries of those services).</summary>
    public ImmutableArray<TelemetryService> Services { get; }

    /// <summary>Egress API blocks (<c>kind = ...</c>) the project adds.</summary>
    public ImmutableArray<CatalogueSection> EgressSections { get; }

    /// <summary>Hook blocks (<c>hook = ...</c>) the project adds.</summary>
    public ImmutableArray<CatalogueSection> HookSections { get; }

    /// <summary>The sinks, targets, appenders and settings keys the project's configuration blocks add to the built-in ones.</summary>
    public ConfiguredSenders Senders { get; }

    /// <summary>What is wrong in the files, as far as the files alone tell.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; }

    /// <summary>Equal for equal file contents: the compilation's knowledge is shared between equal configurations.</summary>
    public string Fingerprint { get; }

    public static ProjectConfiguration Get(AnalyzerOptions? options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            return Empty;
        }

        if (s_cache.TryGetValue(options, out var configuration))
        {
            return configuration;
        }

        configuration = Load(options.AdditionalFiles, CompilationLimit.MaxCallChain.Read(options), CompilationLimit.MaxReachDepth.Read(options), cancellationToken);
        return s_cache.GetValue(options, _ => configuration);
    }

    public static bool IsConfigurationFile(AdditionalText file) =>
        string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The allow list an option value describes, parsed once per distinct value.</summary>
    public EndpointAllowList GetAllowList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? EndpointAllowList.Empty : _allowLists.GetOrAdd(value!, EndpointAllowList.Parse);

    private static ProjectConfiguration Load(ImmutableArray<AdditionalText> additionalFiles, int maxCallChain, int maxReachDepth, CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<CatalogueDocument>();
        var services = ImmutableArray.CreateBuilder<TelemetryService>();
        var egress = ImmutableArray.CreateBuilder<CatalogueSection>();
        var hooks = ImmutableArray.CreateBuilder<CatalogueSection>();
        var senders = new Dictionary<CatalogueSection, CatalogueDocument>();
        var problems = ImmutableArray.CreateBuilder<ConfigurationProblem>();
        var fingerprint = new StringBuilder();
        foreach (var file in additionalFiles)
        {
            if (!IsConfigurationFile(file) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            var document = CatalogueParser.Parse(file.Path, text, cancellationToken);
            files.Add(document);
            fingerprint.Append(file.Path).Append('\0').Append(text.ToString()).Append('\0');
            foreach (var problem in document.Problems)
            {
                problems.Add(new ConfigurationProblem(document, problem.Line, problem.Message));
            }

            foreach (var section in document.Sections)
            {
                if (ConfiguredSenders.IsConfigurationSection(section))
                {
                    ReportUnknownKeys(document, section, ConfiguredSenders.Keys, problems);
                    senders.Add(section, document);
                    continue;
                }

                Interpret(document, section, services, egress, hooks, problems);
            }
        }

        var configured = senders.Count == 0
            ? ConfiguredSenders.Empty
            : ConfiguredSenders.Build(senders.Keys, BuiltInCatalogue.Instance.Services.AddRange(services), (section, key, message) => problems.Add(new ConfigurationProblem(senders[section], section.LineOf(key), message)));

        if (files.Count == 0 && maxCallChain == CompilationLimit.MaxCallChain.Default && maxReachDepth == CompilationLimit.MaxReachDepth.Default)
        {
            return Empty;
        }

        fingerprint.Append(CompilationLimit.MaxCallChain.Key).Append('=').Append(maxCallChain).Append('\0');
        fingerprint.Append(CompilationLimit.MaxReachDepth.Key).Append('=').Append(maxReachDepth);
        return new ProjectConfiguration(files.ToImmutable(), services.ToImmutable(), egress.ToImmutable(), hooks.ToImmutable(), configured, problems.ToImmutable(), fingerprint.ToString(), maxCallChain, maxReachDepth);
    }

    private static void Interpret(
        CatalogueDocument document,
        CatalogueSection section,
        ImmutableArray<TelemetryService>.Builder services,
        ImmutableArray<CatalogueSection>.Builder egress,
        ImmutableArray<CatalogueSection>.Builder hooks,
        ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        if (section.Name.Length == 0)
        {
            InterpretLooseEntries(document, section, services, problems);
            return;
        }

        if (section.GetMetadata("kind") is { } kind)
        {
            if (!EgressApi.TryParseKind(kind, out _))
            {
                problems.Add(new ConfigurationProblem(document, section.LineOf("kind"), $"[{section.Name}]: kind '{kind}' is not one of {string.Join(", ", EgressApi.KindNames)}"));
                return;
            }

            ReportUnknownKeys(document, section, new[] { "kind", "source" }, problems);
            foreach (var entry in section.Entries)
            {
                if (entry.Kind is not (EntryKind.Method or EntryKind.Type or EntryKind.Property) || entry.Exempt)
                {
                    problems.Add(new ConfigurationProblem(document, entry.Line, $"[{section.Name}] is an egress block: its entries are M:, T: or P: lines with the endpoint parameters after ';'"));
                }
            }

            egress.Add(section);
            return;
        }

        if (section.GetMetadata("hook") is { } hook)
        {
            InterpretHooks(document, section, hook, hooks, problems);
            return;
        }

        ReportUnknownKeys(document, section, s_serviceKeys, problems);
        var vendor = section.GetMetadata("vendor");
        if (string.IsNullOrWhiteSpace(vendor))
        {
            problems.Add(new ConfigurationProblem(document, section.Line, $"[{section.Name}] needs 'vendor = <who receives the data>' (or 'kind = send|connect|resolve|register|bind' for network APIs, or 'hook = crash|exit|failure|stopping' for hooks)"));
            vendor = section.Name;
        }

        foreach (var key in MemberRoles.Keys)
        {
            if (MemberPatterns.FindInvalidPattern(section.GetMetadata(key)) is { } invalid)
            {
                problems.Add(new ConfigurationProblem(document, section.LineOf(key), $"[{section.Name}]: '{invalid}' in '{key}' is not a member pattern (Member, Type.Member or new Type, with * for any characters); it is ignored"));
            }
        }

        if (LocalLogLevels.FindInvalidItem(section.GetMetadata(LocalLogLevels.Key)) is { } invalidLevel)
        {
            problems.Add(new ConfigurationProblem(document, section.LineOf(LocalLogLevels.Key), $"[{section.Name}]: '{invalidLevel}' in '{LocalLogLevels.Key}' is not 'Pattern Level' (a member pattern, a space, and one of {string.Join(", ", LocalLogLevels.Levels)}); it is ignored"));
        }

        if (LocalLogArguments.FindInvalidItem(section.GetMetadata(LocalLogArguments.Key)) is { } invalidArguments)
        {
            problems.Add(new ConfigurationProblem(document, section.LineOf(LocalLogArguments.Key), $"[{section.Name}]: '{invalidArguments}' in '{LocalLogArguments.Key}' is not 'Pattern name ...' (a member pattern, then the parameters' names, space-separated: 'name' keeps one, '-name' leaves it out, 'name{LocalLogArguments.TemplateSuffix}' makes a constant string the template, 'name{LocalLogArguments.LevelSuffix}' lets an enum member choose the level; each name once); it is ignored"));
        }

        var category = section.GetMetadata("category")?.Trim().ToLowerInvariant() ?? "analytics";
        if (!TelemetryService.Categories.Contains(category))
        {
            problems.Add(new ConfigurationProblem(document, section.LineOf("category"), $"[{section.Name}]: category '{category}' is not one of {string.Join(", ", TelemetryService.Categories)}"));
            category = "analytics";
        }

        services.Add(new TelemetryService(section.Name, vendor!, category, CatalogueParser.SplitList(section.GetMetadata("packages")), section));
    }

    /// <summary>A block of hooks: E:, P: and M: lines, an M: line with 'override' or 'when P has Flag' after ';'.</summary>
    private static void InterpretHooks(
        CatalogueDocument document,
        CatalogueSection section,
        string hook,
        ImmutableArray<CatalogueSection>.Builder hooks,
        ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        if (!Knowledge.Hook.TryParseKind(hook, out _))
        {
            problems.Add(new ConfigurationProblem(document, section.LineOf("hook"), $"[{section.Name}]: hook '{hook}' is not one of {string.Join(", ", Knowledge.Hook.KindNames)}"));
            return;
        }

        ReportUnknownKeys(document, section, new[] { "hook", "unbound", "source" }, problems);
        foreach (var entry in section.Entries)
        {
            if (entry.Kind is not (EntryKind.Event or EntryKind.Property or EntryKind.Method) || entry.Exempt)
            {
                problems.Add(new ConfigurationProblem(document, entry.Line, $"[{section.Name}] is a hook block: its entries are E: events, P: properties whose value takes callbacks, or M: methods"));
            }
            else if (Knowledge.HookTable.ExplainInvalidNote(entry) is { } explanation)
            {
                problems.Add(new ConfigurationProblem(document, entry.Line, $"[{section.Name}]: {explanation}"));
            }
        }

        hooks.Add(section);
    }

    /// <summary>
    /// Lines before any section, in the BannedSymbols.txt style: each added entry forms a service named by its
    /// message; <c>!</c> lines exempt from the built-in catalogue.
    /// </summary>
    private static void InterpretLooseEntries(
        CatalogueDocument document,
        CatalogueSection section,
        ImmutableArray<TelemetryService>.Builder services,
        ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        foreach (var key in section.Metadata.Keys)
        {
            problems.Add(new ConfigurationProblem(document, section.LineOf(key), $"'{key} = ...' belongs in a [Section]; lines before the first section are entries"));
        }

        var byMessage = new Dictionary<string, CatalogueSection>(StringComparer.Ordinal);
        var exemptions = new CatalogueSection(FileName, 0);
        foreach (var entry in section.Entries)
        {
            if (entry.Exempt)
            {
                exemptions.Entries.Add(entry);
                continue;
            }

            if (entry.Text is null)
            {
                problems.Add(new ConfigurationProblem(document, entry.Line, $"{entry.DocumentationId} needs a message after ';': it names the service in the diagnostic"));
                continue;
            }

            if (!byMessage.TryGetValue(entry.Text, out var service))
            {
                service = new CatalogueSection(entry.Text, entry.Line);
                byMessage.Add(entry.Text, service);
            }

            service.Entries.Add(new CatalogueEntry(entry.Kind, entry.Target, entry.Text, exempt: false, entry.Line, service));
        }

        foreach (var service in byMessage.Values)
        {
            services.Add(new TelemetryService(service.Name, ProjectVendor, "analytics", ImmutableArray<string>.Empty, service));
        }

        if (exemptions.Entries.Count > 0)
        {
            services.Add(new TelemetryService(FileName, ProjectVendor, "analytics", ImmutableArray<string>.Empty, exemptions));
        }
    }

    private static void ReportUnknownKeys(CatalogueDocument document, CatalogueSection section, string[] known, ImmutableArray<ConfigurationProblem>.Builder problems)
    {
        foreach (var key in section.Metadata.Keys)
        {
            if (Array.IndexOf(known, key.ToLowerInvariant()) < 0)
            {
                problems.Add(new ConfigurationProblem(document, section.LineOf(key), $"[{section.Name}]: unknown key '{key}'; known keys are {string.Join(", ", known)}"));
            }
        }
    }
}
