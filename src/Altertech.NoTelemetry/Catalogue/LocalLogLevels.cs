using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// The <c>log-levels</c> key of a catalogue block: the level at which the NT0001 code fix logs what a sending or
/// capturing member was given, written <c>Pattern Level</c> in a comma-separated list tried in order
/// (<c>TrackException* Error, TrackMetric* Debug, Track* Information</c>). The patterns are <see cref="MemberPatterns"/>;
/// the levels are the names of <c>Microsoft.Extensions.Logging.LogLevel</c>.
/// </summary>
internal sealed class LocalLogLevels
{
    public const string Key = "log-levels";

    /// <summary>The levels a line may name, as <c>LogLevel</c> spells them.</summary>
    public static readonly ImmutableArray<string> Levels = ImmutableArray.Create("Trace", "Debug", "Information", "Warning", "Error", "Critical");

    public static readonly LocalLogLevels None = new(PatternItems<string>.None);

    private readonly PatternItems<string> _rules;

    private LocalLogLevels(PatternItems<string> rules) => _rules = rules;

    public static LocalLogLevels FromSection(CatalogueSection section)
    {
        var rules = PatternItems<string>.Parse(section.GetMetadata(Key), Split);
        return rules.IsEmpty ? None : new LocalLogLevels(rules);
    }

    /// <summary>The item of a <c>log-levels</c> value that is not <c>Pattern Level</c>, or null when every item is.</summary>
    public static string? FindInvalidItem(string? value) => PatternItems<string>.FindInvalidItem(value, Split);

    /// <summary>The level the first matching item gives <paramref name="member"/>, or null when none matches.</summary>
    public string? LevelOf(ISymbol member) => _rules.First(member);

    private static (string Pattern, string Level)? Split(string item)
    {
        var space = item.LastIndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var level = item.Substring(space + 1);
        var pattern = item.Substring(0, space).Trim();
        return pattern.Length > 0 && Levels.IndexOf(level, 0, Levels.Length, StringComparer.Ordinal) >= 0 && !pattern.StartsWith("new ", StringComparison.Ordinal)
            ? (pattern, level)
            : null;
    }
}
