using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>What evaluating an operation does besides giving its value, for the fixes that would drop or move it.</summary>
internal static class OperationEffects
{
    /// <summary>
    /// Whether <paramref name="operation"/> (with <paramref name="includeSelf"/>, or only what is under it) runs code of the
    /// product's own (a method, constructor or property getter declared in source: <c>"report " + State()</c>) or changes a
    /// variable (an assignment, <c>++</c>, an event subscription): work that a fix dropping or moving it would lose.
    /// </summary>
    public static bool RunsProductCode(IOperation operation, bool includeSelf = true)
    {
        foreach (var current in includeSelf ? operation.DescendantsAndSelf() : operation.Descendants())
        {
            ISymbol? member = current switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if ((member is not null && member.Locations.Any(l => l.IsInSource))
                || current is IAssignmentOperation or IIncrementOrDecrementOperation or IEventAssignmentOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="operation"/> changes a variable: an assignment, <c>++</c> or <c>--</c>, an event subscription.</summary>
    public static bool ChangesVariables(IOperation operation) =>
        operation.DescendantsAndSelf().Any(current => current is IAssignmentOperation or IIncrementOrDecrementOperation or IEventAssignmentOperation);
}
