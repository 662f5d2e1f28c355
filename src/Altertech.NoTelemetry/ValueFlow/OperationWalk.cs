using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>Walks of operation trees without recursion: a body or an expression can be thousands of levels deep.</summary>
internal static class OperationWalk
{
    /// <summary>The top of the operation tree <paramref name="operation"/> is in: the member body, initializer or attribute argument.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>
    /// The operations under <paramref name="root"/> (not the root itself), depth first and in source order; an operation
    /// <paramref name="prune"/> says true for is neither given nor walked into.
    /// </summary>
    public static IEnumerable<IOperation> Descendants(IOperation root, Func<IOperation, bool>? prune = null)
    {
        var pending = new Stack<IOperation>();
        var children = new List<IOperation>();
        Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (prune is not null && prune(operation))
            {
                continue;
            }

            yield return operation;
            Push(operation);
        }

        void Push(IOperation parent)
        {
            // Last to first, so that the first child is taken first.
            children.Clear();
            foreach (var child in parent.ChildOperations)
            {
                children.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    /// <summary>The values a body's <c>return</c>s give, in source order (not those of its lambdas and local functions).</summary>
    public static IEnumerable<IOperation> Returns(IOperation body)
    {
        foreach (var operation in Descendants(body, static o => o is IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                yield return value;
            }
        }
    }
}
