using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0001: every use of a catalogued telemetry SDK (calls, creations, member references, method groups,
/// extension methods matched by their assembly, attributes, generic arguments, declarations typed as an SDK
/// type), and every network call whose constant endpoint is a catalogued ingestion host.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetrySdkUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TelemetryServiceUsed);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Telemetry that a source generator wrote still sends: analyse generated code and report in it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var knowledge = CompilationKnowledge.Get(context.Compilation, context.Options, context.CancellationToken);
        var matcher = knowledge.Telemetry;
        var checkSdk = matcher.HasSdkSymbols;
        var checkHosts = matcher.Hosts.Count > 0 && !knowledge.Egress.IsEmpty;
        if (!checkSdk && !checkHosts)
        {
            return;
        }

        var operations = new OperationFindings(matcher, checkSdk, checkHosts ? knowledge : null, context.Compilation);
        var kinds = checkSdk
            ? new[]
            {
                OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.PropertyReference,
                OperationKind.FieldReference, OperationKind.EventReference, OperationKind.MethodReference, OperationKind.TypeOf, OperationKind.Invalid,
            }
            : new[] { OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment };
        context.RegisterOperationAction(operations.Analyze, kinds);

        if (!checkSdk)
        {
            return;
        }

        context.RegisterSymbolAction(
            c => AnalyzeDeclaration(c, matcher),
            SymbolKind.Field,
            SymbolKind.Property,
            SymbolKind.Event,
            SymbolKind.Method,
            SymbolKind.NamedType);

        // Attributes of declared symbols come bound from the symbols (AnalyzeDeclaration). Binding every attribute
        // again through the semantic model cost more than the rest of the rule on projects full of [Category] and
        // [DefaultValue]; only the attributes no declared symbol owns are bound here.
        context.RegisterSyntaxNodeAction(c => AnalyzeUnownedAttribute(c, matcher), SyntaxKind.Attribute);
    }

    /// <summary>
    /// The operations of NT0001: each SDK call, creation, member reference and <c>typeof</c>, each request to a catalogued
    /// ingestion host, and each call that does not bind but whose every candidate is an SDK member. A statement reports
    /// each service once (<see cref="TelemetryStatements"/>).
    /// </summary>
    internal sealed class OperationFindings
    {
        private readonly TelemetryMatcher _matcher;
        private readonly bool _checkSdk;
        private readonly CompilationKnowledge? _hosts;
        private readonly bool _canTrace;

        public OperationFindings(TelemetryMatcher matcher, bool checkSdk, CompilationKnowledge? hosts, Compilation compilation)
        {
            _matcher = matcher;
            _checkSdk = checkSdk;
            _hosts = hosts;

            // Without an ILogger in scope the code fix writes Trace: a call is loggable only where that compiles.
            _canTrace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is not null;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var cancellationToken = context.CancellationToken;
            if (Classify(context.Operation, cancellationToken) is { } finding
                && TelemetryStatements.IsReported(finding, operation => Classify(operation, cancellationToken), out var others))
            {
                context.ReportDiagnostic(finding.ToDiagnostic(others));
            }
        }

        /// <summary>The finding <paramref name="operation"/> is on its own, or null.</summary>
        internal TelemetryFinding? Classify(IOperation operation, CancellationToken cancellationToken)
        {
            if (_checkSdk && ClassifySdk(operation, cancellationToken) is { } sdk)
            {
                return sdk;
            }

            return _hosts is not null && operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.SimpleAssignment
                ? ClassifyHost(operation, _hosts, cancellationToken)
                : null;
        }

        private TelemetryFinding? ClassifySdk(IOperation operation, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                {
                    var method = invocation.TargetMethod;
                    if (_matcher.Match(method) is { } service)
                    {
                        var role = _matcher.RoleOf(method, service);
                        if (IsCoveredByEnclosingUse(operation, _matcher) || IsAbsorbedByCallback(invocation.Instance, role, _matcher))
                        {
                            return null;
                        }

                        var finding = new TelemetryFinding(operation, DiagnosticLocations.MemberName(operation), service, role, DiagnosticLocations.Describe(method), TelemetryOrigin.Sdk, method);
                        if (IsLoggable(invocation, role, cancellationToken))
                        {
                            finding.Fix = TelemetryFix.Log;
                            finding.LogLevel = LoggedArguments.ChosenLevel(invocation, _matcher)?.Level ?? service.LogLevelOf(method);
                            finding.LogLeftOut = LoggedArguments.LeftOut(invocation, _matcher);
                            finding.LogTemplate = LoggedArguments.Template(invocation, _matcher);
                        }
                        else if (role == TelemetryRole.Configure && TelemetryRemoval.Of(invocation, _matcher, cancellationToken) is not null)
                        {
                            finding.Fix = TelemetryFix.Remove;
                        }

                        return finding;
                    }

                    // AddFilter<ApplicationInsightsLoggerProvider>(...): a general API given an SDK type to work with.
                    if (method.IsGenericMethod && MatchTypeArguments(_matcher, method.TypeArguments) is { } argument)
                    {
                        // AddSingleton<TelemetryClient>() registers it; Select<TelemetryClient>(...) merely handles it.
                        var role = argument.Service.RoleOf(method) == TelemetryRole.Configure ? TelemetryRole.Configure : TelemetryRole.Use;
                        return new TelemetryFinding(operation, DiagnosticLocations.MemberName(operation), argument.Service, role, $"{DiagnosticLocations.Describe(method)}<{argument.Type.Name}>", TelemetryOrigin.Sdk, argument.Type);
                    }

                    return null;
                }

                case IObjectCreationOperation creation when _matcher.MatchType(creation.Type) is { } service:
                    // new Dictionary<string, SentryLevel>(): a collection of SDK values, not an SDK object; the
                    // declaration that holds it is the finding.
                    if (IsPartOfAttribute(operation) || _matcher.Match(creation.Type) is null)
                    {
                        return null;
                    }

                    var constructor = (ISymbol?)creation.Constructor ?? creation.Type!;
                    return new TelemetryFinding(operation, DiagnosticLocations.MemberName(operation), service, creation.Constructor is null ? TelemetryRole.Use : _matcher.RoleOf(creation.Constructor, service), "new " + creation.Type!.Name, TelemetryOrigin.Sdk, constructor);

                case IMemberReferenceOperation reference:
                {
                    var member = reference.Member;

                    // Enum members, constants and read-only keys (Mechanism.MechanismKey) send nothing by themselves;
                    // the call they are passed to is reported.
                    if (IsConstantLike(member)
                        || IsPartOfAttribute(reference)
                        || _matcher.Match(member) is not { } service
                        || IsCoveredByEnclosingUse(reference, _matcher))
                    {
                        return null;
                    }

                    var role = _matcher.RoleOf(member, service);
                    if (IsAbsorbedByCallback(reference.Instance, role, _matcher))
                    {
                        return null;
                    }

                    // Setting an SDK property (a connection string, a sample rate) configures the SDK.
                    if (role == TelemetryRole.Use && reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                    {
                        role = TelemetryRole.Configure;
                    }

                    return new TelemetryFinding(reference, DiagnosticLocations.MemberName(reference), service, role, DiagnosticLocations.Describe(member), TelemetryOrigin.Sdk, member);
                }

                case ITypeOfOperation typeOf when _matcher.MatchType(typeOf.TypeOperand) is { } service:
                    return new TelemetryFinding(typeOf, typeOf.Syntax.GetLocation(), service, TelemetryRole.Use, "typeof(" + typeOf.TypeOperand.Name + ")", TelemetryOrigin.Sdk, typeOf.TypeOperand);

                case IInvalidOperation invalid:
                    return ClassifyCandidates(invalid, cancellationToken);

                default:
                    return null;
            }
        }

        /// <summary>
        /// Code under edit, or with a missing reference: <c>SentrySdk.CaptureException(ex)</c> with an undefined
        /// <c>ex</c> does not bind, but when every method it could mean belongs to one service, it is that service's use.
        /// </summary>
        private TelemetryFinding? ClassifyCandidates(IInvalidOperation invalid, CancellationToken cancellationToken)
        {
            var candidates = UnboundCalls.CandidatesOf(invalid, cancellationToken);
            if (candidates.IsEmpty)
            {
                return null;
            }

            TelemetryService? service = null;
            var role = TelemetryRole.Use;
            foreach (var candidate in candidates)
            {
                if (_matcher.Match(candidate) is not { } candidateService || (service is not null && candidateService != service))
                {
                    return null;
                }

                service = candidateService;
                var candidateRole = _matcher.RoleOf(candidate, candidateService);
                if (candidateRole > role)
                {
                    role = candidateRole;
                }
            }

            if (IsAbsorbedByCallback(UnboundCalls.ReceiverOf(invalid, cancellationToken), role, _matcher))
            {
                return null;
            }

            var first = UnboundCalls.BestCandidate(invalid, candidates);
            return new TelemetryFinding(invalid, DiagnosticLocations.MemberName(invalid), service!, role, DiagnosticLocations.Describe(first), TelemetryOrigin.Candidate, first);
        }

        /// <summary>Hand-rolled telemetry: a network API that receives a constant endpoint on a catalogued ingestion host.</summary>
        private TelemetryFinding? ClassifyHost(IOperation operation, CompilationKnowledge knowledge, CancellationToken cancellationToken)
        {
            foreach (var site in knowledge.EgressSitesOf(operation, cancellationToken))
            {
                if (site.Resolve(knowledge.Endpoints, cancellationToken) is not { } endpoint)
                {
                    continue;
                }

                foreach (var alternative in endpoint.Alternatives)
                {
                    if (_matcher.MatchHost(alternative.Host) is not { } hostService)
                    {
                        continue;
                    }

                    var what = $"{DiagnosticLocations.Describe(site.Member)} to '{alternative.Host}'";
                    if (site.Via is { } via)
                    {
                        what += $" (passed on to {DiagnosticLocations.Describe(via)})";
                    }

                    var loggable = operation is IInvocationOperation invocation && IsLoggable(invocation, TelemetryRole.Send, cancellationToken);
                    return new TelemetryFinding(operation, DiagnosticLocations.MemberName(operation), hostService, TelemetryRole.Send, what, TelemetryOrigin.Host, site.Member)
                    {
                        Host = alternative.Host,
                        Via = site.Via is { } forwardedTo ? DiagnosticLocations.Describe(forwardedTo) : null,
                        Fix = loggable ? TelemetryFix.Log : null,
                        LogLevel = loggable ? hostService.LogLevelOf(site.Member) : null,
                    };
                }
            }

            return null;
        }

        /// <summary>
        /// The code fix replaces a sending or capturing call with a local log call (<c>ILogger</c>, else <c>Trace</c>) and keeps
        /// its arguments: only where the call is a whole statement (its result unused) and every argument can be passed on as an object,
        /// or is one the catalogue's <c>log-arguments</c> leave out and can go without losing a side effect (<see cref="LoggedArguments"/>).
        /// </summary>
        private bool IsLoggable(IInvocationOperation invocation, TelemetryRole role, CancellationToken cancellationToken)
        {
            if (!_canTrace || role is not (TelemetryRole.Send or TelemetryRole.Capture) || invocation.Syntax is not InvocationExpressionSyntax syntax)
            {
                return false;
            }

            // _client?.TrackEvent(...): the whole conditional access is the statement, its receiver the one that is tested.
            var conditional = invocation.Parent is IConditionalAccessOperation access && access.WhenNotNull == invocation ? access : null;
            var value = (IOperation?)conditional ?? invocation;
            var awaited = value.Parent as IAwaitOperation;
            var statement = awaited is not null ? awaited.Parent : value.Parent;
            if (statement is not IExpressionStatementOperation || (conditional is not null && awaited is not null))
            {
                return false;
            }

            // StartTransaction("checkout").Finish(): the receiver's information would be lost with the call.
            if ((conditional is not null ? conditional.Operation : invocation.Instance) is not (null or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                or IInstanceReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }))
            {
                return false;
            }

            // await client.FlushAsync(): without its await an async method that awaits nothing else warns (CS1998).
            if (awaited is not null && !AwaitsElsewhere(awaited))
            {
                return false;
            }

            // _client?.TrackEvent("sent " + _sent++): the log call runs whether the client was there or not, so its arguments
            // must not change what only changed with a client. (A call in them is kept and runs: see the rule's page.)
            if (conditional is not null && invocation.Arguments.Any(a => OperationEffects.ChangesVariables(a.Value)))
            {
                return false;
            }

            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                // The catalogue's log-arguments leave it out: nothing of it needs to fit the log call, unless going loses what it does.
                switch (LoggedArguments.LeavesOut(invocation, argument, _matcher))
                {
                    case true:
                        continue;
                    case false:
                        return false;
                }

                if (argument.RefKindKeyword.RawKind != 0
                    || argument.Expression is AnonymousFunctionExpressionSyntax
                    || invocation.SemanticModel?.GetTypeInfo(argument.Expression, cancellationToken).Type is not { } type
                    || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Error
                    || type.IsRefLikeType
                    || type.SpecialType == SpecialType.System_Void)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, TelemetryMatcher matcher)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared)
        {
            return;
        }

        // Asking a symbol for its attributes binds them: only symbols whose declaration writes one are asked. The two
        // parts of a partial method each get a callback and each list the attributes of both: the definition reports.
        var attributed = symbol is not IMethodSymbol { PartialDefinitionPart: not null } && DeclaresAttributes(symbol, context.CancellationToken);
        if (attributed)
        {
            ReportAttributes(context, matcher, symbol.GetAttributes());
        }

        switch (symbol)
        {
            case IFieldSymbol field:
                ReportDeclaredType(context, matcher, field.Type, field);
                break;
            case IPropertySymbol property:
                ReportDeclaredType(context, matcher, property.Type, property);
                if (attributed)
                {
                    ReportParameterAttributes(context, matcher, property.Parameters);
                }

                break;
            case IMethodSymbol method:
                if (attributed)
                {
                    ReportAttributes(context, matcher, method.GetReturnTypeAttributes());
                    ReportParameterAttributes(context, matcher, OwnParameters(method));
                    ReportTypeParameterAttributes(context, matcher, method.TypeParameters);
                }

                if (method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.Conversion or MethodKind.UserDefinedOperator)
                {
                    if (!method.ReturnsVoid)
                    {
                        ReportDeclaredType(context, matcher, method.ReturnType, method);
                    }

                    foreach (var parameter in method.Parameters)
                    {
                        ReportDeclaredType(context, matcher, parameter.Type, parameter);
                    }
                }

                break;
            case INamedTypeSymbol type:
                if (attributed)
                {
                    ReportTypeParameterAttributes(context, matcher, type.TypeParameters);
                    if (type.DelegateInvokeMethod is { } invoke)
                    {
                        ReportAttributes(context, matcher, invoke.GetReturnTypeAttributes());
                        ReportParameterAttributes(context, matcher, invoke.Parameters);
                    }
                }

                if (DeclaresFieldTargetedAttributes(type, context.CancellationToken))
                {
                    ReportBackingFieldAttributes(context, matcher, type);
                }

                ReportBaseTypes(context, matcher, type);
                break;
        }
    }

    /// <summary>
    /// Whether a declaration of <paramref name="symbol"/> (either part, for a partial method) writes an attribute on
    /// itself, its return, its parameters or its type parameters. Syntax only: the members of a type are not its
    /// own, an accessor is a symbol of its own.
    /// </summary>
    private static bool DeclaresAttributes(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is IMethodSymbol { PartialImplementationPart: { } implementation } && DeclaresAttributes(implementation, cancellationToken))
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (WritesAttributes(reference.GetSyntax(cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a declaration writes an attribute list on itself, its parameters or its type parameters. The typed
    /// lists are read directly: walking the children of a type declaration would visit every member.
    /// </summary>
    private static bool WritesAttributes(SyntaxNode node)
    {
        switch (node)
        {
            case VariableDeclaratorSyntax { Parent.Parent: MemberDeclarationSyntax fieldOrEvent }:
                return fieldOrEvent.AttributeLists.Count > 0;
            case MemberDeclarationSyntax { AttributeLists.Count: > 0 }:
                return true;
            case MethodDeclarationSyntax method:
                return WritesAttributes(method.ParameterList) || WritesAttributes(method.TypeParameterList);
            case BaseMethodDeclarationSyntax method:
                return WritesAttributes(method.ParameterList);
            case IndexerDeclarationSyntax indexer:
                return WritesAttributes(indexer.ParameterList);
            case TypeDeclarationSyntax type:
                return WritesAttributes(type.ParameterList) || WritesAttributes(type.TypeParameterList);
            case DelegateDeclarationSyntax @delegate:
                return WritesAttributes(@delegate.ParameterList) || WritesAttributes(@delegate.TypeParameterList);
            case MemberDeclarationSyntax or ArrowExpressionClauseSyntax:
                return false;
            case AccessorDeclarationSyntax accessor:
                return accessor.AttributeLists.Count > 0;
            case ParameterSyntax parameter:
                return parameter.AttributeLists.Count > 0;
        }

        // Anything else that declares a symbol (rare): its own children.
        foreach (var child in node.ChildNodes())
        {
            if (child is AttributeListSyntax
                || (child is BaseParameterListSyntax parameters && WritesAttributes(parameters))
                || (child is TypeParameterListSyntax typeParameters && WritesAttributes(typeParameters)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WritesAttributes(BaseParameterListSyntax? list) =>
        list is not null && Any(list.Parameters, static parameter => parameter.AttributeLists.Count > 0);

    private static bool WritesAttributes(TypeParameterListSyntax? list) =>
        list is not null && Any(list.Parameters, static parameter => parameter.AttributeLists.Count > 0);

    /// <summary>A loop over a separated list, without the boxing and enumerator of LINQ's Any.</summary>
    private static bool Any<TNode>(SeparatedSyntaxList<TNode> nodes, System.Func<TNode, bool> predicate)
        where TNode : SyntaxNode
    {
        foreach (var node in nodes)
        {
            if (predicate(node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a declaration of <paramref name="type"/> has a <c>[field: ...]</c> attribute on a property or record parameter.</summary>
    private static bool DeclaresFieldTargetedAttributes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                if (member is BasePropertyDeclarationSyntax property && TargetsField(property.AttributeLists))
                {
                    return true;
                }
            }

            if (declaration.ParameterList is { } parameters && Any(parameters.Parameters, static parameter => TargetsField(parameter.AttributeLists)))
            {
                return true;
            }
        }

        return false;

        static bool TargetsField(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                if (list.Target?.Identifier.IsKind(SyntaxKind.FieldKeyword) == true)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Each attribute whose class belongs to a telemetry SDK, reported on the attribute's name.</summary>
    private static void ReportAttributes(SymbolAnalysisContext context, TelemetryMatcher matcher, ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (matcher.Match(attribute.AttributeClass) is { } service
                && attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax syntax)
            {
                ReportAttribute(context.ReportDiagnostic, syntax, service, attribute.AttributeClass!);
            }
        }
    }

    /// <summary>
    /// The parameters declared by <paramref name="method"/> itself: an indexer's accessors repeat the indexer's
    /// parameters, which the indexer reports; a setter adds only <c>value</c>.
    /// </summary>
    private static ImmutableArray<IParameterSymbol> OwnParameters(IMethodSymbol method) => method switch
    {
        { MethodKind: MethodKind.PropertyGet } => ImmutableArray<IParameterSymbol>.Empty,
        { MethodKind: MethodKind.PropertySet, Parameters: { IsEmpty: false } parameters } => ImmutableArray.Create(parameters[parameters.Length - 1]),
        _ => method.Parameters,
    };

    private static void ReportParameterAttributes(SymbolAnalysisContext context, TelemetryMatcher matcher, ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            ReportAttributes(context, matcher, parameter.GetAttributes());
        }
    }

    private static void ReportTypeParameterAttributes(SymbolAnalysisContext context, TelemetryMatcher matcher, ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        foreach (var typeParameter in typeParameters)
        {
            ReportAttributes(context, matcher, typeParameter.GetAttributes());
        }
    }

    /// <summary><c>[field: X]</c> on an auto-property goes to its backing field, which no symbol action visits.</summary>
    private static void ReportBackingFieldAttributes(SymbolAnalysisContext context, TelemetryMatcher matcher, INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol } backingField)
            {
                ReportAttributes(context, matcher, backingField.GetAttributes());
            }
        }
    }

    private static void ReportDeclaredType(SymbolAnalysisContext context, TelemetryMatcher matcher, ITypeSymbol type, ISymbol declared)
    {
        if (matcher.MatchType(type) is not { } service)
        {
            return;
        }

        foreach (var reference in declared.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(context.CancellationToken);
            var typeSyntax = syntax switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator
                    when declaration.Variables[0] == declarator => declaration.Type,
                VariableDeclaratorSyntax => null,
                BasePropertyDeclarationSyntax property => property.Type,
                ParameterSyntax parameter => parameter.Type,
                MethodDeclarationSyntax method => method.ReturnType,
                ConversionOperatorDeclarationSyntax conversion => conversion.Type,
                OperatorDeclarationSyntax op => op.ReturnType,
                _ => null,
            };

            if (typeSyntax is not null)
            {
                // List<TelemetryClient> (_clients): the declared type as written, and the SDK type it holds.
                var element = ElementType(type);
                var shown = element is INamedTypeSymbol { IsGenericType: true } ? element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : element.Name;
                var fix = LoggerSlot.MayBecomeLogger(declared, type, syntax, context.Compilation) ? TelemetryFix.Logger : null;
                Report(context.ReportDiagnostic, ElementTypeSyntax(typeSyntax).GetLocation(), service, $"{shown} ({declared.Name})", SdkTypeIn(element, matcher) ?? element, fix);
            }
        }
    }

    private static void ReportBaseTypes(SymbolAnalysisContext context, TelemetryMatcher matcher, INamedTypeSymbol type)
    {
        foreach (var baseType in type.Interfaces.Add(type.BaseType!))
        {
            if (baseType is null || matcher.MatchType(baseType) is not { } service)
            {
                continue;
            }

            var what = $"{type.Name} : {baseType.Name}";
            var reported = false;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is not BaseTypeDeclarationSyntax { BaseList: { } baseList })
                {
                    continue;
                }

                foreach (var baseSyntax in baseList.Types)
                {
                    if (RightmostName(baseSyntax.Type)?.Identifier.ValueText == baseType.Name)
                    {
                        Report(context.ReportDiagnostic, baseSyntax.GetLocation(), service, what, baseType);
                        reported = true;
                    }
                }
            }

            // Written through an alias: the base list does not spell the name, so point at the type itself.
            if (!reported && !type.Locations.IsEmpty)
            {
                Report(context.ReportDiagnostic, type.Locations[0], service, what, baseType);
            }
        }
    }

    /// <summary>
    /// Attributes that belong to no declared symbol a symbol action visits: <c>[assembly: X]</c>, and those on
    /// local functions, lambdas and their parameters. Everything else is reported from its symbol.
    /// </summary>
    private static void AnalyzeUnownedAttribute(SyntaxNodeAnalysisContext context, TelemetryMatcher matcher)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (HasDeclaredOwner(attribute))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol constructor
            && matcher.Match(constructor.ContainingType) is { } service)
        {
            ReportAttribute(context.ReportDiagnostic, attribute, service, constructor.ContainingType);
        }
    }

    private static bool HasDeclaredOwner(AttributeSyntax attribute) => attribute.Parent?.Parent switch
    {
        CompilationUnitSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or IncompleteMemberSyntax => false,
        ParameterSyntax parameter => !IsInLocalFunctionOrLambda(parameter.Parent),
        TypeParameterSyntax typeParameter => typeParameter.Parent?.Parent is not LocalFunctionStatementSyntax,
        _ => true,
    };

    /// <summary>A parameter's parent: the parameter list of a local function or lambda, or a simple lambda.</summary>
    private static bool IsInLocalFunctionOrLambda(SyntaxNode? parameterParent) => parameterParent switch
    {
        SimpleLambdaExpressionSyntax => true,
        ParameterListSyntax { Parent: LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax } => true,
        _ => false,
    };

    private static void ReportAttribute(System.Action<Diagnostic> report, AttributeSyntax attribute, TelemetryService service, INamedTypeSymbol attributeClass)
    {
        var name = (SyntaxNode?)RightmostName(attribute.Name) ?? attribute.Name;
        Report(report, name.GetLocation(), service, "[" + attributeClass.Name + "]", attributeClass);
    }

    /// <summary>
    /// An attribute is one use, reported by <see cref="ReportAttributes"/> or <see cref="AnalyzeUnownedAttribute"/>: the constructor call and the named
    /// arguments (<c>[Transaction(Web = true)]</c>) that the compiler models inside it are not reported again.
    /// </summary>
    private static bool IsPartOfAttribute(IOperation operation) => operation switch
    {
        IObjectCreationOperation { Parent: IAttributeOperation } => true,
        IMemberReferenceOperation { Parent: ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation { Parent: IAttributeOperation } } } } => true,
        _ => false,
    };

    /// <summary>The type of the SDK that <paramref name="type"/> is, or the first of its type arguments that is one.</summary>
    private static ITypeSymbol? SdkTypeIn(ITypeSymbol type, TelemetryMatcher matcher)
    {
        if (matcher.Match(type) is not null)
        {
            return type;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (SdkTypeIn(ElementType(argument), matcher) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary><c>TelemetryClient[]</c>, <c>TelemetryClient?</c>: the SDK type is the element.</summary>
    private static ITypeSymbol ElementType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ElementType(array.ElementType),
        IPointerTypeSymbol pointer => ElementType(pointer.PointedAtType),
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => ElementType(nullable.TypeArguments[0]),
        _ => type,
    };

    private static TypeSyntax ElementTypeSyntax(TypeSyntax type) => type switch
    {
        ArrayTypeSyntax array => ElementTypeSyntax(array.ElementType),
        NullableTypeSyntax nullable => ElementTypeSyntax(nullable.ElementType),
        PointerTypeSyntax pointer => ElementTypeSyntax(pointer.ElementType),
        RefTypeSyntax reference => ElementTypeSyntax(reference.Type),
        _ => type,
    };

    private static (TelemetryService Service, ITypeSymbol Type)? MatchTypeArguments(TelemetryMatcher matcher, ImmutableArray<ITypeSymbol> typeArguments)
    {
        foreach (var argument in typeArguments)
        {
            if (matcher.MatchType(argument) is { } service)
            {
                return (service, argument);
            }
        }

        return null;
    }

    /// <summary>Whether the async method, lambda or local function around <paramref name="awaited"/> awaits anything else.</summary>
    private static bool AwaitsElsewhere(IAwaitOperation awaited)
    {
        var body = awaited.Parent;
        while (body?.Parent is { } parent && body is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            body = parent;
        }

        foreach (var operation in body?.Descendants() ?? Enumerable.Empty<IOperation>())
        {
            if (operation is IAwaitOperation other && other != awaited && Owner(other) == Owner(awaited))
            {
                return true;
            }

            if (operation is IUsingOperation { IsAsynchronous: true } or IUsingDeclarationOperation { IsAsynchronous: true } or IForEachLoopOperation { IsAsynchronous: true })
            {
                return true;
            }
        }

        return false;

        static IOperation? Owner(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// <c>client.Context.User.Id = x</c> is one use: a member that is only the receiver of another SDK member is
    /// covered by the outer one, which is where the diagnostic goes.
    /// </summary>
    private static bool IsCoveredByEnclosingUse(IOperation operation, TelemetryMatcher matcher) => operation.Parent switch
    {
        IMemberReferenceOperation outer => outer.Instance == operation && matcher.Match(outer.Member) is not null,
        IInvocationOperation outer => outer.Instance == operation && matcher.Match(outer.TargetMethod) is not null,
        _ => false,
    };

    /// <summary>
    /// <c>SentrySdk.Init(o => o.Dsn = ...)</c>: configuring the options object an SDK hands to a callback is part of the
    /// call that takes the callback, which is reported. Only settings are: what sends or captures on that object
    /// (<c>scope => scope.SetTag(...)</c>) is reported on its own, and a lambda that is not given to the SDK
    /// (<c>clients.ForEach(c => c.TrackEvent(...))</c>) is ordinary code.
    /// </summary>
    private static bool IsAbsorbedByCallback(IOperation? instance, TelemetryRole role, TelemetryMatcher matcher) =>
        role is not (TelemetryRole.Send or TelemetryRole.Capture)
        && instance is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter }
        && matcher.MatchType(parameter.Type) is not null
        && IsGivenToSdk(instance, matcher);

    /// <summary>Whether the lambda that <paramref name="parameterReference"/> is in is an argument of an SDK member.</summary>
    private static bool IsGivenToSdk(IOperation parameterReference, TelemetryMatcher matcher)
    {
        for (var current = parameterReference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                var outer = lambda.Parent;
                while (outer is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
                {
                    outer = outer.Parent;
                }

                return outer switch
                {
                    IInvocationOperation call => matcher.Match(call.TargetMethod) is not null,
                    IObjectCreationOperation creation => matcher.MatchType(creation.Type) is not null,
                    IInvalidOperation => true,
                    _ => false,
                };
            }
        }

        return false;
    }

    /// <summary>A constant, or a static read-only field of a simple type: a key or a name, not something that sends.</summary>
    private static bool IsConstantLike(ISymbol member) =>
        member is IFieldSymbol { IsConst: true }
        || member is IFieldSymbol { IsStatic: true, IsReadOnly: true, Type.SpecialType: not SpecialType.None }
        || member is IFieldSymbol { IsStatic: true, IsReadOnly: true, Type.TypeKind: TypeKind.Enum };

    /// <summary><c>Transaction</c> in <c>NewRelic.Api.Agent.Transaction</c>, <c>global::X.Y</c> or <c>Y</c>.</summary>
    private static SimpleNameSyntax? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax aliased => aliased.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };

    /// <summary>A declaration, attribute or base type: one finding, which uses the service.</summary>
    private static void Report(System.Action<Diagnostic> report, Location location, TelemetryService service, string what, ISymbol member, string? fix = null) =>
        report(new TelemetryFinding(null, location, service, TelemetryRole.Use, what, TelemetryOrigin.Sdk, member) { Fix = fix }.ToDiagnostic(others: 0));
}
