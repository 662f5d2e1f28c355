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

    /// <summary><c>handler</c>, <c>callback</c>, <c>override</c>, <c>continuation that runs only when the task fails or is canceled</c>.</summary>
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
    private const string Override = "override";

    private readonly Dictionary<ISymbol, Hook> _events;
    private readonly Dictionary<ISymbol, Hook> _properties;
    private readonly Dictionary<ISymbol, (Hook Hook, ArgumentCondition Condition)> _calls;
    private readonly Dictionary<ISymbol, Hook> _overrides;
    private readonly Dictionary<string, Hook> _unboundEvents;
    private readonly HashSet<ISymbol> _queueWrites;
    private readonly HashSet<ISymbol> _queueReads;
    private readonly Dictionary<ISymbol, ArgumentCondition> _errorLogging;
    private readonly HashSet<ISymbol> _logSinks;
    private readonly List<(INamedTypeSymbol Type, string Member)> _logSinkTypes;

    private HookTable(Builder builder)
    {
        _events = builder.Events;
        _properties = builder.Properties;
        _calls = builder.Calls;
        _overrides = builder.Overrides;
        _unboundEvents = builder.Unbound;
        _queueWrites = builder.QueueWrites;
        _queueReads = builder.QueueReads;
        _errorLogging = builder.ErrorLogging;
        _logSinks = builder.LogSinks;
        _logSinkTypes = builder.LogSinkTypes;
    }

    /// <summary>
    /// Types whose implementations in the product send the log when the named member reaches network egress: a
    /// Serilog <c>ILogEventSink</c>'s <c>Emit</c>, an NLog target's <c>Write</c>.
    /// </summary>
    public IReadOnlyList<(INamedTypeSymbol Type, string Member)> LogSinkTypes => _logSinkTypes;

    /// <summary>A member that writes into a queue (<c>ChannelWriter.TryWrite</c>, <c>BlockingCollection.Add</c>).</summary>
    public bool IsQueueWrite(IMethodSymbol method) => _queueWrites.Count > 0 && _queueWrites.Contains(method.OriginalDefinition);

    /// <summary>A member that reads from a queue (<c>ChannelReader.ReadAllAsync</c>, <c>BlockingCollection.Take</c>).</summary>
    public bool IsQueueRead(IMethodSymbol method) => _queueReads.Count > 0 && _queueReads.Contains(method.OriginalDefinition);

    /// <summary>A registration that sends the program's log over the network (<c>WriteTo.Seq</c>, <c>AddSentry</c>).</summary>
    public bool IsLogSink(IMethodSymbol method) => _logSinks.Count > 0 && _logSinks.Contains((method.ReducedFrom ?? method).OriginalDefinition);

    /// <summary>A call that logs an error or worse (<c>LogError</c>, <c>Log.Fatal</c>, <c>Log(LogLevel.Critical, ...)</c>).</summary>
    public bool IsErrorLogging(IInvocationOperation invocation) =>
        _errorLogging.Count > 0
        && _errorLogging.TryGetValue((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, out var condition)
        && condition.Holds(invocation);

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

        return ArgumentCondition.TryParse(note, out _) ? null : $"'{note}' after ';' is not 'override' or {ArgumentCondition.Forms}";
    }

    public static HookTable Build(SymbolResolver resolver, ImmutableArray<CatalogueSection> sections, CancellationToken cancellationToken)
    {
        var builder = new Builder();
        foreach (var section in sections)
        {
            if (section.GetMetadata("queue") is { } queue)
            {
                AddMembers(resolver, section, queue.Trim() == "read" ? builder.QueueReads : builder.QueueWrites, cancellationToken);
            }
            else if (section.GetMetadata("logging") is { } logging)
            {
                if (logging.Trim() == "sink")
                {
                    AddLogSinks(resolver, section, builder, cancellationToken);
                }
                else
                {
                    AddArgumentConditionalMembers(resolver, section, builder.ErrorLogging, cancellationToken);
                }
            }
            else
            {
                AddHooks(resolver, section, builder, cancellationToken);
            }
        }

        return new HookTable(builder);
    }

    private static void AddHooks(SymbolResolver resolver, CatalogueSection section, Builder builder, CancellationToken cancellationToken)
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
                if (!builder.Unbound.ContainsKey(name))
                {
                    builder.Unbound.Add(name, new Hook(TypeAndMember(entry.Target), "handler", kind));
                }
            }

            foreach (var symbol in resolver.Resolve(entry))
            {
                var hookName = symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name;
                switch (symbol)
                {
                    case IEventSymbol:
                        builder.Events[symbol] = new Hook(hookName, "handler", kind);
                        break;
                    case IPropertySymbol:
                        builder.Properties[symbol] = new Hook(hookName, "callback", kind);
                        break;
                    case IMethodSymbol when entry.Text == Override:
                        builder.Overrides[symbol] = new Hook(hookName, "override", kind);
                        break;
                    case IMethodSymbol when entry.Text is null || ArgumentCondition.TryParse(entry.Text, out _):
                        ArgumentCondition.TryParse(entry.Text, out var condition);
                        var noun = kind == HookKind.Failure ? "continuation that runs only when the task fails or is canceled" : "callback";
                        builder.Calls[symbol] = (new Hook(hookName, noun, kind), condition);
                        break;
                }
            }
        }
    }

    private static void AddMembers(SymbolResolver resolver, CatalogueSection section, HashSet<ISymbol> members, CancellationToken cancellationToken)
    {
        foreach (var entry in section.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var symbol in resolver.Resolve(entry))
            {
                if (symbol is IMethodSymbol)
                {
                    members.Add(symbol);
                }
            }
        }
    }

    private static void AddArgumentConditionalMembers(SymbolResolver resolver, CatalogueSection section, Dictionary<ISymbol, ArgumentCondition> members, CancellationToken cancellationToken)
    {
        foreach (var entry in section.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ArgumentCondition.TryParse(entry.Text, out var condition))
            {
                continue;
            }

            foreach (var symbol in resolver.Resolve(entry))
            {
                if (symbol is IMethodSymbol)
                {
                    members[symbol] = condition;
                }
            }
        }
    }

    private static void AddLogSinks(SymbolResolver resolver, CatalogueSection section, Builder builder, CancellationToken cancellationToken)
    {
        foreach (var entry in section.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var symbol in resolver.Resolve(entry))
            {
                switch (symbol)
                {
                    case IMethodSymbol:
                        builder.LogSinks.Add(symbol);
                        break;
                    case INamedTypeSymbol type when entry.Text is { Length: > 0 } member:
                        builder.LogSinkTypes.Add((type, member));
                        break;
                }
            }
        }
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

        return call.Condition.Holds(invocation) ? call.Hook : null;
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

    private sealed class Builder
    {
        public Dictionary<ISymbol, Hook> Events { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, Hook> Properties { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, (Hook, ArgumentCondition)> Calls { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, Hook> Overrides { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<string, Hook> Unbound { get; } = new(StringComparer.Ordinal);

        public HashSet<ISymbol> QueueWrites { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<ISymbol> QueueReads { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, ArgumentCondition> ErrorLogging { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<ISymbol> LogSinks { get; } = new(SymbolEqualityComparer.Default);

        public List<(INamedTypeSymbol, string)> LogSinkTypes { get; } = new();
    }
}
