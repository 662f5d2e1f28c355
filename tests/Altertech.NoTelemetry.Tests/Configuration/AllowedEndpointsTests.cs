using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer>;
using Egress = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.NetworkEgressAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary><c>notelemetry.allowed_endpoints</c> in .editorconfig and .globalconfig.</summary>
public class AllowedEndpointsTests
{
    private const string Calls = """
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Calls
        {
            async Task Run(HttpClient http, Socket socket)
            {
                await http.GetAsync("https://build.corp.example/api");
                await http.GetAsync("https://corp.example/api");
                await http.GetAsync("https://license.example.com/api/check");
                await http.GetAsync("https://license.example.com/other");
                await http.GetAsync("http://10.20.30.40/status");
                await http.GetAsync("http://11.0.0.1/status");
                await http.GetAsync("http://[fd00::5]/status");
                socket.Connect(new IPEndPoint(IPAddress.Parse("192.168.1.7"), 502));
            }
        }
        """;

    [Fact]
    public Task Host_wildcards_CIDR_ranges_and_URL_prefixes_are_allowed()
    {
        var test = Verify.CreateTest();
        test.TestCode = Calls
            .Replace("await http.GetAsync(\"https://corp.example/api\")", "await http.{|NT0003:GetAsync|}(\"https://corp.example/api\")")
            .Replace("await http.GetAsync(\"https://license.example.com/other\")", "await http.{|NT0003:GetAsync|}(\"https://license.example.com/other\")")
            .Replace("await http.GetAsync(\"http://11.0.0.1/status\")", "await http.{|NT0003:GetAsync|}(\"http://11.0.0.1/status\")");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            notelemetry.allowed_endpoints = *.corp.example, 10.0.0.0/8, fd00::/8, 192.168.1.7, https://license.example.com/api/
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task A_global_config_applies_to_every_file()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient http)
                {
                    http.GetAsync("https://updates.corp.example/feed");
                    http.{|NT0003:GetAsync|}("https://updates.example.com/feed");
                }
            }
            """;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            notelemetry.allowed_endpoints = updates.corp.example
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Per_folder_sections_apply_per_file()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add(("/0/Updater/Feed.cs", """
            using System.Net.Http;

            class Feed
            {
                void M(HttpClient http) => http.GetAsync("https://updates.example.com/feed");
            }
            """));
        test.TestState.Sources.Add(("/0/Core/Stats.cs", """
            using System.Net.Http;

            class Stats
            {
                void M(HttpClient http) => http.{|NT0003:GetAsync|}("https://updates.example.com/stats");
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/0/Updater/.editorconfig", """
            [*.cs]
            notelemetry.allowed_endpoints = updates.example.com
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Allowed_endpoints_stay_in_the_NT0006_inventory()
    {
        var test = Egress.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient http) => http.{|#0:GetAsync|}("https://build.corp.example/api");
            }
            """;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.allowed_endpoints = *.corp.example\n"));
        test.ExpectedDiagnostics.Add(Egress.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.GetAsync", "sends", " to 'build.corp.example'"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_bad_item_does_not_cancel_the_good_ones()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient http)
                {
                    http.GetAsync("https://build.corp.example/api");
                    http.{|NT0003:GetAsync|}("http://10.1.1.1/");
                }
            }
            """;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.allowed_endpoints = 10.0.0.0/33, *.corp.example, corp*.example\n"));
        return test.RunAsync();
    }
}
