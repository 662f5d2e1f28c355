using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Altertech.NoTelemetry.CodeFixes;

/// <summary>
/// Fix All that fixes every fixable finding of each document in one pass, whatever equivalence key it was started with.
/// <c>dotnet format</c> starts Fix All from the first finding of a rule with that finding's key, which is null when the first
/// finding has no fix (no <c>IConfiguration</c> in scope, say): the batch fixer would then fix nothing at all.
/// </summary>
internal static class DocumentFixAll
{
    /// <param name="apply">Fixes what it can of the given findings of one document; null when it fixes none.</param>
    public static FixAllProvider Create(Func<Document, IReadOnlyList<Diagnostic>, CancellationToken, Task<Document?>> apply) =>
        FixAllProvider.Create((context, document, diagnostics) => apply(document, diagnostics, context.CancellationToken));

    /// <summary>The document fixed for one finding, or unchanged: what a code action of a single finding returns.</summary>
    public static async Task<Document> OneAsync(Func<Document, IReadOnlyList<Diagnostic>, CancellationToken, Task<Document?>> apply, Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await apply(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false) ?? document;
}
