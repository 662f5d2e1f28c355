using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// The local log call that replaces a telemetry call: through an <c>ILogger</c> the code can reach where the call stands (a
/// parameter, a field or property of the type or its bases, a primary-constructor parameter), else through
/// <c>System.Diagnostics.Trace</c>.
/// </summary>
internal static class LocalLogging
{
    private const string LoggerInterface = LoggingNamespace + ".ILogger";
    private const string LoggerExtensions = LoggingNamespace + ".LoggerExtensions";

    /// <summary>The namespace of <c>ILogger</c> and its <c>Log*</c> extension methods.</summary>
    public const string LoggingNamespace = "Microsoft.Extensions.Logging";

    /// <summary>
    /// The log call for <paramref name="call"/> at <paramref name="level"/>, or null when neither logger can be written; the
    /// namespace the file must import for it goes to <paramref name="imports"/>: <see cref="LoggingNamespace"/> for the
    /// <c>Log*</c> extension methods, <c>System.Diagnostics</c> for <c>Trace</c>.
    /// The arguments given to the parameters <paramref name="leftOut"/> names are left out, and a constant string given to
    /// <paramref name="template"/> is the template itself, as the finding says (the catalogue's <c>log-arguments</c>).
    /// </summary>
    public static ExpressionSyntax? Replacement(
        SemanticModel model,
        SyntaxGenerator generator,
        InvocationExpressionSyntax call,
        string level,
        ICollection<string> imports,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? leftOut = null,
        string? template = null)
    {
        var arguments = Arguments(model, call, cancellationToken, leftOut, template);
        var compilation = model.Compilation;
        if (compilation.GetTypeByMetadataName(LoggerInterface) is { } loggerType
            && compilation.GetTypeByMetadataName(LoggerExtensions) is not null
            && InScope.Find(model, call, loggerType, cancellationToken) is { } logger)
        {
            ImportLogging(model, call, level, imports);
            return ThroughLogger(IdentifierName(logger.Name), InScope.IsNullable(logger), level, arguments, MemberName(call));
        }

        if (compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is not { } trace)
        {
            return null;
        }

        // Imported among the file's own directives (Imports.With), only where no other Trace is in scope: importing would make
        // that name ambiguous (CS0104), or be of no use beside a Trace of the product's; there the name stays written in full.
        if (model.LookupNamespacesAndTypes(call.SpanStart, name: trace.Name).IsEmpty)
        {
            imports.Add(trace.ContainingNamespace.ToDisplayString());
        }

        return ThroughTrace(generator, trace, level, arguments, MemberName(call));
    }

    /// <summary>
    /// The log call for <paramref name="call"/> at <paramref name="level"/> through <paramref name="receiver"/>, a value that is
    /// (or becomes) an <c>ILogger</c>: <c>_telemetry.TrackEvent(name)</c> to <c>_telemetry.LogInformation("{EventName}", name)</c>,
    /// <c>receiver?.Log...</c> when <paramref name="conditional"/>; <see cref="LoggingNamespace"/> goes to <paramref name="imports"/>
    /// where the file does not import it.
    /// </summary>
    public static ExpressionSyntax Through(
        ExpressionSyntax receiver,
        bool conditional,
        SemanticModel model,
        InvocationExpressionSyntax call,
        string level,
        ICollection<string> imports,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? leftOut = null,
        string? template = null)
    {
        ImportLogging(model, call, level, imports);
        return ThroughLogger(receiver.WithoutTrivia(), conditional, level, Arguments(model, call, cancellationToken, leftOut, template), MemberName(call));
    }

    /// <summary>
    /// The node a log call for <paramref name="call"/> replaces: the call, the <c>?.</c> access it is the end of
    /// (<c>_client?.TrackEvent(...)</c>), and the <c>await</c> around them (a log call returns nothing to wait for).
    /// </summary>
    public static SyntaxNode ReplacedBy(InvocationExpressionSyntax call) =>
        WithAwait(call.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == call ? access : call);

    /// <summary><paramref name="call"/> (a call or the <c>?.</c> access around it), or the <c>await</c> around it.</summary>
    public static SyntaxNode WithAwait(SyntaxNode call) => call.Parent is AwaitExpressionSyntax awaited ? awaited : call;

    /// <summary>The parameters a finding's <see cref="DiagnosticProperties.LogLeftOut"/> names.</summary>
    public static IReadOnlyCollection<string> LeftOutOf(string? value) => value is null ? Array.Empty<string>() : value.Split(',');

    /// <summary>The <c>Log*</c> methods are extensions: their namespace must be imported where the call stands.</summary>
    private static void ImportLogging(SemanticModel model, SyntaxNode call, string level, ICollection<string> imports)
    {
        if (model.Compilation.GetTypeByMetadataName(LoggerInterface) is { } loggerType
            && model.LookupSymbols(call.SpanStart, loggerType, "Log" + level, includeReducedExtensionMethods: true).IsEmpty)
        {
            imports.Add(LoggingNamespace);
        }
    }

    /// <summary>
    /// <c>_logger.LogError(exception, "{EventName} {Properties}", name, properties)</c>: a constant template whose holes are
    /// named after the SDK's parameters, as structured logging wants, the first exception as the logged exception.
    /// </summary>
    private static ExpressionSyntax ThroughLogger(ExpressionSyntax receiver, bool conditional, string level, IReadOnlyList<LoggedArgument> arguments, string member)
    {
        var exception = arguments.FirstOrDefault(a => a.IsException);
        var message = arguments.FirstOrDefault(a => a.Template is not null);
        var values = arguments.Where(a => a != exception && a != message).ToList();
        var holes = new List<string>();
        foreach (var value in values)
        {
            var hole = value.Name;
            for (var n = 2; holes.Contains(hole); n++)
            {
                hole = value.Name + n.ToString(CultureInfo.InvariantCulture);
            }

            holes.Add(hole);
        }

        // A constant message is the template, with the other values' holes after it: "Cache warmed {Properties}".
        var template = message?.Template is { } text
            ? string.Join(" ", new[] { text }.Concat(holes.Select(h => "{" + h + "}")))
            : holes.Count == 0 ? member : string.Join(" ", holes.Select(h => "{" + h + "}"));
        var logArguments = new List<ArgumentSyntax>();
        if (exception is not null)
        {
            logArguments.Add(Argument(exception.Expression));
        }

        logArguments.Add(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(template))));
        logArguments.AddRange(values.Select(v => Argument(v.Expression)));

        var method = IdentifierName("Log" + level);
        ExpressionSyntax target = conditional
            ? ConditionalAccessExpression(receiver, InvocationExpression(MemberBindingExpression(method), ArgumentListOf(logArguments)))
            : InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, method), ArgumentListOf(logArguments));
        return target.WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// <c>Trace.TraceError("CaptureException: {0}", problem)</c>: the member named, every argument kept a value (a constant
    /// message too: a trace has no template to make of it).
    /// </summary>
    private static ExpressionSyntax ThroughTrace(SyntaxGenerator generator, INamedTypeSymbol trace, string level, IReadOnlyList<LoggedArgument> arguments, string member)
    {
        var format = member + (arguments.Count == 0 ? string.Empty : ":" + string.Concat(Enumerable.Range(0, arguments.Count).Select(i => " {" + i + "}")));
        var method = level switch
        {
            "Critical" or "Error" => "TraceError",
            "Warning" => "TraceWarning",
            _ => "TraceInformation",
        };
        var traceArguments = new List<ArgumentSyntax> { Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(format))) };
        traceArguments.AddRange(arguments.Select(a => Argument(a.Expression)));
        // As an expression (member accesses, as the parser reads it), shortened where the file's directives allow.
        var type = ParseExpression("global::" + trace.ToDisplayString()).WithAdditionalAnnotations(Simplifier.Annotation);
        return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, IdentifierName(method)), ArgumentListOf(traceArguments))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary>
    /// The call's arguments in source order, each with the name of the parameter it is given to, but those given to a
    /// parameter <paramref name="leftOut"/> names; the one given to <paramref name="template"/>, when it is a constant string
    /// without braces, carries its text as the template.
    /// </summary>
    private static IReadOnlyList<LoggedArgument> Arguments(
        SemanticModel model,
        InvocationExpressionSyntax call,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? leftOut = null,
        string? template = null)
    {
        var operation = model.GetOperation(call, cancellationToken) as IInvocationOperation;
        var exceptionType = model.Compilation.GetTypeByMetadataName("System.Exception");
        var arguments = new List<LoggedArgument>();
        var index = 0;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            index++;
            if (leftOut is { Count: > 0 } && operation is not null && LoggedArguments.ArgumentOf(operation, argument) is { } given && leftOut.Contains(given.Parameter.Name))
            {
                continue;
            }

            var parameter = operation?.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter;
            var name = parameter is null ? "Value" + index.ToString(CultureInfo.InvariantCulture) : Pascal(parameter.Name);
            var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
            var text = template is not null && parameter?.Name == template
                && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string { Length: > 0 } constant }
                && constant.IndexOfAny(new[] { '{', '}' }) < 0
                    ? constant
                    : null;
            arguments.Add(new LoggedArgument(Kept(argument.Expression), name, exceptionType is not null && InScope.DerivesFrom(type, exceptionType)) { Template = text });
        }

        return arguments;
    }

    /// <summary>
    /// An argument as the log call takes it: on a line of its own when it stood on one (with the comments above it, marked for
    /// <see cref="ArgumentListOf"/>), else without the spaces around it.
    /// </summary>
    private static ExpressionSyntax Kept(ExpressionSyntax expression)
    {
        // The line break before an argument ends the line of the token before it: its trailing trivia.
        var previous = expression.GetFirstToken().GetPreviousToken();
        var lineBreak = previous.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return lineBreak.IsKind(SyntaxKind.EndOfLineTrivia)
            ? expression.WithoutTrailingTrivia().WithAdditionalAnnotations(new SyntaxAnnotation(OwnLine, lineBreak.ToString()))
            : expression.WithoutTrivia();
    }

    private const string OwnLine = "Altertech.NoTelemetry.OwnLine";

    /// <summary>The argument list of the log call: an argument that stood on a line of its own starts one again.</summary>
    private static ArgumentListSyntax ArgumentListOf(IReadOnlyList<ArgumentSyntax> arguments)
    {
        var open = Token(SyntaxKind.OpenParenToken);
        var items = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var lineBreak = arguments[i].Expression.GetAnnotations(OwnLine).FirstOrDefault()?.Data;
            if (i == 0)
            {
                open = lineBreak is null ? open : open.WithTrailingTrivia(EndOfLine(lineBreak));
            }
            else
            {
                items.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineBreak is null ? Space : EndOfLine(lineBreak)));
            }

            items.Add(arguments[i]);
        }

        return ArgumentList(open, SeparatedList<ArgumentSyntax>(items), Token(SyntaxKind.CloseParenToken));
    }

    private static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static string MemberName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "telemetry",
    };

    private sealed class LoggedArgument
    {
        public LoggedArgument(ExpressionSyntax expression, string name, bool isException)
        {
            Expression = expression;
            Name = name;
            IsException = isException;
        }

        public ExpressionSyntax Expression { get; }

        /// <summary>The template hole: the parameter's name in Pascal case (<c>EventName</c>).</summary>
        public string Name { get; }

        public bool IsException { get; }

        /// <summary>The constant text of a message that is the template itself (the catalogue's <c>name:template</c>), or null.</summary>
        public string? Template { get; set; }
    }
}
