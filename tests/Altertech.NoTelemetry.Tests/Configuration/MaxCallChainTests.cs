using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary>
/// <c>notelemetry.max_call_chain</c>: how many product methods below the helper a call names are followed to a network
/// API. One value per compilation, from the global config, so that every call is followed alike.
/// </summary>
public class MaxCallChainTests
{
    /// <summary>A constant handed through two helpers (Outer, then Inner) to the API, and one through Inner alone.</summary>
    private const string Chain = """
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Web
        {
            public static Task<string> Inner(HttpClient http, string url) => http.GetStringAsync(url);

            public static Task<string> Outer(HttpClient http, string url) => Inner(http, url);
        }

        class C
        {
            Task M(HttpClient http) => Task.WhenAll(
                Web.{|#0:Outer|}(http, "https://two.example.com/"),
                Web.{|#1:Inner|}(http, "https://one.example.com/"));
        }
        """;

    [Fact]
    public async Task By_default_follows_a_helper_chain()
    {
        var test = CSharpAnalyzerVerifier<HardCodedEndpointAnalyzer>.CreateTest();
        test.TestCode = Chain;
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<HardCodedEndpointAnalyzer>.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://two.example.com'", "", "Web.Outer, which passes it to HttpClient.GetStringAsync"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<HardCodedEndpointAnalyzer>.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://one.example.com'", "", "Web.Inner, which passes it to HttpClient.GetStringAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Zero_follows_only_helpers_that_call_the_network_API_themselves()
    {
        var test = CSharpAnalyzerVerifier<HardCodedEndpointAnalyzer>.CreateTest();
        test.TestCode = Chain;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nnotelemetry.max_call_chain = 0\n"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<HardCodedEndpointAnalyzer>.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://one.example.com'", "", "Web.Inner, which passes it to HttpClient.GetStringAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_no_global_config_sets_is_reported_and_the_default_applies()
    {
        var test = CSharpAnalyzerVerifier<ConfigurationAnalyzer>.CreateTest();
        test.TestCode = "class C { }";
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.max_call_chain = 2\n"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithNoLocation().WithArguments(
            "notelemetry.max_call_chain applies to the whole compilation and is read from a global config (.globalconfig, or an .editorconfig with is_global = true); the value '2' of an .editorconfig section is ignored"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("many")]
    [InlineData("-1")]
    [InlineData("17")]
    public async Task A_malformed_value_is_reported_and_the_default_applies(string value)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ConfigurationAnalyzer(), "class C { }", options: new Dictionary<string, string> { ["notelemetry.max_call_chain"] = value });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NT0900", diagnostic.Id);
        Assert.Equal($"notelemetry.max_call_chain: '{value}' is not a whole number from 0 to 16; the default, 6, applies", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var endpoints = await AnalyzerRunner.RunAsync(new HardCodedEndpointAnalyzer(), Chain.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""), options: new Dictionary<string, string> { ["notelemetry.max_call_chain"] = value });
        Assert.Equal(2, endpoints.Count(d => d.Id == "NT0003"));
    }

    [Fact]
    public async Task A_valid_global_value_is_not_reported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ConfigurationAnalyzer(), "class C { }", options: new Dictionary<string, string> { ["notelemetry.max_call_chain"] = "3" });
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_finding_through_helpers_names_every_method_of_the_chain()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HardCodedEndpointAnalyzer(), Chain.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));

        var outer = Assert.Single(diagnostics, d => d.Properties[DiagnosticProperties.Host] == "two.example.com");
        Assert.Equal(
            "M:Web.Outer(System.Net.Http.HttpClient,System.String);M:Web.Inner(System.Net.Http.HttpClient,System.String);M:System.Net.Http.HttpClient.GetStringAsync(System.String)",
            outer.Properties[DiagnosticProperties.Chain]);
        Assert.Equal("M:System.Net.Http.HttpClient.GetStringAsync(System.String)", outer.Properties[DiagnosticProperties.Via]);
    }
}
