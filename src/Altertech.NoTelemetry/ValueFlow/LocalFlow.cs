using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.ValueFlow;

/// <summary>
/// Which writes of a local can be its value where it is read: reaching definitions over the member's
/// <see cref="ControlFlowGraph"/>, keyed by the local's symbol (two <c>var url</c> in sibling blocks are two locals).
/// </summary>
/// <remarks>
/// One graph and one index of local reads and writes per member body, built on the first question and kept while the
/// body's operation tree lives. A question walks the blocks backwards from the read once, so it is linear in the size
/// of the member. A local written inside a lambda or local function it is captured by, or passed by reference, has
/// no writes this can follow.
/// </remarks>
internal static class LocalFlow
{
    private static readonly ConditionalWeakTable<IOperation, Body> s_bodies = new();

    /// <summary>
    /// The writes that can reach <paramref name="reference"/>, or default when one of them cannot be followed (a
    /// <c>ref</c>/<c>out</c> argument, <c>++</c>, a deconstruction, a write in a lambda) or the read is not found in
    /// the graph.
    /// </summary>
    public static ImmutableArray<LocalWrite> ReachingWrites(IOperation reference, CancellationToken cancellationToken)
    {
        var root = OperationWalk.Root(reference);
        if (!ControlFlowGraphs.CanCreate(root))
        {
            return default;
        }

        if (!s_bodies.TryGetValue(root, out var body))
        {
            body = s_bodies.GetValue(root, r => new Body(r));
        }

        return body.ReachingWrites(reference, cancellationToken);
    }

    /// <summary>The writes that reach the point just before <paramref name="write"/> (for <c>path += "/x"</c>).</summary>
    public static ImmutableArray<LocalWrite> ReachingWritesBefore(LocalWrite write, CancellationToken cancellationToken) =>
        write.Block is { } block ? write.Body.ReachingWritesAt(write.Local, block, write.Index, cancellationToken) : ImmutableArray<LocalWrite>.Empty;

    /// <summary>The local or parameter a reference reads or writes; null for anything else.</summary>
    public static ISymbol? Variable(IOperation? reference) => reference switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
        _ => null,
    };

    /// <summary>One member body: its graph (and the graphs of its lambdas and local functions) and its local writes.</summary>
    internal sealed class Body
    {
        private readonly IOperation _root;
        private readonly object _gate = new();
        private readonly Dictionary<(ISymbol Local, int Block, int Index), ImmutableArray<LocalWrite>> _answers = new(new AnswerKeyComparer());
        private Index? _index;
        private TreeIndex? _tree;

        public Body(IOperation root) => _root = root;

        public ImmutableArray<LocalWrite> ReachingWrites(IOperation reference, CancellationToken cancellationToken)
        {
            if (Variable(reference) is not { } variable)
            {
                return default;
            }

            var tree = GetTree(cancellationToken);
            if (tree.Untraceable.Contains(variable))
            {
                return default;
            }

            // var url = "https://..."; written nowhere else: its declaration is the only write that can reach any read,
            // and no graph is needed. Most locals are so; a parameter the body never writes holds what the call passed.
            if (tree.OnlyWrite(variable) is { } declarator)
            {
                return ImmutableArray.Create(new LocalWrite(this, variable, null, 0, declarator, WriteKind.Assign));
            }

            if (variable is IParameterSymbol && !tree.IsWritten(variable))
            {
                return ImmutableArray.Create(new LocalWrite(this, variable, null, 0, reference.Syntax, WriteKind.Entry));
            }

            var index = GetIndex(cancellationToken);
            return index.Reads.TryGetValue(reference.Syntax, out var read)
                ? ReachingWritesAt(variable, read.Block, read.Index, cancellationToken)
                : default;
        }

        public ImmutableArray<LocalWrite> ReachingWritesAt(ISymbol local, BasicBlock block, int index, CancellationToken cancellationToken)
        {
            var key = (local, block.Ordinal, index);
            lock (_gate)
            {
                if (_answers.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            var answer = ComputeReachingWrites(local, block, index, cancellationToken);
            lock (_gate)
            {
                _answers[key] = answer;
            }

            return answer;
        }

        private ImmutableArray<LocalWrite> ComputeReachingWrites(ISymbol local, BasicBlock block, int index, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<LocalWrite>();
            if (!GetIndex(cancellationToken).Writes.TryGetValue(local, out var writes))
            {
                return found.ToImmutable();
            }

            if (LastWriteIn(local, block, index) is { } same)
            {
                found.Add(same);
                return found.ToImmutable();
            }

            // The read's own block is not marked visited: around a loop, a write later in it reaches the read on the
            // next pass, and the whole block is then looked at.
            var visited = new HashSet<int>();
            var pending = new Stack<BasicBlock>();
            Push(block, pending, visited);
            var regionStart = block.Predecessors.IsEmpty && block.Kind != BasicBlockKind.Entry;
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                if (LastWriteIn(local, current, current.Operations.Length + 1) is { } write)
                {
                    found.Add(write);
                    continue;
                }

                if (current.Kind == BasicBlockKind.Entry)
                {
                    // A parameter not written on this path still holds what the call passed.
                    if (local is IParameterSymbol && !found.Any(w => w.Kind == WriteKind.Entry))
                    {
                        found.Add(new LocalWrite(this, local, null, 0, current.Operations.IsEmpty ? _root.Syntax : current.Operations[0].Syntax, WriteKind.Entry));
                    }

                    continue;
                }

                if (current.Predecessors.IsEmpty)
                {
                    // The first block of a catch or finally: control comes from anywhere in the try before it.
                    regionStart = true;
                    continue;
                }

                Push(current, pending, visited);
            }

            if (regionStart)
            {
                foreach (var write in writes)
                {
                    if (write.Block is { } written && written.Ordinal < block.Ordinal && !found.Contains(write))
                    {
                        found.Add(write);
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>NT0001, NT0003 and NT0006 ask about the same reads: each position is answered once.</summary>
        private sealed class AnswerKeyComparer : IEqualityComparer<(ISymbol Local, int Block, int Index)>
        {
            public bool Equals((ISymbol Local, int Block, int Index) x, (ISymbol Local, int Block, int Index) y) =>
                x.Block == y.Block && x.Index == y.Index && SymbolEqualityComparer.Default.Equals(x.Local, y.Local);

            public int GetHashCode((ISymbol Local, int Block, int Index) key) =>
                (SymbolEqualityComparer.Default.GetHashCode(key.Local) * 31 + key.Block) * 31 + key.Index;
        }

        private static void Push(BasicBlock block, Stack<BasicBlock> pending, HashSet<int> visited)
        {
            foreach (var predecessor in block.Predecessors)
            {
                if (visited.Add(predecessor.Source.Ordinal))
                {
                    pending.Push(predecessor.Source);
                }
            }
        }

        /// <summary>
        /// The last write of <paramref name="local"/> in <paramref name="block"/> before operation <paramref name="before"/>:
        /// a binary search in the block's writes, which the graph lists in order.
        /// </summary>
        private LocalWrite? LastWriteIn(ISymbol local, BasicBlock block, int before)
        {
            if (!GetIndex(CancellationToken.None).WritesByBlock.TryGetValue((local, block.Ordinal), out var writes))
            {
                return null;
            }

            int low = 0, high = writes.Count - 1;
            LocalWrite? last = null;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (writes[middle].Index < before)
                {
                    last = writes[middle];
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return last;
        }

        private Index GetIndex(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _index ??= Index.Build(this, _root, cancellationToken);
            }
        }

        private TreeIndex GetTree(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _tree ??= TreeIndex.Build(_root, cancellationToken);
            }
        }
    }

    /// <summary>Where each local is read and written in the graph, and the locals whose writes cannot be followed.</summary>
    private sealed class Index
    {
        public Dictionary<SyntaxNode, (BasicBlock Block, int Index)> Reads { get; } = new();

        /// <summary>Each local's writes, so that a question about one local looks at its writes only.</summary>
        public Dictionary<ISymbol, List<LocalWrite>> Writes { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Each local's writes in each block, in the order of the block's operations.</summary>
        public Dictionary<(ISymbol Local, int Block), List<LocalWrite>> WritesByBlock { get; } = new(new BlockKeyComparer());

        private void AddWrite(LocalWrite write)
        {
            if (!Writes.TryGetValue(write.Local, out var writes))
            {
                Writes.Add(write.Local, writes = new List<LocalWrite>());
            }

            writes.Add(write);
            var key = (write.Local, write.Block!.Ordinal);
            if (!WritesByBlock.TryGetValue(key, out var inBlock))
            {
                WritesByBlock.Add(key, inBlock = new List<LocalWrite>());
            }

            // Operations are visited in order, and the writes nested in one operation come out of it together.
            var at = inBlock.Count;
            while (at > 0 && inBlock[at - 1].Index > write.Index)
            {
                at--;
            }

            inBlock.Insert(at, write);
        }

        private sealed class BlockKeyComparer : IEqualityComparer<(ISymbol Local, int Block)>
        {
            public bool Equals((ISymbol Local, int Block) x, (ISymbol Local, int Block) y) =>
                x.Block == y.Block && SymbolEqualityComparer.Default.Equals(x.Local, y.Local);

            public int GetHashCode((ISymbol Local, int Block) key) => SymbolEqualityComparer.Default.GetHashCode(key.Local) * 31 + key.Block;
        }

        public static Index Build(Body body, IOperation root, CancellationToken cancellationToken)
        {
            var index = new Index();
            if (ControlFlowGraphs.Create(root, cancellationToken) is { } graph)
            {
                index.Add(body, graph, cancellationToken);
            }

            return index;
        }

        private void Add(Body body, ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            // url = beta ? a : b: the graph captures the target before it computes the value, and assigns to the capture.
            var capturedLocals = new Dictionary<CaptureId, ISymbol>();
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation capture && Variable(capture.Value) is { } captured)
                    {
                        capturedLocals[capture.Id] = captured;
                    }
                }
            }

            foreach (var block in graph.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = block.Operations.Length;
                for (var i = 0; i <= count; i++)
                {
                    var operation = i < count ? block.Operations[i] : block.BranchValue;
                    if (operation is not null)
                    {
                        Visit(body, block, i, operation, capturedLocals);
                    }
                }
            }
        }

        private void Visit(Body body, BasicBlock block, int position, IOperation top, Dictionary<CaptureId, ISymbol> capturedLocals)
        {
            var pending = new Stack<IOperation>();
            pending.Push(top);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IFlowAnonymousFunctionOperation:
                        // A lambda's own flow is its own graph; the writes it makes were marked from the source tree.
                        continue;
                    case ILocalReferenceOperation or IParameterReferenceOperation when !IsWriteTarget(operation):
                        Reads[operation.Syntax] = (block, position);
                        break;
                    case ISimpleAssignmentOperation { Target: var target } assignment when Variable(target) is { } written:
                        AddWrite(new LocalWrite(body, written, block, position, assignment.Syntax, WriteKind.Assign));
                        break;
                    case ISimpleAssignmentOperation { Target: IFlowCaptureReferenceOperation capture } assignment
                        when capturedLocals.TryGetValue(capture.Id, out var local):
                        AddWrite(new LocalWrite(body, local, block, position, assignment.Syntax, WriteKind.Assign));
                        break;
                    case ICompoundAssignmentOperation { Target: var target, OperatorKind: BinaryOperatorKind.Add } compound when Variable(target) is { } appended:
                        AddWrite(new LocalWrite(body, appended, block, position, compound.Syntax, WriteKind.Append));
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        private static bool IsWriteTarget(IOperation reference) =>
            reference.Parent is IAssignmentOperation assignment && assignment.Target == reference && assignment is not ICompoundAssignmentOperation;
    }
    /// <summary>
    /// What the source's own tree says of each local, without a graph: how often it is written, and the writes the
    /// graph could not say the value of.
    /// </summary>
    private sealed class TreeIndex
    {
        private readonly Dictionary<ISymbol, int> _writeCounts = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, SyntaxNode> _declarators = new(SymbolEqualityComparer.Default);

        public HashSet<ISymbol> Untraceable { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Whether the body writes <paramref name="variable"/> anywhere (besides a declaration).</summary>
        public bool IsWritten(ISymbol variable) => _writeCounts.ContainsKey(variable);

        /// <summary>The declarator of a local that is written there and nowhere else; null otherwise.</summary>
        public SyntaxNode? OnlyWrite(ISymbol local) =>
            _writeCounts.TryGetValue(local, out var count) && count == 1 && _declarators.TryGetValue(local, out var declarator) ? declarator : null;

        public static TreeIndex Build(IOperation root, CancellationToken cancellationToken)
        {
            var index = new TreeIndex();
            index.MarkUntraceable(root, cancellationToken);
            return index;
        }

        private void Count(ISymbol local) => _writeCounts[local] = _writeCounts.TryGetValue(local, out var count) ? count + 1 : 1;

        /// <summary>
        /// The writes the graph cannot say the value of, found in the source's own tree (the graph lowers them): a
        /// <c>ref</c> or <c>out</c> argument, <c>++</c>, a deconstruction, any other compound assignment, and every write
        /// inside a lambda or local function, which runs whenever it is called.
        /// </summary>
        private void MarkUntraceable(IOperation root, CancellationToken cancellationToken)
        {
            var pending = new Stack<(IOperation Operation, bool Nested)>();
            pending.Push((root, false));
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (operation, nested) = pending.Pop();
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: not null, Symbol: { } declared } declarator:
                        Count(declared);
                        _declarators[declared] = declarator.Syntax;
                        break;
                    case ISimpleAssignmentOperation { Target: var written } when !nested && Variable(written) is { } writtenVariable:
                        Count(writtenVariable);
                        break;
                    case ICompoundAssignmentOperation { Target: var appended, OperatorKind: BinaryOperatorKind.Add } when !nested && Variable(appended) is { } appendedVariable:
                        Count(appendedVariable);
                        break;
                    case ICoalesceAssignmentOperation { Target: var coalescedHere } when !nested && Variable(coalescedHere) is { } coalescedVariable:
                        Count(coalescedVariable);
                        break;
                    case ISimpleAssignmentOperation { Target: var assigned } when nested && Variable(assigned) is { } assignedVariable:
                        Untraceable.Add(assignedVariable);
                        break;
                    case ICoalesceAssignmentOperation { Target: var coalesced } when nested && Variable(coalesced) is { } coalescedNested:
                        Untraceable.Add(coalescedNested);
                        break;
                    case ICompoundAssignmentOperation { Target: var compound } compoundAssignment when (nested || compoundAssignment.OperatorKind != BinaryOperatorKind.Add) && Variable(compound) is { } compoundVariable:
                        Untraceable.Add(compoundVariable);
                        break;
                    case IIncrementOrDecrementOperation { Target: var incremented } when Variable(incremented) is { } incrementedVariable:
                        Untraceable.Add(incrementedVariable);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: var passed } when Variable(passed) is { } passedVariable:
                        Untraceable.Add(passedVariable);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (Variable(target) is { } deconstructed)
                            {
                                Untraceable.Add(deconstructed);
                            }
                        }

                        break;
                }

                var inner = nested || operation is IAnonymousFunctionOperation or ILocalFunctionOperation;
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push((child, inner));
                }
            }
        }

    }

}

/// <summary>How a write sets its local.</summary>
internal enum WriteKind
{
    /// <summary><c>url = value</c>, or a declaration with an initializer.</summary>
    Assign,

    /// <summary><c>path += value</c>: the value before, then this.</summary>
    Append,

    /// <summary>A parameter not written on the way: what the call passed.</summary>
    Entry,
}

/// <summary>One write of a local, at a position of its member's control flow graph (none for a local's only write).</summary>
internal sealed class LocalWrite
{
    public LocalWrite(LocalFlow.Body body, ISymbol local, BasicBlock? block, int index, SyntaxNode syntax, WriteKind kind)
    {
        Body = body;
        Local = local;
        Block = block;
        Index = index;
        Syntax = syntax;
        Kind = kind;
    }

    internal LocalFlow.Body Body { get; }

    /// <summary>The local or parameter written.</summary>
    public ISymbol Local { get; }

    /// <summary>Where the write is in the graph; null when the local is written once, where it is declared.</summary>
    public BasicBlock? Block { get; }

    public int Index { get; }

    /// <summary>The declarator or assignment that writes: it leads back to the source's own operation.</summary>
    public SyntaxNode Syntax { get; }

    public WriteKind Kind { get; }

    /// <summary>
    /// The written value as the source's operation tree has it (the graph lowers <c>?:</c> and <c>??</c> into flow
    /// captures): the declarator's initializer, or the assignment's right-hand side.
    /// </summary>
    public IOperation? SourceValue(SemanticModel model, CancellationToken cancellationToken)
    {
        switch (Syntax)
        {
            case VariableDeclaratorSyntax { Initializer: { } initializer }:
                return model.GetOperation(initializer.Value, cancellationToken);
            case AssignmentExpressionSyntax assignment:
                return model.GetOperation(assignment.Right, cancellationToken);
            default:
                return null;
        }
    }
}
