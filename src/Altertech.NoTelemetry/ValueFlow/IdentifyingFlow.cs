using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>
/// What a value carries: an identifying source it is derived from (with the product members it came through and the
/// header it was written to), and which parameters of the method being summarised it is derived from.
/// </summary>
internal readonly struct Carried
{
    public static readonly Carried Nothing = default;

    public Carried(IdentifyingSource? source, ImmutableArray<ISymbol> via, string? header, ulong parameters)
    {
        Source = source;
        Via = via.IsDefault ? ImmutableArray<ISymbol>.Empty : via;
        Header = header;
        Parameters = parameters;
    }

    public IdentifyingSource? Source { get; }

    /// <summary>The product methods, fields and properties the source came through, outermost first.</summary>
    public ImmutableArray<ISymbol> Via { get; }

    /// <summary>The request header the value was written to (<c>x-install-id</c>), when it was.</summary>
    public string? Header { get; }

    /// <summary>Bit <c>i</c>: derived from parameter <c>i</c> of the method being summarised (the first 64).</summary>
    public ulong Parameters { get; }

    public bool IsEmpty => Source is null && Parameters == 0;

    public Carried Through(ISymbol member) => Source is null ? this : new Carried(Source, Via.Insert(0, member), Header, Parameters);

    public Carried WithHeader(string? header) => header is null || Header is not null ? this : new Carried(Source, Via, header, Parameters);

    /// <summary>
    /// The source reached through the fewest product members wins (the first in the walk among equals), so that the path
    /// named does not depend on what earlier questions cached; parameters accumulate.
    /// </summary>
    public Carried Union(Carried other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var keep = Source is not null && (other.Source is null || Via.Length <= other.Via.Length);
        return keep
            ? new Carried(Source, Via, Header, Parameters | other.Parameters)
            : new Carried(other.Source, other.Via, other.Header, Parameters | other.Parameters);
    }
}

/// <summary>
/// A parameter of a product method that reaches a network egress or a telemetry SDK call inside it (directly or through
/// further product methods): a caller that passes identifying data for it sends that data.
/// </summary>
internal readonly struct ParameterFlow
{
    public ParameterFlow(int ordinal, ISymbol api, string channel, ImmutableArray<ISymbol> chain)
    {
        Ordinal = ordinal;
        Api = api;
        Channel = channel;
        Chain = chain;
    }

    public int Ordinal { get; }

    /// <summary>The network API or SDK member that sends.</summary>
    public ISymbol Api { get; }

    /// <summary>Where in the request the value goes: <c>in the URL</c>, <c>in the content</c>, <c>in header x</c>.</summary>
    public string Channel { get; }

    /// <summary>The product methods the value goes through, from the one called to the one that calls <see cref="Api"/>.</summary>
    public ImmutableArray<ISymbol> Chain { get; }
}

/// <summary>
/// Follows identifying data (NT0005) through the product's code: structurally through every expression built from a
/// value (concatenation, interpolation, <c>string.Format</c>, calls, object, anonymous-type and collection
/// initializers, <c>new StringContent(...)</c>, <c>JsonSerializer.Serialize</c>, hashing), through locals (every value
/// written to the local in its member, including through its members and the calls made on it:
/// <c>builder.Append(x)</c>, <c>request.Headers.Add("x-id", x)</c>, <c>dto.Machine = x</c>), through the product's
/// fields and properties (what the declaring type writes to them) and method returns; and summarises which parameters
/// of a product method reach a sending call inside it. Values of type <c>bool</c> carry nothing (a comparison tells
/// little). Each member's result is cached once complete (see <see cref="Summarize"/> for cycles, depth and budget).
/// </summary>
internal sealed class IdentifyingFlow
{
    private const int StepBudget = 20000;
    private const int MaxDepth = 32;

    private readonly Compilation _compilation;
    private readonly IdentifyingSources _sources;
    private readonly EgressTable _egress;
    private readonly TelemetryMatcher _telemetry;
    private readonly int _maxChain;
    private readonly CallGraph _calls;
    private readonly ConcurrentDictionary<ISymbol, Carried> _returns = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Carried> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Carried> _objects = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, List<Write>> _memberWrites = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<MemberDeclarationSyntax>>> _namesInType = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Dictionary<ISymbol, List<Write>>> _declarationWrites = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ParameterFlow>> _flows = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, Dictionary<ISymbol, List<Write>>> _bodyWrites = new();

    public IdentifyingFlow(Compilation compilation, IdentifyingSources sources, EgressTable egress, TelemetryMatcher telemetry, CallGraph calls, int maxChain)
    {
        _calls = calls;
        _compilation = compilation;
        _sources = sources;
        _egress = egress;
        _telemetry = telemetry;
        _maxChain = maxChain;
    }

    public bool IsEmpty => _sources.IsEmpty;

    /// <summary>What <paramref name="value"/> carries, parameters of the member it is in not counted.</summary>
    public Carried Evaluate(IOperation value, CancellationToken cancellationToken) =>
        Evaluate(value, null, new Context(cancellationToken));

    /// <summary>The parameters of a product method that reach a sending call inside it, each with the first call it reaches.</summary>
    public ImmutableArray<ParameterFlow> FlowsOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        FlowsOf(method.PartialImplementationPart ?? method.OriginalDefinition, _maxChain, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken).Flows;

    /// <summary>
    /// Where a sending call's operand goes: the header it was written to, else the URL (an endpoint parameter), the host,
    /// the request, the client (its default headers), the content, or an SDK call's event data.
    /// </summary>
    public static string ChannelOf(Carried carried, EgressApi? api, IParameterSymbol? parameter, bool isReceiver)
    {
        if (carried.Header is { } header)
        {
            return "in header " + header;
        }

        if (isReceiver)
        {
            return "through its client";
        }

        if (api is null)
        {
            return "in the event data";
        }

        if (parameter is not null && api.EndpointParameters.Contains(parameter.Name))
        {
            return NetworkTypes.IsAddress(parameter.Type) || parameter.Name.IndexOf("host", System.StringComparison.OrdinalIgnoreCase) >= 0 ? "in the host name" : "in the URL";
        }

        return parameter?.Type is { Name: "HttpRequestMessage" } ? "in the request" : "in the content";
    }

    /// <summary>The operands of a sending call that can carry data: its arguments (not defaults) and its receiver.</summary>
    public static IEnumerable<(IOperation Value, IParameterSymbol? Parameter, bool IsReceiver)> OperandsOf(IOperation call)
    {
        var (instance, arguments) = call switch
        {
            IInvocationOperation invocation => (invocation.Instance, invocation.Arguments),
            IObjectCreationOperation creation => (null, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                yield return (argument.Value, argument.Parameter, false);
            }
        }

        if (instance is not null and not IInstanceReferenceOperation)
        {
            yield return (instance, null, true);
        }
    }

    /// <summary>
    /// The flows of <paramref name="method"/> through at most <paramref name="remaining"/> product methods below it. A
    /// result is cached only when it is the method's whole answer: explored to the full <c>max_call_chain</c>, or with
    /// nothing left unexplored, and not cut by a cycle; so every caller sees the same flows whichever asks first.
    /// </summary>
    private (ImmutableArray<ParameterFlow> Flows, bool Partial) FlowsOf(IMethodSymbol method, int remaining, HashSet<ISymbol> active, CancellationToken cancellationToken)
    {
        if (_flows.TryGetValue(method, out var known))
        {
            return (Trim(known, remaining), false);
        }

        if (!_calls.IsInSource(method) || method.Parameters.IsEmpty)
        {
            return (ImmutableArray<ParameterFlow>.Empty, false);
        }

        if (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            // IHttpClient.Post(request): what the product's implementations do with it.
            var dispatched = ImmutableArray.CreateBuilder<ParameterFlow>();
            var anyPartial = false;
            foreach (var implementation in _calls.ImplementationsOf(method, null, cancellationToken))
            {
                var (inner, innerPartial) = FlowsOf(implementation.PartialImplementationPart ?? implementation, remaining, active, cancellationToken);
                anyPartial |= innerPartial;
                foreach (var flow in inner)
                {
                    AddShortest(dispatched, flow);
                }
            }

            var all = dispatched.ToImmutable();
            if (!anyPartial)
            {
                _flows.TryAdd(method, all);
            }

            return (all, anyPartial);
        }

        if (!active.Add(method))
        {
            return (ImmutableArray<ParameterFlow>.Empty, true);
        }

        var truncated = false;
        var partial = false;
        var flows = ImmutableArray.CreateBuilder<ParameterFlow>();
        try
        {
            foreach (var body in MethodBodies.Of(_compilation, method, cancellationToken))
            {
                foreach (var operation in OperationWalk.Descendants(body))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (EgressClassifier.CallOf(operation).Method is not { } called)
                    {
                        continue;
                    }

                    if (EgressClassifier.TryClassify(operation, _egress, out var site))
                    {
                        if (_calls.Sends(site, cancellationToken))
                        {
                            AddFlows(operation, site.Member, site.Api);
                        }
                    }
                    else if (IsSdkSend(called))
                    {
                        AddFlows(operation, called, null);
                    }
                    else if (_calls.IsInSource(called) && !called.Parameters.IsEmpty)
                    {
                        if (remaining == 0)
                        {
                            truncated = true;
                            continue;
                        }

                        var (inner, innerPartial) = FlowsOf(called.PartialImplementationPart ?? called.OriginalDefinition, remaining - 1, active, cancellationToken);
                        partial |= innerPartial;
                        foreach (var flow in inner)
                        {
                            if (ArgumentFor(operation, flow.Ordinal) is { } argument)
                            {
                                foreach (var ordinal in Bits(Evaluate(argument, method, new Context(cancellationToken)).Parameters))
                                {
                                    Add(new ParameterFlow(ordinal, flow.Api, flow.Channel, flow.Chain.Insert(0, method)));
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            active.Remove(method);
        }

        var result = flows.ToImmutable();
        if (!partial && (remaining == _maxChain || !truncated))
        {
            _flows.TryAdd(method, result);
        }

        return (result, partial || truncated);

        void AddFlows(IOperation call, ISymbol api, EgressApi? egress)
        {
            foreach (var (value, parameter, isReceiver) in OperandsOf(call))
            {
                var carried = Evaluate(value, method, new Context(cancellationToken));
                foreach (var ordinal in Bits(carried.Parameters))
                {
                    Add(new ParameterFlow(ordinal, api, ChannelOf(carried, egress, parameter, isReceiver), ImmutableArray.Create<ISymbol>(method)));
                }
            }
        }

        void Add(ParameterFlow flow) => AddShortest(flows, flow);
    }

    /// <summary>One flow per parameter: the shortest chain (the first found among equals).</summary>
    private static void AddShortest(ImmutableArray<ParameterFlow>.Builder flows, ParameterFlow flow)
    {
        for (var i = 0; i < flows.Count; i++)
        {
            if (flows[i].Ordinal == flow.Ordinal)
            {
                if (flow.Chain.Length < flows[i].Chain.Length)
                {
                    flows[i] = flow;
                }

                return;
            }
        }

        flows.Add(flow);
    }

    /// <summary>A cached whole answer, as far as <paramref name="remaining"/> methods below reach.</summary>
    private static ImmutableArray<ParameterFlow> Trim(ImmutableArray<ParameterFlow> flows, int remaining)
    {
        foreach (var flow in flows)
        {
            if (flow.Chain.Length - 1 > remaining)
            {
                return flows.RemoveAll(f => f.Chain.Length - 1 > remaining);
            }
        }

        return flows;
    }

    /// <summary>A telemetry SDK member that sends or captures: what its arguments carry is sent.</summary>
    public bool IsSdkSend(IMethodSymbol method) =>
        _telemetry.HasSdkSymbols && _telemetry.Match(method) is { } service && _telemetry.RoleOf(method, service) is TelemetryRole.Send or TelemetryRole.Capture;

    private static IOperation? ArgumentFor(IOperation call, int ordinal)
    {
        foreach (var (value, parameter, isReceiver) in OperandsOf(call))
        {
            if (!isReceiver && parameter?.Ordinal == ordinal)
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<int> Bits(ulong parameters)
    {
        for (var i = 0; i < 64 && parameters != 0; i++, parameters >>= 1)
        {
            if ((parameters & 1) != 0)
            {
                yield return i;
            }
        }
    }

    /// <summary>
    /// What a value carries; parameters of <paramref name="method"/> (when given) are counted as bits. One walk of the
    /// value's operations, locals followed once each within this evaluation.
    /// </summary>
    private Carried Evaluate(IOperation value, IMethodSymbol? method, Context context)
    {
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var result = Carried.Nothing;
        var stack = new Stack<(IOperation Operation, string? Header)>();
        stack.Push((value, null));
        while (stack.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (++context.Steps > StepBudget)
            {
                context.Incomplete = true;
                break;
            }

            var (operation, header) = stack.Pop();
            if (operation.ConstantValue.HasValue
                || operation is ILocalFunctionOperation
                || (operation != value && operation.Type?.SpecialType == SpecialType.System_Boolean)
                || (operation is IArgumentOperation argument && _sources.IsScrubbed(argument)))
            {
                continue;
            }

            if (_sources.Match(operation) is { } source)
            {
                result = result.Union(new Carried(source, ImmutableArray<ISymbol>.Empty, header, 0));
                continue;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (locals.Add(local.Local))
                    {
                        foreach (var write in WritesOf(local, local.Local))
                        {
                            stack.Push((write.Value, write.Header ?? header));
                        }
                    }

                    continue;

                case IParameterReferenceOperation parameter:
                    if (method is not null
                        && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, method)
                        && parameter.Parameter.Ordinal < 64)
                    {
                        result = result.Union(new Carried(null, default, null, 1UL << parameter.Parameter.Ordinal));
                    }
                    else if (locals.Add(parameter.Parameter))
                    {
                        // A lambda's or local function's parameter, or one written in the body: what is written to it.
                        foreach (var write in WritesOf(parameter, parameter.Parameter))
                        {
                            stack.Push((write.Value, write.Header ?? header));
                        }
                    }

                    continue;

                case IPropertyReferenceOperation { Property: { GetMethod: { } getter } property } propertyReference
                    when _calls.IsInSource(property) && (property.IsAbstract || property.IsVirtual || property.IsOverride || property.ContainingType.TypeKind == TypeKind.Interface):
                    // An interface or virtual property: every implementation in the product the receiver's type can have.
                    foreach (var implementation in Implementations(getter.OriginalDefinition, propertyReference.Instance?.Type, context.CancellationToken))
                    {
                        if (implementation.AssociatedSymbol is IPropertySymbol implemented)
                        {
                            result = result.Union(MemberCarries(implemented.OriginalDefinition, context).Through(implemented.OriginalDefinition).WithHeader(header));
                        }
                    }

                    break;

                case IFieldReferenceOperation or IPropertyReferenceOperation when _calls.IsInSource(((IMemberReferenceOperation)operation).Member):
                    var member = ((IMemberReferenceOperation)operation).Member.OriginalDefinition;
                    result = result.Union(MemberCarries(member, context).Through(member).WithHeader(header));
                    break;

                case IInvocationOperation { TargetMethod: var target } invocation when _calls.IsInSource(target):
                    // The product's method, or, for a call through an interface or a virtual method, every
                    // implementation in the product that the receiver's type can have.
                    foreach (var implementation in Implementations((target.ReducedFrom ?? target).OriginalDefinition, invocation.IsVirtual ? invocation.Instance?.Type : null, context.CancellationToken))
                    {
                        result = result.Union(ReturnCarries(implementation, context).Through(implementation).WithHeader(header));
                    }

                    break;

                case IObjectCreationOperation { Type: INamedTypeSymbol created } when _calls.IsInSource(created):
                    // new DiagInfo(): an object of the product's own type carries what its type writes to its members
                    // (initializers, constructors), whoever reads them later (a serializer, a property read).
                    result = result.Union(ObjectCarries(created.OriginalDefinition, context).WithHeader(header));
                    break;

                case IAnonymousFunctionOperation lambda:
                    // A delegate carries what it returns when it runs: new Lazy<string>(() => Environment.MachineName).
                    foreach (var returned in Returns(lambda.Body))
                    {
                        stack.Push((returned, header));
                    }

                    continue;

                case IMethodReferenceOperation { Method: var referenced } when _calls.IsInSource(referenced):
                    var definition = (referenced.ReducedFrom ?? referenced).OriginalDefinition;
                    result = result.Union(ReturnCarries(definition, context).Through(definition).WithHeader(header));
                    break;
            }

            // Structure: a value built from another carries what that one carries.
            foreach (var child in operation.ChildOperations)
            {
                stack.Push((child, header));
            }
        }

        return result;
    }

    /// <summary>
    /// The bodies a call of a product method can run: the method itself when it has one, and for an abstract, interface
    /// or virtual method the product's implementations in types of <paramref name="receiverType"/>.
    /// </summary>
    private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method, ITypeSymbol? receiverType, CancellationToken cancellationToken)
    {
        if (!method.IsAbstract)
        {
            yield return method;
        }

        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            foreach (var implementation in _calls.ImplementationsOf(method, receiverType, cancellationToken))
            {
                if (!SymbolEqualityComparer.Default.Equals(implementation, method))
                {
                    yield return implementation;
                }
            }
        }
    }

    /// <summary>What a product method returns from its own sources (what it is given is counted at the call).</summary>
    private Carried ReturnCarries(IMethodSymbol method, Context context)
    {
        method = method.PartialImplementationPart ?? method;
        return Summarize(method, _returns, context, () =>
        {
            var result = Carried.Nothing;
            foreach (var body in MethodBodies.Of(_compilation, method, context.CancellationToken))
            {
                foreach (var returned in Returns(body))
                {
                    result = result.Union(Evaluate(returned, null, context));
                }
            }

            return result;
        });
    }

    /// <summary>What the product writes to one of its fields or properties: its initializer, and its type's writes.</summary>
    private Carried MemberCarries(ISymbol member, Context context)
    {
        if (member is IPropertySymbol { GetMethod: { } getter } property && !IsAutoProperty(property))
        {
            // A computed property: what its getter returns.
            return ReturnCarries(getter, context);
        }

        if (member.ContainingType is not { } type)
        {
            return Carried.Nothing;
        }

        return Summarize(member, _members, context, () =>
        {
            // A string or value that cannot change after construction is written by its initializer and constructors
            // only: the type's other members need not be bound.
            var result = Carried.Nothing;
            foreach (var write in WritesOfMember(member, type, context.CancellationToken))
            {
                result = result.Union(Evaluate(write.Value, null, context).WithHeader(write.Header));
            }

            return result;
        });
    }

    /// <summary>What an object of a product type carries: what its type writes to its instance fields and properties.</summary>
    private Carried ObjectCarries(INamedTypeSymbol type, Context context) => Summarize(type, _objects, context, () =>
    {
        var result = Carried.Nothing;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } or IPropertySymbol { IsStatic: false, IsIndexer: false })
            {
                result = result.Union(MemberCarries(member.OriginalDefinition, context).Through(member.OriginalDefinition));
            }
        }

        return result;
    });

    /// <summary>
    /// A member's summary, computed once per compilation (Tarjan's strongly connected components, on demand). A member
    /// reached while it is being computed (a cycle) gives nothing for the moment; a result that leaned on such a member
    /// (its low link is below its own place on the stack) is held for the question until the member at the head of the
    /// cycle is done, and is then cached with what the head carries (the head reaches everything in its cycle). Each
    /// computation has its own step budget; one over it, or over the depth, is not cached, nor is any result built on it.
    /// </summary>
    private Carried Summarize(ISymbol member, ConcurrentDictionary<ISymbol, Carried> cache, Context context, System.Func<Carried> compute)
    {
        // A member reached again inside its own computation adds nothing it does not add already, whatever the cache
        // holds by now (another thread may have finished it): a cycle back to it gives nothing.
        if (context.Active.TryGetValue(member, out var position))
        {
            context.LowLink = System.Math.Min(context.LowLink, position);
            return Carried.Nothing;
        }

        if (cache.TryGetValue(member, out var known))
        {
            return known;
        }

        if (context.Memo.TryGetValue(member, out var memo))
        {
            context.LowLink = System.Math.Min(context.LowLink, memo.LowLink);
            return memo.Value;
        }

        if (context.Active.Count >= MaxDepth)
        {
            context.Incomplete = true;
            return Carried.Nothing;
        }

        var index = context.Active.Count;
        context.Active.Add(member, index);
        var (outerLowLink, outerSteps, outerIncomplete) = (context.LowLink, context.Steps, context.Incomplete);
        (context.LowLink, context.Steps, context.Incomplete) = (int.MaxValue, 0, false);
        Carried result;
        try
        {
            result = compute();
        }
        finally
        {
            context.Active.Remove(member);
        }

        result = new Carried(result.Source, result.Via, result.Header, 0);
        var (lowLink, incomplete) = (context.LowLink, context.Incomplete);
        (context.LowLink, context.Steps, context.Incomplete) = (System.Math.Min(outerLowLink, lowLink), outerSteps, outerIncomplete | incomplete);
        if (incomplete)
        {
            return result;
        }

        if (lowLink < index)
        {
            context.Memo[member] = (result, lowLink, cache);
            return result;
        }

        // The head of its cycle (or no cycle): done, and so is every member of the cycle held for it.
        result = cache.GetOrAdd(member, result);
        List<ISymbol>? finished = null;
        foreach (var pair in context.Memo)
        {
            if (pair.Value.LowLink >= index)
            {
                pair.Value.Cache.TryAdd(pair.Key, pair.Value.Value.Union(result.Through(member)));
                (finished ??= new List<ISymbol>()).Add(pair.Key);
            }
        }

        if (finished is not null)
        {
            foreach (var done in finished)
            {
                context.Memo.Remove(done);
            }
        }

        return result;
    }

    private static bool IsSetAtConstruction(ISymbol member) => member switch
    {
        IFieldSymbol field => field.IsReadOnly && IsImmutable(field.Type),
        IPropertySymbol property => property.SetMethod is null or { IsInitOnly: true } && IsImmutable(property.Type),
        _ => false,
    };

    private static bool IsImmutable(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || type.IsValueType;

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IOperation> Returns(IOperation body) => OperationWalk.Returns(body);

    /// <summary>Everything written to a local or parameter in the member it is in, through any path (flow-insensitive).</summary>
    private List<Write> WritesOf(IOperation reference, ISymbol variable)
    {
        var index = _bodyWrites.GetValue(OperationWalk.Root(reference), IndexWrites);
        return index.TryGetValue(variable, out var writes) ? writes : new List<Write>();
    }

    /// <summary>
    /// What a field or property of the product is written, in its type (all its partial parts): the declarations that
    /// name it (a write must), each bound once from its file's model. A string or value that cannot change after
    /// construction is looked for in its initializer and the constructors only.
    /// </summary>
    /// <remarks>
    /// Linear in the type: which declaration names which identifier is indexed once per type, and what a declaration
    /// writes once per declaration, so that asking about each of a large form's hundreds of fields does not scan and
    /// bind the whole form again for each.
    /// </remarks>
    private List<Write> WritesOfMember(ISymbol member, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        _memberWrites.GetOrAdd(member, _ =>
        {
            var writes = new List<Write>();
            if (!NamesIn(type, cancellationToken).TryGetValue(member.Name, out var declarations))
            {
                return writes;
            }

            var constructionOnly = IsSetAtConstruction(member);
            foreach (var declared in declarations)
            {
                if (constructionOnly && declared is not (ConstructorDeclarationSyntax or FieldDeclarationSyntax or PropertyDeclarationSyntax))
                {
                    continue;
                }

                SyntaxNode? node = declared switch
                {
                    PropertyDeclarationSyntax { Initializer: { } initializer } when constructionOnly => initializer,
                    PropertyDeclarationSyntax when constructionOnly => null,
                    BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax => declared,
                    FieldDeclarationSyntax field => field.Declaration,
                    _ => null,
                };

                if (node is not null && WritesIn(node, cancellationToken).TryGetValue(member, out var found))
                {
                    writes.AddRange(found);
                }
            }

            return writes;
        });

    /// <summary>For each identifier in a type's member declarations (all its partial parts), the declarations that have it.</summary>
    private Dictionary<string, List<MemberDeclarationSyntax>> NamesIn(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        _namesInType.GetOrAdd(type, _ =>
        {
            var names = new Dictionary<string, List<MemberDeclarationSyntax>>(System.StringComparer.Ordinal);
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || !_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                foreach (var declared in declaration.Members)
                {
                    // A nested type writes its own members, not this type's.
                    if (declared is BaseTypeDeclarationSyntax)
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    seen.Clear();
                    foreach (var token in declared.DescendantTokens())
                    {
                        if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && seen.Add(token.ValueText))
                        {
                            if (!names.TryGetValue(token.ValueText, out var list))
                            {
                                names.Add(token.ValueText, list = new List<MemberDeclarationSyntax>());
                            }

                            list.Add(declared);
                        }
                    }
                }
            }

            return names;
        });

    /// <summary>Everything a declaration (or its initializer) writes, by variable, bound once from its file's model.</summary>
    private Dictionary<ISymbol, List<Write>> WritesIn(SyntaxNode node, CancellationToken cancellationToken) =>
        _declarationWrites.GetOrAdd(node, _ =>
        {
            var writes = new Dictionary<ISymbol, List<Write>>(SymbolEqualityComparer.Default);
            foreach (var operation in OperationsOf(ModelOf(node.SyntaxTree), node, cancellationToken))
            {
                foreach (var pair in IndexWrites(operation))
                {
                    if (writes.TryGetValue(pair.Key, out var list))
                    {
                        list.AddRange(pair.Value);
                    }
                    else
                    {
                        writes.Add(pair.Key, pair.Value);
                    }
                }
            }

            return writes;
        });

    /// <summary>One model per file for the bodies this analysis binds, so that a body bound for one member is not bound again for the next.</summary>
    private SemanticModel ModelOf(SyntaxTree tree) =>
#pragma warning disable RS1030 // The declaring file's model, kept for the compilation: bodies outside the analysed operation are bound once.
        _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private static IEnumerable<IOperation> OperationsOf(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case null:
                yield break;
            case VariableDeclarationSyntax declaration:
                foreach (var variable in declaration.Variables)
                {
                    if (variable.Initializer is { } initializer && model.GetOperation(initializer, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }

                yield break;
            case EqualsValueClauseSyntax initializer:
                if (model.GetOperation(initializer, cancellationToken) is { } value)
                {
                    yield return value;
                }

                yield break;
            case PropertyDeclarationSyntax property:
                if (property.Initializer is { } propertyInitializer && model.GetOperation(propertyInitializer, cancellationToken) is { } initialized)
                {
                    yield return initialized;
                }

                foreach (var accessor in property.AccessorList?.Accessors ?? default)
                {
                    if (model.GetOperation(accessor, cancellationToken) is { } body)
                    {
                        yield return body;
                    }
                }

                yield break;
            default:
                if (model.GetOperation(node, cancellationToken) is { } whole)
                {
                    yield return whole;
                }

                yield break;
        }
    }

    /// <summary>
    /// The writes under <paramref name="root"/>, by variable: initializers, assignments, assignments to the variable's
    /// members (<c>dto.Machine = x</c>, <c>headers["x-id"] = x</c>), arguments of the calls made on it
    /// (<c>builder.Append(x)</c>, <c>request.Headers.Add("x-id", x)</c>), the collection a <c>foreach</c> variable walks.
    /// </summary>
    private static Dictionary<ISymbol, List<Write>> IndexWrites(IOperation root)
    {
        var writes = new Dictionary<ISymbol, List<Write>>(SymbolEqualityComparer.Default);
        foreach (var operation in System.Linq.Enumerable.Prepend(OperationWalk.Descendants(root), root))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Symbol: { } local } declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        Add(local, initializer.Value, null);
                    }

                    break;
                case IFieldInitializerOperation field:
                    foreach (var initialized in field.InitializedFields)
                    {
                        Add(initialized.OriginalDefinition, field.Value, null);
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var initialized in property.InitializedProperties)
                    {
                        Add(initialized.OriginalDefinition, property.Value, null);
                    }

                    break;
                case IAssignmentOperation assignment:
                    if (RootVariable(assignment.Target) is { } target)
                    {
                        Add(target, assignment.Value, null);
                    }

                    break;
                case IInvocationOperation invocation when IsMutator(invocation.TargetMethod) && RootVariable(ReceiverOf(invocation)) is { } receiver:
                    var header = HeaderName(invocation);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value != ReceiverOf(invocation))
                        {
                            Add(receiver, argument.Value, header);
                        }
                    }

                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: { } loopVariable } } loop:
                    Add(loopVariable, loop.Collection, null);
                    break;
            }
        }

        return writes;

        void Add(ISymbol variable, IOperation value, string? header)
        {
            if (!writes.TryGetValue(variable, out var list))
            {
                writes.Add(variable, list = new List<Write>());
            }

            list.Add(new Write(value, header));
        }
    }

    /// <summary>The variable under member accesses and element accesses: <c>request</c> in <c>request.Headers</c>.</summary>
    private static ISymbol? RootVariable(IOperation? operation)
    {
        while (true)
        {
            operation = CallGraph.Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.OriginalDefinition;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return field.Field.OriginalDefinition;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property:
                    return property.Property.OriginalDefinition;
                case IMemberReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IArrayElementReferenceOperation element:
                    operation = element.ArrayReference;
                    continue;
                case IInvocationOperation { Instance: { } fluent } call when SymbolEqualityComparer.Default.Equals(call.Type, fluent.Type):
                    // builder.Append("u=").Append(x): a fluent call returns the builder it was made on.
                    operation = fluent;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>The object a call is made on: its instance, or an extension method's <c>this</c> argument (<c>request.AddJsonBody(x)</c>).</summary>
    private static IOperation? ReceiverOf(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>
    /// A call that puts its arguments into the object it is made on (<c>Append</c>, <c>Add</c>, <c>Insert</c>, <c>Set*</c>,
    /// <c>Write*</c>, <c>Push</c>, <c>Enqueue</c>), as opposed to one that uses the object (a client's <c>GetAsync</c>).
    /// </summary>
    private static bool IsMutator(IMethodSymbol method)
    {
        var name = method.Name;
        return name.StartsWith("Add", System.StringComparison.Ordinal) || name.StartsWith("Append", System.StringComparison.Ordinal)
            || name.StartsWith("Insert", System.StringComparison.Ordinal) || name.StartsWith("Set", System.StringComparison.Ordinal)
            || name.StartsWith("Write", System.StringComparison.Ordinal) || name.StartsWith("TryAdd", System.StringComparison.Ordinal)
            || name.StartsWith("ParseAdd", System.StringComparison.Ordinal) || name.StartsWith("TryParseAdd", System.StringComparison.Ordinal)
            || name is "Push" or "Enqueue" or "Put" or "Prepend";
    }

    /// <summary><c>headers.Add("x-install-id", value)</c> on an <c>HttpHeaders</c>: the header's name.</summary>
    private static string? HeaderName(IInvocationOperation invocation)
    {
        for (var type = invocation.TargetMethod.ContainingType; type is not null; type = type.BaseType)
        {
            if (IsHeadersType(type))
            {
                return invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
            }
        }

        // headers.UserAgent.ParseAdd(x), headers.UserAgent.Add(value): the typed header's property names it.
        if (CallGraph.Unwrap(invocation.Instance) is IPropertyReferenceOperation { Property: { } header, Instance: { Type: { } owner } } && IsHeadersType(owner))
        {
            return HeaderOf(header.Name);
        }

        return null;
    }

    private static bool IsHeadersType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HttpHeaders" && current.ContainingNamespace?.ToDisplayString() == "System.Net.Http.Headers")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>UserAgent</c> to <c>User-Agent</c>, <c>AcceptLanguage</c> to <c>Accept-Language</c>.</summary>
    private static string HeaderOf(string property)
    {
        var text = new System.Text.StringBuilder(property.Length + 4);
        for (var i = 0; i < property.Length; i++)
        {
            if (i > 0 && char.IsUpper(property[i]))
            {
                text.Append('-');
            }

            text.Append(property[i]);
        }

        return text.ToString();
    }

    private readonly struct Write
    {
        public Write(IOperation value, string? header)
        {
            Value = value;
            Header = header;
        }

        public IOperation Value { get; }

        public string? Header { get; }
    }

    /// <summary>One question's state: the members being computed, what is held for a cycle's head, the current computation's budget.</summary>
    private sealed class Context
    {
        public Context(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

        public CancellationToken CancellationToken { get; }

        /// <summary>Members being computed, with their place on the stack.</summary>
        public Dictionary<ISymbol, int> Active { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Results that leaned on a member still being computed, held until that member's cycle is done.</summary>
        public Dictionary<ISymbol, (Carried Value, int LowLink, ConcurrentDictionary<ISymbol, Carried> Cache)> Memo { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The lowest stack place the current computation reached back to.</summary>
        public int LowLink { get; set; } = int.MaxValue;

        /// <summary>Steps of the current computation (each member's computation has its own budget).</summary>
        public int Steps { get; set; }

        /// <summary>The current computation, or one it used, went over its budget or the depth: not cached.</summary>
        public bool Incomplete { get; set; }
    }
}
