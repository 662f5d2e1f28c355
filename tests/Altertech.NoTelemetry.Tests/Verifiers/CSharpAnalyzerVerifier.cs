using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>Runs one analyzer over test sources written with <c>{|NT0001:...|}</c> markup.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Verifies <paramref name="source"/> against its markup, with .NET 8 reference assemblies.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestReferences.Net80, expected);

    public static Task VerifyAsync(string source, ReferenceSet references, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies <paramref name="source"/> with stand-in SDK assemblies referenced as metadata.</summary>
    public static async Task VerifyAsync(string source, ReferenceSet references, IEnumerable<Task<MetadataReference>> standIns, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        test.TestCode = source;
        foreach (var standIn in standIns)
        {
            test.TestState.AdditionalReferences.Add(await standIn);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies a program written with top-level statements.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected) =>
        VerifyProgramAsync(source, TestReferences.Net80, expected);

    public static Task VerifyProgramAsync(string source, ReferenceSet references, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        test.TestCode = source;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Test CreateTest(ReferenceSet? references = null)
    {
        var test = new Test();
        (references ?? TestReferences.Net80).ApplyTo(test);
        return test;
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            // Test sources use top-level statements and file-scoped namespaces.
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12);
                return solution.WithProjectParseOptions(projectId, parseOptions);
            });
        }

        protected override CompilationOptions CreateCompilationOptions()
        {
            var options = (CSharpCompilationOptions)base.CreateCompilationOptions();
            return options.WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
