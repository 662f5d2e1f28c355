using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>What a hook is: the <c>hook</c> key of a <c>Hooks.txt</c> block.</summary>
internal enum HookKind
{
    /// <summary>An unhandled or unobserved exception.</summary>
    Crash,

    /// <summary>The process, application or session ends.</summary>
    Exit,

    /// <summary>A continuation that runs only when a task failed.</summary>
    Failure,

    /// <summary>The host is stopping.</summary>
    Stopping,
}

/// <summary>One place where code runs without the user asking for it: an event, a callback, an override.</summary>
internal sealed class Hook
{
    public static readonly ImmutableArray<string> KindNames = ImmutableArray.Create("crash", "exit", "failure", "stopping");

    public Hook(string name, string noun, HookKind kind)
    {
        Name = name;
        Noun = noun;
        Kind = kind;
    }

    /// <summary><c>AppDomain.UnhandledException</c>, <c>IHostApplicationLifetime.ApplicationStopping</c>.</summary>
    public string Name { get; }

    /// <summary><c>handler</c>, <c>callback</c>, <c>override</c>, <c>continuation that runs only on failure</c>.</summary>
    public string Noun { get; }

    public HookKind Kind { get; }

    public string KindName => KindNames[(int)Kind];

    /// <summary><c>AppDomain.UnhandledException handler</c>.</summary>
    public string Describe() => Name + " " + Noun;

    public Hook WithName(string name) => new(name, Noun, Kind);

    public static bool TryParseKind(string? value, out HookKind kind)
    {
        var index = value is null ? -1 : KindNames.IndexOf(value.Trim().ToLowerInvariant());
        kind = index < 0 ? HookKind.Crash : (HookKind)index;
        return index >= 0;
    }
}

/// <summary>
/// The hooks of <c>Hooks.txt</c> (and a project's <c>hook = ...</c> blocks) resolved in one compilation: events,
/// properties whose value takes callbacks, methods whose delegate arguments are callbacks (with a condition), and
/// methods whose overrides are hooks; plus the event names that count where the event's type does not bind.
/// </summary>
internal sealed class HookTable
{
    private const string WhenPrefix = "when ";
    private const string HasSeparator = " has ";
    private const string Override = "override";

    private readonly Dictionary<ISymbol, Hook> _events;
    private readonly Dictionary<ISymbol, Hook> _properties;
    private readonly Dictionary<ISymbol, (Hook Hook, string? Parameter, string? Flag)> _calls;
    private readonly Dictionary<ISymbol, Hook> _overrides;
    private readonly Dictionary<string, Hook> _unboundEvents;

    private HookTable(
        Dictionary<ISymbol, Hook> events,
        Dictionary<ISymbol, Hook> properties,
        Dictionary<ISymbol, (Hook, string?, string?)> calls,
        Dictionary<ISymbol, Hook> overrides,
        Dictionary<string, Hook> unboundEvents)
    {
        _events = events;
        _properties = properties;
        _calls = calls;
        _overrides = overrides;
        _unboundEvents = unboundEvents;
    }

    public bool IsEmpty => _events.Count == 0 && _properties.Count == 0 && _calls.Count == 0 && _overrides.Count == 0 && _unboundEvents.Count == 0;

    public bool HasOverrides => _overrides.Count > 0;

    /// <summary>Why an entry's text after ';' cannot be used; null when it can (nothing, 'override', or 'when P has Flag' on an M: line).</summary>
    public static string? ExplainInvalidNote(CatalogueEntry entry)
    {
        var note = entry.Text;
        if (entry.Kind != EntryKind.Method || note is null || note == Override)
        {
            return null;
        }

        var separator = note.IndexOf(HasSeparator, StringComparison.Ordinal);
        return note.StartsWith(WhenPrefix, StringComparison.Ordinal) && separator > WhenPrefix.Length && separator + HasSeparator.Length < note.Length
            ? null
            : $"'{note}' after ';' is not 'override' or 'when <parameter> has <Flag>'";
    }

    public static HookTable Build(SymbolResolver resolver, ImmutableArray<CatalogueSection> sections, CancellationToken cancellationToken)
    {
        var events = new Dictionary<ISymbol, Hook>(SymbolEqualityComparer.Default);
        var properties = new Dictionary<ISymbol, Hook>(SymbolEqualityComparer.Default);
        var calls = new Dictionary<ISymbol, (Hook, string?, string?)>(SymbolEqualityComparer.Default);
        var overrides = new Dictionary<ISymbol, Hook>(SymbolEqualityComparer.Default);
        var unbound = new Dictionary<string, Hook>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            Hook.TryParseKind(section.GetMetadata("hook"), out var kind);
            var matchUnbound = string.Equals(section.GetMetadata("unbound")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            foreach (var entry in section.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Exempt)
                {
                    continue;
                }

                if (entry.Kind == EntryKind.Event && matchUnbound)
                {
                    var name = SimpleName(entry.Target);
                    if (!unbound.ContainsKey(name))
                    {
                        unbound.Add(name, new Hook(TypeAndMember(entry.Target), "handler", kind));
                    }
                }

                foreach (var symbol in resolver.Resolve(entry))
                {
                    var hookName = symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name;
                    switch (symbol)
                    {
                        case IEventSymbol:
                            events[symbol] = new Hook(hookName, "handler", kind);
                            break;
                        case IPropertySymbol:
                            properties[symbol] = new Hook(hookName, "callback", kind);
                            break;
                        case IMethodSymbol when entry.Text == Override:
                            overrides[symbol] = new Hook(hookName, "override", kind);
                            break;
                        case IMethodSymbol when ExplainInvalidNote(entry) is null:
                            var (parameter, flag) = Condition(entry.Text);
                            var noun = kind == HookKind.Failure ? "continuation that runs only on failure" : "callback";
                            calls[symbol] = (new Hook(hookName, noun, kind), parameter, flag);
                            break;
                    }
                }
            }
        }

        return new HookTable(events, properties, calls, overrides, unbound);
    }

    /// <summary>The hook an event is, or null.</summary>
    public Hook? EventHook(IEventSymbol @event) => _events.TryGetValue(@event.OriginalDefinition, out var hook) ? hook : null;

    /// <summary>The hook an event of this name is where its type does not bind, or null.</summary>
    public Hook? UnboundEventHook(string name) => _unboundEvents.TryGetValue(name, out var hook) ? hook : null;

    /// <summary>
    /// The hook a call's delegate arguments are callbacks of: a call on a hook property's value
    /// (<c>lifetime.ApplicationStopping.Register(...)</c>), or of a hook method whose condition holds.
    /// </summary>
    public Hook? CallHook(IInvocationOperation invocation)
    {
        if (invocation.Instance is IPropertyReferenceOperation { Property: { } property } && _properties.TryGetValue(property.OriginalDefinition, out var onValue))
        {
            return onValue;
        }

        if (_calls.Count == 0 || !_calls.TryGetValue(invocation.TargetMethod.OriginalDefinition, out var call))
        {
            return null;
        }

        return call.Parameter is null || HasFlag(invocation, call.Parameter, call.Flag!) ? call.Hook : null;
    }

    /// <summary>The hook <paramref name="method"/> overrides (directly or through a chain of overrides), or null.</summary>
    public Hook? OverrideHook(IMethodSymbol method)
    {
        for (var current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (_overrides.TryGetValue(current.OriginalDefinition, out var hook))
            {
                return hook;
            }
        }

        return null;
    }

    /// <summary>The argument for <paramref name="parameter"/> is a constant of its enum type with <paramref name="flag"/> set.</summary>
    private static bool HasFlag(IInvocationOperation invocation, string parameter, string flag)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } declared || declared.Name != parameter)
            {
                continue;
            }

            if (declared.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                || !argument.Value.ConstantValue.HasValue
                || argument.Value.ConstantValue.Value is not { } value)
            {
                return false;
            }

            foreach (var member in enumType.GetMembers(flag))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } bits })
                {
                    var mask = Convert.ToInt64(bits, System.Globalization.CultureInfo.InvariantCulture);
                    return mask != 0 && (Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) & mask) == mask;
                }
            }

            return false;
        }

        return false;
    }

    private static (string? Parameter, string? Flag) Condition(string? note)
    {
        if (note is null)
        {
            return (null, null);
        }

        var separator = note.IndexOf(HasSeparator, StringComparison.Ordinal);
        return (note.Substring(WhenPrefix.Length, separator - WhenPrefix.Length).Trim(), note.Substring(separator + HasSeparator.Length).Trim());
    }

    private static string SimpleName(string target)
    {
        var dot = target.LastIndexOf('.');
        return dot < 0 ? target : target.Substring(dot + 1);
    }

    private static string TypeAndMember(string target)
    {
        var last = target.LastIndexOf('.');
        var previous = last <= 0 ? -1 : target.LastIndexOf('.', last - 1);
        return previous < 0 ? target : target.Substring(previous + 1);
    }
}
