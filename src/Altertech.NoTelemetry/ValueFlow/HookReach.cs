using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>
/// Something a delegate can run: a product method, a lambda or local function (known by its operation), or a
/// variable that holds a delegate (a field, property, event, parameter or local), whose own values are looked up.
/// </summary>
internal readonly struct Callable
{
    private Callable(IMethodSymbol? method, IOperation? function, ISymbol? variable, Location location)
    {
        Method = method;
        Function = function;
        Variable = variable;
        Location = location;
    }

    public IMethodSymbol? Method { get; }

    /// <summary>A lambda (<see cref="IAnonymousFunctionOperation"/>) or local function (<see cref="ILocalFunctionOperation"/>).</summary>
    public IOperation? Function { get; }

    public ISymbol? Variable { get; }

    /// <summary>Where the value is written: the order in which a variable's values are tried.</summary>
    public Location Location { get; }

    /// <summary>The function's identity: a method's original definition, a lambda's or local function's symbol.</summary>
    public ISymbol? FunctionSymbol => CallGraph.FunctionSymbolOf(Function) ?? Method;

    /// <summary>The function a lambda or local function operation is.</summary>
    public static Callable ForFunction(IOperation function) => new(null, function, null, function.Syntax.GetLocation());

    public static Callable ForMethod(IMethodSymbol method) => new(method.OriginalDefinition, null, null, method.Locations.FirstOrDefault() ?? Location.None);

    /// <summary>
    /// What a delegate value can run: a lambda, a method group (also one that does not bind, by its candidates), a
    /// delegate creation around either, a variable, or each side of <c>?:</c> and <c>??</c>.
    /// </summary>
    public static IEnumerable<Callable> Of(IOperation? value, CancellationToken cancellationToken)
    {
        var pending = new Stack<IOperation?>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var current = CallGraph.Unwrap(pending.Pop());
            if (current is IDelegateCreationOperation creation)
            {
                current = CallGraph.Unwrap(creation.Target);
            }

            switch (current)
            {
                case null:
                    break;
                case IAnonymousFunctionOperation lambda:
                    yield return new Callable(null, lambda, null, lambda.Syntax.GetLocation());
                    break;
                case IMethodReferenceOperation reference:
                    yield return new Callable((reference.Method.ReducedFrom ?? reference.Method).OriginalDefinition, null, null, reference.Syntax.GetLocation());
                    break;
                case IConditionalOperation conditional:
                    pending.Push(conditional.WhenFalse);
                    pending.Push(conditional.WhenTrue);
                    break;
                case ICoalesceOperation coalesce:
                    pending.Push(coalesce.WhenNull);
                    pending.Push(coalesce.Value);
                    break;
                case { Kind: OperationKind.None or OperationKind.Invalid, SemanticModel: { } model }:
                    // A method group whose delegate type does not bind (a UI framework the analysis cannot see).
                    foreach (var candidate in model.GetSymbolInfo(current.Syntax, cancellationToken).CandidateSymbols)
                    {
                        if (candidate is IMethodSymbol method)
                        {
                            yield return new Callable(method.OriginalDefinition, null, null, current.Syntax.GetLocation());
                            break;
                        }
                    }

                    break;
                default:
                    if (CallGraph.DelegateVariable(current) is { } variable)
                    {
                        yield return new Callable(null, null, variable, current.Syntax.GetLocation());
                    }

                    break;
            }
        }
    }
}

/// <summary>
/// The delegates written to each delegate-holding variable of the compilation (fields, properties, the product's own
/// events, method parameters, locals), collected while the operations are analysed: flow-insensitive, so a delegate
/// stored anywhere is a delegate the variable may run.
/// </summary>
internal sealed class DelegateIndex
{
    private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<Callable>> _values = new(SymbolEqualityComparer.Default);

    /// <summary>Adds a function (a queue's reader) under a variable (the queue).</summary>
    public void Add(ISymbol variable, Callable callable) =>
        _values.GetOrAdd(variable, _ => new ConcurrentQueue<Callable>()).Enqueue(callable);

    public void Add(ISymbol variable, IOperation value, CancellationToken cancellationToken)
    {
        foreach (var callable in Callable.Of(value, cancellationToken))
        {
            if (callable.Variable is { } alias && SymbolEqualityComparer.Default.Equals(alias, variable))
            {
                continue;
            }

            _values.GetOrAdd(variable, _ => new ConcurrentQueue<Callable>()).Enqueue(callable);
        }
    }

    /// <summary>The values written to <paramref name="variable"/>, in source order (whichever thread collected them).</summary>
    public IEnumerable<Callable> ValuesOf(ISymbol variable) =>
        _values.TryGetValue(variable, out var values)
            ? values.OrderBy(v => v.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(v => v.Location.SourceSpan.Start)
            : Enumerable.Empty<Callable>();
}

/// <summary>A handler attached to a hook, and where it is attached.</summary>
internal readonly struct HookRoot
{
    public HookRoot(Hook hook, Callable handler, Location location, ISymbol? context = null)
    {
        Context = context;
        Hook = hook;
        Handler = handler;
        Location = location;
    }

    public Hook Hook { get; }

    public Callable Handler { get; }

    public Location Location { get; }

    /// <summary>
    /// The member that attaches the handler. A delegate the handler runs from one of its parameters is what its callers
    /// pass (<c>CrashHooks.OnCrash(ex => Upload(ex))</c>, where <c>OnCrash</c> does the <c>+=</c>).
    /// </summary>
    public ISymbol? Context { get; }
}

/// <summary>A sink reached from a hook: the hook, and the functions from its handler to the one with the sink.</summary>
internal readonly struct ReachFinding
{
    public ReachFinding(Sink sink, HookRoot root, ImmutableArray<ISymbol> path)
    {
        Sink = sink;
        Root = root;
        Path = path;
    }

    public Sink Sink { get; }

    public HookRoot Root { get; }

    /// <summary>Functions (methods, accessors, constructors, local functions, lambdas), the handler first.</summary>
    public ImmutableArray<ISymbol> Path { get; }
}

/// <summary>
/// Which sinks each hook's handlers reach: one breadth-first walk from every root at once over the function
/// summaries, so that each function is summarised and expanded once (linear in the code reached), each sink is
/// found by the shortest path from the first root (in source order) that reaches it, and the result does not depend
/// on the order the analyzers met the code in. Calls go to product methods, to the product's overrides and
/// implementations of dispatched calls, and to the delegates stored in the variables a function runs; a function
/// that asks for consent (the predicate <c>asksConsent</c> of <see cref="Find"/>) is where the walk stops.
/// </summary>
internal static class HookReach
{
    public static List<ReachFinding> Find(
        CallGraph graph,
        DelegateIndex delegates,
        DelegateIndex queueReaders,
        IReadOnlyList<HookRoot> roots,
        Func<ISymbol, FunctionSummary, bool> asksConsent,
        int maxDepth,
        CancellationToken cancellationToken)
    {
        var findings = new List<ReachFinding>();
        var nodes = new List<Node>();
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var reported = new HashSet<(SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan)>();
        var queue = new Queue<int>();
        var contexts = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var root in roots)
        {
            if (root.Context is { } context)
            {
                contexts.Add(context);
            }
        }

        for (var r = 0; r < roots.Count; r++)
        {
            EnqueueCallable(roots[r].Handler, parent: -1, depth: 1, root: r);
        }

        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = queue.Dequeue();
            var node = nodes[index];
            var summary = node.Function is not null ? graph.Summarize(node.Function, cancellationToken) : graph.Summarize(node.Method!, cancellationToken);
            if (asksConsent(node.Symbol, summary))
            {
                continue;
            }

            foreach (var sink in summary.Sinks)
            {
                if (reported.Add((sink.Operation.Syntax.SyntaxTree, sink.Operation.Syntax.Span)))
                {
                    findings.Add(new ReachFinding(sink, roots[node.Root], PathTo(index)));
                }
            }

            if (node.Depth >= maxDepth)
            {
                continue;
            }

            foreach (var call in summary.Calls)
            {
                if (graph.IsInSource(call.Target) && !call.Target.IsAbstract)
                {
                    Enqueue(call.Target, null, index, node.Depth + 1, node.Root);
                }

                if (call.Dispatched)
                {
                    foreach (var implementation in graph.ImplementationsOf(call.Target, call.ReceiverType, cancellationToken))
                    {
                        Enqueue(implementation, null, index, node.Depth + 1, node.Root);
                    }
                }
            }

            foreach (var argument in summary.Arguments)
            {
                // A lambda or method group given to a product method runs if that method runs the parameter.
                if (graph.RunsParameter(argument.Target, argument.Ordinal, cancellationToken))
                {
                    EnqueueCallable(argument.Value, index, node.Depth + 1, node.Root);
                }
            }

            foreach (var variable in summary.DelegateReads)
            {
                // A parameter's delegate is what the callers pass: a caller the walk reached gave it (see Arguments above);
                // for the member that attaches a handler, every caller of that member did.
                if (variable is not IParameterSymbol { ContainingSymbol: { } owner } || contexts.Contains(HookReach.DeclaringMember(owner)))
                {
                    EnqueueVariable(variable, index, node.Depth + 1, node.Root);
                }
            }

            foreach (var written in summary.QueueWrites)
            {
                foreach (var reader in queueReaders.ValuesOf(written))
                {
                    EnqueueCallable(reader, index, node.Depth + 1, node.Root);
                }
            }
        }

        return findings;

        void EnqueueCallable(Callable callable, int parent, int depth, int root)
        {
            if (callable.Variable is { } variable)
            {
                EnqueueVariable(variable, parent, depth, root);
            }
            else
            {
                Enqueue(callable.Method, callable.Function, parent, depth, root);
            }
        }

        void EnqueueVariable(ISymbol variable, int parent, int depth, int root)
        {
            // A variable's values may be other variables (a field set from a parameter): followed with their own guard.
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { variable };
            var pending = new Stack<ISymbol>();
            pending.Push(variable);
            while (pending.Count > 0)
            {
                foreach (var value in delegates.ValuesOf(pending.Pop()))
                {
                    if (value.Variable is { } alias)
                    {
                        if (seen.Add(alias))
                        {
                            pending.Push(alias);
                        }
                    }
                    else
                    {
                        Enqueue(value.Method, value.Function, parent, depth, root);
                    }
                }
            }
        }

        void Enqueue(IMethodSymbol? method, IOperation? function, int parent, int depth, int root)
        {
            var symbol = CallGraph.FunctionSymbolOf(function) ?? method?.PartialImplementationPart ?? method?.OriginalDefinition;

            if (symbol is null || !visited.Add(symbol))
            {
                return;
            }

            nodes.Add(new Node(symbol, function is null ? (IMethodSymbol)symbol : null, function, parent, depth, root));
            queue.Enqueue(nodes.Count - 1);
        }

        ImmutableArray<ISymbol> PathTo(int index)
        {
            var path = new List<ISymbol>();
            for (var current = index; current >= 0; current = nodes[current].Parent)
            {
                path.Add(nodes[current].Symbol);
            }

            path.Reverse();
            return path.ToImmutableArray();
        }
    }

    /// <summary>How a function is named in a path: <c>CrashReporter.Upload</c>, <c>lambda in Program.Main</c>, <c>top-level statements</c>.</summary>
    public static string Describe(ISymbol function)
    {
        if (function is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod })
        {
            return "lambda in " + Describe(DeclaringMember(function));
        }

        if (function is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
        {
            return Describe(function.ContainingSymbol) + "." + function.Name;
        }

        if (function is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName })
        {
            return "top-level statements";
        }

        return function is IMethodSymbol { AssociatedSymbol: IPropertySymbol property }
            ? DiagnosticLocations.Describe(property)
            : DiagnosticLocations.Describe(function);
    }

    /// <summary>The member a function is part of (a lambda's or local function's declaring member): what the chain names.</summary>
    public static ISymbol DeclaringMember(ISymbol function)
    {
        var current = function;
        while (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod or MethodKind.LocalFunction } && current.ContainingSymbol is { } containing)
        {
            current = containing;
        }

        return current;
    }

    private readonly struct Node
    {
        public Node(ISymbol symbol, IMethodSymbol? method, IOperation? function, int parent, int depth, int root)
        {
            Symbol = symbol;
            Method = method;
            Function = function;
            Parent = parent;
            Depth = depth;
            Root = root;
        }

        public ISymbol Symbol { get; }

        public IMethodSymbol? Method { get; }

        public IOperation? Function { get; }

        public int Parent { get; }

        public int Depth { get; }

        public int Root { get; }
    }
}
