using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>
/// Runs the configuration-file analyzer on one or more files written with <c>{|NT0001:...|}</c> markup, beside a C#
/// file with nothing in it: the expected location is visible in the file itself.
/// </summary>
public static class ConfigurationFileVerifier
{
    public static Task VerifyAsync(string path, string markup, params DiagnosticResult[] expected) =>
        VerifyAsync(new[] { (path, markup) }, expected);

    public static Task VerifyAsync((string Path, string Markup)[] files, params DiagnosticResult[] expected) =>
        VerifyAsync(files, globalConfig: null, expected);

    public static async Task VerifyAsync((string Path, string Markup)[] files, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = CSharpAnalyzerVerifier<ShippedConfigurationAnalyzer>.CreateTest();
        test.TestCode = "public static class Empty { }";
        foreach (var (path, markup) in files)
        {
            test.TestState.AdditionalFiles.Add((path, markup));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
