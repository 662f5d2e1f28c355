using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Infrastructure;
using Altertech.NoTelemetry.Knowledge;
using Altertech.NoTelemetry.Network;
using Altertech.NoTelemetry.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>
/// NT0007: network access that the symbol-based rules cannot see. Four doors, each catalogued in <c>Hidden.txt</c>:
/// reflection that loads a network or telemetry type or assembly by a constant name; imports of native network
/// libraries and their calls; launching a network tool; opening a URL in the browser with run-time data in it.
/// One diagnostic per site that opens the door (the load, the declaration and each call, the launch).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HiddenNetworkAccessAnalyzer : DiagnosticAnalyzer
{
    private const string Reflection = "reflection";
    private const string Native = "native";
    private const string Launch = "launch";
    private const string Url = "url";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HiddenNetworkAccess);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = CompilationKnowledge.Get(start.Compilation, start.Options, start.CancellationToken);
            var imports = new NativeImports(start.Compilation, knowledge.Hidden);
            start.RegisterSymbolAction(c => AnalyzeDeclaration(c, imports), SymbolKind.Method);

            // Always: a call of the product's own [DllImport] or URL helper needs no API of the framework. Each call costs a
            // few flag tests and dictionary lookups (see docs/performance.md).
            start.RegisterOperationAction(c => AnalyzeInvocation(c, knowledge, imports), OperationKind.Invocation);
            if (knowledge.Hidden.HasLaunches)
            {
                start.RegisterOperationAction(c => AnalyzeLaunchSite(c, knowledge), OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
            }
        });
    }

    /// <summary><c>[DllImport("wininet.dll")] static extern ... InternetOpenUrl(...)</c>: the declaration.</summary>
    private static void AnalyzeDeclaration(SymbolAnalysisContext context, NativeImports imports)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (imports.Of(method) is { } import && !method.Locations.IsEmpty)
        {
            Report(
                context.ReportDiagnostic,
                method.Locations[0],
                Native,
                $"{DiagnosticLocations.Describe(method)} is imported from {import.Library}{EntryPointText(method, import)}",
                ImportProperties(import),
                member: null);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CompilationKnowledge knowledge, NativeImports imports)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var table = knowledge.Hidden;
        var cancellationToken = context.CancellationToken;
        if (imports.Of(method) is { } import)
        {
            Report(
                context.ReportDiagnostic,
                DiagnosticLocations.MemberName(invocation),
                Native,
                $"{DiagnosticLocations.Describe(method)} calls into {import.Library}{EntryPointText(method, import)}",
                ImportProperties(import),
                method);
            return;
        }

        if (!table.DeclaresApis(method.ContainingType))
        {
            AnalyzeOpening(context, invocation, knowledge);
            return;
        }

        var loader = table.LoaderParameters(method);
        if (!loader.IsDefault)
        {
            AnalyzeLoad(context, invocation, loader, knowledge);
            return;
        }

        if (table.IsMemberLookup(method))
        {
            AnalyzeMemberLookup(context, invocation, knowledge);
            return;
        }

        var nativeLoader = table.NativeLoaderParameters(method);
        if (!nativeLoader.IsDefault)
        {
            foreach (var argument in ArgumentsNamed(invocation.Arguments, nativeLoader))
            {
                foreach (var text in knowledge.Endpoints.FoldText(FileNamePart(argument), cancellationToken))
                {
                    if (text.Complete && table.MatchLibrary(text.Text) is { EntryPoints.IsEmpty: true } library)
                    {
                        var properties = new Dictionary<string, string?> { [DiagnosticProperties.Library] = HiddenAccessTable.NormalizeLibrary(text.Text), [DiagnosticProperties.Family] = library.Family };
                        Report(context.ReportDiagnostic, DiagnosticLocations.MemberName(invocation), Native, $"{DiagnosticLocations.Describe(method)} loads the native network library '{TextDisplay.Shorten(text.Text)}'", properties, method);
                        return;
                    }
                }
            }

            return;
        }

        if (table.IsLaunch(method, out var fileName, out var arguments))
        {
            var file = ArgumentsNamed(invocation.Arguments, fileName).FirstOrDefault();
            var given = ArgumentsNamed(invocation.Arguments, arguments);
            if (file is not null)
            {
                ClassifyLaunch(context, invocation, method, file, given, knowledge);
            }

            return;
        }

        AnalyzeOpening(context, invocation, knowledge);
    }

    /// <summary>A call that may open a URL in the browser: a UI framework's launcher, or the product's own helper.</summary>
    private static void AnalyzeOpening(OperationAnalysisContext context, IInvocationOperation invocation, CompilationKnowledge knowledge)
    {
        var method = invocation.TargetMethod;
        var cancellationToken = context.CancellationToken;

        // launcher.LaunchUriAsync(new Uri(...)), Browser.OpenAsync(...): a UI framework's way to open a URL. Then
        // OpenInBrowser("https://example.com/report?e=" + error): a product method that hands its argument on as the
        // URL to open, the way NT0003 follows endpoints into helper methods.
        if (EgressClassifier.TryClassify(invocation, knowledge.Egress, out var launcher))
        {
            if (launcher.Api.Kind == EgressKind.Open && BrowserUrl.CarriesRunTimeData(launcher.Endpoint, knowledge.Endpoints, cancellationToken, out var opened, out var openedHost))
            {
                ReportUrl(context, knowledge.Hidden, invocation, DiagnosticLocations.Describe(method), opened, openedHost, method);
            }

            return;
        }

        foreach (var site in knowledge.Forwarders.Classify(invocation, knowledge.Endpoints, cancellationToken))
        {
            if (site.Api.Kind == EgressKind.Open && BrowserUrl.CarriesRunTimeData(site.Endpoint, knowledge.Endpoints, cancellationToken, out var url, out var host))
            {
                ReportUrl(context, knowledge.Hidden, invocation, site.Describe(), url, host, method);
                return;
            }
        }
    }

    /// <summary><c>Type.GetType("System.Net.WebClient")</c>, <c>Assembly.Load("Sentry")</c>: one diagnostic per load, for the first name that counts.</summary>
    private static void AnalyzeLoad(OperationAnalysisContext context, IInvocationOperation invocation, ImmutableArray<(string Parameter, LoadedNameKind Kind)> parameters, CompilationKnowledge knowledge)
    {
        foreach (var (parameter, kind) in parameters)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                // Assembly.Load(new AssemblyName("Sentry")): the name is the constructor's argument.
                var value = CallGraph.Unwrap(argument.Value);
                if (value is IObjectCreationOperation { Type.Name: "AssemblyName", Arguments: { Length: 1 } assemblyName })
                {
                    value = assemblyName[0].Value;
                }

                foreach (var text in knowledge.Endpoints.FoldText(FileNamePart(value ?? argument.Value), context.CancellationToken))
                {
                    if (knowledge.Hidden.MatchName(text.Text, text.Complete, kind) is { } name)
                    {
                        var what = name.Service is { } service ? $"the {service.Name} SDK" : kind == LoadedNameKind.ProgId ? "a COM class that sends HTTP requests" : "a network API";
                        var properties = new Dictionary<string, string?> { [DiagnosticProperties.Name] = name.Name };
                        AddService(properties, name.Service);
                        Report(
                            context.ReportDiagnostic,
                            DiagnosticLocations.MemberName(invocation),
                            Reflection,
                            $"{DiagnosticLocations.Describe(invocation.TargetMethod)} loads '{TextDisplay.Shorten(text.Text)}' by name, {what}",
                            properties,
                            invocation.TargetMethod);
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// <c>typeof(WebClient).GetMethod("DownloadString")</c>: a sending member reached by name, so that the call NT0006
    /// would list is made through <c>Invoke</c>. A type loaded by name is reported where it is loaded, not here.
    /// </summary>
    private static void AnalyzeMemberLookup(OperationAnalysisContext context, IInvocationOperation invocation, CompilationKnowledge knowledge)
    {
        if (CallGraph.Unwrap(invocation.Instance) is not ITypeOfOperation { TypeOperand: INamedTypeSymbol type }
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String) is not { } nameArgument
            || nameArgument.Value.ConstantValue is not { HasValue: true, Value: string memberName })
        {
            return;
        }

        var service = knowledge.Telemetry.MatchType(type);
        var sends = service is not null;
        if (!sends && knowledge.Hidden.MatchType(type) is not null)
        {
            foreach (var member in type.OriginalDefinition.GetMembers(memberName))
            {
                sends |= member switch
                {
                    IMethodSymbol method => knowledge.Egress.Classify(method) is { Kind: not (EgressKind.Bind or EgressKind.Open) },
                    IPropertySymbol property => knowledge.Egress.Classify(property) is { Kind: not (EgressKind.Bind or EgressKind.Open) },
                    _ => false,
                };
            }
        }

        if (sends)
        {
            var properties = new Dictionary<string, string?> { [DiagnosticProperties.Name] = type.Name + "." + memberName };
            AddService(properties, service);
            Report(
                context.ReportDiagnostic,
                DiagnosticLocations.MemberName(invocation),
                Reflection,
                $"{DiagnosticLocations.Describe(invocation.TargetMethod)} looks up {type.Name}.{memberName} by name, {(service is null ? "a network call" : $"a member of the {service.Name} SDK")}",
                properties,
                invocation.TargetMethod);
        }
    }

    /// <summary><c>new ProcessStartInfo("curl", ...)</c>, <c>startInfo.FileName = "wget"</c>, <c>new ProcessStartInfo { FileName = url }</c>.</summary>
    private static void AnalyzeLaunchSite(OperationAnalysisContext context, CompilationKnowledge knowledge)
    {
        var table = knowledge.Hidden;
        switch (context.Operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation when table.IsLaunch(constructor, out var fileName, out var arguments):
                if (ArgumentsNamed(creation.Arguments, fileName).FirstOrDefault() is { } file)
                {
                    var given = ArgumentsNamed(creation.Arguments, arguments)
                        .Concat(StartInfoArguments(creation, knowledge, context.CancellationToken));
                    ClassifyLaunch(context, creation, constructor, file, given, knowledge);
                }

                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } target } assignment when table.IsLaunch(property, out _, out _):
                var values = target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    && assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation initialized }
                    ? StartInfoArguments(initialized, knowledge, context.CancellationToken)
                    : target.Instance is { } instance
                        ? ArgumentsWrittenTo(instance, assignment, knowledge, context.CancellationToken)
                        : Enumerable.Empty<IOperation>();

                ClassifyLaunch(context, assignment, property, assignment.Value, values, knowledge);
                break;
        }
    }

    /// <summary>
    /// What a process start amounts to, from its file name and the arguments written for it: a URL opened in the
    /// browser, a network tool (some only with certain arguments), a URL opener or a shell that runs one.
    /// </summary>
    /// <remarks>The arguments are looked for (a walk of the member for a start info in a local) only once the file is a tool.</remarks>
    private static void ClassifyLaunch(OperationAnalysisContext context, IOperation site, ISymbol member, IOperation fileValue, IEnumerable<IOperation> argumentValues, CompilationKnowledge knowledge)
    {
        var cancellationToken = context.CancellationToken;
        var table = knowledge.Hidden;
        foreach (var file in knowledge.Endpoints.FoldText(FileNamePart(fileValue), cancellationToken))
        {
            var fileText = file.Text.Trim();
            if (BrowserUrl.IsWebUrl(fileText))
            {
                // A fixed page is harmless; the first URL decides.
                if (BrowserUrl.CarriesRunTimeData(fileText, file.Complete, out var url, out var host))
                {
                    ReportUrl(context, table, site, DiagnosticLocations.Describe(member), url, host, member);
                }

                return;
            }

            if (!file.Complete || table.MatchTool(fileText) is not { } tool)
            {
                continue;
            }

            var (arguments, argumentsComplete) = ArgumentText(argumentValues, knowledge, cancellationToken);
            var launched = $"{DiagnosticLocations.Describe(member)} launches {tool.Name}";
            if (tool.Always)
            {
                ReportTool(context, site, tool, launched, null, member);
                return;
            }

            foreach (var word in tool.ArgumentWords)
            {
                if (HiddenAccessTable.ContainsWord(arguments, word))
                {
                    ReportTool(context, site, tool, $"{launched} with {word}", word, member);
                    return;
                }
            }

            if (tool.OpensUrls && BrowserUrl.FindRunTimeUrl(arguments, argumentsComplete, out var argumentUrl, out var argumentHost))
            {
                ReportUrl(context, table, site, $"{DiagnosticLocations.Describe(member)} through {tool.Name}", argumentUrl, argumentHost, member);
                return;
            }

            if (tool.IsShell && table.FindToolIn(arguments) is { } inner)
            {
                ReportTool(context, site, inner, $"{launched}, which runs {inner.Name}", null, member);
                return;
            }
        }
    }

    /// <summary><c>Path.Combine(folder, "curl.exe")</c>: the file name is the last part.</summary>
    private static IOperation FileNamePart(IOperation value) =>
        CallGraph.Unwrap(value) is IInvocationOperation { TargetMethod: { Name: "Combine" or "Join", ContainingType: { Name: "Path", ContainingNamespace.Name: "IO" } }, Arguments: { Length: > 0 } parts }
            && parts[parts.Length - 1].Value is var last && last.Type?.SpecialType == SpecialType.System_String
            ? last
            : value;

    /// <summary>The known text of every argument value, one after the other; complete when each is.</summary>
    private static (string Text, bool Complete) ArgumentText(IEnumerable<IOperation> values, CompilationKnowledge knowledge, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var complete = true;
        foreach (var value in values)
        {
            foreach (var element in Elements(value))
            {
                var folded = knowledge.Endpoints.FoldText(element, cancellationToken);
                complete &= !folded.IsEmpty && folded.All(t => t.Complete);
                foreach (var alternative in folded)
                {
                    text.Append(' ').Append(alternative.Text);
                }
            }
        }

        return (text.ToString(), complete);
    }

    /// <summary>An argument list given as <c>new[] { "-d", data }</c>: its elements; any other value is itself.</summary>
    private static IEnumerable<IOperation> Elements(IOperation value) =>
        CallGraph.Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : new[] { value };

    /// <summary>
    /// The arguments a start info created here is given: <c>{ Arguments = ... }</c> and <c>ArgumentList = { ... }</c> in
    /// its initializer, and, when it is kept in a local, <c>info.Arguments = ...</c> and <c>info.ArgumentList.Add(...)</c>
    /// in the same body.
    /// </summary>
    private static IEnumerable<IOperation> StartInfoArguments(IObjectCreationOperation creation, CompilationKnowledge knowledge, CancellationToken cancellationToken)
    {
        if (creation.Initializer is { } initializer)
        {
            foreach (var initialization in initializer.Initializers)
            {
                switch (initialization)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Arguments" }, Value: var value }:
                        yield return value;
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ArgumentList" }, Initializer: { } list }:
                        foreach (var added in list.Initializers)
                        {
                            if (added is IInvocationOperation { Arguments: { Length: 1 } item })
                            {
                                yield return item[0].Value;
                            }
                        }

                        break;
                }
            }
        }

        var holder = creation.Parent is IConversionOperation conversion ? conversion.Parent : creation.Parent;
        IOperation? variable = holder switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local,
            _ => null,
        };
        if (variable is not null)
        {
            foreach (var value in ArgumentsWrittenTo(variable, creation, knowledge, cancellationToken))
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// <c>x.Arguments = ...</c> and <c>x.ArgumentList.Add(...)</c> in the body around <paramref name="at"/>, where
    /// <c>x</c> is the same local, field or property chain as <paramref name="receiver"/> (<c>process.StartInfo</c>).
    /// </summary>
    private static IEnumerable<IOperation> ArgumentsWrittenTo(IOperation receiver, IOperation at, CompilationKnowledge knowledge, CancellationToken cancellationToken)
    {
        if (knowledge.Hidden.StartInfo is null)
        {
            yield break;
        }

        foreach (var operation in OperationWalk.Descendants(OperationWalk.Root(at)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Arguments", Instance: { } instance }, Value: var value } when SameVariable(instance, receiver):
                    yield return value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Instance: IPropertyReferenceOperation { Property.Name: "ArgumentList", Instance: { } owner }, Arguments: { Length: 1 } item } when SameVariable(owner, receiver):
                    yield return item[0].Value;
                    break;
            }
        }
    }

    /// <summary>The same local, parameter, field or property chain (<c>process.StartInfo</c>, <c>this._info</c>).</summary>
    private static bool SameVariable(IOperation a, IOperation b)
    {
        return (CallGraph.Unwrap(a), CallGraph.Unwrap(b)) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (ILocalReferenceOperation x, IVariableDeclaratorOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Symbol),
            (IVariableDeclaratorOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Symbol, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IInstanceReferenceOperation x, IInstanceReferenceOperation y) => x.ReferenceKind == y.ReferenceKind && x.ReferenceKind != InstanceReferenceKind.ImplicitReceiver,
            (IMemberReferenceOperation x, IMemberReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Member, y.Member)
                && (x.Instance is null ? y.Instance is null : y.Instance is not null && SameVariable(x.Instance, y.Instance)),
            _ => false,
        };
    }

    /// <summary>The value given for the parameter of that name; none when the name is null or the call leaves it out.</summary>
    private static IEnumerable<IOperation> ArgumentsNamed(ImmutableArray<IArgumentOperation> arguments, string? name) =>
        name is null ? Enumerable.Empty<IOperation>() : ArgumentsNamed(arguments, ImmutableArray.Create(name));

    private static IEnumerable<IOperation> ArgumentsNamed(ImmutableArray<IArgumentOperation> arguments, ImmutableArray<string> names)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && names.Contains(parameter.Name))
            {
                yield return argument.Value;
            }
        }
    }

    private static void ReportTool(OperationAnalysisContext context, IOperation site, NetworkTool tool, string text, string? word, ISymbol member)
    {
        var properties = new Dictionary<string, string?> { [DiagnosticProperties.Tool] = tool.Name, [DiagnosticProperties.Family] = tool.Family };
        if (word is not null)
        {
            properties[DiagnosticProperties.Name] = word;
        }

        Report(context.ReportDiagnostic, Where(site), Launch, text, properties, member);
    }

    /// <summary>A URL with run-time data opened in the browser, unless it is the user's own sign-in page.</summary>
    private static void ReportUrl(OperationAnalysisContext context, HiddenAccessTable table, IOperation site, string opener, string url, string host, ISymbol member)
    {
        if (table.IsSignInPage(url))
        {
            return;
        }

        var properties = new Dictionary<string, string?> { [DiagnosticProperties.Host] = host, [DiagnosticProperties.Name] = url };
        Report(context.ReportDiagnostic, Where(site), Url, $"{opener} opens '{TextDisplay.Shorten(url)}...' in the browser, with run-time data in the URL", properties, member);
    }

    /// <summary>A launch is located on the member that starts it, an assignment on the property it sets.</summary>
    private static Location Where(IOperation site) =>
        site is ISimpleAssignmentOperation { Target: { } target } ? target.Syntax.GetLocation() : DiagnosticLocations.MemberName(site);

    private static void Report(System.Action<Diagnostic> report, Location location, string door, string text, Dictionary<string, string?> properties, ISymbol? member)
    {
        properties[DiagnosticProperties.Door] = door;
        if (member is not null)
        {
            properties[DiagnosticProperties.Member] = member.OriginalDefinition.GetDocumentationCommentId();
        }

        report(Diagnostic.Create(Rules.HiddenNetworkAccess, location, properties.ToImmutableDictionary(), DoorTitle(door), text));
    }

    private static string DoorTitle(string door) => door switch
    {
        Reflection => "Reflection by name",
        Native => "Native network library",
        Launch => "Network tool",
        _ => "URL opened in the browser",
    };

    private static Dictionary<string, string?> ImportProperties(NativeImport import) => new()
    {
        [DiagnosticProperties.Library] = import.Library,
        [DiagnosticProperties.EntryPoint] = import.EntryPoint,
        [DiagnosticProperties.Family] = import.Network.Family,
    };

    private static string EntryPointText(IMethodSymbol method, NativeImport import) =>
        import.EntryPoint == method.Name ? string.Empty : $" ({import.EntryPoint})";

    private static void AddService(Dictionary<string, string?> properties, TelemetryService? service)
    {
        if (service is not null)
        {
            properties[DiagnosticProperties.Service] = service.Name;
            properties[DiagnosticProperties.Vendor] = service.Vendor;
        }
    }

    /// <summary>A method imported from a native library: the library as written, normalised, and the function.</summary>
    private sealed class NativeImport
    {
        public NativeImport(string library, string entryPoint, NativeNetworkLibrary network)
        {
            Library = library;
            EntryPoint = entryPoint;
            Network = network;
        }

        public string Library { get; }

        public string EntryPoint { get; }

        public NativeNetworkLibrary Network { get; }
    }

    /// <summary>
    /// Which methods are imports of a catalogued native network library, answered once per method: <c>[DllImport]</c>
    /// (the compiler's own reading of it, any form of the attribute) and <c>[LibraryImport]</c> (a partial method whose
    /// body a source generator writes).
    /// </summary>
    private sealed class NativeImports
    {
        private readonly INamedTypeSymbol? _libraryImport;
        private readonly HiddenAccessTable _table;
        private readonly ConcurrentDictionary<IMethodSymbol, NativeImport?> _imports = new(SymbolEqualityComparer.Default);

        public NativeImports(Compilation compilation, HiddenAccessTable table)
        {
            _table = table;
            _libraryImport = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
        }

        public NativeImport? Of(IMethodSymbol method)
        {
            // Flags first: almost every method is neither extern nor a bodiless static partial.
            // A local function is the [LibraryImport] generator's own __PInvoke stub: the import is reported where it is declared.
            if (!method.IsStatic || method.MethodKind == MethodKind.LocalFunction
                || !(method.IsExtern || (_libraryImport is not null && method.IsPartialDefinition)))
            {
                return null;
            }

            return _imports.GetOrAdd(method.OriginalDefinition, Read);
        }

        private NativeImport? Read(IMethodSymbol method)
        {
            string? library = null;
            string? entryPoint = null;
            if (method.GetDllImportData() is { ModuleName: { } module } data)
            {
                (library, entryPoint) = (module, data.EntryPointName);
            }
            else if (_libraryImport is not null)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _libraryImport)
                        && attribute.ConstructorArguments is { Length: 1 } constructorArguments
                        && constructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string name })
                    {
                        library = name;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "EntryPoint" && named.Value is { Kind: TypedConstantKind.Primitive, Value: string entry })
                            {
                                entryPoint = entry;
                            }
                        }
                    }
                }
            }

            entryPoint ??= method.Name;
            return library is not null && _table.MatchLibrary(library) is { } network && network.Counts(entryPoint)
                ? new NativeImport(HiddenAccessTable.NormalizeLibrary(library), entryPoint, network)
                : null;
        }
    }
}
