using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>Runs an analyzer and a code fix over test sources written with markup.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="behaviors">
    /// <see cref="CodeFixTestBehaviors.SkipLocalDiagnosticCheck"/> for a rule reported when the whole compilation is analysed
    /// (NT0004), which the IDE fixes with full-solution analysis and <c>dotnet format</c> always.
    /// </param>
    /// <param name="equivalenceKey">The equivalence key the fix's code actions must have (any, when null).</param>
    public static async Task VerifyAsync(string source, string fixedSource, ReferenceSet references, int? iterations = null, CodeFixTestBehaviors behaviors = CodeFixTestBehaviors.None, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = behaviors,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        references.ApplyTo(test);

        // A finding the fix leaves (unfixable, or a new one in kept arguments) is written as markup in the fixed code
        // too, and checked: by default the library would ignore NT0001 markup there, since NT0001 has a fix.
        test.FixedState.MarkupHandling = MarkupMode.Allow;

        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fix is not offered: the code stays as it is, and every finding of it is still reported.</summary>
    public static Task VerifyNoFixAsync(string source, ReferenceSet references, CodeFixTestBehaviors behaviors = CodeFixTestBehaviors.None) =>
        VerifyAsync(source, source, references, behaviors: behaviors);
}
