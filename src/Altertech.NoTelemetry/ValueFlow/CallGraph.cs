using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    public Sink(IOperation operation, ISymbol member, EgressApi? api, TelemetryService? service, TelemetryRole role)
    {
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
}

/// <summary>A method a function calls or refers to, and whether the call is dispatched (virtual or through an interface).</summary>
internal readonly struct Call
{
    public Call(IMethodSymbol target, bool dispatched)
    {
        Target = target;
        Dispatched = dispatched;
    }

    /// <summary>The original definition of the method (an accessor for a property use, a constructor for a creation).</summary>
    public IMethodSymbol Target { get; }

    public bool Dispatched { get; }
}

/// <summary>
/// What one function (a method, accessor, constructor, local function or lambda) does, as far as reach from a hook
/// needs: where it sends, what it calls, which delegates it runs. Lambdas inside the function count as the function
/// (a lambda runs when the code that made it does, as far as a static analysis can tell), except event handlers it
/// attaches, which run when the event fires; local functions are functions of their own, reached by their calls.
/// </summary>
internal sealed class FunctionSummary
{
    public static readonly FunctionSummary Empty = new(ImmutableArray<Sink>.Empty, ImmutableArray<Call>.Empty, ImmutableArray<ISymbol>.Empty, null);

    public FunctionSummary(ImmutableArray<Sink> sinks, ImmutableArray<Call> calls, ImmutableArray<ISymbol> delegateReads, SyntaxTree? tree)
    {
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
    private readonly ConcurrentDictionary<ISymbol, FunctionSummary> _summaries = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, List<IMethodSymbol>>? _implementations;

    public CallGraph(Compilation compilation, EgressTable egress, TelemetryMatcher telemetry)
    {
        _compilation = compilation;
        _egress = egress;
        _telemetry = telemetry;
    }

    /// <summary>The method is declared in the product's source (so it has a body to follow, or overrides to find).</summary>
    public bool IsInSource(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

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
        var symbol = function switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            ILocalFunctionOperation local => local.Symbol,
            _ => null,
        };

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
    public IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var index = _implementations ?? Interlocked.CompareExchange(ref _implementations, IndexImplementations(cancellationToken), null) ?? _implementations!;
        return index.TryGetValue(method.OriginalDefinition, out var implementations) ? implementations : (IReadOnlyList<IMethodSymbol>)Array.Empty<IMethodSymbol>();
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

    /// <summary>The value without the conversions and parentheses around it.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>The lambda or method group is the handler a <c>+=</c> attaches to an event: it runs when the event fires.</summary>
    public static bool IsAttachedHandler(IOperation function)
    {
        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IEventAssignmentOperation
            || parent is ICompoundAssignmentOperation { Target: IInvalidOperation };
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
        private readonly List<IOperation> _children = new();
        private SyntaxTree? _tree;

        public Builder(CallGraph graph, CancellationToken cancellationToken)
        {
            _graph = graph;
            _cancellationToken = cancellationToken;
        }

        public FunctionSummary ToSummary() =>
            _sinks.Count == 0 && _calls.Count == 0 && _reads.Count == 0 && _tree is null
                ? FunctionSummary.Empty
                : new FunctionSummary(_sinks.ToImmutable(), _calls.ToImmutableArray(), _reads.ToImmutableArray(), _tree);

        /// <summary>Every operation under <paramref name="root"/>, depth first, without recursion (a body can be deep).</summary>
        public void Walk(IOperation root)
        {
            _tree ??= root.Syntax.SyntaxTree;
            var stack = new Stack<IOperation>();
            PushChildren(stack, root);
            while (stack.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop();
                if (operation is ILocalFunctionOperation
                    || (operation is IAnonymousFunctionOperation && IsAttachedHandler(operation)))
                {
                    // A local function runs when it is called (its calls are edges); an attached handler when its event fires.
                    continue;
                }

                Visit(operation);
                PushChildren(stack, operation);
            }
        }

        private void PushChildren(Stack<IOperation> stack, IOperation operation)
        {
            // Reversed, so that the body is visited in source order and the summary lists its parts in that order.
            _children.Clear();
            foreach (var child in operation.ChildOperations)
            {
                _children.Add(child);
            }

            for (var i = _children.Count - 1; i >= 0; i--)
            {
                stack.Push(_children[i]);
            }
        }

        private void Visit(IOperation operation)
        {
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
                            AddCall(invocation.TargetMethod, invocation.IsVirtual && IsDispatchable(invocation.TargetMethod));
                        }
                    }

                    AddHandedDelegates(invocation.TargetMethod, invocation.Arguments);
                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    if (!TryAddSink(creation, constructor))
                    {
                        AddCall(constructor, dispatched: false);
                    }

                    AddHandedDelegates(constructor, creation.Arguments);
                    break;

                case IMethodReferenceOperation reference:
                    if (!TryAddSink(reference, reference.Method) && !IsAttachedHandler(reference))
                    {
                        AddCall(reference.Method, reference.IsVirtual && IsDispatchable(reference.Method));
                    }

                    break;

                case IPropertyReferenceOperation property:
                    var isWritten = operation.Parent is IAssignmentOperation written && written.Target == operation;
                    var accessor = isWritten ? property.Property.SetMethod : property.Property.GetMethod;
                    if (accessor is not null)
                    {
                        var dispatched = property.Instance is not (null or IInstanceReferenceOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax })
                            && IsDispatchable(accessor);
                        AddCall(accessor, dispatched);
                    }

                    break;

                case IAssignmentOperation { Target: IPropertyReferenceOperation } assignment:
                    if (EgressClassifier.TryClassify(assignment, _graph._egress, out var site) && site.IsEgress)
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

                    foreach (var candidate in UnboundCalls.CandidatesOf(invalid, _cancellationToken))
                    {
                        if (candidate is IMethodSymbol method)
                        {
                            AddCall(method, dispatched: false);
                        }
                    }

                    break;
            }
        }

        /// <summary>Egress, or a call of a telemetry SDK member that sends or captures.</summary>
        private bool TryAddSink(IOperation operation, IMethodSymbol method)
        {
            if (EgressClassifier.TryClassify(operation, _graph._egress, out var site))
            {
                if (site.IsEgress)
                {
                    _sinks.Add(new Sink(operation, site.Member, site.Api, null, TelemetryRole.Send));
                }

                return true;
            }

            if (_graph._telemetry.HasSdkSymbols && _graph._telemetry.Match(method) is { } service)
            {
                var role = _graph._telemetry.RoleOf(method, service);
                if (role is TelemetryRole.Send or TelemetryRole.Capture)
                {
                    _sinks.Add(new Sink(operation, method, null, service, role));
                }

                return true;
            }

            return false;
        }

        /// <summary>A delegate variable given to a method outside the product is run by it (<c>Task.Run(_work)</c>, <c>new Thread(start)</c>).</summary>
        private void AddHandedDelegates(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            if (_graph.IsInSource(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
                {
                    AddRead(DelegateVariable(argument.Value));
                }
            }
        }

        private void AddCall(IMethodSymbol method, bool dispatched)
        {
            var target = method.ReducedFrom ?? method;
            target = target.OriginalDefinition;
            if (_called.Add(target))
            {
                _calls.Add(new Call(target, dispatched));
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
