using System.Threading;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>How an initialisation or registration call is removed, by where it stands.</summary>
internal enum RemovalShape
{
    /// <summary>Its value is discarded (<c>SentrySdk.Init(...);</c>, <c>services.AddApplicationInsightsTelemetry();</c>, an expression body).</summary>
    Statement,

    /// <summary>A link of a fluent chain whose value goes on (<c>builder.UseSentry().Build()</c>): the link goes, the chain stays.</summary>
    Link,

    /// <summary>The resource of a <c>using</c> statement, which the body outlives (<c>using (SentrySdk.Init(...)) { ... }</c>).</summary>
    UsingBody,

    /// <summary>A <c>using var</c> declaration nothing else names (<c>using var sentry = SentrySdk.Init(...);</c>).</summary>
    UsingDeclaration,
}

/// <summary>
/// Whether, and how, the NT0001 code fix removes an SDK call that configures: decided here once, with the semantic model,
/// both for the analyzer (which marks the finding <c>fix = remove</c>) and for the fix (which applies the plan). A call is
/// removable only where what is left compiles and nothing but the SDK's own work is lost: its arguments call nothing but
/// the SDK (a lambda's body runs only if the SDK calls it), and a link of a chain is removed only when the value before it
/// has the type the link returned.
/// </summary>
internal sealed class TelemetryRemoval
{
    private TelemetryRemoval(RemovalShape shape, InvocationExpressionSyntax call, SyntaxNode target, ExpressionSyntax? kept, int depth)
    {
        Shape = shape;
        Call = call;
        Target = target;
        Kept = kept;
        Depth = depth;
    }

    public RemovalShape Shape { get; }

    public InvocationExpressionSyntax Call { get; }

    /// <summary>
    /// What the edit replaces: the expression statement, or the arrow clause or lambda whose body the call is (for
    /// <see cref="RemovalShape.Statement"/>); the call (<see cref="RemovalShape.Link"/>); the <c>using</c> statement or declaration.
    /// </summary>
    public SyntaxNode Target { get; }

    /// <summary>The receiver that stays in place of the call (<c>services</c>, <c>config</c> before <c>.WriteTo</c>); null for a static call.</summary>
    public ExpressionSyntax? Kept { get; }

    /// <summary>How many member accesses the call's receiver loses: 1, or 2 for a link reached through a property (<c>.WriteTo.ApplicationInsights(...)</c>).</summary>
    public int Depth { get; }

    /// <summary>
    /// The plan for removing <paramref name="invocation"/>, or null when removing it would not compile or would lose product
    /// code. <paramref name="matcher"/> checks the arguments; the code fix, applying what the analyzer already checked, passes null.
    /// </summary>
    public static TelemetryRemoval? Of(IInvocationOperation invocation, TelemetryMatcher? matcher, CancellationToken cancellationToken)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax call
            || invocation.SemanticModel is not { } model
            || (matcher is not null && !ArgumentsCallOnlyTheSdk(invocation, matcher)))
        {
            return null;
        }

        var (kept, depth) = Receiver(invocation, call, model, cancellationToken);
        switch (invocation.Parent)
        {
            case IExpressionStatementOperation statement when statement.Syntax is ExpressionStatementSyntax syntax && syntax.Expression == call:
                return new TelemetryRemoval(RemovalShape.Statement, call, syntax, kept, depth);

            // An expression body whose value is discarded: void M() => SentrySdk.Init(...), () => services.AddSentry().
            case IExpressionStatementOperation { IsImplicit: true } when call.Parent is ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax } or AnonymousFunctionExpressionSyntax:
                return new TelemetryRemoval(RemovalShape.Statement, call, call.Parent!, kept, depth);

            case IUsingOperation { Resources: var resource } @using when resource == invocation && @using.Syntax is UsingStatementSyntax usingStatement:
                return new TelemetryRemoval(RemovalShape.UsingBody, call, usingStatement, null, 0);
        }

        if (call.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } declarator })
        {
            var name = declarator.Identifier.ValueText;
            return declaration.Parent switch
            {
                UsingStatementSyntax usingStatement when !Names(usingStatement.Statement, name) =>
                    new TelemetryRemoval(RemovalShape.UsingBody, call, usingStatement, null, 0),
                LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } local when local.Parent is { } scope && !NamesOutside(scope, local, name) =>
                    new TelemetryRemoval(RemovalShape.UsingDeclaration, call, local, null, 0),
                _ => null,
            };
        }

        // builder.UseSentry().Build(): the link goes when the value before it is what it returned.
        if (kept is not null
            && call.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax or MemberAccessExpressionSyntax } access
            && access.Expression == call
            && invocation.Type is { } returned
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(kept, cancellationToken).Type, returned))
        {
            return new TelemetryRemoval(RemovalShape.Link, call, call, kept, depth);
        }

        return null;
    }

    /// <summary>
    /// What stays of <c>receiver.Call(...)</c>: the receiver, or the receiver of its property when that has the type the call
    /// returned (<c>config.WriteTo.ApplicationInsights(...)</c> returns <c>config</c>'s type); nothing for a static call.
    /// </summary>
    private static (ExpressionSyntax? Kept, int Depth) Receiver(IInvocationOperation invocation, InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
            || (invocation.Instance is null && !invocation.TargetMethod.IsExtensionMethod))
        {
            return (null, 0);
        }

        if (access.Expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } property
            && invocation.Type is { } returned
            && !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(access.Expression, cancellationToken).Type, returned)
            && model.GetSymbolInfo(property, cancellationToken).Symbol is IPropertySymbol
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(property.Expression, cancellationToken).Type, returned))
        {
            return (property.Expression, 2);
        }

        return (access.Expression, 1);
    }

    /// <summary>
    /// Whether the arguments run nothing of the product's when the call is gone: no call, creation or assignment outside the
    /// SDK. Lambdas are the SDK's callbacks (<c>o => o.Dsn = ...</c>), run only by the call being removed.
    /// </summary>
    private static bool ArgumentsCallOnlyTheSdk(IInvocationOperation invocation, TelemetryMatcher matcher)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Syntax == invocation.Instance?.Syntax || IsThisArgument(invocation, argument))
            {
                continue;
            }

            foreach (var operation in OperationWalk.Descendants(argument, static o => o is IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                var runsProductCode = operation switch
                {
                    IInvocationOperation nested => matcher.Match(nested.TargetMethod) is null,
                    IObjectCreationOperation creation => matcher.MatchType(creation.Type) is null,
                    IAssignmentOperation { Parent: not IObjectOrCollectionInitializerOperation } or IIncrementOrDecrementOperation or IAwaitOperation => true,
                    IInvalidOperation => true,
                    _ => false,
                };
                if (runsProductCode)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The receiver of a reduced extension call (<c>services</c> in <c>services.AddSentry()</c>), which stays.</summary>
    private static bool IsThisArgument(IInvocationOperation invocation, IArgumentOperation argument) =>
        invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0 && invocation.Instance is null;

    private static bool Names(SyntaxNode node, string name)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesOutside(SyntaxNode scope, SyntaxNode declaration, string name)
    {
        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && !declaration.Span.Contains(token.Span))
            {
                return true;
            }
        }

        return false;
    }
}
