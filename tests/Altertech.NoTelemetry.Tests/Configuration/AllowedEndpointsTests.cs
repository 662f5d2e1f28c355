using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer>;
using Egress = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.NetworkEgressAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary><c>notelemetry.allowed_endpoints</c> in .editorconfig and .globalconfig.</summary>
public class AllowedEndpointsTests
{
    /// <summary>
    /// Calls to endpoints, each reported as NT0003 without the option: the ones at a numbered location are those the
    /// option of <see cref="Host_wildcards_CIDR_ranges_and_URL_prefixes_are_allowed"/> allows.
    /// </summary>
    private const string Calls = """
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Calls
        {
            async Task Run(HttpClient http, Socket socket)
            {
                await http.{|#0:GetAsync|}("https://build.corp.example/api");
                await http.{|NT0003:GetAsync|}("https://corp.example/api");
                await http.{|#1:GetAsync|}("https://license.example.com/api/check");
                await http.{|NT0003:GetAsync|}("https://license.example.com/other");
                await http.{|#2:GetAsync|}("http://10.20.30.40/status");
                await http.{|NT0003:GetAsync|}("http://11.0.0.1/status");
                await http.{|#3:GetAsync|}("http://[fd00::5]/status");
                socket.{|#4:Connect|}(new IPEndPoint(IPAddress.Parse("192.168.1.7"), 502));
            }
        }
        """;

    /// <summary>What NT0003 says, without the option, of the calls at locations 0 to 4 of <see cref="Calls"/>.</summary>
    private static readonly (string Endpoint, string Api)[] s_allowedCalls =
    [
        ("https://build.corp.example", "HttpClient.GetAsync"),
        ("https://license.example.com", "HttpClient.GetAsync"),
        ("http://10.20.30.40", "HttpClient.GetAsync"),
        ("http://[fd00::5]", "HttpClient.GetAsync"),
        ("192.168.1.7", "Socket.Connect"),
    ];

    [Fact]
    public Task Host_wildcards_CIDR_ranges_and_URL_prefixes_are_allowed()
    {
        var test = Verify.CreateTest();
        test.TestCode = Calls;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            notelemetry.allowed_endpoints = *.corp.example, 10.0.0.0/8, fd00::/8, 192.168.1.7, https://license.example.com/api/
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_option_each_of_those_endpoints_is_reported()
    {
        var test = Verify.CreateTest();
        test.TestCode = Calls;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n"));
        for (var location = 0; location < s_allowedCalls.Length; location++)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(location).WithArguments("'" + s_allowedCalls[location].Endpoint + "'", "", s_allowedCalls[location].Api));
        }

        return test.RunAsync();
    }

    private const string UpdateFeeds = """
        using System.Net.Http;

        class C
        {
            void M(HttpClient http)
            {
                http.{|#0:GetAsync|}("https://updates.corp.example/feed");
                http.{|NT0003:GetAsync|}("https://updates.example.com/feed");
            }
        }
        """;

    [Fact]
    public Task A_global_config_applies_to_every_file()
    {
        var test = Verify.CreateTest();
        test.TestCode = UpdateFeeds;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            notelemetry.allowed_endpoints = updates.corp.example
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_global_config_the_allowed_endpoint_is_reported()
    {
        var test = Verify.CreateTest();
        test.TestCode = UpdateFeeds;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://updates.corp.example'", "", "HttpClient.GetAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task Per_folder_sections_apply_per_file()
    {
        var test = FolderTest();
        test.TestState.AnalyzerConfigFiles.Add(("/0/Updater/.editorconfig", """
            [*.cs]
            notelemetry.allowed_endpoints = updates.example.com
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_folders_section_its_file_is_reported_too()
    {
        var test = FolderTest();
        test.TestState.AnalyzerConfigFiles.Add(("/0/Updater/.editorconfig", "[*.cs]\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://updates.example.com'", "", "HttpClient.GetAsync"));
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

    private const string BuildServer = """
        using System.Net.Http;

        class C
        {
            void M(HttpClient http)
            {
                http.{|#0:GetAsync|}("https://build.corp.example/api");
                http.{|NT0003:GetAsync|}("http://10.1.1.1/");
            }
        }
        """;

    [Fact]
    public Task A_bad_item_does_not_cancel_the_good_ones()
    {
        var test = Verify.CreateTest();
        test.TestCode = BuildServer;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.allowed_endpoints = 10.0.0.0/33, *.corp.example, corp*.example\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_good_item_among_the_bad_ones_the_endpoint_is_reported()
    {
        var test = Verify.CreateTest();
        test.TestCode = BuildServer;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.allowed_endpoints = 10.0.0.0/33, corp*.example\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://build.corp.example'", "", "HttpClient.GetAsync"));
        return test.RunAsync();
    }

    /// <summary>The same request in two folders: /0/Updater/Feed.cs at location 0, reported without its folder's section.</summary>
    private static Verify.Test FolderTest()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add(("/0/Updater/Feed.cs", """
            using System.Net.Http;

            class Feed
            {
                void M(HttpClient http) => http.{|#0:GetAsync|}("https://updates.example.com/feed");
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
        return test;
    }
}
