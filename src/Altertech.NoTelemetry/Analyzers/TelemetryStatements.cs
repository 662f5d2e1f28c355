using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// One NT0001 finding per statement and service. A statement that touches an SDK several times
/// (<c>m.Message = m.Message.Replace(...)</c>, <c>client.TrackEvent(new EventTelemetry(...))</c>) is one use of that
/// service: the member that matters most (sending before configuring before merely using, then the first) is
/// reported, with the number of the others. Nested statements (lambda bodies, local functions, blocks) are statements
/// of their own.
/// </summary>
internal static class TelemetryStatements
{
    /// <summary>
    /// Per statement, computed by the first of its operations that is a finding and shared by the rest. Weakly keyed:
    /// the driver hands every callback of a file the same operation tree, and lets it go with the semantic model.
    /// </summary>
    private static readonly ConditionalWeakTable<IOperation, Summary> s_summaries = new();

    /// <summary>
    /// When <paramref name="finding"/> is the one its statement reports for its service: true, with how many other
    /// members of the service the statement uses. <paramref name="classify"/> turns any operation into its finding.
    /// </summary>
    public static bool IsReported(TelemetryFinding finding, Func<IOperation, TelemetryFinding?> classify, out int others)
    {
        others = 0;
        var statement = StatementOf(finding.Operation!);
        if (!s_summaries.TryGetValue(statement, out var summary))
        {
            summary = Summarize(statement, classify);
            summary = s_summaries.GetValue(statement, _ => summary);
        }

        foreach (var (best, count) in summary.Reports)
        {
            if (best.Operation == finding.Operation && best.Service == finding.Service)
            {
                others = count;
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement that <paramref name="operation"/> is part of: the one directly in a block, or the root.</summary>
    public static IOperation StatementOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent && parent is not IBlockOperation && !IsStatement(current))
        {
            current = parent;
        }

        return current;
    }

    private static bool IsStatement(IOperation operation) =>
        operation.Syntax is StatementSyntax && operation is not IBlockOperation && operation.Parent?.Syntax != operation.Syntax;

    private static Summary Summarize(IOperation statement, Func<IOperation, TelemetryFinding?> classify)
    {
        var findings = new List<TelemetryFinding>();
        var pending = new Stack<IOperation>();
        pending.Push(statement);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (classify(operation) is { } found)
            {
                AddUnlessAtSameSpan(findings, found);
            }

            foreach (var child in operation.ChildOperations)
            {
                // A block, a lambda body, a local function: statements of their own, reported by their own summaries.
                if (child is IBlockOperation || IsStatement(child))
                {
                    continue;
                }

                pending.Push(child);
            }
        }

        var reports = new List<(TelemetryFinding, int)>();
        findings.Sort(TelemetryFinding.Priority);
        foreach (var finding in findings)
        {
            var index = reports.FindIndex(r => r.Item1.Service == finding.Service);
            if (index < 0)
            {
                reports.Add((finding, 0));
            }
            else
            {
                reports[index] = (reports[index].Item1, reports[index].Item2 + 1);
            }
        }

        return new Summary(reports);
    }

    /// <summary>At most one finding per location: the one that matters most.</summary>
    private static void AddUnlessAtSameSpan(List<TelemetryFinding> findings, TelemetryFinding found)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Location.SourceSpan == found.Location.SourceSpan)
            {
                if (TelemetryFinding.Priority.Compare(found, findings[i]) < 0)
                {
                    findings[i] = found;
                }

                return;
            }
        }

        findings.Add(found);
    }

    private sealed class Summary
    {
        public Summary(List<(TelemetryFinding, int)> reports) => Reports = reports;

        public List<(TelemetryFinding Best, int Others)> Reports { get; }
    }
}
