using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// What the NT0004 code fix can rewrite: a call that sends, written as a statement on its own
/// (<c>client.PostAsync(...).Wait();</c>, <c>_ = client.PostAsync(...);</c>, <c>await client.PostAsync(...);</c>, an
/// expression-bodied handler), which it replaces with writing a local report. Used by the analyzer, which marks the
/// finding (<see cref="CrashReport"/>, <see cref="ExitReport"/>), and the fix, which rewrites what is marked.
/// </summary>
internal static class CrashReportFix
{
    /// <summary>
    /// The <c>fix</c> property of an NT0004 finding whose sending statement can write a local crash report instead: an
    /// exception is in scope (see <see cref="ExceptionInScope"/>).
    /// </summary>
    public const string CrashReport = "crash-report";

    /// <summary>
    /// The <c>fix</c> property of an NT0004 finding in an exit or stopping hook, without an exception in scope, whose sending
    /// statement can write what it would have sent to a local report file instead (see <see cref="KeptTexts"/>).
    /// </summary>
    public const string ExitReport = "exit-report";

    /// <summary>
    /// The expression of the statement that only sends, when the statement is nothing but the send (waited for, awaited,
    /// with or without <c>ConfigureAwait</c>, or discarded): the part the fix replaces. Null otherwise.
    /// </summary>
    public static ExpressionSyntax? StatementOf(IOperation send)
    {
        var top = send;
        if (top.Parent is IInvocationOperation { TargetMethod.Name: "Wait", Arguments.IsEmpty: true } wait && wait.Instance == top)
        {
            top = wait;
        }
        else if (top.Parent is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter && awaiter.Instance == top
            && awaiter.Parent is IInvocationOperation { TargetMethod.Name: "GetResult" } result && result.Instance == awaiter)
        {
            top = result;
        }
        else if (top.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard && discard.Value == top)
        {
            top = discard;
        }
        else if (AwaitOf(send) is { } awaited)
        {
            top = awaited;
        }

        return top.Parent is IExpressionStatementOperation && top.Syntax is ExpressionSyntax expression ? expression : null;
    }

    /// <summary>The <c>await</c> of the send itself (<c>await send</c>, <c>await send.ConfigureAwait(...)</c>); null when it is not awaited so.</summary>
    public static IAwaitOperation? AwaitOf(IOperation send)
    {
        var top = send;
        if (top.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configured && configured.Instance == top)
        {
            top = configured;
        }

        return top.Parent is IAwaitOperation awaited && awaited.Operation == top ? awaited : null;
    }

    /// <summary>
    /// The argument of the <c>ConfigureAwait</c> <paramref name="await"/> goes through (<c>false</c>, say), which what replaces
    /// the send keeps; null without one.
    /// </summary>
    public static IOperation? ConfigureAwaitArgument(IAwaitOperation await) =>
        await.Operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configured ? configured.Arguments[0].Value : null;

    /// <summary>Whether the compilation's <c>System.IO.File</c> has <c>WriteAllTextAsync(string, string, CancellationToken)</c> (not .NET Framework).</summary>
    public static bool HasWriteAllTextAsync(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.IO.File") is { } file
        && file.GetMembers("WriteAllTextAsync").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 3
            && m.Parameters[0].Type.SpecialType == SpecialType.System_String && m.Parameters[1].Type.SpecialType == SpecialType.System_String
            && m.Parameters[2].Type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } });

    /// <summary>
    /// Whether the function whose body holds <paramref name="await"/> awaits anything else (an <c>await</c>, <c>await foreach</c>
    /// or <c>await using</c> of its own, not of its lambdas or local functions): then it stays <c>async</c> without this one.
    /// </summary>
    public static bool AwaitsElsewhere(IAwaitOperation await)
    {
        IOperation body = await;
        while (body.Parent is { } parent && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            body = parent;
        }

        foreach (var operation in OperationWalk.Descendants(body, static o => o is IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            if (operation != await
                && operation is IAwaitOperation or IForEachLoopOperation { IsAsynchronous: true } or IUsingOperation { IsAsynchronous: true } or IUsingDeclarationOperation { IsAsynchronous: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the statement of an awaited send can be replaced: by awaiting the asynchronous write where the compilation
    /// has it, else by the synchronous write where the function still awaits something else (without any await left, the
    /// compiler would warn that the async function runs synchronously, CS1998). A send not awaited: true.
    /// </summary>
    public static bool CanReplaceAwait(IOperation send, Compilation compilation) =>
        AwaitOf(send) is not { } awaited || HasWriteAllTextAsync(compilation) || AwaitsElsewhere(awaited);

    /// <summary>
    /// The exception the code at <paramref name="position"/> was given: an <c>Exception</c> parameter of the functions around
    /// it, innermost first, or a parameter whose type has an <c>ExceptionObject</c> (<c>UnhandledExceptionEventArgs</c>) or
    /// <c>Exception</c> property (then <paramref name="property"/> is that property). Null without one.
    /// </summary>
    public static IParameterSymbol? ExceptionInScope(SemanticModel model, int position, out IPropertySymbol? property, CancellationToken cancellationToken)
    {
        property = null;
        if (model.Compilation.GetTypeByMetadataName("System.Exception") is not { } exceptionType)
        {
            return null;
        }

        for (var symbol = model.GetEnclosingSymbol(position, cancellationToken); symbol is IMethodSymbol function; symbol = function.ContainingSymbol)
        {
            foreach (var parameter in function.Parameters)
            {
                if (DerivesFrom(parameter.Type, exceptionType))
                {
                    return parameter;
                }

                var candidate = parameter.Type.GetMembers("ExceptionObject").OfType<IPropertySymbol>().FirstOrDefault()
                    ?? parameter.Type.GetMembers("Exception").OfType<IPropertySymbol>().FirstOrDefault(p => DerivesFrom(p.Type, exceptionType));
                if (candidate is { IsStatic: false, GetMethod: not null })
                {
                    property = candidate;
                    return parameter;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What an exit report keeps of a send: the text the send would have sent, in argument order — each argument that is a
    /// string or a <c>Uri</c>, the string given to <c>new StringContent(...)</c> or <c>new Uri(...)</c>. Every other argument,
    /// and the receiver, must carry no data and have no side effect (a constant, <c>null</c> or <c>default</c>, a cancellation
    /// token, the encoding and media type of a <c>StringContent</c>; a receiver read from a local, parameter, field or
    /// property): otherwise, and when nothing is kept, null, and the finding has no exit-report fix.
    /// </summary>
    public static ImmutableArray<IOperation>? KeptTexts(IOperation send)
    {
        var (instance, arguments) = send switch
        {
            IInvocationOperation invocation => (invocation.Instance, invocation.Arguments),
            IObjectCreationOperation creation => (null, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };

        if (send is not (IInvocationOperation or IObjectCreationOperation) || (instance is not null && !IsPlainRead(instance)))
        {
            return null;
        }

        var kept = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var argument in arguments.OrderBy(a => a.Syntax.SpanStart))
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind != ArgumentKind.Explicit)
            {
                return null;
            }

            var value = Unconvert(argument.Value);
            if (send is IInvocationOperation { TargetMethod.IsExtensionMethod: true } && argument.Parameter?.Ordinal == 0)
            {
                // The receiver of an extension method (client.PostAsJsonAsync(...)): read, not sent.
                if (!IsPlainRead(value))
                {
                    return null;
                }
            }
            else if (IsText(value.Type))
            {
                kept.Add(value);
            }
            else if (value is IObjectCreationOperation { Constructor: { } constructor, Initializer: null } creation
                && constructor.ContainingType is { Name: "StringContent" or "Uri" } created
                && creation.Arguments.Length > 0
                && Unconvert(creation.Arguments[0].Value) is { } text && text.Type?.SpecialType == SpecialType.System_String
                && (created.Name == "StringContent" || creation.Arguments.Length == 1)
                && creation.Arguments.Skip(1).All(a => a.ArgumentKind == ArgumentKind.DefaultValue || IsPlainRead(Unconvert(a.Value))))
            {
                kept.Add(text);
            }
            else if (!CarriesNoData(value))
            {
                return null;
            }
        }

        return kept.Count == 0 ? null : kept.ToImmutable();
    }

    private static bool IsText(ITypeSymbol? type) =>
        type is { SpecialType: SpecialType.System_String } or { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>A constant, <c>null</c>, <c>default</c> or a cancellation token read without a call: nothing of the user's is lost when it goes.</summary>
    private static bool CarriesNoData(IOperation value) =>
        value.ConstantValue.HasValue
        || value is IDefaultValueOperation
        || (value.Type is { Name: "CancellationToken" } && IsPlainRead(value));

    /// <summary>A read of a local, parameter, field, property (without arguments) or <c>this</c>, or a constant: no side effect to keep.</summary>
    private static bool IsPlainRead(IOperation operation)
    {
        for (var current = Unconvert(operation); ; current = Unconvert(current))
        {
            switch (current)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or IDefaultValueOperation:
                    return true;
                case { ConstantValue.HasValue: true }:
                    return true;
                case IFieldReferenceOperation field:
                    if (field.Instance is null)
                    {
                        return true;
                    }

                    current = field.Instance;
                    continue;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    if (property.Instance is null)
                    {
                        return true;
                    }

                    current = property.Instance;
                    continue;
                default:
                    return false;
            }
        }
    }

    private static IOperation Unconvert(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fix a send that is a statement of its own can have, where it runs (the hook's handler, or a helper only hooks
    /// call): <see cref="CrashReport"/> with an exception in scope; <see cref="ExitReport"/> when <paramref name="exitReport"/>
    /// (a send or SDK call from an exit or stopping hook) and what it sends can be kept; null otherwise, and when an awaited
    /// send could not be replaced (see <see cref="CanReplaceAwait"/>).
    /// </summary>
    public static string? FixFor(IOperation send, bool exitReport, CancellationToken cancellationToken)
    {
        if (StatementOf(send) is null || send.SemanticModel is not { } model || !CanReplaceAwait(send, model.Compilation))
        {
            return null;
        }

        // The crash report keeps the exception, not what else the send was given: only where that loses no work of the product's.
        if (ExceptionInScope(model, send.Syntax.SpanStart, out _, cancellationToken) is not null)
        {
            return OperationEffects.RunsProductCode(send, includeSelf: false) ? null : CrashReport;
        }

        return exitReport && KeptTexts(send) is not null ? ExitReport : null;
    }
}
