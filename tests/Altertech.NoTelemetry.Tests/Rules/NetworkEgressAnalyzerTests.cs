using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.NetworkEgressAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class NetworkEgressAnalyzerTests
{
    [Fact]
    public Task Reports_HttpClient_GetAsync_with_its_constant_host() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client)
            {
                await client.{|#0:GetAsync|}("https://api.example.com/v1/items");
            }
        }
        """,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.GetAsync", "sends", " to 'api.example.com'"));

    [Fact]
    public Task Reports_endpoint_set_at_run_time() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            Task<string> M(HttpClient client, Uri endpoint) => client.{|#0:GetStringAsync|}(endpoint);
        }
        """,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.GetStringAsync", "sends", " to an endpoint set at run time"));

    [Fact]
    public Task Names_the_destination_of_a_request_made_here() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client, HttpRequestMessage given, Uri configured)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/items");
                await client.{|#0:SendAsync|}(request);
                await client.{|#1:SendAsync|}(new HttpRequestMessage(HttpMethod.Get, configured));
                await client.{|#2:SendAsync|}(given);

                var moved = new HttpRequestMessage(HttpMethod.Get, "https://old.example.com/");
                moved.RequestUri = configured;
                await client.{|#3:SendAsync|}(moved);
            }
        }
        """,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.SendAsync", "sends", " to 'api.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("HttpClient.SendAsync", "sends", " to an endpoint set at run time"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("HttpClient.SendAsync", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(3).WithArguments("HttpClient.SendAsync", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Does_not_report_creating_clients() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;

        class C
        {
            void M()
            {
                var http = new HttpClient();
                var web = new WebClient();
                var tcp = new TcpClient();
                var request = WebRequest.Create("https://example.com/");
                var local = Dns.GetHostName();
            }
        }
        """);

    [Fact]
    public Task Reports_every_send_verb_of_HttpClient() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client, HttpContent content, HttpRequestMessage request, string url)
            {
                await client.{|NT0006:PostAsync|}(url, content);
                await client.{|NT0006:PutAsync|}(url, content);
                await client.{|NT0006:PatchAsync|}(url, content);
                await client.{|NT0006:DeleteAsync|}(url);
                await client.{|NT0006:GetByteArrayAsync|}(url);
                await client.{|NT0006:GetStreamAsync|}(url);
                await client.{|NT0006:SendAsync|}(request);
                client.{|NT0006:Send|}(request);
            }
        }
        """);

    [Fact]
    public Task Reports_sockets_dns_ping_smtp_and_websockets() => Verify.VerifyAsync("""
        using System;
        using System.Net;
        using System.Net.Mail;
        using System.Net.NetworkInformation;
        using System.Net.Sockets;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Socket socket, IPEndPoint endPoint, byte[] data, SmtpClient smtp, MailMessage mail)
            {
                socket.{|NT0006:Connect|}(endPoint);
                socket.{|NT0006:Send|}(data);
                var tcp = {|NT0006:new TcpClient("plc.example.net", 502)|};
                await new TcpClient().{|NT0006:ConnectAsync|}("plc.example.net", 502);
                new UdpClient().{|NT0006:Send|}(data, data.Length, "logs.example.net", 514);
                await Dns.{|NT0006:GetHostAddressesAsync|}("example.net");
                new Ping().{|NT0006:Send|}("example.net");
                smtp.{|NT0006:Send|}(mail);
                await new ClientWebSocket().{|NT0006:ConnectAsync|}(new Uri("wss://example.net/socket"), CancellationToken.None);
            }
        }
        """);

    [Fact]
    public Task Reports_WebClient_and_WebRequest_through_derived_types() => Verify.VerifyAsync("""
        using System.Net;

        class C
        {
            void M(WebClient client)
            {
                client.{|NT0006:DownloadString|}("https://example.com/feed");
                client.{|NT0006:UploadString|}("https://example.com/feed", "x");
                var request = (HttpWebRequest)WebRequest.Create("https://example.com/");
                using var response = request.{|NT0006:GetResponse|}();
            }
        }
        """);

    [Fact]
    public Task Reports_json_extension_methods() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client)
            {
                await client.{|#0:PostAsJsonAsync|}("https://stats.example.org/collect", new { Count = 1 });
                await HttpClientJsonExtensions.{|#1:GetFromJsonAsync|}<int>(client, "relative/path");
            }
        }
        """,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClientJsonExtensions.PostAsJsonAsync", "sends", " to 'stats.example.org'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("HttpClientJsonExtensions.GetFromJsonAsync", "sends", " to 'relative/path' on its client's base address"));

    [Fact]
    public Task Reports_in_top_level_statements_lambdas_and_local_functions() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        var client = new HttpClient();
        await client.{|NT0006:GetAsync|}("https://example.com/");
        Func<Task> send = () => client.{|NT0006:GetAsync|}("https://example.com/");
        await Local();

        async Task Local() => await client.{|NT0006:GetAsync|}("https://example.com/");
        """);

    [Fact]
    public Task Reports_through_alias_global_qualifier_and_conditional_access() => Verify.VerifyAsync("""
        using H = System.Net.Http.HttpClient;

        class C
        {
            void M(H? client, global::System.Net.Http.HttpClient other)
            {
                client?.{|NT0006:GetAsync|}("https://example.com/");
                other.{|NT0006:GetAsync|}("https://example.com/");
            }
        }
        """);

    [Fact]
    public Task Reports_method_group_and_partial_class_members() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        partial class C
        {
            Func<string, Task<string>> M(HttpClient client) => client.{|NT0006:GetStringAsync|};
        }

        partial class C
        {
            Task N(HttpClient client) => client.{|NT0006:DeleteAsync|}("https://example.com/1");
        }
        """);

    [Fact]
    public Task Reports_in_generated_code() => Verify.VerifyAsync("""
        // <auto-generated/>
        using System.Net.Http;

        class Generated
        {
            void M(HttpClient client) => client.{|NT0006:GetAsync|}("https://example.com/");
        }
        """);

    [Fact]
    public Task Reports_calls_on_a_type_derived_from_HttpClient() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        class ApiClient : HttpClient
        {
            public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                base.{|NT0006:SendAsync|}(request, cancellationToken);
        }

        class C
        {
            Task M(ApiClient client, HttpRequestMessage request) => client.{|NT0006:SendAsync|}(request, CancellationToken.None);
        }
        """);

    [Fact]
    public Task Does_not_report_a_DelegatingHandler_passing_a_request_on() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        class Logging : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                base.SendAsync(request, cancellationToken);
        }
        """);

    [Fact]
    public Task Does_not_report_look_alike_methods_of_other_types() => Verify.VerifyAsync("""
        using System.Threading.Tasks;

        class Repository
        {
            public Task<string> GetAsync(string url) => Task.FromResult(url);
            public void Send(byte[] data) { }
            public void Connect(string host, int port) { }
        }

        class C
        {
            async Task M(Repository repository)
            {
                await repository.GetAsync("https://example.com/");
                repository.Send(new byte[1]);
                repository.Connect("example.com", 80);
            }
        }
        """);

    [Fact]
    public async Task Survives_incomplete_code()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient client)
                {
                    client.{|NT0006:GetAsync|}("https://example.com/");
                    client.{|#0:GetAsync|}(
                    new System.Net.Sockets.TcpClient(
                    client.
                }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;

        // The unfinished call does not bind, but every GetAsync it can mean sends: reported from the candidates.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.GetAsync", "sends", " to an endpoint that the unfinished call does not name yet"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_a_call_that_does_not_bind_when_every_candidate_is_egress_of_one_kind()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;
            using System.Net.Sockets;

            class C
            {
                async System.Threading.Tasks.Task M(HttpClient client, TcpClient tcp)
                {
                    await client.{|#0:PostAsync|}("https://example.com/", undefinedContent);
                    await tcp.{|#1:ConnectAsync|}(undefinedHost, 443);
                    var notEgress = string.Join(undefinedSeparator, "a", "b");
                }
            }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        // The endpoint the unfinished call does write is folded like any other.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.PostAsync", "sends", " to 'example.com'"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("TcpClient.ConnectAsync", "connects", " to an endpoint that the unfinished call does not name yet"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Carries_its_facts_in_the_diagnostic_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new NetworkEgressAnalyzer(),
            """
            using System.Net.Http;
            class C
            {
                async System.Threading.Tasks.Task M(HttpClient client, HttpRequestMessage request, string url)
                {
                    await client.GetAsync("https://updates.example.com/check");
                    await client.GetAsync("v1/check");
                    await client.GetAsync(url);
                    await client.SendAsync(request);
                }
            }
            """);

        var ordered = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(
            ["constant updates.example.com", "relative ", "runtime ", "elsewhere "],
            ordered.Select(d => $"{d.Properties[DiagnosticProperties.Destination]} {d.Properties.GetValueOrDefault(DiagnosticProperties.Host)}"));
        Assert.All(ordered, d => Assert.Equal("send", d.Properties[DiagnosticProperties.Kind]));
        Assert.Equal("M:System.Net.Http.HttpClient.SendAsync(System.Net.Http.HttpRequestMessage)", ordered[^1].Properties[DiagnosticProperties.Member]);
    }

    [Fact]
    public Task Does_not_report_a_connection_to_this_machine() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;

        class C
        {
            async System.Threading.Tasks.Task M(TcpClient client, HttpClient http, int port, bool ipv6)
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                await client.ConnectAsync("localhost", port);
                await http.GetAsync(ipv6 ? "http://[::1]:5000/health" : "http://127.0.0.1:5000/health");
                await http.{|#0:GetAsync|}(ipv6 ? "http://[::1]:5000/health" : "https://status.example.com/health");
            }
        }
        """,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HttpClient.GetAsync", "sends", " to 'status.example.com'"));
}
