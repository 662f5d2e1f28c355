using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// Product methods that pass a parameter on as the endpoint of a network API, directly or through other such
/// methods: <c>Task&lt;string&gt; FetchAsync(string url) =&gt; http.GetStringAsync(url)</c>. A call
/// <c>FetchAsync("https://api.example.com/releases")</c> hard-codes the endpoint as surely as the API call would.
/// </summary>
/// <remarks>
/// A method is summarised only when a call passes it a constant remote endpoint, its body is walked once per
/// compilation, and the walk follows only values that come from the method's own parameters, to at most
/// <c>notelemetry.max_call_chain</c> methods below the one the call names (6 unless configured). Virtual and interface
/// calls have no body here and are not followed.
/// </remarks>
internal sealed class EndpointForwarders
{
    private readonly int _maxChain;

    private readonly Compilation _compilation;
    private readonly EgressTable _table;
    private readonly EndpointResolver _resolver;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Forward>> _summaries = new(SymbolEqualityComparer.Default);

    // NT0001 (catalogued hosts) and NT0003 ask about the same calls, which the analyzer driver hands both of them as
    // the same operation objects: the answer for a call of a product method is worked out once. Weakly keyed: an
    // operation tree belongs to a semantic model that the driver lets go of once it is done with the file.
    private readonly ConditionalWeakTable<IOperation, StrongBox<ImmutableArray<EgressSite>>> _calls = new();

    public EndpointForwarders(Compilation compilation, EgressTable table, EndpointResolver resolver, int maxChain)
    {
        _maxChain = maxChain;
        _compilation = compilation;
        _table = table;
        _resolver = resolver;
    }

    /// <summary>
    /// The egress sites that a call of a product method amounts to: one per parameter the method forwards to a
    /// network API, with the call's argument as the endpoint. Empty for anything else.
    /// </summary>
    public ImmutableArray<EgressSite> Classify(IOperation operation, EndpointResolver resolver, CancellationToken cancellationToken)
    {
        var (method, arguments) = EgressClassifier.CallOf(operation);
        if (method is null || !IsCandidate(method))
        {
            return ImmutableArray<EgressSite>.Empty;
        }

        return _calls.TryGetValue(operation, out var known)
            ? known.Value
            : Remember(operation, method, arguments, resolver, cancellationToken);
    }

    /// <summary>A cache miss: the closure is allocated here, not on every call of <see cref="Classify"/>.</summary>
    private ImmutableArray<EgressSite> Remember(IOperation operation, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, EndpointResolver resolver, CancellationToken cancellationToken) =>
        _calls.GetValue(operation, _ => new StrongBox<ImmutableArray<EgressSite>>(Sites(method, arguments, resolver, cancellationToken))).Value;

    private ImmutableArray<EgressSite> Sites(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, EndpointResolver resolver, CancellationToken cancellationToken)
    {
        if (!PassesConstantRemoteEndpoint(arguments, resolver, cancellationToken))
        {
            return ImmutableArray<EgressSite>.Empty;
        }

        var complete = true;
        var forwards = Summarize(method.OriginalDefinition, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ref complete, cancellationToken);
        if (forwards.IsEmpty)
        {
            return ImmutableArray<EgressSite>.Empty;
        }

        var sites = ImmutableArray.CreateBuilder<EgressSite>();
        foreach (var forward in forwards)
        {
            if (ArgumentFor(arguments, forward.Ordinal) is { } argument)
            {
                sites.Add(new EgressSite(forward.Api, method, argument.Value, forward.AcceptsBareHost, forward.Via, forward.Chain));
            }
        }

        return sites.ToImmutable();
    }

    /// <summary>A method of this compilation, with a body here and a parameter that can carry an endpoint.</summary>
    private bool IsCandidate(IMethodSymbol method)
    {
        // Flags first; an implicitly declared method (a record's, a default constructor) has no body to walk.
        if (method.IsAbstract || method.IsExtern || method.IsImplicitlyDeclared || method.Parameters.IsEmpty
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (CanCarryEndpoint(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanCarryEndpoint(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || NetworkTypes.IsUriOrAddress(type);

    /// <summary>The cheap test first: most calls of product methods pass no constant that names a remote host.</summary>
    private static bool PassesConstantRemoteEndpoint(ImmutableArray<IArgumentOperation> arguments, EndpointResolver resolver, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Parameter is { } parameter
                && CanCarryEndpoint(parameter.Type)
                && resolver.Resolve(argument.Value, acceptsBareHost: true, cancellationToken) is { } endpoint
                && endpoint.Alternatives.Any(a => !Endpoint.IsLoopback(a.Host)))
            {
                return true;
            }
        }

        return false;
    }

    private static IArgumentOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// What <paramref name="method"/> forwards. <paramref name="complete"/> turns false when the walk was cut short (a
    /// cycle, or the chain limit) here or below: below the top, such a summary depends on the path to it and is not
    /// cached; every other is, at whatever depth it was computed, so that a method's body is walked about once.
    /// </summary>
    private ImmutableArray<Forward> Summarize(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, ref bool complete, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        if (depth > _maxChain || !visiting.Add(method))
        {
            complete = false;
            return ImmutableArray<Forward>.Empty;
        }

        var forwards = ImmutableArray.CreateBuilder<Forward>();
        var walkComplete = true;
        foreach (var body in Bodies(method, cancellationToken))
        {
            foreach (var operation in body.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddForwards(operation, method, depth, visiting, forwards, ref walkComplete, cancellationToken);
            }
        }

        visiting.Remove(method);
        var summary = forwards.ToImmutable();
        if (!walkComplete && depth > 0)
        {
            complete = false;
            return summary;
        }

        // At the top, the walk does not depend on a path to it (the chain limit and the cycles it meets are its own),
        // so it is kept as it is, cut or not, as it always was.
        return _summaries.GetOrAdd(method, summary);
    }

    private void AddForwards(IOperation operation, IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, ImmutableArray<Forward>.Builder forwards, ref bool complete, CancellationToken cancellationToken)
    {
        if (EgressClassifier.TryClassify(operation, _table, out var site))
        {
            if (site.Endpoint is { } endpoint && _resolver.FoldForSummary(endpoint, method, cancellationToken) is { } traced)
            {
                Add(forwards, new Forward(traced.Parameter.Ordinal, site.Api, site.Member, traced.BareHost ?? site.EndpointAcceptsBareHost, ImmutableArray.Create<ISymbol>(method)));
            }

            return;
        }

        var (callee, arguments) = EgressClassifier.CallOf(operation);

        if (callee is null || !IsCandidate(callee))
        {
            return;
        }

        // Follow a callee only for the arguments that carry one of this method's parameters.
        List<(IArgumentOperation Argument, IParameterSymbol Parameter, bool? BareHost)>? passed = null;
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && _resolver.FoldForSummary(argument.Value, method, cancellationToken) is { } traced)
            {
                (passed ??= new()).Add((argument, traced.Parameter, traced.BareHost));
            }
        }

        if (passed is null)
        {
            return;
        }

        foreach (var inner in Summarize(callee.OriginalDefinition, depth + 1, visiting, ref complete, cancellationToken))
        {
            // A summary cached from a walk that started lower may reach further than this chain may go from here:
            // the API call sits inner.Hops methods below the callee, at depth + 1 + inner.Hops.
            if (depth + 1 + inner.Hops > _maxChain)
            {
                complete = false;
                continue;
            }

            foreach (var (argument, parameter, bareHost) in passed)
            {
                if (argument.Parameter?.Ordinal == inner.Ordinal)
                {
                    Add(forwards, new Forward(parameter.Ordinal, inner.Api, inner.Via, bareHost ?? inner.AcceptsBareHost, inner.Chain.Insert(0, method)));
                }
            }
        }
    }

    private static void Add(ImmutableArray<Forward>.Builder forwards, Forward forward)
    {
        foreach (var existing in forwards)
        {
            if (existing.Ordinal == forward.Ordinal)
            {
                return;
            }
        }

        forwards.Add(forward);
    }

    private IEnumerable<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken) =>
        MethodBodies.Of(_compilation, method, cancellationToken);

    /// <summary>A parameter (by ordinal) that reaches the endpoint of <see cref="Via"/>, the network API.</summary>
    private readonly struct Forward
    {
        public Forward(int ordinal, EgressApi api, ISymbol via, bool acceptsBareHost, ImmutableArray<ISymbol> chain)
        {
            Ordinal = ordinal;
            Api = api;
            Via = via;
            AcceptsBareHost = acceptsBareHost;
            Chain = chain;
        }

        public int Ordinal { get; }

        public EgressApi Api { get; }

        public ISymbol Via { get; }

        public bool AcceptsBareHost { get; }

        /// <summary>The product methods the endpoint goes through, from this one to the one that calls <see cref="Via"/>.</summary>
        public ImmutableArray<ISymbol> Chain { get; }

        /// <summary>How many methods below this one the API call sits (0: in this method's own body).</summary>
        public int Hops => Chain.Length - 1;
    }
}
