using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// A catalogue value written as a comma-separated list of <c>Pattern ...</c> items tried in order, the first item whose
/// member pattern (<see cref="MemberPatterns"/>) matches a member deciding for it: <c>log-levels</c>, <c>log-arguments</c>.
/// What follows the pattern is the key's own: the <c>split</c> given to <see cref="Parse"/>.
/// </summary>
internal sealed class PatternItems<T>
    where T : class
{
    public static readonly PatternItems<T> None = new(ImmutableArray<(MemberPatterns, T)>.Empty);

    private readonly ImmutableArray<(MemberPatterns Pattern, T Value)> _items;

    private PatternItems(ImmutableArray<(MemberPatterns, T)> items) => _items = items;

    public bool IsEmpty => _items.IsEmpty;

    /// <summary>The items in the order they are tried.</summary>
    public ImmutableArray<(MemberPatterns Pattern, T Value)> Items => _items;

    /// <summary>The valid items of <paramref name="value"/>; an item <paramref name="split"/> rejects, or with a bad pattern, is left out.</summary>
    public static PatternItems<T> Parse(string? value, Func<string, (string Pattern, T Value)?> split)
    {
        var items = ImmutableArray.CreateBuilder<(MemberPatterns, T)>();
        foreach (var item in CatalogueParser.SplitList(value))
        {
            if (split(item) is { } parsed && MemberPatterns.FindInvalidPattern(parsed.Pattern) is null)
            {
                items.Add((MemberPatterns.Parse(parsed.Pattern), parsed.Value));
            }
        }

        return items.Count == 0 ? None : new PatternItems<T>(items.ToImmutable());
    }

    /// <summary>The first item of <paramref name="value"/> that <paramref name="split"/> rejects or whose pattern is bad, or null when every item is valid.</summary>
    public static string? FindInvalidItem(string? value, Func<string, (string Pattern, T Value)?> split)
    {
        foreach (var item in CatalogueParser.SplitList(value))
        {
            if (split(item) is not { } parsed || MemberPatterns.FindInvalidPattern(parsed.Pattern) is not null)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>What the first item that matches <paramref name="member"/> says, or null when none matches.</summary>
    public T? First(ISymbol member)
    {
        if (_items.IsEmpty)
        {
            return null;
        }

        var name = MemberPatterns.NameOf(member);
        foreach (var (pattern, value) in _items)
        {
            if (pattern.Matches(name))
            {
                return value;
            }
        }

        return null;
    }
}
