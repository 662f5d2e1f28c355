using System.Collections.Generic;
using System.Linq;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// Which arguments of an SDK call NT0001's local-logging fix keeps, as the catalogue's <c>log-arguments</c> say
/// (<see cref="LocalLogArguments"/>): an argument the catalogue leaves out goes only when going loses no side effect
/// (<see cref="LosesNothing"/>); the decision travels to the fix in <see cref="DiagnosticProperties.LogLeftOut"/>,
/// <see cref="DiagnosticProperties.LogTemplate"/> and, when the SDK's own level chooses it, <see cref="DiagnosticProperties.LogLevel"/>.
/// </summary>
internal static class LoggedArguments
{
    /// <summary>
    /// Whether the log call for <paramref name="invocation"/> leaves <paramref name="argument"/> out: null when the catalogue
    /// keeps it, true when the catalogue leaves it out and its value loses nothing by going, false when the catalogue leaves
    /// it out but going would lose what it does (a call, a creation, a property read, an <c>out</c> or <c>ref</c>): then
    /// the call has no fix.
    /// </summary>
    public static bool? LeavesOut(IInvocationOperation invocation, ArgumentSyntax argument, TelemetryMatcher matcher)
    {
        if (ArgumentOf(invocation, argument) is not { } given
            || RuleOf(invocation, matcher) is not { } rule
            || !rule.LeavesOut(given.Parameter.Name))
        {
            return null;
        }

        return given.Parameter.RefKind == RefKind.None && argument.RefKindKeyword.RawKind == 0 && LosesNothing(given.Value);
    }

    /// <summary>
    /// The parameter <paramref name="argument"/> is given to and its value; each element of an expanded <c>params</c> array
    /// (<c>TrackError(e, props, first, second)</c>) is given to the array's parameter. Null when it binds to none.
    /// </summary>
    public static (IParameterSymbol Parameter, IOperation Value)? ArgumentOf(IInvocationOperation invocation, ArgumentSyntax argument)
    {
        foreach (var given in invocation.Arguments)
        {
            if (given.Parameter is not { } parameter)
            {
                continue;
            }

            if (given.ArgumentKind != ArgumentKind.ParamArray)
            {
                if (given.Syntax == argument)
                {
                    return (parameter, given.Value);
                }

                continue;
            }

            if (given.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    if (element.Syntax == argument.Expression)
                    {
                        return (parameter, element);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// For a call marked loggable: the parameters whose arguments the log call leaves out, comma-separated in source order,
    /// or null for none.
    /// </summary>
    public static string? LeftOut(IInvocationOperation invocation, TelemetryMatcher matcher)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax || RuleOf(invocation, matcher) is not { } rule)
        {
            return null;
        }

        // The SDK's level that chooses the log call's level is not logged as well.
        var level = ChosenLevel(invocation, matcher)?.Parameter;
        var names = new List<string>();
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (LeavesOut(invocation, argument, matcher) == true || (level is not null && ArgumentOf(invocation, argument)?.Parameter.Name == level))
            {
                var name = ArgumentOf(invocation, argument)!.Value.Parameter.Name;
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        return names.Count == 0 ? null : string.Join(",", names);
    }

    /// <summary>
    /// For a call marked loggable: the level that the SDK's own level chooses, when the catalogue marks its parameter
    /// <c>:level</c>, the call gives it an enum member (a constant: going loses nothing) and <c>log-levels</c> name that
    /// member (<c>SentryLevel.Fatal Critical</c>); else null, and the member's level holds.
    /// </summary>
    public static (string Parameter, string Level)? ChosenLevel(IInvocationOperation invocation, TelemetryMatcher matcher)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax
            || matcher.Match(invocation.TargetMethod) is not { } service
            || service.LogArgumentsOf(invocation.TargetMethod)?.Level is not { } parameter)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (ArgumentOf(invocation, argument) is { } given
                && given.Parameter.Name == parameter
                && Unwrapped(given.Value) is IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: TypeKind.Enum } member }
                && service.LogLevelChosenBy(member) is { } level)
            {
                return (parameter, level);
            }
        }

        return null;
    }

    /// <summary>
    /// For a call marked loggable: the parameter whose argument becomes the template itself, when the catalogue names one
    /// and the call gives it a constant string with no brace in it (a brace would be a hole of the message template), or null.
    /// </summary>
    public static string? Template(IInvocationOperation invocation, TelemetryMatcher matcher)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax || RuleOf(invocation, matcher)?.Template is not { } template)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (ArgumentOf(invocation, argument) is { } given
                && given.Parameter.Name == template
                && given.Value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } text }
                && text.IndexOfAny(new[] { '{', '}' }) < 0)
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>
    /// A value whose going loses nothing the program could miss: a constant, <c>null</c>, <c>default</c>, a local, a
    /// parameter, a field of such a value, or a callback (a lambda or anonymous method, which the SDK runs) that only
    /// configures what it is given (<see cref="OnlyConfiguresItsParameters"/>). A call, a creation, a property read (a getter
    /// runs), an assignment or an increment does something; so may a method group, whose body is elsewhere.
    /// </summary>
    public static bool LosesNothing(IOperation? value) => Unwrapped(value) switch
    {
        null => false,
        { ConstantValue.HasValue: true } => true,
        IAnonymousFunctionOperation callback => OnlyConfiguresItsParameters(callback),
        // A delegate in a variable is a callback whose body is elsewhere, as a method group's is: the SDK would run it.
        { Type.TypeKind: TypeKind.Delegate } => false,
        ILiteralOperation or IDefaultValueOperation or ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation field => field.Instance is null || LosesNothing(field.Instance),
        _ => false,
    };

    /// <summary>
    /// <c>scope =&gt; scope.SetTag("step", step)</c>, <c>scope =&gt; { scope.User = new SentryUser { Id = id }; }</c>: every statement
    /// calls a method of the callback's own parameter or sets one of its members, with values that lose nothing (or an SDK
    /// object made of such values). Anything else (<c>_failures++</c>, <c>Console.WriteLine(...)</c>, another SDK call) stays,
    /// and the call keeps its callback: no fix.
    /// </summary>
    private static bool OnlyConfiguresItsParameters(IAnonymousFunctionOperation callback)
    {
        foreach (var statement in callback.Body.Operations)
        {
            var configures = statement switch
            {
                IReturnOperation { ReturnedValue: null } => true,
                IExpressionStatementOperation { Operation: var expression } => Configures(expression, callback.Symbol),
                _ => false,
            };
            if (!configures)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Configures(IOperation expression, IMethodSymbol callback)
    {
        switch (expression)
        {
            // An SDK method of the scope: a product's own (an extension method declared in source) may do anything.
            case IInvocationOperation call when call.TargetMethod.Locations.All(l => !l.IsInSource):
                var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                return IsParameterOf(receiver, callback)
                    && call.Arguments.All(a => a.Value == receiver || a.ArgumentKind == ArgumentKind.DefaultValue || IsPlainValue(a.Value));
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment:
                return IsParameterOf(member.Instance, callback) && IsPlainValue(assignment.Value);
            default:
                return false;
        }
    }

    /// <summary>A value that loses nothing, or an object of another assembly (an SDK's user, a dictionary) made of such values.</summary>
    private static bool IsPlainValue(IOperation value) => Unwrapped(value) switch
    {
        IObjectCreationOperation { Constructor: { } constructor } creation => constructor.Locations.All(l => !l.IsInSource)
            && creation.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue || IsPlainValue(a.Value))
            && (creation.Initializer is null || creation.Initializer.Initializers.All(i => i is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation } } set && IsPlainValue(set.Value))),
        var other => LosesNothing(other),
    };

    private static bool IsParameterOf(IOperation? value, IMethodSymbol callback) =>
        Unwrapped(value) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, callback);

    /// <summary>The value under its built-in conversions, delegate creation and parentheses.</summary>
    private static IOperation? Unwrapped(IOperation? value)
    {
        // A user-defined conversion runs its operator: it stays, and does something.
        while (value is IConversionOperation { OperatorMethod: null } or IDelegateCreationOperation or IParenthesizedOperation)
        {
            value = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IDelegateCreationOperation creation => creation.Target,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => null,
            };
        }

        return value;
    }

    private static LocalLogArguments.Rule? RuleOf(IInvocationOperation invocation, TelemetryMatcher matcher) =>
        matcher.Match(invocation.TargetMethod) is { } service ? service.LogArgumentsOf(invocation.TargetMethod) : null;
}
