using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// NT0001's fix for a field or constructor parameter of an SDK type (<c>fix = logger</c>): the SDK client becomes an
/// <c>ILogger&lt;T&gt;</c> of the type that holds it, and every call through it a log call at the catalogue's level. The slot
/// and the slots its value moves between (the constructor parameter a field is assigned from, the field a parameter is
/// stored in) change together, and only when the result compiles:
/// <list type="bullet">
/// <item>every use of each slot, in the whole solution, is in this document and is either that assignment (<c>_t = t</c>,
/// <c>_t = t ?? throw ...</c>, a field initialised from a primary-constructor parameter) or the receiver of a call the
/// analyzer itself would turn into local logging (a whole statement whose arguments can all be logged);</item>
/// <item>no code calls the constructor whose parameter changes (<c>new Checkout(client)</c>, <c>: base(client)</c>): the
/// type is made by dependency injection, which supplies an <c>ILogger&lt;T&gt;</c> wherever logging is registered.</item>
/// </list>
/// Names stay as they are (<c>_telemetry.LogInformation(...)</c>); renaming is the IDE's job, across the solution.
/// </summary>
internal sealed class LoggerSlotPlan
{
    private const string LoggerInterface = "Microsoft.Extensions.Logging.ILogger";

    private readonly IReadOnlyList<ISymbol> _slots;
    private readonly Uses _uses;
    private readonly INamedTypeSymbol _logger;

    private LoggerSlotPlan(IReadOnlyList<ISymbol> slots, Uses uses, INamedTypeSymbol logger, ITypeSymbol sdkType, bool remove)
    {
        _slots = slots;
        _uses = uses;
        _logger = logger;
        Removes = remove;
        Title = remove
            ? $"Remove {sdkType.Name} and log through the ILogger at hand"
            : $"Replace {sdkType.Name} with ILogger<{logger.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>";
    }

    /// <summary>
    /// The code action's title: <c>Replace TelemetryClient with ILogger&lt;Checkout&gt;</c>, or, where the class holds a logger
    /// already, <c>Remove TelemetryClient and log through the ILogger at hand</c>.
    /// </summary>
    public string Title { get; }

    /// <summary>
    /// Whether the plan removes the slots (the class holds a logger, and every call logs through it) rather than retyping them.
    /// </summary>
    public bool Removes { get; }

    /// <summary>The class that holds the slots: one plan per class in a pass, since two plans made from the same code may collide.</summary>
    public INamedTypeSymbol Holder => _slots[0].ContainingType;

    /// <summary>The slots that change type, to tell two findings of one plan apart from two plans.</summary>
    public IEnumerable<ISymbol> Slots => _slots;

    /// <summary>The calls the plan rewrites: their own findings' fixes are not applied on top.</summary>
    public IEnumerable<SyntaxNode> Calls => _uses.Calls.Select(c => c.Call.Syntax);

    /// <summary>The plan for the slot the finding names, or null when the result would not compile (or the finding is not one).</summary>
    public static async Task<LoggerSlotPlan?> CreateAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != TelemetryFix.Logger
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || SlotAt(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, cancellationToken) is not { } start
            || TypeOf(start) is not INamedTypeSymbol sdkType
            || start.ContainingType is not { } holder
            || model.Compilation.GetTypeByMetadataName(LoggerSlot.GenericLogger) is not { } genericLogger)
        {
            return null;
        }

        var knowledge = CompilationKnowledge.Get(model.Compilation, document.Project.AnalyzerOptions, cancellationToken);
        var findings = new TelemetrySdkUsageAnalyzer.OperationFindings(knowledge.Telemetry, checkSdk: true, hosts: null, model.Compilation);
        var solution = document.Project.Solution;
        var slots = new List<ISymbol>();
        var uses = new Uses();
        var pending = uses.Pending;
        pending.Enqueue(start);
        while (pending.Count > 0)
        {
            var slot = pending.Dequeue();
            if (slots.Contains(slot, SymbolEqualityComparer.Default))
            {
                continue;
            }

            if (!IsSlot(slot, sdkType, holder))
            {
                return null;
            }

            slots.Add(slot);
            if (slot is IFieldSymbol field && !InitialisedFrom(field, model, pending, cancellationToken))
            {
                return null;
            }

            foreach (var referenced in await SymbolFinder.FindReferencesAsync(slot, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in referenced.Locations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (location.Document.Id != document.Id || location.IsImplicit || location.IsCandidateLocation
                        || !Use(root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true), model, findings, uses, cancellationToken))
                    {
                        return null;
                    }
                }
            }

            // The constructor whose parameter changes type must be called by nobody but dependency injection.
            if (slot is IParameterSymbol { ContainingSymbol: IMethodSymbol constructor })
            {
                foreach (var referenced in await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false))
                {
                    if (referenced.Locations.Any())
                    {
                        return null;
                    }
                }
            }
        }

        // A derived class calls a constructor of the holder (a primary one from its base list, which the reference search
        // of Roslyn 4.8 does not report), and code a build does not compile (#if) may use a slot in ways not seen here.
        if (model.Compilation.GetTypeByMetadataName(LoggerInterface) is not { } logger
            || (await SymbolFinder.FindDerivedClassesAsync(holder, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false)).Any()
            || NamedInDisabledCode(root, slots)
            || uses.Calls.Any(c => uses.Calls.Any(other => other != c && c.Call.Syntax.Span.Contains(other.Call.Syntax.Span))))
        {
            return null;
        }

        // Where the class holds a logger already, a second one would be noise: the calls log through the one at hand, and the
        // client goes, when every call can reach that logger, nothing else names the slots, and no two constructors become one.
        var atHand = uses.Calls.Select(c => InScope.Find(model, c.Call.Syntax, logger, cancellationToken)).ToList();
        if (HasLogger(holder, logger) || atHand.Any(found => found is not null))
        {
            var removable = atHand.All(found => found is not null)
                && uses.Names.All(n => uses.Stores.Any(s => s.Span.Contains(n.Span)))
                && !uses.Documented
                && uses.Stores.All(IsRemovableStore)
                && !ConstructorsCollide(slots)
                && Enumerable.Range(0, atHand.Count).All(i => HasItsValue(atHand[i]!, uses.Calls[i], model, holder, cancellationToken));
            return removable ? new LoggerSlotPlan(slots, uses, logger, sdkType, remove: true) : null;
        }

        return new LoggerSlotPlan(slots, uses, genericLogger.Construct(holder), sdkType, remove: false);
    }

    /// <summary>Whether a word of code a build does not compile (<c>#if</c>) is the name of a slot.</summary>
    private static bool NamedInDisabledCode(SyntaxNode root, IReadOnlyList<ISymbol> slots)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                var text = trivia.ToString();
                if (slots.Any(slot => text.IndexOf(slot.Name, StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the logger a removed client's call would log through (<paramref name="found"/>) has its value when the call
    /// runs: a parameter always does; a field or property only outside the constructors, when no constructor calls a method of
    /// the class (which could log before the constructor assigned it).
    /// </summary>
    private static bool HasItsValue(ISymbol found, SlotCall call, SemanticModel model, INamedTypeSymbol holder, CancellationToken cancellationToken)
    {
        if (found is IParameterSymbol)
        {
            return true;
        }

        foreach (var constructor in holder.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (declaration.Span.Contains(call.Call.Syntax.Span)
                    || declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
                        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsStatic: false } method
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType, holder)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether the type already holds a logger: a field, a property or a constructor parameter of an <c>ILogger</c> type.</summary>
    private static bool HasLogger(INamedTypeSymbol holder, INamedTypeSymbol logger)
    {
        foreach (var member in holder.GetMembers())
        {
            var types = member switch
            {
                IFieldSymbol field => new[] { field.Type },
                IPropertySymbol property => new[] { property.Type },
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.Parameters.Select(p => p.Type).ToArray(),
                _ => Array.Empty<ITypeSymbol>(),
            };
            if (types.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, logger) || t.AllInterfaces.Contains(logger, SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a store can go: a statement of a block, or the expression body of a method or constructor.</summary>
    private static bool IsRemovableStore(SyntaxNode assignment) =>
        assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } or ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax };

    /// <summary>Whether removing the parameters would leave a constructor with the parameter types of another one.</summary>
    private static bool ConstructorsCollide(IReadOnlyList<ISymbol> slots)
    {
        foreach (var changed in slots.OfType<IParameterSymbol>().Select(p => (IMethodSymbol)p.ContainingSymbol).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default))
        {
            var left = Remaining(changed, slots);
            foreach (var other in changed.ContainingType.InstanceConstructors)
            {
                if (!SymbolEqualityComparer.Default.Equals(other, changed) && Remaining(other, slots).SequenceEqual(left, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The parameter types of a constructor once the plan's parameters are gone.</summary>
    private static List<ITypeSymbol> Remaining(IMethodSymbol constructor, IReadOnlyList<ISymbol> slots) =>
        constructor.Parameters.Where(p => !slots.Contains(p, SymbolEqualityComparer.Default)).Select(p => p.Type).ToList();

    /// <summary>
    /// Retypes the slots (or removes them, with the assignments between them) and rewrites the calls;
    /// the namespaces the file must import go to <paramref name="imports"/>.
    /// </summary>
    public void Apply(DocumentEditor editor, ISet<string> imports, CancellationToken cancellationToken)
    {
        if (Removes)
        {
            Remove(editor, imports, cancellationToken);
            return;
        }

        var model = editor.SemanticModel;
        foreach (var slot in _slots)
        {
            foreach (var reference in slot.DeclaringSyntaxReferences)
            {
                var type = reference.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                    ParameterSyntax { Type: { } parameterType } => parameterType,
                    _ => null,
                };
                if (type is not null)
                {
                    editor.ReplaceNode(type, LoggerType(editor.Generator, type).WithTriviaFrom(type));
                    if (model.LookupNamespacesAndTypes(type.SpanStart, name: "ILogger").IsEmpty)
                    {
                        imports.Add(LocalLogging.LoggingNamespace);
                    }
                }
            }
        }

        foreach (var call in _uses.Calls)
        {
            var syntax = (InvocationExpressionSyntax)call.Call.Syntax;
            var replaced = LocalLogging.WithAwait((SyntaxNode?)call.Conditional ?? syntax);
            var logged = LocalLogging.Through(call.Receiver, call.Conditional is not null, model, syntax, call.Level, imports, cancellationToken, call.LeftOut, call.Template);
            editor.ReplaceNode(replaced, logged.WithTriviaFrom(replaced));
        }
    }

    /// <summary>The calls log through the logger at hand, as their own fixes would; the slots and the assignments between them go.</summary>
    private void Remove(DocumentEditor editor, ISet<string> imports, CancellationToken cancellationToken)
    {
        var model = editor.SemanticModel;
        foreach (var call in _uses.Calls)
        {
            var syntax = (InvocationExpressionSyntax)call.Call.Syntax;
            if (LocalLogging.Replacement(model, editor.Generator, syntax, call.Level, imports, cancellationToken, call.LeftOut, call.Template) is { } logged)
            {
                var replaced = LocalLogging.WithAwait((SyntaxNode?)call.Conditional ?? syntax);
                editor.ReplaceNode(replaced, logged.WithTriviaFrom(replaced));
            }
        }

        foreach (var store in _uses.Stores)
        {
            switch (store.Parent)
            {
                case ExpressionStatementSyntax statement:
                    editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    break;
                case ArrowExpressionClauseSyntax { Parent: { } owner }:
                    editor.ReplaceNode(owner, (current, _) => Bodies.WithBlock(current, Block()));
                    break;
            }
        }

        foreach (var slot in _slots)
        {
            var declared = slot.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            editor.RemoveNode(declared is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } ? field : declared, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
    }

    private TypeSyntax LoggerType(SyntaxGenerator generator, TypeSyntax written)
    {
        var type = (TypeSyntax)generator.TypeExpression(_logger).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return written is NullableTypeSyntax ? NullableType(type) : type;
    }

    /// <summary>The field or parameter whose declared type is the reported type syntax.</summary>
    private static ISymbol? SlotAt(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
    {
        while (node is TypeSyntax && node.Parent is TypeSyntax)
        {
            node = node.Parent;
        }

        return node?.Parent switch
        {
            VariableDeclarationSyntax { Variables.Count: 1 } declaration when declaration.Type == node => model.GetDeclaredSymbol(declaration.Variables[0], cancellationToken) as IFieldSymbol,
            ParameterSyntax parameter when parameter.Type == node => model.GetDeclaredSymbol(parameter, cancellationToken),
            _ => null,
        };
    }

    private static ITypeSymbol? TypeOf(ISymbol slot) => slot switch
    {
        IFieldSymbol field => field.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>A slot of the plan: of the same SDK type, in the same type, of a shape that may change (as the analyzer checks it).</summary>
    private static bool IsSlot(ISymbol slot, ITypeSymbol sdkType, INamedTypeSymbol holder) =>
        SymbolEqualityComparer.Default.Equals(TypeOf(slot), sdkType)
        && SymbolEqualityComparer.Default.Equals(slot.ContainingType, holder)
        && slot.DeclaringSyntaxReferences.Length == 1
        && LoggerSlot.HasSlotShape(slot);

    /// <summary>A field without an initialiser, or initialised from a primary-constructor parameter (which joins the plan).</summary>
    private static bool InitialisedFrom(IFieldSymbol field, SemanticModel model, Queue<ISymbol> pending, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } } declarator)
        {
            return false;
        }

        if (declarator.Initializer is null)
        {
            return true;
        }

        if (model.GetOperation(declarator.Initializer, cancellationToken) is IFieldInitializerOperation { Value: var value } && Unwrapped(value) is IParameterReferenceOperation parameter)
        {
            pending.Enqueue(parameter.Parameter);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a use of a slot survives the change: the assignment that moves the value between two slots (the other one joins
    /// the plan), or the receiver of a call the analyzer marks for local logging (the call joins the plan with its level).
    /// </summary>
    private static bool Use(SyntaxNode node, SemanticModel model, TelemetrySdkUsageAnalyzer.OperationFindings findings, Uses uses, CancellationToken cancellationToken)
    {
        var pending = uses.Pending;

        // <param name="telemetry"/>, <see cref="_telemetry"/>: a documentation comment names the slot, whatever its type.
        if (node.IsPartOfStructuredTrivia())
        {
            uses.Documented = true;
            return true;
        }

        // this._telemetry: the reference is the member access, not its name.
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
        {
            node = access;
        }

        var reference = model.GetOperation(node, cancellationToken);
        if (reference is not (IFieldReferenceOperation or IParameterReferenceOperation))
        {
            // nameof(telemetry) names the slot, whatever its type.
            if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax nameOf } }
                && model.GetOperation(nameOf, cancellationToken) is INameOfOperation)
            {
                uses.Names.Add(nameOf);
                return true;
            }

            return false;
        }

        if (reference.Parent is INameOfOperation name)
        {
            uses.Names.Add(name.Syntax);
            return true;
        }

        // _telemetry = telemetry; this._telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        if (reference is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } target
            && target.Parent is ISimpleAssignmentOperation { Parent: IExpressionStatementOperation } stored && stored.Target == target)
        {
            if (Unwrapped(stored.Value) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } source)
            {
                pending.Enqueue(source.Parameter);
                uses.Store(stored.Syntax);
                return true;
            }

            return false;
        }

        var value = ValueOf(reference);
        if (reference is IParameterReferenceOperation)
        {
            if (value.Parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field, Parent: IExpressionStatementOperation } assignment && assignment.Value == value)
            {
                pending.Enqueue(field.Field);
                uses.Store(assignment.Syntax);
                return true;
            }

            if (value.Parent is IFieldInitializerOperation { InitializedFields.Length: 1 } initializer)
            {
                pending.Enqueue(initializer.InitializedFields[0]);
                return true;
            }
        }

        // _telemetry.TrackEvent(name); _telemetry?.TrackException(ex); hub.AddBreadcrumb("x") (an extension method on IHub).
        if (CallOn(reference) is { } call && findings.Classify(call.Call, cancellationToken) is { Fix: TelemetryFix.Log } finding)
        {
            uses.Calls.Add(call.As(finding));
            return true;
        }

        return false;
    }

    /// <summary>The call whose receiver <paramref name="reference"/> is, written <c>x.M()</c> or <c>x?.M()</c>, instance or extension method.</summary>
    private static SlotCall? CallOn(IOperation reference)
    {
        switch (Converted(reference).Parent)
        {
            case IInvocationOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } invocation
                when invocation.Instance == Converted(reference) && access.Expression.Span == reference.Syntax.Span:
                return new SlotCall(invocation, access.Expression, conditional: null);
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true, Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } invocation } argument
                when invocation.Arguments[0] == argument && access.Expression.Span == reference.Syntax.Span:
                return new SlotCall(invocation, access.Expression, conditional: null);
            case IConditionalAccessOperation { WhenNotNull: IInvocationOperation { Syntax: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax } } invocation, Syntax: ConditionalAccessExpressionSyntax syntax } conditional
                when conditional.Operation == reference && syntax.Expression.Span == reference.Syntax.Span:
                var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? Unwrapped(invocation.Arguments[0].Value) : null);
                return receiver is IConditionalAccessInstanceOperation ? new SlotCall(invocation, syntax.Expression, syntax) : null;
            default:
                return null;
        }
    }

    /// <summary>The reference, or the implicit conversion around it (<c>IHub</c> given as the <c>ISentryClient</c> an extension takes).</summary>
    private static IOperation Converted(IOperation reference) =>
        reference.Parent is IConversionOperation { IsImplicit: true } conversion ? conversion : reference;

    /// <summary>The value a parameter reference gives: itself, or the <c>?? throw</c> around it.</summary>
    private static IOperation ValueOf(IOperation reference) =>
        reference.Parent is ICoalesceOperation coalesce && coalesce.Value == reference && Throws(coalesce.WhenNull) ? coalesce : reference;

    private static bool Throws(IOperation operation) =>
        operation is IThrowOperation or IConversionOperation { Operand: IThrowOperation };

    /// <summary>The parameter under <c>t ?? throw ...</c> and implicit conversions.</summary>
    private static IOperation Unwrapped(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    value = conversion.Operand;
                    break;
                case ICoalesceOperation coalesce when Throws(coalesce.WhenNull):
                    value = coalesce.Value;
                    break;
                default:
                    return value;
            }
        }
    }

    /// <summary>
    /// A call through a slot: the invocation, its receiver as written (<c>_telemetry</c>, <c>this._telemetry</c>), the
    /// <c>?.</c> around it when there is one, and how its finding logs it.
    /// </summary>
    private sealed class SlotCall
    {
        public SlotCall(IInvocationOperation call, ExpressionSyntax receiver, ConditionalAccessExpressionSyntax? conditional, TelemetryFinding? finding = null)
        {
            Call = call;
            Receiver = receiver;
            Conditional = conditional;
            Level = finding?.LogLevel ?? "Information";
            LeftOut = LocalLogging.LeftOutOf(finding?.LogLeftOut);
            Template = finding?.LogTemplate;
        }

        public IInvocationOperation Call { get; }

        public ExpressionSyntax Receiver { get; }

        public ConditionalAccessExpressionSyntax? Conditional { get; }

        /// <summary>The level, the parameters left out and the template parameter, as the call's own finding carries them.</summary>
        public string Level { get; }

        public IReadOnlyCollection<string> LeftOut { get; }

        public string? Template { get; }

        public SlotCall As(TelemetryFinding finding) => new(Call, Receiver, Conditional, finding);
    }

    /// <summary>What the uses of a plan's slots are: the slots still to look at, the calls, the assignments between slots, the <c>nameof</c>s.</summary>
    private sealed class Uses
    {
        public Queue<ISymbol> Pending { get; } = new();

        public List<SlotCall> Calls { get; } = new();

        /// <summary>The assignments <c>_t = t</c> (the expression), each once, though both its slots lead to it.</summary>
        public List<SyntaxNode> Stores { get; } = new();

        public List<SyntaxNode> Names { get; } = new();

        /// <summary>Whether a documentation comment names a slot: fine when it changes type, a dangling tag (CS1572) when it goes.</summary>
        public bool Documented { get; set; }

        public void Store(SyntaxNode assignment)
        {
            if (!Stores.Contains(assignment))
            {
                Stores.Add(assignment);
            }
        }
    }
}
