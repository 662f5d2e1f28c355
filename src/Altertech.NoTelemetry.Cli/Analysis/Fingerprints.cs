using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>
/// A finding's identity across edits: a hash of its rule, its file, the member that contains it, the facts that name
/// what it found (host, member, data, assembly) and its code with whitespace and comments removed. Line numbers are
/// not part of it, so a finding keeps its fingerprint when lines above it move or change; identical findings in one
/// file are told apart by their order. The SARIF report's partialFingerprints and the baseline use it.
/// </summary>
internal static class Fingerprints
{
    /// <summary>The key of the fingerprint in SARIF's partialFingerprints; the version changes when the recipe does.</summary>
    public const string SarifKey = "notelemetryFingerprint/v1";

    /// <summary>The statement's code stands for the finding unless it is this long (a lambda spanning a method).</summary>
    private const int MaxStatementLength = 2048;

    private static readonly string[] s_factKeys = [DiagnosticProperties.Host, DiagnosticProperties.Member, DiagnosticProperties.Data, DiagnosticProperties.Assembly, DiagnosticProperties.Hook, DiagnosticProperties.Service];

    /// <summary>The text the hash is taken of, before the occurrence number is added.</summary>
    public static string Key(Diagnostic diagnostic, string? relativePath, SourceText? externalText, CancellationToken cancellationToken)
    {
        var key = new StringBuilder();
        key.Append(diagnostic.Id).Append('\n').Append(relativePath).Append('\n');
        var location = diagnostic.Location;
        if (location.IsInSource && location.SourceTree is { } tree)
        {
            var root = tree.GetRoot(cancellationToken);
            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            key.Append(SymbolPath(node)).Append('\n');
            AppendFacts(key, diagnostic);
            AppendCode(key, node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax and not BlockSyntax || n is MemberDeclarationSyntax) is { } statement && statement.Span.Length <= MaxStatementLength ? statement : null, tree.GetText(cancellationToken), location.SourceSpan);
        }
        else
        {
            key.Append('\n');
            AppendFacts(key, diagnostic);
            if (externalText is not null && location.Kind == LocationKind.ExternalFile)
            {
                var line = location.GetLineSpan().StartLinePosition.Line;
                if (line >= 0 && line < externalText.Lines.Count)
                {
                    key.Append(Normalise(externalText.Lines[line].ToString()));
                }
            }
        }

        return key.ToString();
    }

    /// <summary>The fingerprint of the <paramref name="occurrence"/>-th finding (from 1) with this key in its file.</summary>
    public static string Hash(string key, int occurrence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture))))[..32];

    /// <summary>The members around the node, as written: <c>Contoso.Updates.UpdateChecker.CheckAsync(1)</c>.</summary>
    public static string SymbolPath(SyntaxNode node)
    {
        var parts = new List<string>();
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var part = ancestor switch
            {
                BaseNamespaceDeclarationSyntax n => n.Name.ToString(),
                TypeDeclarationSyntax t => t.Identifier.Text + (t.TypeParameterList is { } tp ? "`" + tp.Parameters.Count : ""),
                EnumDeclarationSyntax e => e.Identifier.Text,
                DelegateDeclarationSyntax d => d.Identifier.Text,
                MethodDeclarationSyntax m => $"{m.Identifier.Text}({m.ParameterList.Parameters.Count})",
                ConstructorDeclarationSyntax c => $"{(c.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor")}({c.ParameterList.Parameters.Count})",
                DestructorDeclarationSyntax => "Finalize",
                OperatorDeclarationSyntax o => "operator" + o.OperatorToken.Text,
                ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
                PropertyDeclarationSyntax p => p.Identifier.Text,
                IndexerDeclarationSyntax => "this[]",
                EventDeclarationSyntax e => e.Identifier.Text,
                BaseFieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.Text)),
                AccessorDeclarationSyntax a => a.Keyword.Text,
                LocalFunctionStatementSyntax l => l.Identifier.Text + "()",
                _ => null,
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    private static void AppendFacts(StringBuilder key, Diagnostic diagnostic)
    {
        foreach (var fact in s_factKeys)
        {
            if (diagnostic.Properties.TryGetValue(fact, out var value) && value is not null)
            {
                key.Append(fact).Append('=').Append(value).Append('\n');
            }
        }
    }

    /// <summary>The statement's tokens and the reported span's, so that two findings of one statement differ.</summary>
    private static void AppendCode(StringBuilder key, SyntaxNode? statement, SourceText text, TextSpan span)
    {
        if (statement is not null)
        {
            foreach (var token in statement.DescendantTokens())
            {
                key.Append(token.Text).Append(' ');
            }
        }
        else
        {
            var lines = text.Lines.GetLinePositionSpan(span);
            for (var line = lines.Start.Line; line <= lines.End.Line; line++)
            {
                key.Append(Normalise(text.Lines[line].ToString()));
            }
        }

        key.Append('\n').Append(Normalise(text.ToString(span)));
    }

    private static string Normalise(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
