using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>What a member of a telemetry SDK does, as NT0001's message says it.</summary>
internal enum TelemetryRole
{
    /// <summary>Anything else: a type named, a property read, an options object built.</summary>
    Use,

    /// <summary>Initialises, registers or configures the SDK (<c>SentrySdk.Init</c>, <c>AddApplicationInsightsTelemetry</c>).</summary>
    Configure,

    /// <summary>Records data that the SDK sends later (<c>CaptureException</c>, <c>AddBreadcrumb</c>).</summary>
    Capture,

    /// <summary>Sends data, or queues it for sending (<c>TrackEvent</c>, <c>Flush</c>).</summary>
    Send,
}

/// <summary>
/// Which members of a service's SDK send, capture or configure: the <c>sends</c>, <c>captures</c> and
/// <c>configures</c> keys of a catalogue block, each a <see cref="MemberPatterns"/> list, tried in that order.
/// </summary>
internal sealed class MemberRoles
{
    public static readonly MemberRoles None = new(MemberPatterns.None, MemberPatterns.None, MemberPatterns.None);

    /// <summary>The metadata keys, in the order a member is tried against them: the first list that matches wins.</summary>
    public static readonly ImmutableArray<string> Keys = ImmutableArray.Create("sends", "captures", "configures");

    private readonly MemberPatterns _sends;
    private readonly MemberPatterns _captures;
    private readonly MemberPatterns _configures;

    private MemberRoles(MemberPatterns sends, MemberPatterns captures, MemberPatterns configures)
    {
        _sends = sends;
        _captures = captures;
        _configures = configures;
    }

    public bool IsEmpty => _sends.IsEmpty && _captures.IsEmpty && _configures.IsEmpty;

    public static MemberRoles FromSection(CatalogueSection section)
    {
        var sends = MemberPatterns.Parse(section.GetMetadata("sends"));
        var captures = MemberPatterns.Parse(section.GetMetadata("captures"));
        var configures = MemberPatterns.Parse(section.GetMetadata("configures"));
        return sends.IsEmpty && captures.IsEmpty && configures.IsEmpty ? None : new MemberRoles(sends, captures, configures);
    }

    /// <summary>The role these lists give <paramref name="member"/>, or null when none of them names it.</summary>
    public TelemetryRole? RoleOf(ISymbol member)
    {
        if (IsEmpty)
        {
            return null;
        }

        var name = MemberPatterns.NameOf(member);
        return _sends.Matches(name) ? TelemetryRole.Send
            : _captures.Matches(name) ? TelemetryRole.Capture
            : _configures.Matches(name) ? TelemetryRole.Configure
            : null;
    }
}

/// <summary>
/// A comma-separated list of member patterns, as catalogue blocks and options write them: <c>Member</c>,
/// <c>Type.Member</c> or <c>new Type</c> (a constructor), with simple names, where <c>*</c> stands for any run of
/// characters: <c>Track*</c>, <c>TelemetryClient.Flush</c>, <c>*Options.*</c>, <c>new *Client</c>.
/// </summary>
internal sealed class MemberPatterns
{
    public static readonly MemberPatterns None = new(ImmutableArray<string>.Empty);

    private readonly ImmutableArray<string> _patterns;

    private MemberPatterns(ImmutableArray<string> patterns) => _patterns = patterns;

    public bool IsEmpty => _patterns.IsEmpty;

    public static MemberPatterns Parse(string? value)
    {
        var patterns = CatalogueParser.SplitList(value);
        return patterns.IsEmpty ? None : new MemberPatterns(patterns);
    }

    /// <summary>The pattern of <paramref name="value"/> that is not one, or null when every pattern can be used.</summary>
    public static string? FindInvalidPattern(string? value)
    {
        foreach (var pattern in CatalogueParser.SplitList(value))
        {
            var (type, member) = Split(pattern);
            if (member.Length == 0 || (type is not null && type.Length == 0) || !IsName(member) || (type is not null && !IsName(type))
                || (type is not null && type != "new" && System.Array.IndexOf(type.Split('.'), string.Empty) >= 0))
            {
                return pattern;
            }
        }

        return null;

        static bool IsName(string text)
        {
            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '*' or '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool Matches(ISymbol member) => !IsEmpty && Matches(NameOf(member));

    /// <summary>What a pattern is matched against: the simple names of the member and its type, a property for its accessors.</summary>
    internal static (bool IsConstructor, string? TypeName, string MemberName, string? QualifiedTypeName) NameOf(ISymbol member)
    {
        if (member is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            member = reducedFrom;
        }

        var isConstructor = member is IMethodSymbol { MethodKind: MethodKind.Constructor };
        var typeName = member is ITypeSymbol ? null : member.ContainingType?.Name;
        var memberName = member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet } accessor && accessor.AssociatedSymbol is { } property
            ? property.Name
            : member.Name;
        // A pattern whose type part has a dot names the type with its namespace: Contoso.Notes.CrashPrompt.ShowDialog.
        var qualified = member is ITypeSymbol ? null : member.ContainingType?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        return (isConstructor, typeName, memberName, qualified);
    }

    internal bool Matches((bool IsConstructor, string? TypeName, string MemberName, string? QualifiedTypeName) name)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.StartsWith("new ", StringComparison.Ordinal))
            {
                if (name.IsConstructor && name.TypeName is not null && Glob(pattern.Substring(4).Trim(), name.TypeName))
                {
                    return true;
                }

                continue;
            }

            if (name.IsConstructor)
            {
                continue;
            }

            var (type, member) = Split(pattern);
            if (Glob(member, name.MemberName) && (type is null || (name.TypeName is not null && Glob(type, type.IndexOf('.') >= 0 ? name.QualifiedTypeName! : name.TypeName))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Type.Member</c> into its two names; <c>Member</c> has no type.</summary>
    private static (string? Type, string Member) Split(string pattern)
    {
        if (pattern.StartsWith("new ", StringComparison.Ordinal))
        {
            return ("new", pattern.Substring(4).Trim());
        }

        var dot = pattern.LastIndexOf('.');
        return dot < 0 ? (null, pattern) : (pattern.Substring(0, dot), pattern.Substring(dot + 1));
    }

    /// <summary>Ordinal match of <paramref name="text"/> against <paramref name="pattern"/>, where <c>*</c> is any run of characters.</summary>
    internal static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
