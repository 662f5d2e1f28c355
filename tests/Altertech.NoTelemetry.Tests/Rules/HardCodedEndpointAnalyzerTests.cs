using Altertech.NoTelemetry.Tests.Verifiers;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class HardCodedEndpointAnalyzerTests
{
    [Fact]
    public Task Reports_a_literal_URL_with_scheme_and_host_in_the_message() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class UpdateChecker
        {
            Task<string> Check(HttpClient http) => http.{|#0:GetStringAsync|}("https://updates.example.com/feed.xml?v=1");
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://updates.example.com'", "", "HttpClient.GetStringAsync"));

    [Fact]
    public Task Names_the_field_the_constant_came_from_across_files_and_partial_classes()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add(("UpdateChecker.cs", """
            using System.Net.Http;
            using System.Threading.Tasks;

            partial class UpdateChecker
            {
                Task<string> Check(HttpClient http) => http.{|#0:GetStringAsync|}(FeedUrl + "?channel=stable");

                Task<string> Notes(HttpClient http) => http.{|#1:GetStringAsync|}(Settings.NotesUrl);
            }
            """));
        test.TestState.Sources.Add(("UpdateChecker.Constants.cs", """
            partial class UpdateChecker
            {
                private const string FeedUrl = "https://updates.example.com/feed";
            }

            static class Settings
            {
                public static readonly string NotesUrl = Host + "/notes";
                private static readonly string Host = "https://" + "notes.example.com";
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://updates.example.com'", " (from UpdateChecker.FeedUrl)", "HttpClient.GetStringAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://notes.example.com'", " (from Settings.Host)", "HttpClient.GetStringAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task Follows_locals_assigned_once_interpolation_and_string_building() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Stats
        {
            async Task Send(HttpClient http, string installId, int count)
            {
                var url = $"https://stats.example.com/ping?id={installId}";
                await http.{|NT0003:GetAsync|}(url);
                await http.{|NT0003:GetAsync|}(string.Format("https://{0}/v{1}/ping", "stats.example.com", count));
                await http.{|NT0003:GetAsync|}(string.Concat("https://", "stats.example.com", "/ping"));
                await http.{|NT0003:GetAsync|}(new Uri(new Uri("https://stats.example.com/"), "ping"));
                await http.{|NT0003:GetAsync|}(new UriBuilder("https", "stats.example.com").Uri);
                if (Uri.TryCreate("https://stats.example.com/ping", UriKind.Absolute, out var parsed))
                {
                    await http.{|NT0003:GetAsync|}(parsed);
                }
            }
        }
        """);

    [Fact]
    public Task Follows_static_readonly_Uri_fields_and_get_only_properties() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class License
        {
            private static readonly Uri Server = new("https://license.example.com/");
            private static string Ping => "https://license.example.com/ping";
            private static Uri Check { get; } = new Uri(Server, "check");

            async Task Run(HttpClient http)
            {
                await http.{|#0:GetAsync|}(Server);
                await http.{|NT0003:GetAsync|}(Ping);
                await http.{|NT0003:GetAsync|}(Check);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://license.example.com'", " (from License.Server)", "HttpClient.GetAsync"));

    [Fact]
    public Task Reports_where_an_endpoint_is_bound_to_a_client_or_a_request() => Verify.VerifyAsync("""
        using System;
        using System.Net;
        using System.Net.Http;

        class Clients
        {
            void Configure()
            {
                // The shape of IHttpClientFactory's AddHttpClient("name", c => c.BaseAddress = ...).
                Action<HttpClient> named = c => {|NT0003:c.BaseAddress = new Uri("https://api.example.com/")|};
                var http = new HttpClient { {|NT0003:BaseAddress = new Uri("https://api.example.com/")|} };
                {|NT0003:http.BaseAddress = new Uri("https://api.example.com/")|};
                var request = {|NT0003:new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/events")|};
                var legacy = WebRequest.{|NT0003:Create|}("https://legacy.example.com/");
            }
        }
        """);

    [Fact]
    public Task Follows_addresses_and_end_points_into_sockets() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Beacon
        {
            void Send(Socket socket, byte[] data)
            {
                var endPoint = new IPEndPoint(IPAddress.Parse("203.0.113.10"), 9000);
                socket.{|#0:Connect|}(endPoint);
                socket.{|NT0003:SendTo|}(data, new IPEndPoint(new IPAddress(new byte[] { 198, 51, 100, 7 }), 9000));
                socket.{|NT0003:Connect|}(new DnsEndPoint("beacon.example.com", 443));
                using var tcp = {|NT0003:new TcpClient("beacon.example.com", 443)|};
                Dns.{|NT0003:GetHostAddresses|}("beacon.example.com");
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'203.0.113.10'", "", "Socket.Connect"));

    [Fact]
    public Task Works_in_top_level_statements_lambdas_and_local_functions() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;

        var http = new HttpClient();
        const string Home = "https://home.example.com/";
        await http.{|NT0003:GetAsync|}(Home);
        Func<object> later = () => http.{|NT0003:GetAsync|}(Home + "later");
        await Ping();
        var server = "https://default.example.com/";
        server = args[0];
        await http.GetAsync(server);

        async System.Threading.Tasks.Task Ping() => await http.{|NT0003:GetAsync|}($"{Home}ping");
        """);

    [Fact]
    public Task Follows_a_local_assigned_on_several_paths_to_the_value_that_names_a_host() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class SymbolDownloader
        {
            async Task Download(HttpClient http, bool custom, string server, string name)
            {
                Uri source;
                if (custom)
                {
                    source = new Uri($"{server}/{name}");
                }
                else
                {
                    source = new Uri(new Uri("https://symbols.example.com/download/"), name);
                }

                await http.{|#0:GetAsync|}(source);

                var feed = "https://updates.example.com/feed";
                if (custom)
                {
                    feed = server;
                }

                await http.{|#1:GetAsync|}(feed);

                string? mirror = null;
                mirror = custom ? server : null;
                await http.GetAsync(mirror);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://symbols.example.com'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://updates.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Reports_a_constant_passed_to_a_product_method_that_forwards_it_to_a_network_API()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add(("WebHelpers.cs", """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Threading.Tasks;

            static class WebHelpers
            {
                private static readonly HttpClient s_client = new HttpClient();

                public static Task<string> DownloadStringAsync(string url) => s_client.GetStringAsync(url);

                // Two levels: SendRequest -> CreateRequest -> WebRequest.Create.
                public static WebResponse SendRequest(string method, string url) => CreateRequest(method, url).GetResponse();

                private static WebRequest CreateRequest(string method, string url)
                {
                    var request = WebRequest.Create(url + "?client=desktop");
                    request.Method = method;
                    return request;
                }

                public static Task<HttpResponseMessage> PingAsync(string host) => s_client.GetAsync($"https://{host}/ping");

                public static Task<string> GetJsonAsync(this HttpClient client, Uri address) => client.GetStringAsync(new Uri(address, "json"));
            }
            """));
        test.TestState.Sources.Add(("UpdateChecker.cs", """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class UpdateChecker
            {
                private const string ReleasesUrl = "https://api.github.example.com/repos/contoso/app/releases";

                async Task Check(HttpClient http)
                {
                    await WebHelpers.{|#0:DownloadStringAsync|}(ReleasesUrl);
                    WebHelpers.{|#1:SendRequest|}("GET", "https://updates.example.com/latest");
                    await WebHelpers.{|#2:PingAsync|}("status.example.com");
                    await http.{|#3:GetJsonAsync|}(new Uri("https://feed.example.com/"));
                    Func<string, Task<string>> later = url => WebHelpers.DownloadStringAsync(url);
                    await Local("https://local.example.com/check");

                    Task<string> Local(string address) => http.GetStringAsync(address);
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.github.example.com'", " (from UpdateChecker.ReleasesUrl)", "WebHelpers.DownloadStringAsync, which passes it to HttpClient.GetStringAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://updates.example.com'", "", "WebHelpers.SendRequest, which passes it to WebRequest.Create"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(2).WithArguments("'status.example.com'", "", "WebHelpers.PingAsync, which passes it to HttpClient.GetAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(3).WithArguments("'https://feed.example.com'", "", "WebHelpers.GetJsonAsync, which passes it to HttpClient.GetStringAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithSpan("UpdateChecker.cs", 16, 15, 16, 20).WithArguments("'https://local.example.com'", "", "UpdateChecker.Local, which passes it to HttpClient.GetStringAsync"));
        return test.RunAsync();
    }

    /// <summary>
    /// Summaries of helper methods are cached per compilation. One cut short by the chain limit (Level0 reaches the API
    /// seven calls down) or by a cycle (Ping and Pong call each other) must not be reused for a call that starts lower.
    /// </summary>
    [Fact]
    public Task Follows_helper_chains_up_to_six_calls_deep_and_through_mutual_recursion() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Chain
        {
            static readonly HttpClient s_http = new HttpClient();

            public static Task<string> Level0(string url) => Level1(url);
            public static Task<string> Level1(string url) => Level2(url);
            static Task<string> Level2(string url) => Level3(url);
            static Task<string> Level3(string url) => Level4(url);
            static Task<string> Level4(string url) => Level5(url);
            static Task<string> Level5(string url) => Level6(url);
            static Task<string> Level6(string url) => Level7(url);
            static Task<string> Level7(string url) => s_http.GetStringAsync(url);

            public static Task<string> Ping(string url, int n) => n > 0 ? Pong(url, n - 1) : Task.FromResult(url);
            public static Task<string> Pong(string url, int n) => n > 0 ? Ping(url, n - 1) : s_http.GetStringAsync(url);
        }

        class Updates
        {
            async Task Run()
            {
                await Chain.Level0("https://seven.example.com/");
                await Chain.{|#0:Level1|}("https://six.example.com/");
                await Chain.{|#1:Ping|}("https://ping.example.com/", 2);
                await Chain.{|#2:Pong|}("https://pong.example.com/", 2);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://six.example.com'", "", "Chain.Level1, which passes it to HttpClient.GetStringAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://ping.example.com'", "", "Chain.Ping, which passes it to HttpClient.GetStringAsync"),
        Verify.Diagnostic("NT0003").WithLocation(2).WithArguments("'https://pong.example.com'", "", "Chain.Pong, which passes it to HttpClient.GetStringAsync"));

    /// <summary>
    /// Short calls M3 directly; Long reaches M3 two calls down. M3's summary, cached while Short's call is analysed,
    /// must not let Long's call reach an API seven calls deep: the findings may not depend on which call comes first.
    /// </summary>
    [Fact]
    public Task A_cached_helper_summary_does_not_stretch_the_chain_limit() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Chain
        {
            static readonly HttpClient s_http = new HttpClient();

            public static Task<string> Short(string url) => M3(url);
            public static Task<string> Long(string url) => M2(url);
            static Task<string> M2(string url) => M3(url);
            static Task<string> M3(string url) => M4(url);
            static Task<string> M4(string url) => M5(url);
            static Task<string> M5(string url) => M6(url);
            static Task<string> M6(string url) => M7(url);
            static Task<string> M7(string url) => M8(url);
            static Task<string> M8(string url) => s_http.GetStringAsync(url);
        }

        class Updates
        {
            async Task Run()
            {
                await Chain.{|#0:Short|}("https://short.example.com/");
                await Chain.Long("https://long.example.com/");
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://short.example.com'", "", "Chain.Short, which passes it to HttpClient.GetStringAsync"));

    [Fact]
    public Task Does_not_report_constants_a_product_method_uses_for_something_else() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        interface IFetcher
        {
            Task<string> FetchAsync(string url);
        }

        class Shell
        {
            static void Log(string message) => Console.WriteLine(message);

            static Task<string> GetPath(HttpClient http, string baseUrl, string path) => http.GetStringAsync(baseUrl + path);

            static Task<string> Recurse(string url, int depth) => depth > 0 ? Recurse(url, depth - 1) : Task.FromResult(url);

            async Task Run(HttpClient http, IFetcher fetcher, string configured)
            {
                Log("https://docs.example.com/help");
                File.WriteAllText("notes.txt", "https://example.com/");
                await GetPath(http, configured, "https://not-a-prefix.example.com/");
                await Recurse("https://loop.example.com/", 3);
                await fetcher.FetchAsync("https://interface.example.com/");
                await GetPath(http, "http://localhost:5000/", "api");
            }
        }
        """);

    [Fact]
    public Task Does_not_report_hosts_from_parameters_configuration_or_run_time_values() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Client
        {
            private static string s_server = "https://mutable.example.com/";
            private readonly string _server;

            Client(string server) => _server = server;

            async Task Run(HttpClient http, string host, Uri configured)
            {
                await http.GetAsync(configured);
                await http.GetAsync($"https://{host}/api");
                await http.GetAsync("https://" + host + "/api");
                await http.GetAsync(_server + "api");
                await http.GetAsync(s_server);
                await http.GetAsync(Environment.GetEnvironmentVariable("SERVER_URL"));
                var reassigned = "https://first.example.com/";
                reassigned = host;
                await http.GetAsync(reassigned);
                await http.GetAsync(string.Format("{0}/api", host));
                await http.GetAsync($"{"https"}://{host}/x");
            }
        }
        """);

    [Fact]
    public Task Does_not_report_loopback_or_relative_requests() => Verify.VerifyAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Local
        {
            async Task Run(HttpClient http, Socket socket)
            {
                await http.GetAsync("http://localhost:5000/health");
                await http.GetAsync("http://api.localhost/health");
                await http.GetAsync("http://127.0.0.1:8080/");
                await http.GetAsync("http://127.10.0.1/");
                await http.GetAsync("http://[::1]:8080/");
                await http.GetAsync("items/42");
                await http.GetAsync("items");
                socket.Connect(new IPEndPoint(IPAddress.Loopback, 9000));
                socket.Connect(new IPEndPoint(IPAddress.IPv6Loopback, 9000));
                using var tcp = new TcpClient("localhost", 9000);
            }
        }
        """);

    [Fact]
    public Task Does_not_report_URL_lookalikes_that_never_reach_the_network() => Verify.VerifyAsync("""
        using System;
        using System.Xml.Linq;

        /// <summary>See <see href="https://docs.example.com/guide"/>.</summary>
        class Lookalikes
        {
            private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
            private const string Schema = "https://schemas.example.com/config.json";

            void M(Uri configured)
            {
                Console.WriteLine("See https://help.example.com/errors/42");
                var uri = new Uri("https://never-sent.example.com/");
                var same = uri == configured;
            }
        }
        """);

    [Fact]
    public Task Ends_on_fields_that_refer_to_each_other() => Verify.VerifyAsync("""
        using System.Net.Http;

        class Cycle
        {
            private static readonly string A = B + "/a";
            private static readonly string B = A + "/b";

            void M(HttpClient http) => http.GetAsync(A);
        }
        """);

    [Fact]
    public Task Survives_incomplete_code()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                static readonly string Url = "https://x.example.com/" +
                void M(HttpClient http)
                {
                    http.GetAsync(Url
                    http.GetAsync($"https://{
                    var u = new System.Uri(
                    Fetch("https://forward.example.com/"
                    Fetch(
                    Partial("https://partial.example.com/");
                    Missing("https://missing.example.com/");
                }

                static System.Threading.Tasks.Task<string> Fetch(string url) => new HttpClient().GetStringAsync(url
                static partial void Partial(string url);
                static void Recursive(string url) => Recursive(url);
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public async Task Carries_its_facts_in_the_diagnostic_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HardCodedEndpointAnalyzer(),
            """
            using System.Net.Http;
            class Updater
            {
                private const string CheckUrl = "https://updates.example.com/check";

                System.Threading.Tasks.Task<string> Check(HttpClient client) => client.GetStringAsync(CheckUrl);
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("updates.example.com", diagnostic.Properties[DiagnosticProperties.Host]);
        Assert.Equal("https://updates.example.com/check", diagnostic.Properties[DiagnosticProperties.Endpoint]);
        Assert.Equal("Updater.CheckUrl", diagnostic.Properties[DiagnosticProperties.Source]);
        Assert.Equal("M:System.Net.Http.HttpClient.GetStringAsync(System.String)", diagnostic.Properties[DiagnosticProperties.Member]);
    }
}
