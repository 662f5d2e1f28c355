using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// NT0003: moves a hard-coded endpoint to configuration. The literal (<c>"https://updates.example.com/check"</c>, bare or in
/// <c>new Uri(...)</c>) becomes <c>_configuration["Endpoints:CheckForUpdates"] ?? throw new InvalidOperationException(...)</c>,
/// read from an <c>IConfiguration</c> in scope, the key named after the member that makes the request. Offered only for the
/// findings marked <c>fix = configuration</c> and only where an <c>IConfiguration</c> is in scope: nothing else would compile.
/// The user then puts the endpoint in the product's settings, where the person running it can see and change it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedEndpointCodeFix))]
[Shared]
public sealed class HardCodedEndpointCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across versions for Fix All.</summary>
    public const string EquivalenceKey = "NT0003.MoveEndpointToConfiguration";

    private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardCodedRemoteEndpoint);

    private static readonly FindingEdits s_edits = new("Read the endpoint from configuration", EquivalenceKey, EditFor);

    /// <summary>Every finding of a document with a fix, in one pass, whichever finding it starts from (see <see cref="FindingEdits"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => s_edits.FixAll;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => s_edits.RegisterAsync(context);

    /// <summary>The literal to replace with a read of the configuration in scope, or null when the finding has no fix here.</summary>
    private static FindingEdit? EditFor(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName(ConfigurationInterface) is not { } configurationType
            || LiteralOf(root, model, diagnostic, cancellationToken) is not { } literal
            || InScope.Find(model, literal, configurationType, cancellationToken) is not { } configuration)
        {
            return null;
        }

        var key = KeyFor(model, literal, cancellationToken);
        return new FindingEdit(literal, editor => Replace(editor, literal, configuration, key));
    }

    /// <summary>The literal the finding's endpoint is, found from the reported operation and the parameter the diagnostic names.</summary>
    private static LiteralExpressionSyntax? LiteralOf(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != EndpointFix.Configuration
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.Parameter, out var parameter);
        for (var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true); node is not null && node is not StatementSyntax; node = node.Parent)
        {
            var endpoint = model.GetOperation(node, cancellationToken) switch
            {
                IInvocationOperation invocation when parameter is not null => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value,
                IObjectCreationOperation creation when parameter is not null => creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value,
                ISimpleAssignmentOperation assignment when parameter is null => assignment.Value,
                _ => null,
            };
            if (endpoint is not null)
            {
                return EndpointFix.LiteralOf(endpoint);
            }
        }

        return null;
    }

    /// <summary><c>Endpoints:CheckForUpdates</c>: named after the member that makes the request, without <c>Async</c>.</summary>
    private static string KeyFor(SemanticModel model, SyntaxNode literal, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(literal.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        var name = symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name,
            IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
            IMethodSymbol { Name: "<Main>$" } => "Program",
            { } member => member.Name,
            null => "Endpoint",
        };
        if (name.Length > "Async".Length && name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        // Two endpoints in one member are two keys (Endpoints:Sync, Endpoints:Sync2), in the order the member writes them;
        // the same address twice is one key.
        var declaration = symbol?.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault(d => d.Span.Contains(literal.Span));
        if (declaration is not null)
        {
            var endpoints = declaration.DescendantNodes().OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && IsAbsoluteAddress(l.Token.ValueText))
                .Select(l => l.Token.ValueText)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var index = endpoints.IndexOf(((LiteralExpressionSyntax)literal).Token.ValueText);
            if (index > 0)
            {
                name += (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return "Endpoints:" + name;
    }

    private static bool IsAbsoluteAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" or "ftp";

    private static void Replace(DocumentEditor editor, LiteralExpressionSyntax literal, ISymbol configuration, string key)
    {
        var keyLiteral = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(key));
        ExpressionSyntax read = ElementAccessExpression(IdentifierName(configuration.Name), BracketedArgumentList(SingletonSeparatedList(Argument(keyLiteral))));
        if (InScope.IsNullable(configuration))
        {
            read = ConditionalAccessExpression(IdentifierName(configuration.Name), ElementBindingExpression(BracketedArgumentList(SingletonSeparatedList(Argument(keyLiteral)))));
        }

        // The indexer gives null for a key nobody set: say so where it is needed, rather than request "null".
        var exception = editor.SemanticModel.Compilation.GetTypeByMetadataName("System.InvalidOperationException");
        ExpressionSyntax replacement = read;
        if (exception is not null)
        {
            var type = (TypeSyntax)editor.Generator.TypeExpression(exception).WithAdditionalAnnotations(Simplifier.Annotation);
            var message = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal($"Set '{key}' in the configuration: the endpoint is no longer built in."));
            replacement = BinaryExpression(SyntaxKind.CoalesceExpression, read, ThrowExpression(ObjectCreationExpression(type).WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(message))))));
        }

        editor.ReplaceNode(literal, replacement.WithTriviaFrom(literal).WithAdditionalAnnotations(Formatter.Annotation));

        // The value the code had goes into a comment above the statement, for whoever sets the key (a comment sends nothing).
        // The statement that stands on its own line: a block's, a switch section's, a top-level one (not the body of an if).
        if (literal.FirstAncestorOrSelf<SyntaxNode>(n => n is StatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax } or MemberDeclarationSyntax) is { } holder)
        {
            var lineBreak = LineBreaks.Of(literal);
            // The value as a one-line C# literal: a verbatim or raw string may span lines, which a // comment cannot.
            var value = SymbolDisplay.FormatLiteral(literal.Token.ValueText, quote: true);
            var note = Comment($"// {key} was {value} in the code: set it in the configuration.");
            editor.ReplaceNode(holder, (current, _) =>
            {
                var leading = current.GetLeadingTrivia();
                var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                var added = indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? new[] { note, lineBreak, indentation } : new[] { note, lineBreak };
                return current.WithLeadingTrivia(leading.AddRange(added));
            });
        }
    }
}
