using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.IdentifyingDataAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>NT0005: identifying data in the URL, headers, content, request or client of a send, or in an SDK event.</summary>
public class IdentifyingDataAnalyzerTests
{
    private static DiagnosticResult Nt0005(int location, string source, string via, string channel, string with) =>
        Verify.Diagnostic("NT0005").WithLocation(location).WithArguments(source, via, channel, with);

    [Fact]
    public Task Reports_identifying_data_in_urls_content_and_requests() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Runtime.InteropServices;
        using System.Text;
        using System.Threading.Tasks;

        static class Telemetry
        {
            static readonly HttpClient Http = new();

            static async Task M()
            {
                await Http.{|#0:GetAsync|}($"https://t.example.com/ping?host={Uri.EscapeDataString(Environment.MachineName)}");

                var text = new StringBuilder();
                text.Append("user=").Append(Environment.UserName);
                await Http.{|#1:PostAsync|}("https://t.example.com/u", new StringContent(text.ToString(), Encoding.UTF8));

                await Http.{|#2:PostAsJsonAsync|}("https://t.example.com/os", new { os = RuntimeInformation.OSDescription, version = 2 });

                var request = new HttpRequestMessage(HttpMethod.Post, "https://t.example.com/r") { Content = new StringContent(Environment.UserDomainName) };
                await Http.{|#3:SendAsync|}(request);
            }
        }
        """,
        Nt0005(0, "Environment.MachineName", "", "in the URL", "HttpClient.GetAsync"),
        Nt0005(1, "Environment.UserName", "", "in the content", "HttpClient.PostAsync"),
        Nt0005(2, "RuntimeInformation.OSDescription", "", "in the content", "HttpClientJsonExtensions.PostAsJsonAsync"),
        Nt0005(3, "Environment.UserDomainName", "", "in the request", "HttpClient.SendAsync"));

    [Fact]
    public Task Reports_headers_hashes_and_the_products_own_helpers_fields_and_properties() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.NetworkInformation;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;

        static class HashUtil
        {
            // Hashing does not anonymise: the hash of a machine name is as stable an identifier as the name.
            public static string ServerToken() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName)));

            public static uint Crc(string text) => (uint)text.GetHashCode();
        }

        sealed partial class Licensing
        {
            readonly HttpClient _http = new();
            readonly string _installId = HashUtil.ServerToken();

            public Licensing() => _http.DefaultRequestHeaders.Add("x-user", Environment.UserName);

            string Mac => NetworkInterface.GetAllNetworkInterfaces()[0].GetPhysicalAddress().ToString();

            Task Check()
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://l.example.com/check");
                request.Headers.Add("x-install-id", HashUtil.ServerToken());
                return _http.{|#0:SendAsync|}(request);
            }

            Task Ping() => _http.{|#1:GetAsync|}("https://l.example.com/ping");

            Task Register() => _http.{|#2:GetAsync|}("https://l.example.com/register/" + _installId);

            Task Hardware() => _http.{|#3:PostAsync|}("https://l.example.com/hw", new StringContent(HashUtil.Crc(Mac).ToString()));
        }
        """,
        Nt0005(0, "Environment.MachineName", " (via HashUtil.ServerToken)", "in header x-install-id", "HttpClient.SendAsync"),
        Nt0005(1, "Environment.UserName", " (via Licensing._http)", "in header x-user", "HttpClient.GetAsync"),
        Nt0005(2, "Environment.MachineName", " (via Licensing._installId, HashUtil.ServerToken)", "in the URL", "HttpClient.GetAsync"),
        Nt0005(3, "NetworkInterface.GetPhysicalAddress", " (via Licensing.Mac)", "in the content", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_dtos_dictionaries_and_serialised_objects() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;

        sealed class Report
        {
            public string? Machine { get; set; }
            public string? Message { get; set; }
        }

        static class Uploads
        {
            static readonly HttpClient Http = new();

            static async Task M(Exception error)
            {
                var report = new Report { Message = error.Message };
                report.Machine = Environment.MachineName;
                await Http.{|#0:PostAsync|}("https://u.example.com/report", new StringContent(JsonSerializer.Serialize(report)));

                var form = new Dictionary<string, string> { ["message"] = error.Message };
                form["user"] = Environment.GetEnvironmentVariable("USERNAME") ?? "";
                await Http.{|#1:PostAsync|}("https://u.example.com/form", new FormUrlEncodedContent(form));

                var items = new List<string>();
                items.Add(Environment.OSVersion.VersionString);
                await Http.{|#2:PostAsync|}("https://u.example.com/list", new StringContent(string.Join(",", items)));
            }
        }
        """,
        Nt0005(0, "Environment.MachineName", "", "in the content", "HttpClient.PostAsync"),
        Nt0005(1, "Environment.GetEnvironmentVariable(\"USERNAME\")", "", "in the content", "HttpClient.PostAsync"),
        Nt0005(2, "Environment.OSVersion", "", "in the content", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_a_call_of_a_product_method_that_passes_its_argument_on() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Client
        {
            static readonly HttpClient Http = new();

            public static Task Send(string value) => Http.PostAsync("https://c.example.com/s", new StringContent(value));

            public static Task Event(string name, string detail) => Send(name + ":" + detail);

            public static Task Local(string value) { System.IO.File.AppendAllText("events.log", value); return Task.CompletedTask; }
        }

        static class Program
        {
            static async Task Main()
            {
                await Client.{|#0:Send|}(Environment.UserName);
                await Client.{|#1:Event|}("start", Environment.MachineName);
                await Client.Send("constant");
                await Client.Local(Environment.MachineName);
            }
        }
        """,
        Nt0005(0, "Environment.UserName", "", "in the content", "Client.Send, which passes it to HttpClient.PostAsync"),
        Nt0005(1, "Environment.MachineName", "", "in the content", "Client.Event, which passes it to HttpClient.PostAsync"));

    [Fact]
    public Task Reports_identifying_data_in_an_sdk_event() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        sealed class Usage
        {
            readonly TelemetryClient _telemetry = new(new Microsoft.ApplicationInsights.Extensibility.TelemetryConfiguration());

            public void Started() => _telemetry.{|#0:TrackEvent|}("Started", new Dictionary<string, string> { ["os"] = Environment.OSVersion.ToString() });

            public void Stopped() => _telemetry.TrackEvent("Stopped");
        }
        """,
        TestReferences.ApplicationInsights,
        Nt0005(0, "Environment.OSVersion", "", "in the event data", "TelemetryClient.TrackEvent"));

    [Fact]
    public Task Reports_machine_identifiers_from_the_registry_files_and_the_users_identity() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Security.Principal;
        using System.Threading.Tasks;
        using Microsoft.Win32;

        static class Fingerprint
        {
            static readonly HttpClient Http = new();

            static async Task M()
            {
                var guid = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Cryptography")?.GetValue("MachineGuid")?.ToString();
                await Http.{|#0:GetAsync|}("https://f.example.com/g/" + guid);

                var theme = Registry.CurrentUser.OpenSubKey(@"Software\Product")?.GetValue("Theme")?.ToString();
                await Http.GetAsync("https://f.example.com/t/" + theme);

                await Http.{|#1:PostAsync|}("https://f.example.com/id", new StringContent(File.ReadAllText("/etc/machine-id")));
                await Http.PostAsync("https://f.example.com/cfg", new StringContent(File.ReadAllText("settings.json")));

                await Http.{|#2:PostAsync|}("https://f.example.com/who", new StringContent(WindowsIdentity.GetCurrent().Name));
                await Http.GetAsync("https://f.example.com/p/" + Environment.GetEnvironmentVariable("PATH"));
            }
        }
        """,
        Nt0005(0, "RegistryKey.GetValue(\"MachineGuid\")", "", "in the URL", "HttpClient.GetAsync"),
        Nt0005(1, "File.ReadAllText(\"/etc/machine-id\")", "", "in the content", "HttpClient.PostAsync"),
        Nt0005(2, "WindowsIdentity.Name", "", "in the content", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_in_top_level_statements_lambdas_and_local_functions() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        var http = new HttpClient();
        var host = Environment.MachineName;
        await Task.Run(() => http.{|#0:GetAsync|}("https://x.example.com/" + host));
        await Report(Environment.UserName);

        async Task Report(string who) => await http.PostAsync("https://x.example.com/r", new StringContent("fixed"));
        """,
        Nt0005(0, "Environment.MachineName", "", "in the URL", "HttpClient.GetAsync"));

    [Fact]
    public Task Does_not_report_identifying_data_kept_on_the_machine_or_compared_locally() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Local
        {
            static readonly HttpClient Http = new();

            static async Task M(string serverUrl)
            {
                File.WriteAllText("who.txt", Environment.UserName + "@" + Environment.MachineName);
                Console.WriteLine($"Running on {Environment.MachineName}");
                Trace.TraceInformation(Environment.OSVersion.ToString());

                var isServer = Environment.MachineName.StartsWith("SRV", StringComparison.Ordinal);
                await Http.GetAsync(serverUrl + "/status?server=" + isServer);
                await Http.GetAsync(serverUrl + "/length/" + (Environment.UserName == "admin"));

                var user = Environment.UserName;
                user = "anonymous";
                await Http.GetAsync(serverUrl + "/fixed");
            }
        }
        """);

    [Fact]
    public Task Reports_generated_code_too() => Verify.VerifyAsync("""
        // <auto-generated/>
        using System;
        using System.Net.Http;

        static class Generated
        {
            public static void Ping() => new HttpClient().{|#0:GetAsync|}("https://g.example.com/?m=" + Environment.MachineName);
        }
        """,
        Nt0005(0, "Environment.MachineName", "", "in the URL", "HttpClient.GetAsync"));

    [Fact]
    public async Task Carries_its_facts_in_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new IdentifyingDataAnalyzer(),
            """
            using System;
            using System.Net.Http;

            static class C
            {
                static void M(HttpClient http)
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, "https://x.example.com/");
                    request.Headers.Add("x-machine", Environment.MachineName);
                    http.SendAsync(request);
                }
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NT0005");
        Assert.Equal("P:System.Environment.MachineName", diagnostic.Properties[DiagnosticProperties.Data]);
        Assert.Equal("machine", diagnostic.Properties[DiagnosticProperties.Identifies]);
        Assert.Equal("header", diagnostic.Properties[DiagnosticProperties.Channel]);
        Assert.Equal("x-machine", diagnostic.Properties[DiagnosticProperties.Header]);
        Assert.Equal("M:System.Net.Http.HttpClient.SendAsync(System.Net.Http.HttpRequestMessage)", diagnostic.Properties[DiagnosticProperties.Member]);
    }

    [Fact]
    public async Task Does_not_crash_on_code_under_edit()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new IdentifyingDataAnalyzer(),
            """
            using System;
            using System.Net.Http;

            static class C
            {
                static void M(HttpClient http)
                {
                    var x = Environment.
                    http.GetAsync("https://x.example.com/" + x + Environment.MachineName;
                    Send(Environment.UserName
                }

                static void Send(string s) => new HttpClient().PostAsync("https://x.example.com/", new StringContent(s
            }
            """,
            allowCompileErrors: true);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public Task Reports_flurl_bodies() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Flurl.Http;

        static class Sync
        {
            static Task M() => "https://sync.example.com/hello".{|#0:PostJsonAsync|}(new { host = Environment.MachineName });
        }
        """,
        TestReferences.FlurlHttp,
        Nt0005(0, "Environment.MachineName", "", "in the content", "GeneratedExtensions.PostJsonAsync"));

    [Fact]
    public Task Reports_restsharp_requests() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using RestSharp;

        static class Api
        {
            static async Task M(RestClient client)
            {
                var request = new RestRequest("v1/hello", Method.Post);
                request.AddJsonBody(new { user = Environment.UserName });
                await client.{|#0:ExecuteAsync|}(request);
            }
        }
        """,
        TestReferences.RestSharp,
        Nt0005(0, "Environment.UserName", "", "in the content", "RestClient.ExecuteAsync"));

    [Fact]
    public Task Does_not_report_text_scrubbed_of_the_identifier() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        static class Scrub
        {
            static readonly Regex UserName = new(Regex.Escape(Environment.UserName), RegexOptions.IgnoreCase);
            static readonly HttpClient Http = new();

            public static string Clean(string text) => UserName.Replace(text.Replace(Environment.UserName, "%UserName%"), "%UserName%");

            static Task Send(string message) => Http.PostAsync("https://support.example.com/", new StringContent(Clean(message)));

            static Task Leak(string message) => Http.{|#0:PostAsync|}("https://support.example.com/", new StringContent(message.Replace("%UserName%", Environment.UserName)));
        }
        """,
        Nt0005(0, "Environment.UserName", "", "in the content", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_string_format_json_content_and_survives_recursion() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        static class Ids
        {
            // Recursive helpers: followed once each, no loop.
            public static string Token(int rounds) => rounds == 0 ? Environment.MachineName : Mix(Token(rounds - 1));

            static string Mix(string value) => rounds(value);

            static string rounds(string value) => value.Length > 100 ? Mix(value.Substring(1)) : value;
        }

        static class Send
        {
            static readonly HttpClient Http = new();

            static async Task M()
            {
                await Http.{|#0:GetAsync|}(string.Format("https://s.example.com/?u={0}", Environment.UserName));
                await Http.{|#1:PostAsync|}("https://s.example.com/j", JsonContent.Create(new { token = Ids.Token(3) }));
            }
        }
        """,
        Nt0005(0, "Environment.UserName", "", "in the URL", "HttpClient.GetAsync"),
        Nt0005(1, "Environment.MachineName", " (via Ids.Token)", "in the content", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_values_behind_lazy_delegates_and_interfaces() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;

        static class MachineNameReader
        {
            public static string GetMachineName() => Environment.MachineName;
        }

        interface IOsVersion { string Version { get; } }

        sealed class OsVersion : IOsVersion
        {
            public string Version => RuntimeInformation.OSDescription;
        }

        interface IHttp { Task Post(string url, string body); }

        sealed class Http : IHttp
        {
            readonly HttpClient _client = new();
            public Task Post(string url, string body) => _client.PostAsync(url, new StringContent(body));
        }

        sealed class Registration
        {
            static readonly Lazy<string> s_machine = new(MachineNameReader.GetMachineName);
            static readonly Lazy<string> s_user = new(() => Environment.UserName);
            readonly HttpClient _client = new();
            readonly IOsVersion _os = new OsVersion();
            readonly IHttp _http = new Http();

            Task Register() => _client.{|#0:PostAsync|}("https://r.example.com/", new StringContent(s_machine.Value));

            Task Hello() => _client.{|#1:GetAsync|}("https://r.example.com/hello?u=" + s_user.Value);

            Task Update() => _client.{|#2:GetAsync|}("https://r.example.com/update?os=" + _os.Version);

            Task Report() => _http.{|#3:Post|}("https://r.example.com/report", Environment.MachineName);
        }
        """,
        Nt0005(0, "Environment.MachineName", " (via Registration.s_machine, MachineNameReader.GetMachineName)", "in the content", "HttpClient.PostAsync"),
        Nt0005(1, "Environment.UserName", " (via Registration.s_user)", "in the URL", "HttpClient.GetAsync"),
        Nt0005(2, "RuntimeInformation.OSDescription", " (via OsVersion.Version)", "in the URL", "HttpClient.GetAsync"),
        Nt0005(3, "Environment.MachineName", "", "in the content", "IHttp.Post, which passes it to HttpClient.PostAsync"));

    [Fact]
    public Task Reports_data_set_on_an_sdk_object_where_it_is_set() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        static class Crash
        {
            static void Configure(Scope scope)
            {
                {|#0:scope.User = new SentryUser { Id = Environment.UserName }|};
                scope.SetTag("culture", System.Globalization.CultureInfo.CurrentCulture.Name);
                scope.SetTag("branch", "main");
            }
        }
        """,
        TestReferences.Sentry,
        Nt0005(0, "Environment.UserName", "", "in the event data", "Scope.User"));

    [Fact]
    public Task Reports_a_user_agent_and_objects_that_fill_themselves_and_not_requests_to_this_machine() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;

        sealed class DiagInfo
        {
            public string Machine { get; } = Environment.MachineName;
            public int Version { get; init; } = 2;
        }

        sealed class Plain
        {
            public string Name { get; init; } = "notes";
        }

        static class Requests
        {
            static readonly HttpClient Http = new();

            static async Task M(string server)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, server + "/check");
                request.Headers.UserAgent.ParseAdd($"Notes/1.0 ({RuntimeInformation.OSDescription})");
                await Http.{|#0:SendAsync|}(request);

                await Http.{|#1:PostAsync|}(server + "/diag", JsonContent.Create(new DiagInfo()));
                await Http.PostAsync(server + "/plain", JsonContent.Create(new Plain()));

                await Http.GetAsync($"http://localhost:5000/local?m={Environment.MachineName}");
            }
        }
        """,
        Nt0005(0, "RuntimeInformation.OSDescription", "", "in header User-Agent", "HttpClient.SendAsync"),
        Nt0005(1, "Environment.MachineName", " (via DiagInfo.Machine)", "in the content", "HttpClient.PostAsync"));
}
