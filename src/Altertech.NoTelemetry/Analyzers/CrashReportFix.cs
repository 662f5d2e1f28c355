using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// What the NT0004 code fix can rewrite: a call that sends, written as a statement of the hook's own handler
/// (<c>client.PostAsync(...).Wait();</c>, <c>_ = client.PostAsync(...);</c>, an expression-bodied handler), which it replaces
/// with writing a local crash report. Shared by the analyzer, which marks the finding <c>fix = crash-report</c>, and the fix.
/// </summary>
internal static class CrashReportFix
{
    /// <summary>The <c>fix</c> property of an NT0004 finding whose sending statement can write a local crash report instead.</summary>
    public const string CrashReport = "crash-report";

    /// <summary>
    /// The expression of the statement that only sends, when the statement is nothing but the send (waited for or discarded):
    /// the part the fix replaces. Null otherwise.
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

        return top.Parent is IExpressionStatementOperation && top.Syntax is ExpressionSyntax expression ? expression : null;
    }
}
