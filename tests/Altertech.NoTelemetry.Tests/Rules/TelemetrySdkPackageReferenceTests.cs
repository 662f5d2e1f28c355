using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkReferenceAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>NT0002 on the project file's PackageReference, when the package's targets pass the project file (and the assets file).</summary>
public class TelemetrySdkPackageReferenceTests
{
    private const string Empty = "class C { }";
    private const string ProjectPath = "/0/Contoso.App.csproj";

    [Fact]
    public Task Is_located_on_the_PackageReference_that_names_the_SDK() => VerifyAsync(
        TestReferences.ApplicationInsights,
        new[]
        {
            (ProjectPath, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                    <PackageReference Include={|#0:"Microsoft.ApplicationInsights"|} Version="2.22.0" />
                  </ItemGroup>
                </Project>
                """),
        },
        Verify.Diagnostic("NT0002").WithLocation(0).WithArguments("Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights", "an APM", "Microsoft"));

    [Fact]
    public Task Without_the_assets_file_a_transitive_SDK_has_no_location() => VerifyAsync(
        TestReferences.SentryExtensionsLogging,
        new[] { (ProjectPath, SentryLoggingProject) },
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Sentry", "Sentry", "a crash-reporting", "Sentry"),
        Verify.Diagnostic("NT0002").WithLocation(0).WithArguments("Sentry.Extensions.Logging", "Sentry.Extensions.Logging", "a crash-reporting", "Sentry"));

    [Fact]
    public Task With_the_assets_file_a_transitive_SDK_is_on_the_reference_that_brings_it() => VerifyAsync(
        TestReferences.SentryExtensionsLogging,
        new[] { (ProjectPath, SentryLoggingProject), ("/0/obj/project.assets.json", SentryLoggingAssets) },
        Verify.Diagnostic("NT0002").WithLocation(0).WithArguments("Sentry", "Sentry, through Sentry.Extensions.Logging", "a crash-reporting", "Sentry"),
        Verify.Diagnostic("NT0002").WithLocation(0).WithArguments("Sentry.Extensions.Logging", "Sentry.Extensions.Logging", "a crash-reporting", "Sentry"));

    [Fact]
    public async Task Says_which_direct_reference_brings_the_SDK_in_its_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new TelemetrySdkReferenceAnalyzer(),
            Empty,
            TestReferences.SentryExtensionsLogging,
            additionalFiles: new[] { (ProjectPath, SentryLoggingProject.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)), ("/0/obj/project.assets.json", SentryLoggingAssets) });

        var sentry = Assert.Single(diagnostics, d => d.Properties[DiagnosticProperties.Assembly] == "Sentry");
        Assert.Equal("Sentry", sentry.Properties[DiagnosticProperties.Package]);
        Assert.Equal("Sentry.Extensions.Logging", sentry.Properties[DiagnosticProperties.Reference]);
        Assert.Equal((ProjectPath, 2), (sentry.Location.GetLineSpan().Path, sentry.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public Task A_project_file_that_is_not_XML_leaves_the_diagnostic_without_a_location() => VerifyAsync(
        TestReferences.ApplicationInsights,
        new[] { (ProjectPath, "<Project><ItemGroup><PackageReference Include=\"Microsoft.ApplicationInsights\"") },
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights", "an APM", "Microsoft"));

    [Fact]
    public Task A_broken_assets_file_is_as_good_as_none() => VerifyAsync(
        TestReferences.SentryExtensionsLogging,
        new[] { (ProjectPath, SentryLoggingProject), ("/0/obj/project.assets.json", "{ \"targets\": { \"net8.0\": [ 1, ") },
        Verify.Diagnostic("NT0002").WithNoLocation().WithArguments("Sentry", "Sentry", "a crash-reporting", "Sentry"),
        Verify.Diagnostic("NT0002").WithLocation(0).WithArguments("Sentry.Extensions.Logging", "Sentry.Extensions.Logging", "a crash-reporting", "Sentry"));

    private const string SentryLoggingProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            <PackageReference Include={|#0:"Sentry.Extensions.Logging"|} Version="6.12.1" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The part of NuGet's assets file that is read: the first target's packages, dependencies and compile assets.</summary>
    private const string SentryLoggingAssets = """
        {
          "version": 3,
          "targets": {
            "net8.0": {
              "Microsoft.Extensions.Logging/8.0.1": { "type": "package", "compile": { "lib/net8.0/Microsoft.Extensions.Logging.dll": {} } },
              "Sentry/6.12.1": { "type": "package", "compile": { "lib/net8.0/Sentry.dll": { "related": ".xml" } } },
              "Sentry.Extensions.Logging/6.12.1": {
                "type": "package",
                "dependencies": { "Microsoft.Extensions.Logging": "8.0.1", "Sentry": "6.12.1" },
                "compile": { "lib/net8.0/Sentry.Extensions.Logging.dll": {} }
              }
            }
          },
          "project": { "frameworks": { "net8.0": { "dependencies": { "Sentry.Extensions.Logging": { "target": "Package", "version": "[6.12.1, )" } } } } }
        }
        """;

    private static async Task VerifyAsync(ReferenceSet references, (string Path, string Markup)[] files, params DiagnosticResult[] expected)
    {
        var test = Verify.CreateTest(references);
        test.TestCode = Empty;
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
