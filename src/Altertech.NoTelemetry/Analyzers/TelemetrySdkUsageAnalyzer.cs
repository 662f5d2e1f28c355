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

        var egress = checkHosts ? knowledge : null;
        context.RegisterOperationAction(c => AnalyzeCall(c, matcher, checkSdk, egress), OperationKind.Invocation, OperationKind.ObjectCreation);
        if (checkHosts)
        {
            context.RegisterOperationAction(c => AnalyzeHost(c, matcher, knowledge), OperationKind.SimpleAssignment);
        }

        if (!checkSdk)
        {
            return;
        }

        context.RegisterOperationAction(
            c => AnalyzeMemberReference(c, matcher),
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.EventReference,
            OperationKind.MethodReference);
        context.RegisterOperationAction(c => AnalyzeTypeOf(c, matcher), OperationKind.TypeOf);
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

    private static void AnalyzeCall(OperationAnalysisContext context, TelemetryMatcher matcher, bool checkSdk, CompilationKnowledge? egress)
    {
        var operation = context.Operation;
        if (checkSdk)
        {
            if (operation is IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (matcher.Match(method) is { } service)
                {
                    if (!IsCoveredByEnclosingUse(operation, matcher) && !IsSdkCallbackParameter(invocation.Instance, matcher))
                    {
                        Report(context, DiagnosticLocations.MemberName(operation), service, DiagnosticLocations.Describe(method));
                    }

                    return;
                }

                // AddFilter<ApplicationInsightsLoggerProvider>(...): a general API given an SDK type to work with.
                if (method.IsGenericMethod && MatchTypeArguments(matcher, method.TypeArguments) is { } argument)
                {
                    Report(context, DiagnosticLocations.MemberName(operation), argument.Service, $"{DiagnosticLocations.Describe(method)}<{argument.Type.Name}>");
                    return;
                }
            }
            else if (operation is IObjectCreationOperation creation && matcher.MatchType(creation.Type) is { } service)
            {
                if (IsPartOfAttribute(operation))
                {
                    return;
                }

                Report(context, DiagnosticLocations.MemberName(operation), service, "new " + creation.Type!.Name);
                return;
            }
        }

        if (egress is not null)
        {
            AnalyzeHost(context, matcher, egress);
        }
    }

    /// <summary>Hand-rolled telemetry: a network API that receives a constant endpoint on a catalogued ingestion host.</summary>
    private static void AnalyzeHost(OperationAnalysisContext context, TelemetryMatcher matcher, CompilationKnowledge knowledge)
    {
        foreach (var site in knowledge.EgressSitesOf(context.Operation, context.CancellationToken))
        {
            ReportHost(context, matcher, knowledge, site);
        }
    }

    private static void ReportHost(OperationAnalysisContext context, TelemetryMatcher matcher, CompilationKnowledge knowledge, EgressSite site)
    {
        if (site.Resolve(knowledge.Endpoints, context.CancellationToken) is { } endpoint && matcher.MatchHost(endpoint.Host) is { } hostService)
        {
            var what = $"{DiagnosticLocations.Describe(site.Member)} to '{endpoint.Host}'";
            if (site.Via is { } via)
            {
                what += $" (passed on to {DiagnosticLocations.Describe(via)})";
            }

            Report(context, DiagnosticLocations.MemberName(context.Operation), hostService, what);
        }
    }

    private static void AnalyzeMemberReference(OperationAnalysisContext context, TelemetryMatcher matcher)
    {
        var reference = (IMemberReferenceOperation)context.Operation;
        var member = reference.Member;

        // Enum members and constants send nothing by themselves; the call they are passed to is reported.
        if (member is IFieldSymbol { IsConst: true }
            || IsPartOfAttribute(reference)
            || matcher.Match(member) is not { } service
            || IsCoveredByEnclosingUse(reference, matcher)
            || IsSdkCallbackParameter(reference.Instance, matcher))
        {
            return;
        }

        Report(context, DiagnosticLocations.MemberName(reference), service, DiagnosticLocations.Describe(member));
    }

    private static void AnalyzeTypeOf(OperationAnalysisContext context, TelemetryMatcher matcher)
    {
        var typeOf = (ITypeOfOperation)context.Operation;
        if (matcher.MatchType(typeOf.TypeOperand) is { } service)
        {
            Report(context, typeOf.Syntax.GetLocation(), service, "typeof(" + typeOf.TypeOperand.Name + ")");
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
                Report(context.ReportDiagnostic, ElementTypeSyntax(typeSyntax).GetLocation(), service, $"{ElementType(type).Name} ({declared.Name})");
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
                        Report(context.ReportDiagnostic, baseSyntax.GetLocation(), service, what);
                        reported = true;
                    }
                }
            }

            // Written through an alias: the base list does not spell the name, so point at the type itself.
            if (!reported && !type.Locations.IsEmpty)
            {
                Report(context.ReportDiagnostic, type.Locations[0], service, what);
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
        Report(report, name.GetLocation(), service, "[" + attributeClass.Name + "]");
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
    /// <c>SentrySdk.Init(o => o.Dsn = ...)</c>: configuring the options object an SDK hands to a callback is part
    /// of the call that takes the callback, which is reported.
    /// </summary>
    private static bool IsSdkCallbackParameter(IOperation? instance, TelemetryMatcher matcher) =>
        instance is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter }
        && matcher.MatchType(parameter.Type) is not null;

    /// <summary><c>Transaction</c> in <c>NewRelic.Api.Agent.Transaction</c>, <c>global::X.Y</c> or <c>Y</c>.</summary>
    private static SimpleNameSyntax? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax aliased => aliased.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };

    private static void Report(OperationAnalysisContext context, Location location, TelemetryService service, string what) =>
        Report(context.ReportDiagnostic, location, service, what);

    private static void Report(System.Action<Diagnostic> report, Location location, TelemetryService service, string what) =>
        report(Diagnostic.Create(Rules.TelemetryServiceUsed, location, service.Name, what, service.Vendor));
}
