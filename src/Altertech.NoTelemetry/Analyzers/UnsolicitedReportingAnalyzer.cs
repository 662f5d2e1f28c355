using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Configuration;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0004: network egress, or a telemetry SDK's send or capture, reachable from a crash, exit, failure or stopping
/// hook. While the compilation is analysed, the handlers attached to hooks (the roots) and the delegates written to
/// every delegate-holding variable are collected; at its end, <see cref="HookReach"/> walks the calls from the roots
/// and each sink found is reported where it is, naming the hook and the path.
/// </summary>
/// <remarks>
/// A whole-program question, so a compilation-end rule: it is reported by builds, <c>dotnet format</c> and the audit
/// tool, and in the IDE with full-solution analysis.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsolicitedReportingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of the attribute (in any namespace) that marks a method as asking the user for consent.</summary>
    internal const string ConsentAttributeName = "AsksUserConsentAttribute";

    /// <summary>Paths longer than this many functions are shown with the middle left out.</summary>
    private const int MaxShownPath = 8;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnsolicitedReporting);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
            if (knowledge.Hooks.IsEmpty || (knowledge.Egress.IsEmpty && !knowledge.Telemetry.HasSdkSymbols))
            {
                return;
            }

            var state = new State(knowledge);
            start.RegisterOperationAction(c => state.OnEventAssignment(c), OperationKind.EventAssignment);
            start.RegisterOperationAction(c => state.OnCompoundAssignment(c), OperationKind.CompoundAssignment);
            start.RegisterOperationAction(c => state.OnSimpleAssignment(c), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => state.OnCall(c), OperationKind.Invocation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => state.OnInitializer(c), OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator);
            if (knowledge.Hooks.HasOverrides)
            {
                start.RegisterSymbolAction(c => state.OnMethod(c), SymbolKind.Method);
            }

            start.RegisterCompilationEndAction(c => state.Report(c));
        });
    }

    private sealed class State
    {
        private readonly CompilationKnowledge _knowledge;
        private readonly ConcurrentQueue<HookRoot> _roots = new();
        private readonly DelegateIndex _delegates = new();
        private readonly DelegateIndex _queueReaders = new();
        private readonly ConcurrentQueue<(IMethodSymbol Member, Location Location)> _logSinks = new();
        private readonly ConcurrentDictionary<string, MemberPatterns> _consentPatterns = new(StringComparer.Ordinal);

        public State(CompilationKnowledge knowledge) => _knowledge = knowledge;

        public void OnEventAssignment(OperationAnalysisContext context)
        {
            var assignment = (IEventAssignmentOperation)context.Operation;
            if (!assignment.Adds || assignment.EventReference is not IEventReferenceOperation { Event: { } @event })
            {
                return;
            }

            if (_knowledge.Hooks.EventHook(@event) is { } hook)
            {
                AddRoots(hook, assignment.HandlerValue, context);
            }

            if (_knowledge.Calls.IsInSource(@event))
            {
                // The product's own event: what it raises runs these.
                _delegates.Add(@event.OriginalDefinition, assignment.HandlerValue, context.CancellationToken);
            }
        }

        /// <summary><c>x.UnhandledException += handler</c> where the event's type does not bind; or <c>_handlers += h</c>.</summary>
        public void OnCompoundAssignment(OperationAnalysisContext context)
        {
            var assignment = (ICompoundAssignmentOperation)context.Operation;
            if (assignment.Target is IInvalidOperation invalid)
            {
                // An unbound target leaves the operator unresolved (None): the syntax says whether it adds.
                if (assignment.Syntax is not AssignmentExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddAssignmentExpression })
                {
                    return;
                }

                var name = invalid.Syntax switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };

                if (name is not null && _knowledge.Hooks.UnboundEventHook(name) is { } hook)
                {
                    AddRoots(hook.WithName(TextDisplay.Shorten(string.Concat(invalid.Syntax.ToString().Where(c => !char.IsWhiteSpace(c))))), assignment.Value, context);
                }

                return;
            }

            if (assignment.OperatorKind == BinaryOperatorKind.Add && CallGraph.DelegateVariable(assignment.Target) is { } variable)
            {
                _delegates.Add(variable, assignment.Value, context.CancellationToken);
            }
        }

        public void OnSimpleAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (CallGraph.DelegateVariable(assignment.Target) is { } variable)
            {
                _delegates.Add(variable, assignment.Value, context.CancellationToken);
            }
        }

        public void OnInitializer(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IFieldInitializerOperation field:
                    foreach (var initialized in field.InitializedFields)
                    {
                        if (initialized.Type.TypeKind == TypeKind.Delegate)
                        {
                            _delegates.Add(initialized.OriginalDefinition, field.Value, context.CancellationToken);
                        }
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var initialized in property.InitializedProperties)
                    {
                        if (initialized.Type.TypeKind == TypeKind.Delegate)
                        {
                            _delegates.Add(initialized.OriginalDefinition, property.Value, context.CancellationToken);
                        }
                    }

                    break;
                case IVariableDeclaratorOperation { Symbol: { Type.TypeKind: TypeKind.Delegate } local } declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        _delegates.Add(local, initializer.Value, context.CancellationToken);
                    }

                    break;
            }
        }

        /// <summary>A hook call's callbacks are roots; a product method's delegate arguments are what its parameters run.</summary>
        public void OnCall(OperationAnalysisContext context)
        {
            var (method, arguments) = context.Operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };

            if (method is null)
            {
                return;
            }

            if (context.Operation is IInvocationOperation read && _knowledge.Hooks.IsQueueRead(method) && CallGraph.QueueVariable(read.Instance) is { } queue)
            {
                // The function that reads the queue runs what a hook writes into it.
                _queueReaders.Add(queue, EnclosingFunction(context.Operation, context.ContainingSymbol));
            }

            if (_knowledge.Hooks.IsLogSink(method))
            {
                _logSinks.Enqueue((method, DiagnosticLocations.MemberName(context.Operation)));
            }

            if (arguments.IsEmpty)
            {
                return;
            }

            var hook = context.Operation is IInvocationOperation call ? _knowledge.Hooks.CallHook(call) : null;
            var inSource = _knowledge.Calls.IsInSource(method);
            if (hook is null && !inSource)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { Type.TypeKind: TypeKind.Delegate } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (hook is not null)
                {
                    AddRoots(hook, argument.Value, context);
                }

                if (inSource)
                {
                    _delegates.Add(parameter.OriginalDefinition, argument.Value, context.CancellationToken);
                }
            }
        }

        /// <summary>An override of a hook method (<c>Application.OnExit</c>) is a root itself.</summary>
        public void OnMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.IsOverride && _knowledge.Hooks.OverrideHook(method) is { } hook && method.Locations.FirstOrDefault() is { } location)
            {
                _roots.Enqueue(new HookRoot(hook, Callable.ForMethod(method), location));
            }
        }

        private void AddRoots(Hook hook, IOperation handler, OperationAnalysisContext context)
        {
            foreach (var callable in Callable.Of(handler, context.CancellationToken))
            {
                _roots.Enqueue(new HookRoot(hook, callable, context.Operation.Syntax.GetLocation(), context.ContainingSymbol));
            }
        }

        /// <summary>The innermost lambda or local function around an operation, else the member it is in.</summary>
        private static Callable EnclosingFunction(IOperation operation, ISymbol containing)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return Callable.ForFunction(current);
                }
            }

            return containing is IMethodSymbol method ? Callable.ForMethod(method) : default;
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (_roots.IsEmpty)
            {
                return;
            }

            var roots = _roots
                .OrderBy(r => r.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(r => r.Location.SourceSpan.Start)
                .ToList();

            var findings = Reach(roots, context);
            var fixes = Fixes(findings, roots, context);
            LogSink? logSink = null;
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (finding.Sink.IsErrorLog)
                {
                    // Logging sends only where the compilation sends its log over the network.
                    logSink ??= FindLogSink(context) ?? LogSink.None;
                    if (logSink == LogSink.None)
                    {
                        continue;
                    }
                }

                context.ReportDiagnostic(CreateDiagnostic(finding, logSink, fixes[i]));
            }
        }

        /// <summary>
        /// The <c>fix</c> of each finding (see <see cref="CrashReportFix.FixFor"/>), for a send that is a statement of the
        /// hook's own handler, or of a helper the handler calls when no other code calls it (see <see cref="OnlyHooksCall"/>):
        /// writing the report locally instead of sending it is then right for every caller.
        /// </summary>
        private string?[] Fixes(List<ReachFinding> findings, IReadOnlyList<HookRoot> roots, CompilationAnalysisContext context)
        {
            var fixes = new string?[findings.Count];
            List<IMethodSymbol>? helpers = null;
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (finding.Path.Length > 2 || finding.Sink.IsErrorLog && finding.Path.Length > 1)
                {
                    continue;
                }

                var exitReport = finding.Root.Hook.Kind is HookKind.Exit or HookKind.Stopping
                    && (finding.Sink.Service is not null || finding.Sink.Api is { Kind: EgressKind.Send });
                fixes[i] = CrashReportFix.FixFor(finding.Sink.Operation, exitReport, context.CancellationToken);
                if (fixes[i] is not null && finding.Path.Length == 2)
                {
                    if (finding.Path[1] is IMethodSymbol helper && IsPlainHelper(helper, context.Compilation))
                    {
                        (helpers ??= new List<IMethodSymbol>()).Add(helper);
                    }
                    else
                    {
                        fixes[i] = null;
                    }
                }
            }

            if (helpers is not null)
            {
                var onlyHooks = OnlyHooksCall(helpers, roots, context);
                for (var i = 0; i < findings.Count; i++)
                {
                    if (fixes[i] is not null && findings[i].Path.Length == 2 && !onlyHooks.Contains(findings[i].Path[1]))
                    {
                        fixes[i] = null;
                    }
                }
            }

            return fixes;
        }

        /// <summary>
        /// A helper whose every caller a search of the compilation's source finds: a method that no virtual or interface call
        /// reaches (not virtual, abstract, an override or an interface implementation) and that no other assembly can call (in a
        /// library: not visible outside it, nor internal where the assembly has <c>InternalsVisibleTo</c>). Not a local function:
        /// the search compares method symbols, and a local function's are not promised to be equal across semantic models.
        /// </summary>
        private static bool IsPlainHelper(IMethodSymbol helper, Compilation compilation)
        {
            if (helper.MethodKind != MethodKind.Ordinary || helper.IsVirtual || helper.IsAbstract || helper.IsOverride || helper.IsExtern
                || !helper.ExplicitInterfaceImplementations.IsEmpty)
            {
                return false;
            }

            foreach (var @interface in helper.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(helper.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(helper.ContainingType.FindImplementationForInterfaceMember(member), helper))
                    {
                        return false;
                    }
                }
            }

            if (compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata)
            {
                var visibility = Accessibility.Public;
                for (ISymbol? current = helper; current is IMethodSymbol or INamedTypeSymbol; current = current.ContainingSymbol)
                {
                    if (current.DeclaredAccessibility < visibility)
                    {
                        visibility = current.DeclaredAccessibility;
                    }
                }

                var friends = compilation.Assembly.GetAttributes().Any(a => a.AttributeClass?.Name == "InternalsVisibleToAttribute");
                if (visibility is not (Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal) || (friends && visibility != Accessibility.Private))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The helpers that only hooks call: every use of the helper in the compilation's source is a call written in a hook's
        /// handler itself (a lambda, anonymous method, local function or method attached to a hook, not a delegate kept in a
        /// variable) that does not ask for consent. A use elsewhere (a "Send report" button, a path behind a consent method, a
        /// method group) keeps its send: the fix would change what that caller does. One pass over the identifiers of the
        /// compilation's files, only when a finding in a helper could have a fix.
        /// </summary>
        private HashSet<ISymbol> OnlyHooksCall(List<IMethodSymbol> helpers, IReadOnlyList<HookRoot> roots, CompilationAnalysisContext context)
        {
            var cancellationToken = context.CancellationToken;
            var handlers = new Dictionary<(SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan), HookRoot>();
            foreach (var root in roots)
            {
                var syntax = root.Handler.Function is { } function
                    ? new[] { function.Syntax }
                    : root.Handler.Method is { } method
                        ? method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToArray()
                        : Array.Empty<SyntaxNode>();
                foreach (var node in syntax)
                {
                    handlers[(node.SyntaxTree, node.Span)] = root;
                }
            }

            var names = new HashSet<string>(helpers.Select(h => h.Name), StringComparer.Ordinal);
            var result = new HashSet<ISymbol>(helpers, SymbolEqualityComparer.Default);
            var called = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name || !names.Contains(token.ValueText))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // One model per file that names a helper, once per compilation, only when a helper's finding could have a fix.
                    model ??= context.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var info = model.GetSymbolInfo(name, cancellationToken);
                    foreach (var symbol in info.Symbol is { } bound ? new[] { bound } : info.CandidateSymbols.ToArray())
                    {
                        if (symbol is not IMethodSymbol method || Normalized(method) is not { } target || !result.Contains(target))
                        {
                            continue;
                        }

                        called.Add(target);
                        if (!IsCallIn(name, model, handlers, context, cancellationToken))
                        {
                            result.Remove(target);
                        }
                    }
                }
            }

            // A helper that no call names runs some other way (a dispatched call, reflection): not only hooks'.
            result.IntersectWith(called);
            return result;
        }

        private static IMethodSymbol? Normalized(IMethodSymbol method)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            return definition.PartialImplementationPart ?? definition;
        }

        /// <summary>The name is the target of a call written in a hook's handler that does not ask for consent.</summary>
        private bool IsCallIn(SimpleNameSyntax name, SemanticModel model, Dictionary<(SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan), HookRoot> handlers, CompilationAnalysisContext context, System.Threading.CancellationToken cancellationToken)
        {
            ExpressionSyntax callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee)
            {
                return false;
            }

            if (model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken) is not IMethodSymbol function
                || function.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference
                || !handlers.TryGetValue((reference.SyntaxTree, reference.Span), out var root))
            {
                return false;
            }

            var summary = root.Handler.Function is { } operation
                ? _knowledge.Calls.Summarize(operation, cancellationToken)
                : _knowledge.Calls.Summarize(root.Handler.Method!, cancellationToken);
            return !AsksConsent(function, summary, context.Options);
        }

        private List<ReachFinding> Reach(IReadOnlyList<HookRoot> roots, CompilationAnalysisContext context) => HookReach.Find(
            _knowledge.Calls,
            _delegates,
            _queueReaders,
            roots,
            (function, summary) => AsksConsent(function, summary, context.Options),
            _knowledge.Configuration.MaxReachDepth,
            context.CancellationToken);

        /// <summary>
        /// Where the log goes over the network: the first registration of a network sink in source order
        /// (<c>WriteTo.Seq</c>, <c>AddSentry</c>), else a log sink type of the product's own whose writing member reaches
        /// network egress; null when the log stays on the machine.
        /// </summary>
        private LogSink? FindLogSink(CompilationAnalysisContext context)
        {
            var registration = _logSinks
                .OrderBy(r => r.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(r => r.Location.SourceSpan.Start)
                .FirstOrDefault();
            if (registration.Member is not null)
            {
                var line = registration.Location.GetLineSpan();
                return new LogSink(
                    $"the {DiagnosticLocations.Describe(registration.Member)} sink registered in {System.IO.Path.GetFileName(line.Path)} (line {line.StartLinePosition.Line + 1})",
                    registration.Member.OriginalDefinition.GetDocumentationCommentId());
            }

            // A sink that reaches a telemetry SDK is named before one that only reaches plain egress (a target that
            // pushes status to the product's own UI over SignalR is egress too, but not where the crash report goes).
            var probe = new Hook("log sink", "member", HookKind.Crash);
            LogSink? egressOnly = null;
            foreach (var (type, member) in _knowledge.Hooks.LogSinkTypes)
            {
                foreach (var declared in type.GetMembers(member))
                {
                    if (declared is not IMethodSymbol method)
                    {
                        continue;
                    }

                    foreach (var implementation in _knowledge.Calls.ImplementationsOf(method, null, context.CancellationToken))
                    {
                        var sends = Reach(new[] { new HookRoot(probe, Callable.ForMethod(implementation), Location.None) }, context);
                        var sink = new LogSink($"the product's log sink {implementation.ContainingType.Name}", implementation.ContainingType.GetDocumentationCommentId());
                        if (sends.Any(f => f.Sink.Service is not null))
                        {
                            return sink;
                        }

                        if (sends.Any(f => !f.Sink.IsErrorLog))
                        {
                            egressOnly ??= sink;
                        }
                    }
                }
            }

            return egressOnly;
        }

        /// <summary>
        /// The function asks the user before it goes on: it carries the consent attribute, or calls a method that does,
        /// or one that <c>notelemetry.consent_methods</c> names for the function's file.
        /// </summary>
        private bool AsksConsent(ISymbol function, FunctionSummary summary, AnalyzerOptions options)
        {
            if (HasConsentAttribute(function))
            {
                return true;
            }

            var patterns = MemberPatterns.None;
            if (summary.Tree is { } tree
                && options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ProjectConfiguration.ConsentMethodsKey, out var value)
                && !string.IsNullOrWhiteSpace(value))
            {
                patterns = _consentPatterns.GetOrAdd(value, MemberPatterns.Parse);
            }

            foreach (var call in summary.Calls)
            {
                if (HasConsentAttribute(call.Target) || patterns.Matches(call.Target))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasConsentAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == ConsentAttributeName)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Where the compilation sends its log: a registration or a sink type of the product, as the message and <c>via</c> say it.</summary>
    private sealed class LogSink
    {
        public static readonly LogSink None = new(string.Empty, null);

        public LogSink(string description, string? id)
        {
            Description = description;
            Id = id;
        }

        public string Description { get; }

        public string? Id { get; }
    }

    private static Diagnostic CreateDiagnostic(ReachFinding finding, LogSink? logSink, string? fix)
    {
        var sink = finding.Sink;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Hook, finding.Root.Hook.Name);
        properties.Add(DiagnosticProperties.HookKind, finding.Root.Hook.KindName);
        properties.Add(DiagnosticProperties.Member, (sink.Member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : sink.Member).OriginalDefinition.GetDocumentationCommentId());
        properties.Add(DiagnosticProperties.Chain, string.Join(";", finding.Path.Select(f => HookReach.DeclaringMember(f).GetDocumentationCommentId()).Distinct()));

        if (fix is not null)
        {
            properties.Add(DiagnosticProperties.Fix, fix);
        }

        string what;
        if (sink.IsErrorLog)
        {
            properties.Add(DiagnosticProperties.Origin, "logging");
            properties.Add(DiagnosticProperties.Via, logSink!.Id);
            what = $"Logs an error that {logSink.Description} sends over the network";
        }
        else if (sink.Service is { } service)
        {
            properties.Add(DiagnosticProperties.Origin, "sdk");
            properties.Add(DiagnosticProperties.Service, service.Name);
            properties.Add(DiagnosticProperties.Vendor, service.Vendor);
            properties.Add(DiagnosticProperties.Role, sink.Role == TelemetryRole.Capture ? "capture" : "send");
            what = sink.Role == TelemetryRole.Capture ? $"Captures data for {service.Name}" : $"Sends data to {service.Name}";
        }
        else
        {
            properties.Add(DiagnosticProperties.Origin, "egress");
            properties.Add(DiagnosticProperties.Kind, EgressApi.KindNames[(int)sink.Api!.Kind]);
            what = sink.Api.Kind switch
            {
                EgressKind.Connect => "Connects to the network",
                EgressKind.Resolve => "Resolves a host name",
                EgressKind.Register => "Registers a network sender",
                EgressKind.Open => "Opens a URL with run-time data in the browser",
                _ => "Sends data",
            };
        }

        var steps = finding.Path.Select(HookReach.Describe).ToList();
        steps.Add(DiagnosticLocations.Describe(sink.Member));
        if (steps.Count > MaxShownPath)
        {
            var hidden = steps.Count - MaxShownPath + 1;
            steps = steps.Take(3).Concat(new[] { $"{hidden} more" }).Concat(steps.Skip(steps.Count - (MaxShownPath - 4))).ToList();
        }

        return Diagnostic.Create(
            Rules.UnsolicitedReporting,
            DiagnosticLocations.MemberName(sink.Operation),
            properties.ToImmutable(),
            what,
            finding.Root.Hook.Describe(),
            string.Join(" -> ", steps));
    }
}
