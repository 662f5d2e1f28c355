using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>Control flow graphs of the roots the compiler can make one for, never throwing for the others.</summary>
internal static class ControlFlowGraphs
{
    /// <summary>Roots that <see cref="ControlFlowGraph"/> can be created for.</summary>
    public static bool CanCreate(IOperation root) => root is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation
        or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation { Parent: null };

    public static ControlFlowGraph? Create(IOperation root, CancellationToken cancellationToken)
    {
        if (!CanCreate(root) || root.SemanticModel is null)
        {
            return null;
        }

        try
        {
            return root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };
        }
        catch (System.ArgumentException)
        {
            // A root the compiler does not make graphs for after all (code with errors): no flow to follow.
            return null;
        }
    }
}
