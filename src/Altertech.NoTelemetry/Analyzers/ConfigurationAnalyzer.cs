using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Configuration;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0900: every line of a <c>NoTelemetry.txt</c> that cannot be used (reported at that line of the file), and every
/// unknown or malformed <c>notelemetry.*</c> option (reported once per compilation, without a location: Roslyn
/// does not tell an analyzer which <c>.editorconfig</c> set a value). The rest of the configuration still applies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every <c>notelemetry.*</c> option there is: what is asked for when the options cannot list their keys.</summary>
    private static readonly string[] s_knownKeys = { ProjectConfiguration.AllowedEndpointsKey, ProjectConfiguration.ConsentMethodsKey, CompilationLimit.MaxCallChain.Key, CompilationLimit.MaxReachDepth.Key };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.InvalidConfiguration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
            if (!knowledge.Problems.IsEmpty)
            {
                start.RegisterAdditionalFileAction(c => ReportFileProblems(c, knowledge));
            }

            var reported = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var checkedOptions = new ConcurrentDictionary<AnalyzerConfigOptions, bool>(ReferenceEqualityComparer.Instance);
            start.RegisterSyntaxTreeAction(c => ReportOptionProblems(c, knowledge, reported, checkedOptions));
        });
    }

    private static void ReportFileProblems(AdditionalFileAnalysisContext context, CompilationKnowledge knowledge)
    {
        foreach (var problem in knowledge.Problems)
        {
            if (problem.Document is { } document && string.Equals(document.Path, context.AdditionalFile.Path, StringComparison.Ordinal))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.InvalidConfiguration,
                    problem.GetLocation(),
                    $"{ProjectConfiguration.FileName}({problem.Line + 1}): {problem.Message}"));
            }
        }
    }

    private static void ReportOptionProblems(
        SyntaxTreeAnalysisContext context,
        CompilationKnowledge knowledge,
        ConcurrentDictionary<string, bool> reported,
        ConcurrentDictionary<AnalyzerConfigOptions, bool> checkedOptions)
    {
        // Files under the same .editorconfig sections share one options object: its keys are read once.
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree);
        if (!checkedOptions.TryAdd(options, true))
        {
            return;
        }

        foreach (var key in NoTelemetryKeys(options))
        {
            if (LimitOf(key) is { } limit)
            {
                ReportLimitProblems(context, reported, options, limit);
                continue;
            }

            if (string.Equals(key, ProjectConfiguration.ConsentMethodsKey, StringComparison.OrdinalIgnoreCase))
            {
                if (options.TryGetValue(key, out var patterns) && MemberPatterns.FindInvalidPattern(patterns) is { } invalid)
                {
                    Report(context, reported, key + "=" + invalid, $"{ProjectConfiguration.ConsentMethodsKey}: '{invalid}' is not a member pattern (Member or Type.Member, with * for any characters); it is ignored");
                }

                continue;
            }

            if (!string.Equals(key, ProjectConfiguration.AllowedEndpointsKey, StringComparison.OrdinalIgnoreCase))
            {
                Report(context, reported, key, $"'{key}' is not a NoTelemetry option (known: {string.Join(", ", s_knownKeys)}); it is ignored");
                continue;
            }

            if (!options.TryGetValue(key, out var value))
            {
                continue;
            }

            foreach (var problem in knowledge.Configuration.GetAllowList(value).Problems)
            {
                Report(context, reported, key + "=" + problem, $"{ProjectConfiguration.AllowedEndpointsKey}: {problem}; the other endpoints still apply");
            }
        }
    }

    private static CompilationLimit? LimitOf(string key)
    {
        foreach (var limit in CompilationLimit.All)
        {
            if (string.Equals(key, limit.Key, StringComparison.OrdinalIgnoreCase))
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>
    /// A limit is one value for the compilation, read from its global config: a malformed value, or one that only a
    /// section of an <c>.editorconfig</c> sets, is reported and the default applies.
    /// </summary>
    private static void ReportLimitProblems(SyntaxTreeAnalysisContext context, ConcurrentDictionary<string, bool> reported, AnalyzerConfigOptions options, CompilationLimit limit)
    {
        if (!options.TryGetValue(limit.Key, out var value))
        {
            return;
        }

        if (!limit.TryParse(value, out _))
        {
            Report(context, reported, limit.Key + "=" + value, limit.DescribeInvalid(value));
            return;
        }

        if (!context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(limit.Key, out var global)
            || !string.Equals(global, value, StringComparison.Ordinal))
        {
            Report(context, reported, limit.Key + "@section", limit.DescribeSectionValue(value));
        }
    }

    /// <summary>
    /// The <c>notelemetry.*</c> keys that are set. Listing keys is optional for a host: the base class's
    /// <see cref="AnalyzerConfigOptions.Keys"/> throws <see cref="NotImplementedException"/> (Roslyn 4.8), and an
    /// exception here would be an AD0001 in the user's IDE. Such options are asked for the known keys instead; an
    /// unknown key (a typo) then goes unreported, the one thing that needs the list.
    /// </summary>
    private static IEnumerable<string> NoTelemetryKeys(AnalyzerConfigOptions options)
    {
        try
        {
            // Collected inside the try: a lazy Keys can throw when enumerated, not when read.
            var keys = new List<string>();
            foreach (var key in options.Keys)
            {
                if (key.StartsWith(ProjectConfiguration.OptionPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
        catch (Exception e) when (e is NotImplementedException or NotSupportedException)
        {
            var keys = new List<string>(s_knownKeys.Length);
            foreach (var key in s_knownKeys)
            {
                if (options.TryGetValue(key, out _))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
    }

    private sealed class ReferenceEqualityComparer : System.Collections.Generic.IEqualityComparer<AnalyzerConfigOptions>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(AnalyzerConfigOptions? x, AnalyzerConfigOptions? y) => ReferenceEquals(x, y);

        public int GetHashCode(AnalyzerConfigOptions obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static void Report(SyntaxTreeAnalysisContext context, ConcurrentDictionary<string, bool> reported, string key, string message)
    {
        if (reported.TryAdd(key, true))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidConfiguration, Location.None, message));
        }
    }
}
