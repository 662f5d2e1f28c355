using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Altertech.NoTelemetry.Infrastructure;
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
    private readonly ConcurrentDictionary<SyntaxNode, LocalWrites> _writtenLocals = new();

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
        if (folded.Text.Length == 0)
        {
            return null;
        }

        if (Endpoint.TryGetHost(folded.Text, folded.Complete, acceptsBareHost, out var host))
        {
            return new ResolvedEndpoint(folded.Text, host, folded.Origin);
        }

        if (folded.Complete && folded.Text.IndexOf("://", StringComparison.Ordinal) < 0 && !folded.Text.StartsWith("//", StringComparison.Ordinal))
        {
            relative = folded.Text;
        }

        return null;
    }

    private Folded Fold(IOperation? operation, Context context)
    {
        if (operation is null || context.Depth > MaxDepth)
        {
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
            if (!result.Complete)
            {
                break;
            }
        }

        return result;
    }

    private Folded Concat(Folded left, IOperation right, Context context) =>
        left.Complete ? left.Append(Fold(right, context)) : left;

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
                    ? scheme.Append(new Folded("://", true, null)).Append(Fold(arguments[1], context)).WithRelativePart()
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
            default:
                return Folded.Unknown;
        }
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

        if (member.DeclaringSyntaxReferences.Length != 1 || !context.Enter(key))
        {
            return Folded.Unknown;
        }

        Folded folded;
        try
        {
            folded = FoldDeclaredValue(member.DeclaringSyntaxReferences[0], context);
        }
        finally
        {
            context.Leave(key);
        }

        if (folded.Text.Length > 0 && folded.Origin is null)
        {
            folded = new Folded(folded.Text, folded.Complete, DiagnosticLocations.Describe(member));
        }

        return _members.GetOrAdd(key, folded);
    }

    private Folded FoldDeclaredValue(SyntaxReference reference, Context context)
    {
        var syntax = reference.GetSyntax(context.CancellationToken);
        ExpressionSyntax? value = syntax switch
        {
            VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
            PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            PropertyDeclarationSyntax { Initializer: { } initializer, AccessorList: { } accessors } when IsAutoGetter(accessors) => initializer.Value,
            PropertyDeclarationSyntax { AccessorList: { } accessors } => SingleGetterExpression(accessors),
            _ => null,
        };

        if (value is null)
        {
            return Folded.Unknown;
        }

        // The declaration may sit in another file than the endpoint: its operation comes from that file's model.
#pragma warning disable RS1030 // One model per declaring file, used for one expression whose result is cached.
        var model = _compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
        return Fold(model.GetOperation(value, context.CancellationToken), context);
    }

    private static bool IsAutoGetter(AccessorListSyntax accessors) =>
        accessors.Accessors.Count == 1 && accessors.Accessors[0] is { Body: null, ExpressionBody: null } accessor
        && accessor.IsKind(SyntaxKind.GetAccessorDeclaration);

    private static ExpressionSyntax? SingleGetterExpression(AccessorListSyntax accessors)
    {
        if (accessors.Accessors.Count != 1 || !accessors.Accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration))
        {
            return null;
        }

        var getter = accessors.Accessors[0];
        return getter.ExpressionBody?.Expression
            ?? (getter.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);
    }

    private Folded FoldLocal(ILocalReferenceOperation reference, Context context)
    {
        var local = reference.Local;
        if (local.IsConst && local.ConstantValue is string constant)
        {
            return new Folded(constant, true, null);
        }

        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model || !context.Enter(local))
        {
            return Folded.Unknown;
        }

        try
        {
            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken);
            var writes = WritesInMember(declaration);
            if (writes is null || writes.Other.Contains(local.Name))
            {
                return Folded.Unknown;
            }

            if (writes.Simple.TryGetValue(local.Name, out var assignments))
            {
                return FoldAssignedValues(local, declaration, assignments, reference.Syntax, model, context);
            }

            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer }:
                    return Fold(model.GetOperation(initializer.Value, context.CancellationToken), context);
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }:
                    // Uri.TryCreate("https://...", UriKind.Absolute, out var uri): uri holds the first argument.
                    return model.GetOperation(call, context.CancellationToken) is IInvocationOperation
                    {
                        TargetMethod: { Name: "TryCreate", ContainingType: { } uriType },
                        Arguments.Length: 3,
                    } tryCreate && NetworkTypes.IsUri(uriType)
                        ? NetworkTypes.IsUri(tryCreate.Arguments[0].Value.Type) ? Fold(tryCreate.Arguments[0], context).WithRelativePart() : Fold(tryCreate.Arguments[0], context)
                        : Folded.Unknown;
                default:
                    return Folded.Unknown;
            }
        }
        finally
        {
            context.Leave(local);
        }
    }

    /// <summary>
    /// A local assigned in more than one place (<c>if (b) uri = a; else uri = new Uri(symbols, name);</c>): the
    /// first of its values, in source order, that names a remote host and can still be the local's value where it
    /// is read. The endpoint is hard-coded on that path even when another path takes it from the user.
    /// </summary>
    private Folded FoldAssignedValues(ILocalSymbol local, SyntaxNode declaration, List<AssignmentExpressionSyntax> assignments, SyntaxNode use, SemanticModel model, Context context)
    {
        var writes = new List<SyntaxNode>(assignments.Count + 1);
        if (declaration is VariableDeclaratorSyntax { Initializer: { } })
        {
            writes.Add(declaration);
        }

        writes.AddRange(assignments);
        foreach (var write in writes)
        {
            if (IsOverwrittenBefore(write, writes, use))
            {
                continue;
            }

            var value = write switch
            {
                VariableDeclaratorSyntax { Initializer: { } initializer } => model.GetOperation(initializer.Value, context.CancellationToken),
                _ => model.GetOperation(write, context.CancellationToken) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assigned
                    && SymbolEqualityComparer.Default.Equals(target.Local, local)
                        ? assigned.Value
                        : null,
            };
            var folded = Fold(value, context);
            if (folded.Text.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                return folded;
            }
        }

        return Folded.Unknown;
    }

    /// <summary>
    /// Whether another write always runs after <paramref name="write"/> and before <paramref name="use"/>: a
    /// statement of the same block, between the two, in a block that holds the use.
    /// </summary>
    private static bool IsOverwrittenBefore(SyntaxNode write, List<SyntaxNode> writes, SyntaxNode use)
    {
        var statement = write.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || StatementList(statement) is not { } block)
        {
            return false;
        }

        foreach (var other in writes)
        {
            if (other != write
                && other.Parent is ExpressionStatementSyntax later
                && StatementList(later) == block
                && later.SpanStart > statement.SpanStart
                && later.SpanStart < use.SpanStart
                && block.Span.Contains(use.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The block that lists <paramref name="statement"/>; for a top-level statement, the file.</summary>
    private static SyntaxNode? StatementList(StatementSyntax statement) =>
        statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;

    /// <summary>
    /// How the locals of the member that holds <paramref name="declaration"/> are written besides their
    /// declarations; null where the declaration is not inside a member. The member is scanned once and the answer
    /// kept, so this is a lookup after the first call.
    /// </summary>
    private LocalWrites? WritesInMember(SyntaxNode declaration)
    {
        SyntaxNode? scope = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax);
        scope ??= declaration.SyntaxTree.GetRoot();
        return scope is BaseTypeDeclarationSyntax or NamespaceDeclarationSyntax or FileScopedNamespaceDeclarationSyntax
            ? null
            : _writtenLocals.GetOrAdd(scope, CollectWrites);
    }

    private static LocalWrites CollectWrites(SyntaxNode scope)
    {
        var writes = new LocalWrites();
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    var name = target.Identifier.ValueText;
                    if (!writes.Simple.TryGetValue(name, out var list))
                    {
                        writes.Simple.Add(name, list = new List<AssignmentExpressionSyntax>());
                    }

                    list.Add(assignment);
                    break;
                case AssignmentExpressionSyntax assignment:
                    AddAssignedNames(assignment.Left, writes.Other);
                    break;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } prefix
                    when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    writes.Other.Add(operand.Identifier.ValueText);
                    break;
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand }:
                    writes.Other.Add(operand.Identifier.ValueText);
                    break;
                case ArgumentSyntax { Expression: IdentifierNameSyntax argument } passed when !passed.RefKindKeyword.IsKind(SyntaxKind.None):
                    writes.Other.Add(argument.Identifier.ValueText);
                    break;
            }
        }

        return writes;
    }

    private static void AddAssignedNames(ExpressionSyntax target, HashSet<string> names)
    {
        switch (target)
        {
            case IdentifierNameSyntax identifier:
                names.Add(identifier.Identifier.ValueText);
                break;
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    AddAssignedNames(argument.Expression, names);
                }

                break;
        }
    }

    /// <summary>The symbols being folded on this path (a cycle folds to unknown) and the recursion depth.</summary>
    /// <summary>The writes to locals in one member, by name: plain assignments, and names written any other way.</summary>
    private sealed class LocalWrites
    {
        public Dictionary<string, List<AssignmentExpressionSyntax>> Simple { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Other { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Context
    {
        private HashSet<ISymbol>? _visiting;

        public Context(CancellationToken cancellationToken)
        {
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public int Depth { get; set; }

        public bool Enter(ISymbol symbol) => (_visiting ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);

        public void Leave(ISymbol symbol) => _visiting?.Remove(symbol);
    }

    /// <summary>
    /// The leading text of a value known at compile time. <see cref="Complete"/> is false when run-time text may
    /// follow; <see cref="Origin"/> names the field or property the text came from.
    /// </summary>
    private readonly struct Folded
    {
        public static readonly Folded Unknown = new(string.Empty, false, null);

        public Folded(string text, bool complete, string? origin)
        {
            Text = text;
            Complete = complete;
            Origin = origin;
        }

        public string Text { get; }

        public bool Complete { get; }

        public string? Origin { get; }

        public Folded Append(Folded next) => new(Text + next.Text, Complete && next.Complete, Origin ?? next.Origin);

        /// <summary>The same known text, but more may follow it (a part that was not folded).</summary>
        public Folded Truncated() => new(Text, false, Origin);

        /// <summary>
        /// A whole absolute URI (or scheme and host) to which a relative part is added: its authority ends here,
        /// so the host is known even though the rest is not.
        /// </summary>
        public Folded WithRelativePart()
        {
            if (!Complete)
            {
                return this;
            }

            var schemeEnd = Text.IndexOf("://", StringComparison.Ordinal);
            var hasPath = schemeEnd > 0 && Text.IndexOf('/', schemeEnd + 3) > 0;
            return new Folded(hasPath ? Text : Text + "/", false, Origin);
        }
    }
}

/// <summary>An endpoint whose host is a compile-time constant.</summary>
internal sealed class ResolvedEndpoint
{
    public ResolvedEndpoint(string text, string host, string? origin)
    {
        Text = text;
        Host = host;
        Origin = origin;
    }

    /// <summary>The known leading text of the endpoint, e.g. <c>https://updates.example.com/feed?v=</c>.</summary>
    public string Text { get; }

    public string Host { get; }

    /// <summary>The field or property the constant came from (<c>UpdateChecker.FeedUrl</c>), or null for a literal.</summary>
    public string? Origin { get; }

    /// <summary>The scheme and authority of a URL (<c>https://updates.example.com</c>), or the host itself.</summary>
    public string Display
    {
        get
        {
            var schemeEnd = Text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0)
            {
                return Host;
            }

            var end = Text.IndexOfAny(new[] { '/', '?', '#' }, schemeEnd + 3);
            return end < 0 ? Text : Text.Substring(0, end);
        }
    }
}
