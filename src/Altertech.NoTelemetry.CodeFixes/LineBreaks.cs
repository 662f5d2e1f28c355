using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>The line break a file already uses: a fix must not mix CRLF into an LF file, or the reverse.</summary>
internal static class LineBreaks
{
    public static SyntaxTrivia Of(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        var found = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return found.IsKind(SyntaxKind.EndOfLineTrivia) ? found : SyntaxFactory.LineFeed;
    }
}
