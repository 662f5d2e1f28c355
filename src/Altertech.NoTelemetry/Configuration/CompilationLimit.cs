using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Configuration;

/// <summary>
/// A whole-number option that bounds how far an analysis follows the code: one value for the whole compilation, read
/// from its global config, so that every finding is the same whichever code the analyzers meet first.
/// </summary>
internal sealed class CompilationLimit
{
    /// <summary>
    /// How many product methods below the helper a call names are followed to a network API (NT0003, NT0006): the
    /// helper itself always is (0 follows only helpers that call the API themselves). Deeper chains cost more than
    /// they find.
    /// </summary>
    public static readonly CompilationLimit MaxCallChain = new("notelemetry.max_call_chain", 6, 0, 16);

    /// <summary>How many functions deep NT0004 follows calls from a hook's handler (the handler is the first).</summary>
    public static readonly CompilationLimit MaxReachDepth = new("notelemetry.max_reach_depth", 64, 1, 4096);

    public static readonly ImmutableArray<CompilationLimit> All = ImmutableArray.Create(MaxCallChain, MaxReachDepth);

    private CompilationLimit(string key, int defaultValue, int smallest, int largest)
    {
        Key = key;
        Default = defaultValue;
        Smallest = smallest;
        Largest = largest;
    }

    public string Key { get; }

    public int Default { get; }

    public int Smallest { get; }

    public int Largest { get; }

    /// <summary>A valid value: a whole number from <see cref="Smallest"/> to <see cref="Largest"/>.</summary>
    public bool TryParse(string? value, out int limit) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit)
        && limit >= Smallest
        && limit <= Largest;

    /// <summary>The global config's value, or the default when it sets none or one that is not valid.</summary>
    public int Read(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Key, out var value) && TryParse(value, out var limit)
            ? limit
            : Default;

    public string DescribeInvalid(string value) =>
        $"{Key}: '{value}' is not a whole number from {Smallest} to {Largest}; the default, {Default}, applies";

    public string DescribeSectionValue(string value) =>
        $"{Key} applies to the whole compilation and is read from a global config (.globalconfig, or an .editorconfig with is_global = true); the value '{value}' of an .editorconfig section is ignored";
}
