using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>A point where a function talks to the network, or hands data to a telemetry SDK that sends it.</summary>
internal readonly struct Sink
{
    public Sink(IOperation operation, ISymbol member, EgressApi? api, TelemetryService? service, TelemetryRole role, bool isErrorLog = false)
    {
        IsErrorLog = isErrorLog;
        Operation = operation;
        Member = member;
        Api = api;
        Service = service;
        Role = role;
    }

    /// <summary>The call, creation or assignment: where a diagnostic about the sink points.</summary>
    public IOperation Operation { get; }

    public ISymbol Member { get; }

    /// <summary>The network API, for egress; null for an SDK call.</summary>
    public EgressApi? Api { get; }

    /// <summary>The telemetry service, for an SDK call; null for egress.</summary>
    public TelemetryService? Service { get; }

    /// <summary>For an SDK call: <see cref="TelemetryRole.Send"/> or <see cref="TelemetryRole.Capture"/>.</summary>
    public TelemetryRole Role { get; }

    /// <summary>
    /// A call that logs an error (<c>LogError</c>, <c>Log.Fatal</c>): it sends only where the compilation registers a
    /// network log sink. Neither <see cref="Api"/> nor <see cref="Service"/> is set.
    /// </summary>
    public bool IsErrorLog { get; }
}

/// <summary>A method a function calls or refers to, and whether the call is dispatched (virtual or through an interface).</summary>
internal readonly struct Call
{
    public Call(IMethodSymbol target, bool dispatched, ITypeSymbol? receiverType = null)
    {
        Target = target;
        Dispatched = dispatched;
        ReceiverType = receiverType;
    }

    /// <summary>For a dispatched call, the static type of the receiver: only implementations in types of that type run.</summary>
    public ITypeSymbol? ReceiverType { get; }

    /// <summary>The original definition of the method (an accessor for a property use, a constructor for a creation).</summary>
    public IMethodSymbol Target { get; }

    public bool Dispatched { get; }
}

/// <summary>
/// A delegate a function passes to a product method's delegate parameter (a lambda, a method group, a variable): it runs
/// when the method runs that parameter (see <see cref="CallGraph.RunsParameter"/>), not merely because it was written.
/// </summary>
internal readonly struct ArgumentValue
{
    public ArgumentValue(IMethodSymbol target, int ordinal, Callable value)
    {
        Target = target;
        Ordinal = ordinal;
        Value = value;
    }

    public IMethodSymbol Target { get; }

    public int Ordinal { get; }

    public Callable Value { get; }
}

/// <summary>
/// What one function (a method, accessor, constructor, local function or lambda) does, as far as reach from a hook
/// needs: where it sends, what it calls, which delegates it runs. Lambdas inside the function count as the function
/// (a lambda given to <c>Task.Run</c> runs when the code that made it does, as far as a static analysis can tell),
/// except those it attaches to an event (they run when the event fires), stores in a variable (they run where the
/// variable's delegate is run) or passes to a product method (they run where that method runs its parameter); local
/// functions are functions of their own, reached by their calls.
/// </summary>
internal sealed class FunctionSummary
{
    public static readonly FunctionSummary Empty = new(ImmutableArray<Sink>.Empty, ImmutableArray<Call>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableArray<ArgumentValue>.Empty, null);

    public FunctionSummary(ImmutableArray<Sink> sinks, ImmutableArray<Call> calls, ImmutableArray<ISymbol> delegateReads, ImmutableArray<ISymbol> queueWrites, ImmutableArray<ArgumentValue> arguments, SyntaxTree? tree)
    {
        Arguments = arguments;
        QueueWrites = queueWrites;
        Sinks = sinks;
        Calls = calls;
        DelegateReads = delegateReads;
        Tree = tree;
    }

    /// <summary>Egress and SDK sends, in the order the body has them.</summary>
    public ImmutableArray<Sink> Sinks { get; }

    /// <summary>Every method called or referred to (in the product or not), once each, in the order of the body.</summary>
    public ImmutableArray<Call> Calls { get; }

    /// <summary>
    /// Fields, properties, events, parameters and locals holding a delegate that the function invokes, or hands to a
    /// method outside the product (which runs it: <c>Task.Run(_work)</c>).
    /// </summary>
    public ImmutableArray<ISymbol> DelegateReads { get; }

    /// <summary>Delegates the function passes to product methods' delegate parameters.</summary>
    public ImmutableArray<ArgumentValue> Arguments { get; }

    /// <summary>The fields, properties, parameters and locals holding a queue (a channel, a blocking collection) the function writes into.</summary>
    public ImmutableArray<ISymbol> QueueWrites { get; }

    /// <summary>The file of the body, whose options apply to it; null for a function without one.</summary>
    public SyntaxTree? Tree { get; }
}

/// <summary>
/// Function summaries for one compilation, each computed once (on demand, from the declaring file's model) and
/// cached by the function's original definition; and the product's implementations of each virtual and interface
/// method, indexed once when a dispatched call first asks.
/// </summary>
internal sealed class CallGraph
{
    private readonly Compilation _compilation;
    private readonly EgressTable _egress;
    private readonly TelemetryMatcher _telemetry;
    private readonly HookTable _hooks;
    private readonly EndpointResolver _endpoints;
    private readonly EndpointForwarders _forwarders;
    private readonly ConcurrentDictionary<ISymbol, FunctionSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol, int), bool> _runsParameter = new(new MethodOrdinalComparer());
    private Dictionary<ISymbol, List<IMethodSymbol>>? _implementations;

    public CallGraph(Compilation compilation, EgressTable egress, TelemetryMatcher telemetry, HookTable hooks, EndpointResolver endpoints, EndpointForwarders forwarders)
    {
        _endpoints = endpoints;
        _forwarders = forwarders;
        _hooks = hooks;
        _compilation = compilation;
        _egress = egress;
        _telemetry = telemetry;
    }

    /// <summary>Network egress, or a URL with run-time data that a process start opens in the browser (see <see cref="BrowserUrl"/>).</summary>
    public bool Sends(EgressSite site, CancellationToken cancellationToken) =>
        site.IsEgress
        || (site.Api.Kind == EgressKind.Open && BrowserUrl.CarriesRunTimeData(site.Endpoint, _endpoints, cancellationToken, out _, out _));

    /// <summary>
    /// The sites of a call of a product method that opens, in the browser, a URL with run-time data it is given
    /// (<c>OpenInBrowser("https://example.com/report?e=" + error)</c>); empty for most calls.
    /// </summary>
    public IEnumerable<EgressSite> BrowserReportsOf(IOperation call, CancellationToken cancellationToken)
    {
        foreach (var site in _forwarders.Classify(call, _endpoints, cancellationToken))
        {
            if (site.Api.Kind == EgressKind.Open && Sends(site, cancellationToken))
            {
                yield return site;
            }
        }
    }

    /// <summary>The member is declared in the product's source (so it has a body to follow, or overrides to find).</summary>
    public bool IsInSource(ISymbol member) =>
        SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly);

    /// <summary>The symbol of a lambda or local function operation; null for anything else.</summary>
    public static IMethodSymbol? FunctionSymbolOf(IOperation? function) => function switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol,
        ILocalFunctionOperation local => local.Symbol,
        _ => null,
    };

    /// <summary>The summary of a product method (the implementing part of a partial method); empty for one without a body.</summary>
    public FunctionSummary Summarize(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (_summaries.TryGetValue(method, out var summary))
        {
            return summary;
        }

        var builder = new Builder(this, cancellationToken);
        foreach (var body in MethodBodies.Of(_compilation, method, cancellationToken))
        {
            builder.Walk(body);
        }

        return _summaries.GetOrAdd(method, builder.ToSummary());
    }

    /// <summary>The summary of a lambda or local function, from its operation.</summary>
    public FunctionSummary Summarize(IOperation function, CancellationToken cancellationToken)
    {
        var symbol = FunctionSymbolOf(function);

        if (symbol is not null && _summaries.TryGetValue(symbol, out var summary))
        {
            return summary;
        }

        var builder = new Builder(this, cancellationToken);
        builder.Walk(function);
        var result = builder.ToSummary();
        return symbol is null ? result : _summaries.GetOrAdd(symbol, result);
    }

    /// <summary>The product's overrides and implementations of a virtual, abstract or interface method.</summary>
    public IEnumerable<IMethodSymbol> ImplementationsOf(IMethodSymbol method, ITypeSymbol? receiverType, CancellationToken cancellationToken)
    {
        var index = _implementations ?? Interlocked.CompareExchange(ref _implementations, IndexImplementations(cancellationToken), null) ?? _implementations!;
        if (!index.TryGetValue(method.OriginalDefinition, out var implementations))
        {
            yield break;
        }

        foreach (var implementation in implementations)
        {
            // IDisposable.Dispose called on an IExplorerWindow runs the Dispose of IExplorerWindow's implementations only.
            if (receiverType is null or { SpecialType: SpecialType.System_Object } || IsOfType(implementation.ContainingType, receiverType))
            {
                yield return implementation;
            }
        }
    }

    /// <summary>
    /// Whether the method runs the delegate its parameter <paramref name="ordinal"/> receives: it invokes it, stores it,
    /// hands it to code outside the product, or passes it on to a product method that runs it. Memoised; a cycle of
    /// methods passing the delegate round counts as not running it. A method without a body here (metadata, extern)
    /// runs it; an abstract one does when any of the product's implementations does.
    /// </summary>
    public bool RunsParameter(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (!IsInSource(method) || method.IsExtern)
        {
            return true;
        }

        var key = (method, ordinal);
        if (_runsParameter.TryGetValue(key, out var known))
        {
            return known;
        }

        // Provisionally false: a method reached again while it is being decided passes the delegate round in a cycle.
        _runsParameter.TryAdd(key, false);
        var runs = Decide();
        _runsParameter[key] = runs;
        return runs;

        bool Decide()
        {
            if (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in ImplementationsOf(method, null, cancellationToken))
                {
                    if (RunsParameter(implementation, ordinal, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (ordinal >= method.Parameters.Length)
            {
                return false;
            }

            var parameter = method.Parameters[ordinal].OriginalDefinition;
            var summary = Summarize(method, cancellationToken);
            foreach (var read in summary.DelegateReads)
            {
                if (SymbolEqualityComparer.Default.Equals(read, parameter))
                {
                    return true;
                }
            }

            foreach (var argument in summary.Arguments)
            {
                if (argument.Value.Variable is { } variable
                    && SymbolEqualityComparer.Default.Equals(variable, parameter)
                    && RunsParameter(argument.Target, argument.Ordinal, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsOfType(INamedTypeSymbol? type, ITypeSymbol receiverType)
    {
        var wanted = receiverType.OriginalDefinition;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, wanted))
            {
                return true;
            }
        }

        if (type is not null && receiverType.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, wanted))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Dictionary<ISymbol, List<IMethodSymbol>> IndexImplementations(CancellationToken cancellationToken)
    {
        var index = new Dictionary<ISymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        var namespaces = new Stack<INamespaceOrTypeSymbol>();
        namespaces.Push(_compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var container = namespaces.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    namespaces.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)container;
            foreach (var nested in type.GetTypeMembers())
            {
                namespaces.Push(nested);
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method)
                {
                    for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        Add(overridden, method);
                    }
                }
            }

            if (type.TypeKind is TypeKind.Interface)
            {
                continue;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var member in implemented.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false } interfaceMethod
                        && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                        && IsInSource(implementation))
                    {
                        Add(interfaceMethod, implementation);
                    }
                }
            }
        }

        return index;

        void Add(IMethodSymbol declared, IMethodSymbol implementation)
        {
            var key = declared.OriginalDefinition;
            if (!index.TryGetValue(key, out var list))
            {
                index.Add(key, list = new List<IMethodSymbol>());
            }

            var definition = implementation.OriginalDefinition;
            if (!list.Exists(existing => SymbolEqualityComparer.Default.Equals(existing, definition)))
            {
                list.Add(definition);
            }
        }
    }

    /// <summary>The variable whose delegate an operation reads: a field, property, event, parameter or local; null for anything else.</summary>
    public static ISymbol? DelegateVariable(IOperation? operation)
    {
        operation = Unwrap(operation);
        if (operation is IConditionalAccessInstanceOperation instance)
        {
            for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    operation = Unwrap(access.Operation);
                    break;
                }
            }
        }

        if (operation?.Type is not { TypeKind: TypeKind.Delegate })
        {
            return null;
        }

        return operation switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            IEventReferenceOperation @event => @event.Event.OriginalDefinition,
            IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }

    /// <summary>
    /// The variable that holds the queue a write or read goes to: the field, property, parameter or local under the
    /// property accesses of the receiver (<c>_reports</c> in <c>_reports.Writer.TryWrite(x)</c>); null for anything else.
    /// </summary>
    public static ISymbol? QueueVariable(IOperation? receiver)
    {
        receiver = Unwrap(receiver);
        while (receiver is IPropertyReferenceOperation { Instance: { } instance, Property.IsStatic: false })
        {
            receiver = Unwrap(instance);
        }

        return receiver switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }

    /// <summary>The value without the conversions and parentheses around it.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>
    /// The lambda or method group does not run where it is written: it is attached to an event, stored in a delegate
    /// variable (<c>_onCrash = Send</c>, <c>var f = () => ...</c>), or passed to a product method's delegate parameter.
    /// </summary>
    private bool IsDeferred(IOperation function) => ValueUser(function) switch
    {
        IEventAssignmentOperation or ICompoundAssignmentOperation { Target: IInvalidOperation } => true,
        IAssignmentOperation assignment => DelegateVariable(assignment.Target) is not null,
        IVariableInitializerOperation => true,
        // Given to a product method: runs where it runs the parameter. Given to a library method as an item, not a
        // callback (List<Action>.Remove(T)): not run here.
        IArgumentOperation { Parent: var call, Parameter: { Type.TypeKind: TypeKind.Delegate } parameter } =>
            (EgressClassifier.CallOf(call!).Method is { } method && IsInSource(method)) || parameter.OriginalDefinition.Type.TypeKind != TypeKind.Delegate,
        _ => false,
    };

    /// <summary>The operation that uses a value, past the conversions, delegate creations and parentheses around it.</summary>
    private static IOperation? ValueUser(IOperation value)
    {
        var parent = value.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private sealed class MethodOrdinalComparer : IEqualityComparer<(IMethodSymbol Method, int Ordinal)>
    {
        public bool Equals((IMethodSymbol Method, int Ordinal) x, (IMethodSymbol Method, int Ordinal) y) =>
            x.Ordinal == y.Ordinal && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Ordinal) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Ordinal;
    }

    private sealed class Builder
    {
        private readonly CallGraph _graph;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<Sink>.Builder _sinks = ImmutableArray.CreateBuilder<Sink>();
        private readonly List<Call> _calls = new();
        private readonly HashSet<ISymbol> _called = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _reads = new();
        private readonly HashSet<ISymbol> _read = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _queueWrites = new();
        private readonly List<ArgumentValue> _arguments = new();
        private SyntaxTree? _tree;

        public Builder(CallGraph graph, CancellationToken cancellationToken)
        {
            _graph = graph;
            _cancellationToken = cancellationToken;
        }

        public FunctionSummary ToSummary() =>
            _sinks.Count == 0 && _calls.Count == 0 && _reads.Count == 0 && _queueWrites.Count == 0 && _arguments.Count == 0 && _tree is null
                ? FunctionSummary.Empty
                : new FunctionSummary(_sinks.ToImmutable(), _calls.ToImmutableArray(), _reads.ToImmutableArray(), _queueWrites.ToImmutableArray(), _arguments.ToImmutableArray(), _tree);

        /// <summary>Every operation under <paramref name="root"/>, in source order.</summary>
        public void Walk(IOperation root)
        {
            _tree ??= root.Syntax.SyntaxTree;

            // A local function runs when it is called (its calls are edges); an attached handler when its event fires;
            // a stored or passed lambda where its delegate is run.
            foreach (var operation in OperationWalk.Descendants(root, o => o is ILocalFunctionOperation || (o is IAnonymousFunctionOperation && _graph.IsDeferred(o))))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Visit(operation);
            }
        }

        private void Visit(IOperation operation)
        {
            // A delegate parameter stored in a field or attached to an event runs later: the method runs its parameter.
            // Removing it (-=) does not.
            var stored = operation switch
            {
                ISimpleAssignmentOperation assigned => assigned.Value,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } added => added.Value,
                IEventAssignmentOperation { Adds: true } attached => attached.HandlerValue,
                _ => null,
            };
            if (stored is not null && DelegateVariable(stored) is IParameterSymbol parameter)
            {
                AddRead(parameter);
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (!TryAddSink(invocation, invocation.TargetMethod))
                    {
                        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
                        {
                            AddRead(DelegateVariable(invocation.Instance));
                        }
                        else
                        {
                            AddCall(invocation.TargetMethod, invocation.IsVirtual && IsDispatchable(invocation.TargetMethod), invocation.Instance?.Type);
                            if (_graph._hooks.IsErrorLogging(invocation))
                            {
                                _sinks.Add(new Sink(invocation, invocation.TargetMethod, null, null, TelemetryRole.Send, isErrorLog: true));
                            }
                            else if (_graph._hooks.IsQueueWrite(invocation.TargetMethod) && QueueVariable(invocation.Instance) is { } queue && !_queueWrites.Contains(queue, SymbolEqualityComparer.Default))
                            {
                                _queueWrites.Add(queue);
                            }
                        }
                    }

                    AddDelegateArguments(invocation.TargetMethod, invocation.Arguments);
                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    if (!TryAddSink(creation, constructor))
                    {
                        AddCall(constructor, dispatched: false);
                    }

                    AddDelegateArguments(constructor, creation.Arguments);
                    break;

                case IMethodReferenceOperation reference:
                    if (!TryAddSink(reference, reference.Method) && !_graph.IsDeferred(reference))
                    {
                        AddCall(reference.Method, reference.IsVirtual && IsDispatchable(reference.Method), reference.Instance?.Type);
                    }

                    break;

                case IPropertyReferenceOperation property:
                    var isWritten = operation.Parent is IAssignmentOperation written && written.Target == operation;
                    var accessor = isWritten ? property.Property.SetMethod : property.Property.GetMethod;
                    if (accessor is not null)
                    {
                        var dispatched = property.Instance is not (null or IInstanceReferenceOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax })
                            && IsDispatchable(accessor);
                        AddCall(accessor, dispatched, property.Instance?.Type);
                    }

                    break;

                case IAssignmentOperation { Target: IPropertyReferenceOperation } assignment:
                    if (EgressClassifier.TryClassify(assignment, _graph._egress, out var site) && Sends(site))
                    {
                        _sinks.Add(new Sink(assignment, site.Member, site.Api, null, TelemetryRole.Send));
                    }

                    break;

                case IInvalidOperation invalid:
                    if (EgressClassifier.TryClassifyCandidates(invalid, _graph._egress, _cancellationToken, out var candidateSite) && candidateSite.IsEgress)
                    {
                        _sinks.Add(new Sink(invalid, candidateSite.Member, candidateSite.Api, null, TelemetryRole.Send));
                        break;
                    }

                    // The overload the call most likely means, not every candidate: a wrong one would lead anywhere.
                    var candidates = UnboundCalls.CandidatesOf(invalid, _cancellationToken);
                    if (!candidates.IsEmpty && UnboundCalls.BestCandidate(invalid, candidates) is IMethodSymbol method)
                    {
                        AddCall(method, dispatched: false);
                    }

                    break;
            }
        }

        /// <summary>Egress, or a call of a telemetry SDK member that sends or captures.</summary>
        private bool TryAddSink(IOperation operation, IMethodSymbol method)
        {
            if (EgressClassifier.TryClassify(operation, _graph._egress, out var site))
            {
                if (Sends(site))
                {
                    _sinks.Add(new Sink(operation, site.Member, site.Api, null, TelemetryRole.Send));
                }

                return true;
            }

            // OpenInBrowser("https://example.com/report?e=" + error): the helper opens what it is given, the call says what.
            if (_graph.IsInSource(method))
            {
                foreach (var forwarded in _graph.BrowserReportsOf(operation, _cancellationToken))
                {
                    _sinks.Add(new Sink(operation, forwarded.Via ?? method, forwarded.Api, null, TelemetryRole.Send));
                    break;
                }
            }

            if (_graph._telemetry.HasSdkSymbols && _graph._telemetry.Match(method) is { } service)
            {
                var role = _graph._telemetry.RoleOf(method, service);
                if (role is TelemetryRole.Send or TelemetryRole.Capture && !IsInsideCallOf(operation, service))
                {
                    _sinks.Add(new Sink(operation, method, null, service, role));
                }

                return true;
            }

            return false;
        }

        private bool Sends(EgressSite site) => _graph.Sends(site, _cancellationToken);

        /// <summary>
        /// <c>CaptureException(ex, scope => scope.SetTag(...))</c>: the scope's calls belong to the capture that runs
        /// the callback, one finding, as NT0001 counts them.
        /// </summary>
        private bool IsInsideCallOf(IOperation operation, TelemetryService service)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda
                    && ValueUser(lambda) is IArgumentOperation { Parent: { } call }
                    && EgressClassifier.CallOf(call).Method is { } method
                    && _graph._telemetry.Match(method) == service)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Delegates given to a product method are recorded, to run when that method runs the parameter; a delegate
        /// variable given to a method outside the product is run by it (<c>Task.Run(_work)</c>, <c>new Thread(start)</c>).
        /// </summary>
        private void AddDelegateArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            var inSource = _graph.IsInSource(method);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { Type.TypeKind: TypeKind.Delegate } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (!inSource)
                {
                    // Task.Run(Action) takes a callback; List<Action>.Remove(T) takes an item that happens to be a delegate.
                    if (parameter.OriginalDefinition.Type.TypeKind == TypeKind.Delegate)
                    {
                        AddRead(DelegateVariable(argument.Value));
                    }

                    continue;
                }

                var target = (method.ReducedFrom ?? method).OriginalDefinition;
                var ordinal = method.ReducedFrom is not null ? parameter.Ordinal + 1 : parameter.Ordinal;
                foreach (var value in Callable.Of(argument.Value, _cancellationToken))
                {
                    _arguments.Add(new ArgumentValue(target, ordinal, value));
                }
            }
        }

        private void AddCall(IMethodSymbol method, bool dispatched, ITypeSymbol? receiverType = null)
        {
            var target = method.ReducedFrom ?? method;
            target = target.OriginalDefinition;
            if (_called.Add(target))
            {
                _calls.Add(new Call(target, dispatched, dispatched ? receiverType : null));
            }
        }

        private void AddRead(ISymbol? variable)
        {
            if (variable is not null && _read.Add(variable))
            {
                _reads.Add(variable);
            }
        }

        /// <summary>
        /// A call that may run an override or implementation in the product. Object's own virtuals are left out: every
        /// <c>ToString()</c> would otherwise reach every override the product has.
        /// </summary>
        private static bool IsDispatchable(IMethodSymbol method) =>
            (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface)
            && !method.IsSealed
            && method.ContainingType?.SpecialType != SpecialType.System_Object
            && !(method.IsOverride && IsObjectMember(method));

        private static bool IsObjectMember(IMethodSymbol method)
        {
            var root = method;
            while (root.OverriddenMethod is { } overridden)
            {
                root = overridden;
            }

            return root.ContainingType?.SpecialType == SpecialType.System_Object;
        }
    }
}
