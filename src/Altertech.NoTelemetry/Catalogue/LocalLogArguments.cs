using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// The <c>log-arguments</c> key of a catalogue block: which arguments of a sending or capturing call the NT0001 code fix
/// keeps in the log call. A comma-separated list of items tried in order, each a member pattern (<see cref="MemberPatterns"/>)
/// and then, space-separated, the SDK's parameter names: <c>name</c> keeps that argument as a template value,
/// <c>-name</c> leaves it out, <c>name:template</c> makes a constant string given to it the template itself, and
/// <c>name:level</c> makes a constant enum member given to it choose the level, when the block's (or the <c>[*]</c> block's)
/// <c>log-levels</c> name that member (<c>SentryLevel.Warning Warning</c>); it is then left out
/// (<c>CaptureException* exception -configureScope, CaptureMessage* message:template level:level -configureScope</c>). A
/// parameter an item does not name is kept, so an overload or an SDK version the catalogue has not seen loses nothing.
/// </summary>
internal sealed class LocalLogArguments
{
    public const string Key = "log-arguments";

    /// <summary>What follows a parameter name that makes a constant string given to it the template.</summary>
    public const string TemplateSuffix = ":template";

    /// <summary>What follows a parameter name whose constant enum member chooses the level, as <c>log-levels</c> name it.</summary>
    public const string LevelSuffix = ":level";

    public static readonly LocalLogArguments None = new(PatternItems<Rule>.None);

    private readonly PatternItems<Rule> _items;

    private LocalLogArguments(PatternItems<Rule> items) => _items = items;

    public bool IsEmpty => _items.IsEmpty;

    /// <summary>The items in the order they are tried.</summary>
    internal ImmutableArray<(MemberPatterns Pattern, Rule Value)> Items => _items.Items;

    public static LocalLogArguments FromSection(CatalogueSection section)
    {
        var items = PatternItems<Rule>.Parse(section.GetMetadata(Key), Split);
        return items.IsEmpty ? None : new LocalLogArguments(items);
    }

    /// <summary>The item of a <c>log-arguments</c> value that is not <c>Pattern name -name name:template ...</c>, or null when every item is.</summary>
    public static string? FindInvalidItem(string? value) => PatternItems<Rule>.FindInvalidItem(value, Split);

    /// <summary>What the first item that matches <paramref name="member"/> says, or null when none matches.</summary>
    public Rule? RuleOf(ISymbol member) => _items.First(member);

    private static (string Pattern, Rule Value)? Split(string item)
    {
        var parts = item.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] == "new" || MemberPatterns.FindInvalidPattern(parts[0]) is not null)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = ImmutableArray.CreateBuilder<string>();
        var leftOut = ImmutableArray.CreateBuilder<string>();
        string? template = null;
        string? level = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var drop = part.StartsWith("-", StringComparison.Ordinal);
            var isTemplate = !drop && part.EndsWith(TemplateSuffix, StringComparison.Ordinal);
            var isLevel = !drop && part.EndsWith(LevelSuffix, StringComparison.Ordinal);
            var name = drop ? part.Substring(1)
                : isTemplate ? part.Substring(0, part.Length - TemplateSuffix.Length)
                : isLevel ? part.Substring(0, part.Length - LevelSuffix.Length)
                : part;
            if (!IsParameterName(name) || !seen.Add(name) || (isTemplate && template is not null) || (isLevel && level is not null))
            {
                return null;
            }

            if (drop)
            {
                leftOut.Add(name);
            }
            else
            {
                kept.Add(name);
                template = isTemplate ? name : template;
                level = isLevel ? name : level;
            }
        }

        return (parts[0], new Rule(kept.ToImmutable(), leftOut.ToImmutable(), template, level));
    }

    /// <summary>A C# identifier as metadata spells a parameter: a letter or <c>_</c>, then letters, digits or <c>_</c>.</summary>
    private static bool IsParameterName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What one item says of the parameters of the members it matches.</summary>
    internal sealed class Rule
    {
        public Rule(ImmutableArray<string> kept, ImmutableArray<string> leftOut, string? template, string? level)
        {
            Kept = kept;
            LeftOut = leftOut;
            Template = template;
            Level = level;
        }

        /// <summary>The parameters named as template values (every parameter not in <see cref="LeftOut"/> is one).</summary>
        public ImmutableArray<string> Kept { get; }

        /// <summary>The parameters whose arguments the log call leaves out, when leaving them out loses no side effect.</summary>
        public ImmutableArray<string> LeftOut { get; }

        /// <summary>The parameter whose constant string, when it is one, is the template itself; null for none.</summary>
        public string? Template { get; }

        /// <summary>
        /// The parameter whose constant enum member, when <c>log-levels</c> name it, chooses the level (and is then left
        /// out); null for none.
        /// </summary>
        public string? Level { get; }

        public bool LeavesOut(string parameter) => LeftOut.IndexOf(parameter, 0, LeftOut.Length, StringComparer.Ordinal) >= 0;
    }
}
