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

    public static readonly LocalLogLevels None = new(ImmutableArray<(MemberPatterns, string)>.Empty);

    private readonly ImmutableArray<(MemberPatterns Pattern, string Level)> _rules;

    private LocalLogLevels(ImmutableArray<(MemberPatterns, string)> rules) => _rules = rules;

    public static LocalLogLevels FromSection(CatalogueSection section)
    {
        var value = section.GetMetadata(Key);
        var rules = ImmutableArray.CreateBuilder<(MemberPatterns, string)>();
        foreach (var item in CatalogueParser.SplitList(value))
        {
            if (Split(item) is { } rule && MemberPatterns.FindInvalidPattern(rule.Pattern) is null)
            {
                rules.Add((MemberPatterns.Parse(rule.Pattern), rule.Level));
            }
        }

        return rules.Count == 0 ? None : new LocalLogLevels(rules.ToImmutable());
    }

    /// <summary>The item of a <c>log-levels</c> value that is not <c>Pattern Level</c>, or null when every item is.</summary>
    public static string? FindInvalidItem(string? value)
    {
        foreach (var item in CatalogueParser.SplitList(value))
        {
            if (Split(item) is not { } rule || MemberPatterns.FindInvalidPattern(rule.Pattern) is not null)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The level the first matching item gives <paramref name="member"/>, or null when none matches.</summary>
    public string? LevelOf(ISymbol member)
    {
        if (_rules.IsEmpty)
        {
            return null;
        }

        var name = MemberPatterns.NameOf(member);
        foreach (var (pattern, level) in _rules)
        {
            if (pattern.Matches(name))
            {
                return level;
            }
        }

        return null;
    }

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
