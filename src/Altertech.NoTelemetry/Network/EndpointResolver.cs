using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// Folds the value of an endpoint argument as far as compile-time constants go, to find its host and where the
/// constant came from. It follows literals, <c>const</c>, <c>static readonly</c> fields and get-only properties
/// (in any file), locals assigned once, concatenation, interpolation, <c>string.Concat</c>/<c>string.Format</c>,
/// <c>new Uri(...)</c>, <c>UriBuilder</c>, <c>Uri.TryCreate</c>, <c>IPAddress</c> and end points. Only the host
/// matters: <c>$"https://{host}/x"</c> has none, <c>$"https://t.example/x?id={id}"</c> has one.
/// </summary>
/// <remarks>
/// One resolver serves one compilation. A field or property is folded at most once (the result is cached), a
/// method body is scanned for assignments at most once, and a cycle of fields that refer to each other ends
/// as "not constant", so the work is linear in the code that the endpoints reach.
/// </remarks>
internal sealed class EndpointResolver
{
    private const int MaxDepth = 32;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, Folded> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Folded> _reads = new();

    public EndpointResolver(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// The endpoint that <paramref name="value"/> names when its host is a compile-time constant; null otherwise.
    /// A bare host (<c>"example.com"</c>) counts only where <paramref name="acceptsBareHost"/> says the parameter
    /// takes one, so that a relative request URI (<c>"items"</c>) is never mistaken for a host.
    /// </summary>
    public ResolvedEndpoint? Resolve(IOperation value, bool acceptsBareHost, CancellationToken cancellationToken) =>
        Resolve(value, acceptsBareHost, cancellationToken, out _);

    /// <summary>
    /// As <see cref="Resolve(IOperation, bool, CancellationToken)"/>, from one folding of the value; when there is
    /// no host, <paramref name="relative"/> is the constant text of a whole relative address (<c>"v1/check"</c>,
    /// <c>"/api/items?x=1"</c>): a request that goes wherever its client's base address points.
    /// </summary>
    public ResolvedEndpoint? Resolve(IOperation value, bool acceptsBareHost, CancellationToken cancellationToken, out string? relative)
    {
        relative = null;
        var folded = Fold(value, new Context(cancellationToken));
        var alternatives = new List<ResolvedAlternative>();
        foreach (var alternative in folded.Alternatives())
        {
            if (alternative.Text.Length == 0)
            {
                continue;
            }

            if (Endpoint.TryGetHost(alternative.Text, alternative.Complete, acceptsBareHost, out var host))
            {
                if (!alternatives.Exists(a => a.Host == host))
                {
                    alternatives.Add(new ResolvedAlternative(alternative.Text, host));
                }
            }
            else if (relative is null && alternative.Complete && !Endpoint.IsAbsolute(alternative.Text))
            {
                relative = alternative.Text;
            }
        }

        return alternatives.Count == 0 ? null : new ResolvedEndpoint(alternatives.ToImmutableArray(), folded.Origin);
    }

    /// <summary>
    /// The constant text each value of <paramref name="value"/> starts with, and whether that is the whole value:
    /// the same folding as endpoints (constants, fields, locals, <c>nameof</c>, concatenation, interpolation, choices
    /// between constants), for strings that are not endpoints: type, assembly, library and tool names, arguments.
    /// </summary>
    public ImmutableArray<ConstantText> FoldText(IOperation value, CancellationToken cancellationToken)
    {
        var folded = Fold(value, new Context(cancellationToken));
        var texts = ImmutableArray.CreateBuilder<ConstantText>();
        foreach (var alternative in folded.Alternatives())
        {
            if (alternative.Text.Length > 0 || alternative.Complete)
            {
                texts.Add(new ConstantText(alternative.Text, alternative.Complete));
            }
        }

        return texts.ToImmutable();
    }

    /// <summary>
    /// The parameter of <paramref name="method"/> that <paramref name="value"/>, an endpoint inside that method, is
    /// built on, and how: the parameter is the endpoint itself (<c>null</c>: as the API takes it), the start of a URL
    /// (<c>false</c>), or the host right after a constant scheme (<c>$"https://{host}/ping"</c>: <c>true</c>). Null when
    /// no parameter decides the endpoint's host. Locals, <c>new Uri</c>, concatenation and interpolation are followed
    /// as for any endpoint.
    /// </summary>
    public (IParameterSymbol Parameter, bool? BareHost)? FoldForSummary(IOperation value, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var folded = Fold(value, new Context(cancellationToken) { Summarized = method.OriginalDefinition });
        foreach (var alternative in folded.Alternatives())
        {
            if (alternative.Parameter is not { } parameter)
            {
                continue;
            }

            if (alternative.Text.Length == 0)
            {
                return (parameter, alternative.IsWholeParameter ? null : false);
            }

            if (Endpoint.IsSchemeOnly(alternative.Text))
            {
                return (parameter, true);
            }
        }

        return null;
    }

    private Folded Fold(IOperation? operation, Context context)
    {
        if (operation is null)
        {
            return Folded.Unknown;
        }

        if (context.Depth > MaxDepth || ++context.Steps > Context.StepBudget)
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        context.Depth++;
        try
        {
            return FoldCore(operation, context);
        }
        finally
        {
            context.Depth--;
        }
    }

    private Folded FoldCore(IOperation operation, Context context)
    {
        // Structure first, constant value last: "FeedUrl + "?x"" is a constant too, but the field it names is
        // where the endpoint came from.
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { } field }:
                return FoldField(field, context);
            case IPropertyReferenceOperation property:
                return FoldProperty(property, context);
            case ILocalReferenceOperation local:
                return FoldLocal(local, context);
            case IConversionOperation conversion:
                return Fold(conversion.Operand, context);
            case IArgumentOperation argument:
                return Fold(argument.Value, context);
            case IInterpolatedStringOperation interpolated:
                return FoldInterpolation(interpolated, context);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concat(Fold(binary.LeftOperand, context), binary.RightOperand, context);
            case IObjectCreationOperation creation:
                return FoldCreation(creation, context);
            case IInvocationOperation invocation:
                return FoldInvocation(invocation, context);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when conditional.Type is not null:
                // beta ? "https://beta.example" : "https://example.com": either host is compiled in.
                return Folded.Either(Fold(conditional.WhenTrue, context), Fold(whenFalse, context));
            case ICoalesceOperation coalesce:
                return Folded.Either(Fold(coalesce.Value, context), Fold(coalesce.WhenNull, context));
            case ISwitchExpressionOperation switchExpression:
                var arms = Folded.Unknown;
                var first = true;
                foreach (var arm in switchExpression.Arms)
                {
                    arms = first ? Fold(arm.Value, context) : Folded.Either(arms, Fold(arm.Value, context));
                    first = false;
                }

                return arms;
            case IParenthesizedOperation parenthesized:
                return Fold(parenthesized.Operand, context);
            case IParameterReferenceOperation { Parameter: { } parameter } when Incoming(parameter, context) is { } incoming:
                // What the call passed, unless the method writes the parameter first (url = GetEnvironmentVariable("URL")):
                // its writes are followed like a local's, and the call's value is one of them on a path that keeps it.
                return FoldParameter(operation, incoming, context);
            default:
                return operation.ConstantValue is { HasValue: true, Value: string constant }
                    ? new Folded(constant, true, null)
                    : Folded.Unknown;
        }
    }

    private Folded FoldInterpolation(IInterpolatedStringOperation interpolated, Context context)
    {
        var result = new Folded(string.Empty, true, null);
        foreach (var part in interpolated.Parts)
        {
            var next = part switch
            {
                IInterpolatedStringTextOperation text => Fold(text.Text, context),
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Fold(hole.Expression, context),
                _ => Folded.Unknown,
            };
            result = result.Append(next);
            if (!result.AnyComplete)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="left"/> followed by <paramref name="right"/>: each of left's values that is whole gets right's
    /// text, the others stay as they are (more unknown text follows them). Right is folded only when it can matter.
    /// </summary>
    private Folded Concat(Folded left, IOperation right, Context context) =>
        left.AnyComplete ? left.Append(Fold(right, context)) : left.Truncated();

    private Folded FoldCreation(IObjectCreationOperation creation, Context context)
    {
        var arguments = creation.Arguments;
        if (arguments.IsEmpty || creation.Type is not INamedTypeSymbol type)
        {
            return Folded.Unknown;
        }

        switch (NetworkTypes.Of(type))
        {
            case NetworkType.Uri:
                // new Uri(string[, UriKind]); new Uri(Uri baseUri, string relativeUri): the host is in the first.
                var first = Fold(arguments[0], context);
                return arguments.Length > 1 && NetworkTypes.IsUri(arguments[0].Value.Type) ? first.WithRelativePart() : first;
            case NetworkType.UriBuilder:
                if (arguments.Length == 1)
                {
                    return Fold(arguments[0], context);
                }

                // new UriBuilder(scheme, host[, port[, path[, extra]]]).
                var scheme = Fold(arguments[0], context);
                return scheme.Complete
                    ? scheme.Append(new Folded(Endpoint.SchemeSeparator, true, null)).Append(Fold(arguments[1], context)).WithRelativePart()
                    : Folded.Unknown;
            case NetworkType.IPAddress:
                return FoldAddressBytes(arguments[0].Value);
            case NetworkType.IPEndPoint:
            case NetworkType.DnsEndPoint:
                return Fold(arguments[0], context);
            default:
                return Folded.Unknown;
        }
    }

    private Folded FoldInvocation(IInvocationOperation invocation, Context context)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        switch (method.ContainingType?.SpecialType)
        {
            case SpecialType.System_String when method.IsStatic && method.Name == "Concat":
                var concatenated = new Folded(string.Empty, true, null);
                foreach (var value in ExpandParams(arguments))
                {
                    concatenated = Concat(concatenated, value, context);
                }

                return concatenated;
            case SpecialType.System_String when method.IsStatic && method.Name == "Format":
                return FoldFormat(method, arguments, context);
            case SpecialType.System_String when !method.IsStatic && invocation.Instance is { } text:
                return FoldStringMethod(method, arguments, Fold(text, context));
        }

        if (method.ContainingType is not { } containing)
        {
            return Folded.Unknown;
        }

        switch (NetworkTypes.Of(containing))
        {
            case NetworkType.IPAddress when method.IsStatic && method.Name == "Parse" && arguments.Length == 1:
                return Fold(arguments[0], context);
            case NetworkType.Uri or NetworkType.UriBuilder when !method.IsStatic && method.Name == "ToString" && arguments.IsEmpty:
                return Fold(invocation.Instance, context);
        }

        if (!IsOwnNonVirtual(method))
        {
            return Folded.Unknown;
        }

        // static string ServiceHost(bool beta) => beta ? "beta.svc.example" : "svc.example": a product method whose
        // every return is a constant (or starts with one) is that set of constants, whatever it is given.
        var returned = FoldMember(method, context);
        if (returned.HasText)
        {
            return returned;
        }

        // CombineURL(url, "gists") => url.TrimEnd('/') + "/" + path: a product method whose return is built on its
        // parameters is what it returns for the values this call passes.
        return FoldReturnsWithArguments(method, arguments, context);
    }

    /// <summary>
    /// <c>url.Trim().TrimEnd('/')</c>, <c>host.ToLowerInvariant()</c>: string methods that keep a URL's scheme and host
    /// where they are. A whole value is changed as the method would; known leading text keeps its host (only its end,
    /// or its case, changes).
    /// </summary>
    private static Folded FoldStringMethod(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Folded text)
    {
        switch (method.Name)
        {
            case "ToString" when arguments.IsEmpty:
                return text;
            case "ToLowerInvariant" or "ToLower":
                return text.Map(value => value.ToLowerInvariant());
            case "ToUpperInvariant" or "ToUpper":
                return text.Map(value => value.ToUpperInvariant());
            case "Trim" or "TrimStart" or "TrimEnd" when TrimCharacters(arguments) is { } characters:
                return text.Trim(characters, start: method.Name != "TrimEnd", end: method.Name != "TrimStart");
            default:
                return Folded.Unknown;
        }
    }

    /// <summary>The constant characters a trim is given (none: white space), or null when they are not constant.</summary>
    private static char[]? TrimCharacters(ImmutableArray<IArgumentOperation> arguments)
    {
        var characters = new List<char>();
        foreach (var argument in ExpandParams(arguments))
        {
            var value = argument is IConversionOperation conversion ? conversion.Operand : argument;
            if (value.ConstantValue is not { HasValue: true, Value: char c })
            {
                return null;
            }

            characters.Add(c);
        }

        return characters.ToArray();
    }

    private Folded FoldFormat(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Context context)
    {
        // string.Format([IFormatProvider,] format, args...): the text before the first hole, then each hole in turn.
        var formatIndex = method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType != SpecialType.System_String ? 1 : 0;
        if (arguments.Length <= formatIndex || arguments[formatIndex].Value.ConstantValue is not { HasValue: true, Value: string format })
        {
            return Folded.Unknown;
        }

        var values = new List<IOperation>();
        for (var i = formatIndex + 1; i < arguments.Length; i++)
        {
            values.AddRange(ExpandParams(ImmutableArray.Create(arguments[i])));
        }

        var result = new Folded(string.Empty, true, null);
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{' || c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            result = result.Append(new Folded(text.ToString(), true, null));
            text.Clear();
            var close = format.IndexOf('}', i);
            if (close < 0 || !int.TryParse(format.Substring(i + 1, close - i - 1), out var index) || index < 0 || index >= values.Count)
            {
                return result.Truncated();
            }

            result = result.Append(Fold(values[index], context));
            if (!result.Complete)
            {
                return result;
            }

            i = close;
        }

        return result.Append(new Folded(text.ToString(), true, null));
    }

    private static IEnumerable<IOperation> ExpandParams(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                yield return argument.Value;
            }
        }
    }

    private static Folded FoldAddressBytes(IOperation value)
    {
        // new IPAddress(new byte[] { 10, 0, 0, 1 }): an address written as constant bytes.
        if (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is not IArrayCreationOperation { Initializer: { } initializer }
            || initializer.ElementValues.Length is not (4 or 16))
        {
            return Folded.Unknown;
        }

        var bytes = new byte[initializer.ElementValues.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var constant = initializer.ElementValues[i].ConstantValue;
            if (!constant.HasValue || constant.Value is null)
            {
                return Folded.Unknown;
            }

            try
            {
                bytes[i] = Convert.ToByte(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException)
            {
                return Folded.Unknown;
            }
        }

        return new Folded(new System.Net.IPAddress(bytes).ToString(), true, null);
    }

    private Folded FoldField(IFieldSymbol field, Context context)
    {
        if (field.IsConst && field.ConstantValue is string constant)
        {
            return new Folded(constant, true, DiagnosticLocations.Describe(field));
        }

        if (field.ContainingType is { } type && NetworkTypes.Of(type) == NetworkType.IPAddress && field.IsStatic)
        {
            return field.Name switch
            {
                "Loopback" => new Folded("127.0.0.1", true, null),
                "IPv6Loopback" => new Folded("::1", true, null),
                _ => Folded.Unknown,
            };
        }

        // A static readonly field holds what its initializer computed; anything else may change at run time.
        return field.IsStatic && field.IsReadOnly ? FoldMember(field, context) : Folded.Unknown;
    }

    private Folded FoldProperty(IPropertyReferenceOperation reference, Context context)
    {
        var property = reference.Property;
        if (property.ContainingType is { } type)
        {
            switch (NetworkTypes.Of(type))
            {
                case NetworkType.Uri when property.Name is "AbsoluteUri" or "OriginalString" or "Host" or "Authority" or "IdnHost" or "DnsSafeHost":
                case NetworkType.UriBuilder when property.Name == "Uri":
                case NetworkType.IPEndPoint when property.Name == "Address":
                    return Fold(reference.Instance, context);
            }
        }

        // A get-only property in source with a constant body (=> "https://...", { get; } = "...") is a constant.
        return property.SetMethod is null && !property.IsIndexer && !property.IsAbstract && !property.IsVirtual
            ? FoldMember(property, context)
            : Folded.Unknown;
    }

    private Folded FoldMember(ISymbol member, Context context)
    {
        var key = member.OriginalDefinition;
        if (_members.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // A member declared in another project's source (a project reference the IDE gives as a compilation) has syntax
        // this compilation cannot bind.
        if (member.DeclaringSyntaxReferences.Length != 1 || !_compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return Folded.Unknown;
        }

        if (!context.Enter(key))
        {
            // A cycle (A = "https://a.example/" + B; B = A + "b"): cut here, and nothing computed on the way is kept.
            context.Cuts++;
            return Folded.Unknown;
        }

        var cutsBefore = context.Cuts;
        var summarized = context.Summarized;
        Folded folded;
        try
        {
            // A member's value is the same wherever it is asked for: no parameter of a method being summarised, nor any
            // call's arguments, are in it.
            var bindings = context.Bindings;
            var memo = context.SwapWriteMemo(null);
            context.Summarized = null;
            context.Bindings = null;
            try
            {
                folded = FoldDeclaredValue(member.DeclaringSyntaxReferences[0], context);
            }
            finally
            {
                context.Bindings = bindings;
                context.SwapWriteMemo(memo);
            }
        }
        finally
        {
            context.Summarized = summarized;
            context.Leave(key);
        }

        if (folded.Origin is null && folded.HasText)
        {
            folded = folded.WithOrigin(DiagnosticLocations.Describe(member));
        }

        // Only a result computed whole is the member's value for every later question: one cut short by a cycle or by
        // the depth limit depends on where the question started.
        return context.Cuts == cutsBefore ? _members.GetOrAdd(key, folded) : folded;
    }

    /// <summary>What a parameter holds on entry, when a call's arguments or a summary say: null when nothing does.</summary>
    private static Folded? Incoming(IParameterSymbol parameter, Context context)
    {
        if (context.Bindings is { } bindings && bindings.TryGetValue(parameter.OriginalDefinition, out var bound))
        {
            return bound;
        }

        return context.Summarized is { } summarized && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, summarized)
            ? Folded.FromParameter(parameter)
            : null;
    }

    private Folded FoldParameter(IOperation reference, Folded incoming, Context context)
    {
        var writes = LocalFlow.ReachingWrites(reference, context.CancellationToken);
        if (writes.IsDefaultOrEmpty || reference.SemanticModel is not { } model)
        {
            return Folded.Unknown;
        }

        return writes.Length == 1 && writes[0].Kind == WriteKind.Entry ? incoming : FoldWrites(writes, model, context);
    }

    /// <summary>
    /// What <paramref name="method"/> returns when its parameters hold what <paramref name="arguments"/> fold to (each
    /// folded here, in the caller's context). Not cached: the answer depends on the call.
    /// </summary>
    private Folded FoldReturnsWithArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Context context)
    {
        var key = method.OriginalDefinition;
        if (key.DeclaringSyntaxReferences.Length != 1
            || !_compilation.ContainsSyntaxTree(key.DeclaringSyntaxReferences[0].SyntaxTree)
            || key.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration)
        {
            return Folded.Unknown;
        }

        // Only arguments that say something (known text, or a parameter of a method being summarised) can give the
        // returns a host: when none does, the callee's body is not folded again for this call.
        var bindings = ImmutableDictionary.CreateBuilder<IParameterSymbol, Folded>(SymbolEqualityComparer.Default);
        var informative = false;
        foreach (var parameter in key.Parameters)
        {
            if ((parameter.Type.SpecialType == SpecialType.System_String || NetworkTypes.IsUriOrAddress(parameter.Type))
                && ArgumentFor(arguments, parameter.Ordinal) is { } argument)
            {
                var value = Fold(argument, context);
                informative |= value.IsInformative;
                bindings[parameter] = value;
            }
        }

        if (!informative)
        {
            return Folded.Unknown;
        }

        if (!context.Enter(key))
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        var outer = context.Bindings;
        var outerMemo = context.SwapWriteMemo(null);
        try
        {
            context.Bindings = bindings.ToImmutable();
#pragma warning disable RS1030 // The declaring file's model, for one method body.
            var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            return declaration switch
            {
                { ExpressionBody: { } body } => Fold(model.GetOperation(body.Expression, context.CancellationToken), context),
                { Body: { } block } => FoldReturns(model.GetOperation(block, context.CancellationToken), context),
                _ => Folded.Unknown,
            };
        }
        finally
        {
            context.Bindings = outer;
            context.SwapWriteMemo(outerMemo);
            context.Leave(key);
        }
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

    private bool IsOwnNonVirtual(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern
        && method.ReturnType.SpecialType == SpecialType.System_String
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

    private Folded FoldDeclaredValue(SyntaxReference reference, Context context)
    {
        var syntax = reference.GetSyntax(context.CancellationToken);
        var value = DeclaredExpression(syntax);

        // The declaration may sit in another file than the endpoint: its operation comes from that file's model.
#pragma warning disable RS1030 // One model per declaring file, used for one member whose result is cached.
        var model = _compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
        if (value is not null)
        {
            return Fold(model.GetOperation(value, context.CancellationToken), context);
        }

        // A getter or method with a body: every value it returns.
        var block = syntax switch
        {
            PropertyDeclarationSyntax { AccessorList: { } accessors } => SingleGetter(accessors)?.Body,
            MethodDeclarationSyntax method => method.Body,
            _ => null,
        };

        return block is null ? Folded.Unknown : FoldReturns(model.GetOperation(block, context.CancellationToken), context);
    }

    /// <summary>Every <c>return</c> of a body (not those of its lambdas and local functions), as one set of values.</summary>
    private Folded FoldReturns(IOperation? body, Context context)
    {
        if (body is null)
        {
            return Folded.Unknown;
        }

        var result = Folded.Unknown;
        var any = false;
        foreach (var returned in OperationWalk.Returns(body))
        {
            result = any ? Folded.Either(result, Fold(returned, context)) : Fold(returned, context);
            any = true;
        }

        return result;
    }

    /// <summary>
    /// The one expression a declaration gives its value by: a field's initializer, a get-only property's initializer or
    /// expression body, a method's expression body; null for anything else (a body with statements).
    /// </summary>
    private static ExpressionSyntax? DeclaredExpression(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
        PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
        PropertyDeclarationSyntax { Initializer: { } initializer, AccessorList: { } accessors } when IsAutoGetter(accessors) => initializer.Value,
        PropertyDeclarationSyntax { AccessorList: { } accessors } when SingleGetter(accessors)?.ExpressionBody is { } getter => getter.Expression,
        MethodDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
        _ => null,
    };

    private static bool IsAutoGetter(AccessorListSyntax accessors) =>
        accessors.Accessors.Count == 1 && accessors.Accessors[0] is { Body: null, ExpressionBody: null } accessor
        && accessor.IsKind(SyntaxKind.GetAccessorDeclaration);

    private static AccessorDeclarationSyntax? SingleGetter(AccessorListSyntax accessors) =>
        accessors.Accessors.Count == 1 && accessors.Accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration) ? accessors.Accessors[0] : null;

    private Folded FoldLocal(ILocalReferenceOperation reference, Context context)
    {
        var local = reference.Local;
        if (local.IsConst && local.ConstantValue is string constant)
        {
            return new Folded(constant, true, null);
        }

        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return Folded.Unknown;
        }

        // NT0001, NT0003 and NT0006 ask about the same endpoints, and one local's value feeds many others: a read whose
        // value does not depend on the question (no summary, no call's arguments, nothing cut) is folded once.
        var shareable = context.Summarized is null && context.Bindings is null;
        if (shareable && _reads.TryGetValue(reference.Syntax, out var known))
        {
            return known;
        }

        // The guard is the read, not the local: url = url + "/x" reads url's earlier value at another place. A read
        // met again on the same path is a loop (url = url + "/x" inside one), cut there.
        if (!context.Enter(reference.Syntax))
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        var cutsBefore = context.Cuts;

        try
        {
            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken);
            switch (declaration)
            {
                case ForEachStatementSyntax loop:
                    // foreach (var mirror in Mirrors): every element of a constant collection.
                    return FoldElements(model.GetOperation(loop.Expression, context.CancellationToken), context);
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }:
                    // Uri.TryCreate("https://...", UriKind.Absolute, out var uri): uri holds the first argument.
                    return model.GetOperation(call, context.CancellationToken) is IInvocationOperation
                    {
                        TargetMethod: { Name: "TryCreate", ContainingType: { } uriType },
                        Arguments.Length: 3,
                    } tryCreate && NetworkTypes.IsUri(uriType)
                        ? NetworkTypes.IsUri(tryCreate.Arguments[0].Value.Type) ? Fold(tryCreate.Arguments[0], context).WithRelativePart() : Fold(tryCreate.Arguments[0], context)
                        : Folded.Unknown;
            }

            var folded = FoldWrites(LocalFlow.ReachingWrites(reference, context.CancellationToken), model, context);
            return shareable && context.Cuts == cutsBefore ? _reads.GetOrAdd(reference.Syntax, folded) : folded;
        }
        finally
        {
            context.Leave(reference.Syntax);
        }
    }

    /// <summary>
    /// The values a local can hold where it is read: one per write that reaches the read (<c>if (beta) url = a; else
    /// url = b;</c> is either). A write that cannot be followed makes its value unknown, which is one more alternative.
    /// </summary>
    private Folded FoldWrites(ImmutableArray<LocalWrite> writes, SemanticModel model, Context context)
    {
        if (writes.IsDefaultOrEmpty)
        {
            return Folded.Unknown;
        }

        // Writes reached through other writes nest; the memo of each question keeps this shallow, the limit keeps it safe.
        if (context.WriteDepth >= MaxDepth * 8)
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        context.WriteDepth++;
        try
        {
            return FoldWritesInOrder(writes, model, context);
        }
        finally
        {
            context.WriteDepth--;
        }
    }

    private Folded FoldWritesInOrder(ImmutableArray<LocalWrite> writes, SemanticModel model, Context context)
    {
        // In source order, so that a message names the values as the code writes them.
        var ordered = writes.Length == 1 ? writes : writes.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        var result = Folded.Unknown;
        for (var i = 0; i < ordered.Length; i++)
        {
            var value = FoldWrite(ordered[i], model, context);
            result = i == 0 ? value : Folded.Either(result, value);
        }

        return result;
    }

    /// <summary>
    /// The local's value right after <paramref name="write"/>. A chain of appends (<c>url += a; url += b; ...</c>) is
    /// walked back in a loop, not by recursion, and each write's value is worked out once per question: a query string
    /// built from many optional parts costs one pass over its writes, not one per path.
    /// </summary>
    private Folded FoldWrite(LocalWrite write, SemanticModel model, Context context)
    {
        if (write.Kind == WriteKind.Entry)
        {
            return write.Local is IParameterSymbol parameter && Incoming(parameter, context) is { } incoming ? incoming : Folded.Unknown;
        }

        if (context.TryGetWrite(write, out var known))
        {
            return known;
        }

        // Back from this write while each append has exactly one write before it: the chain, then its start.
        var chain = new List<LocalWrite>();
        var current = write;
        Folded start;
        while (true)
        {
            if (context.TryGetWrite(current, out var memo))
            {
                start = memo;
                break;
            }

            if (current.Kind == WriteKind.Entry)
            {
                start = FoldWrite(current, model, context);
                break;
            }

            if (current.Kind != WriteKind.Append)
            {
                start = Fold(current.SourceValue(model, context.CancellationToken), context);
                context.RememberWrite(current, start);
                break;
            }

            chain.Add(current);
            if (!context.Enter(current))
            {
                // In a loop, appends reach each other: one already being expanded is cut (its text is in the prefix).
                context.Cuts++;
                chain.RemoveAt(chain.Count - 1);
                start = Folded.Unknown;
                break;
            }

            var before = LocalFlow.ReachingWritesBefore(current, context.CancellationToken);
            if (before.Length != 1)
            {
                start = FoldWrites(before, model, context);
                break;
            }

            current = before[0];
        }

        // Forward again: each append adds its text to what came before it.
        var value = start;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var append = chain[i];
            value = value.Append(Fold(append.SourceValue(model, context.CancellationToken), context));
            context.Leave(append);
            context.RememberWrite(append, value);
        }

        return value;
    }

    /// <summary>The elements of a constant array, collection initializer or collection expression, as one set.</summary>
    private Folded FoldElements(IOperation? collection, Context context)
    {
        // Collections held in fields, properties and locals that hold other collections: as deep as any fold goes.
        if (context.Depth > MaxDepth)
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        context.Depth++;
        try
        {
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            return collection switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => FoldEach(initializer.ElementValues, context),
                IArrayInitializerOperation initializer => FoldEach(initializer.ElementValues, context),
                IObjectCreationOperation { Initializer: { } initializer } => FoldEach(CollectionElements(initializer), context),
                IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => FoldDeclaredElements(field, context),
                IPropertyReferenceOperation { Property: { SetMethod: null } property } => FoldDeclaredElements(property, context),

                // string[] mirrors = { ... }; foreach (var m in mirrors): the elements of every collection the local can hold.
                ILocalReferenceOperation { SemanticModel: { } model } local => FoldLocalElements(local, model, context),
                _ => Folded.Unknown,
            };
        }
        finally
        {
            context.Depth--;
        }
    }

    private Folded FoldEach(ImmutableArray<IOperation> elements, Context context)
    {
        var result = Folded.Unknown;
        for (var i = 0; i < elements.Length; i++)
        {
            var element = Fold(elements[i], context);
            result = i == 0 ? element : Folded.Either(result, element);
        }

        return result;
    }

    private Folded FoldLocalElements(ILocalReferenceOperation local, SemanticModel model, Context context)
    {
        var writes = LocalFlow.ReachingWrites(local, context.CancellationToken);
        if (writes.IsDefaultOrEmpty)
        {
            return Folded.Unknown;
        }

        if (!context.Enter(local.Syntax))
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        try
        {
            var result = Folded.Unknown;
            for (var i = 0; i < writes.Length; i++)
            {
                var elements = writes[i].Kind == WriteKind.Assign ? FoldElements(writes[i].SourceValue(model, context.CancellationToken), context) : Folded.Unknown;
                result = i == 0 ? elements : Folded.Either(result, elements);
            }

            return result;
        }
        finally
        {
            context.Leave(local.Syntax);
        }
    }

    /// <summary>The elements of <c>static readonly string[] Mirrors = { "https://a", "https://b" };</c>.</summary>
    private Folded FoldDeclaredElements(ISymbol member, Context context)
    {
        if (member.DeclaringSyntaxReferences.Length != 1
            || !_compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree)
            || DeclaredExpression(member.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken)) is not { } value)
        {
            return Folded.Unknown;
        }

        if (!context.Enter(member.OriginalDefinition))
        {
            context.Cuts++;
            return Folded.Unknown;
        }

        try
        {
#pragma warning disable RS1030 // The declaring file's model, for one initializer.
            return FoldElements(_compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value, context.CancellationToken), context);
#pragma warning restore RS1030
        }
        finally
        {
            context.Leave(member.OriginalDefinition);
        }
    }

    /// <summary><c>new List&lt;string&gt; { "a", "b" }</c>: the argument of each <c>Add</c>.</summary>
    private static ImmutableArray<IOperation> CollectionElements(IObjectOrCollectionInitializerOperation initializer)
    {
        var elements = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var initialized in initializer.Initializers)
        {
            if (initialized is IInvocationOperation { Arguments.Length: 1 } add)
            {
                elements.Add(add.Arguments[0].Value);
            }
        }

        return elements.ToImmutable();
    }

    /// <summary>The symbols being folded on this path (a cycle folds to unknown) and the recursion depth.</summary>
    private sealed class Context
    {
        private HashSet<ISymbol>? _visiting;
        private HashSet<LocalWrite>? _expanding;
        private HashSet<SyntaxNode>? _reads;

        public Context(CancellationToken cancellationToken)
        {
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public int Depth { get; set; }

        /// <summary>How often a cycle or the depth limit cut the folding short: a result computed with a cut is not cached.</summary>
        public int Cuts { get; set; }

        /// <summary>The method whose parameters fold to themselves (<see cref="Folded.FromParameter"/>), when one is summarised.</summary>
        public IMethodSymbol? Summarized { get; set; }

        /// <summary>While a product method's returns are folded for one call: what its parameters hold.</summary>
        public ImmutableDictionary<IParameterSymbol, Folded>? Bindings { get; set; }

        public bool Enter(ISymbol symbol) => (_visiting ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);

        public void Leave(ISymbol symbol) => _visiting?.Remove(symbol);

        /// <summary>An append whose earlier value is being folded on this path: in a loop, appends reach each other.</summary>
        public bool Enter(LocalWrite write) => (_expanding ??= new HashSet<LocalWrite>()).Add(write);

        public void Leave(LocalWrite write) => _expanding?.Remove(write);

        /// <summary>Folds one question may take; past it the rest is cut (the answer is then not cached).</summary>
        public const int StepBudget = 20000;

        private Dictionary<SyntaxNode, Folded>? _writes;

        /// <summary>How many folds this question has taken.</summary>
        public int Steps { get; set; }

        /// <summary>How deep writes reached through other writes are nested on this path.</summary>
        public int WriteDepth { get; set; }

        /// <summary>The value after a write, when this question already worked it out.</summary>
        public bool TryGetWrite(LocalWrite write, out Folded value)
        {
            value = Folded.Unknown;
            return _writes is not null && _writes.TryGetValue(write.Syntax, out value);
        }

        public void RememberWrite(LocalWrite write, Folded value) => (_writes ??= new Dictionary<SyntaxNode, Folded>())[write.Syntax] = value;

        /// <summary>
        /// A write's value depends on what the parameters hold: while a member is folded with other bindings (none, a
        /// call's arguments, a summary), it gets a memo of its own. Returns the memo to put back.
        /// </summary>
        public Dictionary<SyntaxNode, Folded>? SwapWriteMemo(Dictionary<SyntaxNode, Folded>? memo)
        {
            var previous = _writes;
            _writes = memo;
            return previous;
        }

        /// <summary>A read of a local whose value is being folded on this path.</summary>
        public bool Enter(SyntaxNode read) => (_reads ??= new HashSet<SyntaxNode>()).Add(read);

        public void Leave(SyntaxNode read) => _reads?.Remove(read);
    }

    /// <summary>
    /// The leading text of a value known at compile time, or a set of such values (<c>beta ? a : b</c>, a local
    /// written on several paths, the elements of a constant array). <see cref="Complete"/> is false when run-time text
    /// may follow; <see cref="Origin"/> names the field or property the text came from.
    /// </summary>
    private readonly struct Folded
    {
        /// <summary>At most this many values are kept for one set; a set that grows larger keeps its first ones.</summary>
        public const int MaxAlternatives = 16;

        /// <summary>At most this much known text is kept: a URL's scheme and host come first.</summary>
        public const int MaxText = 2048;

        public static readonly Folded Unknown = new(string.Empty, false, null);

        private readonly ImmutableArray<Folded> _set;

        public Folded(string text, bool complete, string? origin)
            : this(text, complete, origin, parameter: null, isWholeParameter: false)
        {
        }

        private Folded(string text, bool complete, string? origin, IParameterSymbol? parameter, bool isWholeParameter)
        {
            Text = text;
            Complete = complete;
            Origin = origin;
            Parameter = parameter;
            IsWholeParameter = isWholeParameter;
            _set = default;
        }

        private Folded(ImmutableArray<Folded> set)
        {
            Text = string.Empty;
            Complete = true;
            Origin = null;
            Parameter = null;
            IsWholeParameter = false;
            foreach (var alternative in set)
            {
                Complete &= alternative.Complete;
                Origin ??= alternative.Origin;
            }

            _set = set;
        }

        /// <summary>The known text of a single value; empty for a set (see <see cref="Alternatives"/>).</summary>
        public string Text { get; }

        public bool Complete { get; }

        /// <summary>Some value of it is whole (for a single value, <see cref="Complete"/>).</summary>
        public bool AnyComplete => Any(static alternative => alternative.Complete);

        public string? Origin { get; }

        /// <summary>
        /// When a method is summarised (<see cref="FoldForSummary"/>): the parameter of that method whose value comes right
        /// after <see cref="Text"/>, the first part that is not constant.
        /// </summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The value is the parameter itself, nothing before or after it.</summary>
        public bool IsWholeParameter { get; }

        /// <summary>The value of a parameter of the method being summarised: unknown text, but whose.</summary>
        public static Folded FromParameter(IParameterSymbol parameter) => new(string.Empty, false, null, parameter, isWholeParameter: true);

        /// <summary>Some value of it has known text, or starts with a parameter of the method being summarised.</summary>
        public bool IsInformative => Any(static alternative => alternative.Text.Length > 0 || alternative.Parameter is not null);

        /// <summary>Some value of it has known text.</summary>
        public bool HasText => Any(static alternative => alternative.Text.Length > 0);

        /// <summary>Whether some value it can be satisfies <paramref name="predicate"/>.</summary>
        private bool Any(Func<Folded, bool> predicate)
        {
            if (_set.IsDefault)
            {
                return predicate(this);
            }

            foreach (var alternative in _set)
            {
                if (predicate(alternative))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Each value it can be: itself, or the members of its set.</summary>
        public ImmutableArray<Folded> Alternatives() => _set.IsDefault ? ImmutableArray.Create(this) : _set;

        /// <summary>Either value: the union of their alternatives, without repeats, at most <see cref="MaxAlternatives"/>.</summary>
        public static Folded Either(Folded first, Folded second)
        {
            var set = ImmutableArray.CreateBuilder<Folded>();
            foreach (var alternative in first.Alternatives().AddRange(second.Alternatives()))
            {
                if (set.Count < MaxAlternatives && !Contains(set, alternative))
                {
                    set.Add(alternative);
                }
            }

            return set.Count == 1 ? set[0] : new Folded(set.ToImmutable());
        }

        public Folded Append(Folded next)
        {
            if (!_set.IsDefault)
            {
                return Map(this, a => a.Append(next));
            }

            if (!next._set.IsDefault)
            {
                var self = this;
                return Map(next, n => self.Append(n));
            }

            if (!Complete)
            {
                return Truncated();
            }

            // The origin is where the host came from: the appended part's only while the host is not yet complete.
            var origin = Origin ?? (Endpoint.HasCompleteAuthority(Text) ? null : next.Origin);

            // $"{a}{a}{a}{a}" nested: text grows fast and only its start matters. Past the limit, the rest is unknown.
            if (Text.Length + next.Text.Length > MaxText)
            {
                var kept = Text.Length >= MaxText ? Text : Text + next.Text.Substring(0, MaxText - Text.Length);
                return new(kept, false, origin, next.Parameter, isWholeParameter: false);
            }

            return new(Text + next.Text, next.Complete, origin, next.Parameter, Text.Length == 0 && next.IsWholeParameter);
        }

        /// <summary>The same known text, but more may follow it (a part that was not folded).</summary>
        public Folded Truncated() => _set.IsDefault ? new(Text, false, Origin, Parameter, isWholeParameter: false) : Map(this, a => a.Truncated());

        public Folded WithOrigin(string origin) =>
            _set.IsDefault ? new(Text, Complete, Origin ?? origin, Parameter, IsWholeParameter) : Map(this, a => a.WithOrigin(origin));

        /// <summary>
        /// A whole absolute URI (or scheme and host) to which a relative part is added: its authority ends here,
        /// so the host is known even though the rest is not.
        /// </summary>
        public Folded WithRelativePart()
        {
            if (!_set.IsDefault)
            {
                return Map(this, a => a.WithRelativePart());
            }

            if (!Complete)
            {
                return IsWholeParameter ? Truncated() : this;
            }

            return new Folded(Endpoint.HasPath(Text) ? Text : Text + "/", false, Origin);
        }

        /// <summary>Each value's text changed by <paramref name="change"/>, which keeps the host where it is.</summary>
        public Folded Map(Func<string, string> change) =>
            _set.IsDefault ? new(change(Text), Complete, Origin, Parameter, IsWholeParameter) : Map(this, a => a.Map(change));

        /// <summary>
        /// Trimmed like <see cref="string.Trim(char[])"/> (no characters: white space): a whole value at both ends, known
        /// leading text at its start only (its end is not known yet).
        /// </summary>
        public Folded Trim(char[] characters, bool start, bool end)
        {
            if (!_set.IsDefault)
            {
                return Map(this, a => a.Trim(characters, start, end));
            }

            var text = start ? (characters.Length == 0 ? Text.TrimStart() : Text.TrimStart(characters)) : Text;
            if (end && Complete)
            {
                text = characters.Length == 0 ? text.TrimEnd() : text.TrimEnd(characters);
            }

            return new(text, Complete, Origin, Parameter, IsWholeParameter && Text.Length == 0 && !start && !end);
        }

        private static bool Contains(ImmutableArray<Folded>.Builder set, Folded value)
        {
            foreach (var existing in set)
            {
                if (existing.Text == value.Text && existing.Complete == value.Complete)
                {
                    return true;
                }
            }

            return false;
        }

        private static Folded Map(Folded set, Func<Folded, Folded> map)
        {
            var result = map(set._set[0]);
            for (var i = 1; i < set._set.Length; i++)
            {
                result = Either(result, map(set._set[i]));
            }

            return result;
        }
    }
}

/// <summary>One value an endpoint can have, whose host is a compile-time constant.</summary>
internal readonly struct ResolvedAlternative
{
    public ResolvedAlternative(string text, string host)
    {
        Text = text;
        Host = host;
    }

    /// <summary>The known leading text, e.g. <c>https://updates.example.com/feed?v=</c>.</summary>
    public string Text { get; }

    public string Host { get; }

    /// <summary>The scheme and authority of a URL (<c>https://updates.example.com</c>), or the host itself.</summary>
    public string Display => Endpoint.SchemeAndAuthority(Text) ?? Host;
}

/// <summary>
/// An endpoint whose host is a compile-time constant: one value, or several (<c>beta ? a : b</c>, mirrors tried in
/// turn), each with its host.
/// </summary>
internal sealed class ResolvedEndpoint
{
    public ResolvedEndpoint(ImmutableArray<ResolvedAlternative> alternatives, string? origin)
    {
        Alternatives = alternatives;
        Origin = origin;
    }

    /// <summary>Every value with a known host, without repeated hosts; never empty.</summary>
    public ImmutableArray<ResolvedAlternative> Alternatives { get; }

    /// <summary>
    /// The field or property the constant came from (<c>UpdateChecker.FeedUrl</c>), or null for a literal; for a set, the
    /// first value's that has one.
    /// </summary>
    public string? Origin { get; }
}

/// <summary>The constant text a string value starts with; <see cref="Complete"/> when that is all of it.</summary>
internal readonly struct ConstantText
{
    public ConstantText(string text, bool complete)
    {
        Text = text;
        Complete = complete;
    }

    public string Text { get; }

    public bool Complete { get; }
}
