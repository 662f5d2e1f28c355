using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// The parameters a method body overwrites with something else (<c>url = Environment.GetEnvironmentVariable("URL")</c>,
/// <c>ref</c>/<c>out</c>, a deconstruction, <c>++</c>): where they are read, they may no longer hold what the call passed.
/// A write built on the parameter itself (<c>url = CreateQueryString(url, args)</c>, <c>url += "/x"</c>) keeps what it
/// starts with. One walk per body, kept while its operation tree lives.
/// </summary>
internal static class WrittenParameters
{
    private static readonly ConditionalWeakTable<IOperation, HashSet<IParameterSymbol>> s_bodies = new();

    /// <summary>Whether the body that <paramref name="reference"/> is in writes <paramref name="parameter"/> anywhere.</summary>
    public static bool IsWritten(IOperation reference, IParameterSymbol parameter)
    {
        var root = reference;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        if (!s_bodies.TryGetValue(root, out var written))
        {
            written = s_bodies.GetValue(root, Collect);
        }

        return written.Contains(parameter.OriginalDefinition);
    }

    private static HashSet<IParameterSymbol> Collect(IOperation root)
    {
        var written = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case ICompoundAssignmentOperation { Target: IParameterReferenceOperation, OperatorKind: BinaryOperatorKind.Add }:
                    break;
                case IAssignmentOperation { Target: IParameterReferenceOperation assigned } assignment when !Uses(assignment.Value, assigned.Parameter):
                    written.Add(assigned.Parameter.OriginalDefinition);
                    break;
                case IIncrementOrDecrementOperation { Target: IParameterReferenceOperation incremented }:
                    written.Add(incremented.Parameter.OriginalDefinition);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: IParameterReferenceOperation passed }:
                    written.Add(passed.Parameter.OriginalDefinition);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (target is IParameterReferenceOperation deconstructed)
                        {
                            written.Add(deconstructed.Parameter.OriginalDefinition);
                        }
                    }

                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return written;
    }

    /// <summary>Whether <paramref name="value"/> reads <paramref name="parameter"/>: a new value built on the old one.</summary>
    private static bool Uses(IOperation value, IParameterSymbol parameter)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
