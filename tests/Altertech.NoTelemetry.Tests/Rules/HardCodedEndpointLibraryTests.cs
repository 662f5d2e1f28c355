using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// NT0003 where client libraries take their endpoint, compiled against the real packages: base URLs given to
/// clients and options, channel and broker addresses, exporter endpoints and log servers.
/// </summary>
public class HardCodedEndpointLibraryTests
{
    [Fact]
    public Task Reports_RestSharp_base_URLs_and_absolute_resources() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using RestSharp;

        class Item { }

        class C
        {
            async Task M(string configured)
            {
                var client = {|#0:new RestClient("https://api.example.com")|};
                var options = {|#1:new RestClientOptions(new Uri("https://options.example.com/v2/"))|};
                var later = new RestClientOptions { {|#2:BaseUrl = new Uri("https://later.example.com")|} };
                await client.{|#3:GetJsonAsync|}<Item>("https://other.example.com/items");
                await client.GetJsonAsync<Item>("items/1");
                var user = new RestClient(configured);
                var local = new RestClient("http://localhost:8080");
            }
        }
        """,
        TestReferences.RestSharp,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.example.com'", "", "new RestClient"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://options.example.com'", "", "new RestClientOptions"),
        Verify.Diagnostic("NT0003").WithLocation(2).WithArguments("'https://later.example.com'", "", "RestClientOptions.BaseUrl"),
        Verify.Diagnostic("NT0003").WithLocation(3).WithArguments("'https://other.example.com'", "", "RestClientExtensions.GetJsonAsync"));

    [Fact]
    public Task Reports_Flurl_URLs_clients_and_requests() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Flurl.Http;

        class C
        {
            const string Api = "https://api.example.com";

            async Task M(string configured)
            {
                await "https://stats.example.com/hit".{|#0:GetStringAsync|}();
                var client = {|#1:new FlurlClient(Api)|};
                var request = {|#2:new FlurlRequest("https://request.example.com/x")|};
                await configured.GetStringAsync();
            }
        }
        """,
        TestReferences.FlurlHttp,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://stats.example.com'", "", "GeneratedExtensions.GetStringAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://api.example.com'", " (from C.Api)", "new FlurlClient"),
        Verify.Diagnostic("NT0003").WithLocation(2).WithArguments("'https://request.example.com'", "", "new FlurlRequest"));

    [Fact]
    public Task Reports_gRPC_channel_addresses() => Verify.VerifyAsync("""
        using System;
        using Grpc.Net.Client;

        class C
        {
            static readonly Uri Server = new Uri("https://grpc.example.com:5001");

            void M(string configured)
            {
                using var channel = GrpcChannel.{|#0:ForAddress|}(Server);
                using var user = GrpcChannel.ForAddress(configured);
            }
        }
        """,
        TestReferences.Grpc,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://grpc.example.com:5001'", " (from C.Server)", "GrpcChannel.ForAddress"));

    [Fact]
    public Task Reports_SignalR_hub_URLs() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.SignalR.Client;

        class C
        {
            HubConnection M(string configured)
            {
                new HubConnectionBuilder().WithUrl(configured).Build();
                return new HubConnectionBuilder().{|#0:WithUrl|}("https://hub.example.com/chat").Build();
            }
        }
        """,
        TestReferences.SignalRClient,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://hub.example.com'", "", "HubConnectionBuilderHttpExtensions.WithUrl"));

    [Fact]
    public Task Reports_a_websocket_client_made_for_a_constant_server() => Verify.VerifyAsync("""
        using System;
        using Websocket.Client;

        class C
        {
            void M(Uri configured)
            {
                using var fixedServer = {|#0:new WebsocketClient(new Uri("wss://live.example.com/feed"))|};
                using var userServer = new WebsocketClient(configured);
                using var local = new WebsocketClient(new Uri("ws://localhost:5000/"));
            }
        }
        """,
        TestReferences.WebsocketClient,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'wss://live.example.com'", "", "new WebsocketClient"));

    [Fact]
    public Task Reports_MQTT_brokers_by_host_and_URI() => Verify.VerifyAsync("""
        using MQTTnet;

        class C
        {
            MqttClientOptions M(string configured) => new MqttClientOptionsBuilder()
                .{|#0:WithTcpServer|}("broker.example.com", 8883)
                .WithTcpServer(configured)
                .{|#1:WithConnectionUri|}("mqtts://cloud.example.com:8883")
                .WithTcpServer("localhost")
                .Build();
        }
        """,
        TestReferences.Mqtt,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'broker.example.com'", "", "MqttClientOptionsBuilder.WithTcpServer"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'mqtts://cloud.example.com:8883'", "", "MqttClientOptionsBuilder.WithConnectionUri"));

    [Fact]
    public Task Reports_exporter_endpoints_set_in_their_options() => Verify.VerifyAsync("""
        using System;
        using OpenTelemetry;
        using OpenTelemetry.Trace;

        class C
        {
            TracerProvider? M(Uri configured) => Sdk.CreateTracerProviderBuilder()
                .AddOtlpExporter(o => {|#0:o.Endpoint = new Uri("https://otlp.example.com:4317")|})
                .AddOtlpExporter(o => o.Endpoint = configured)
                .AddZipkinExporter(o => {|#1:o.Endpoint = new Uri("https://zipkin.example.com/api/v2/spans")|})
                .Build();
        }
        """,
        TestReferences.OpenTelemetryExporters,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://otlp.example.com:4317'", "", "OtlpExporterOptions.Endpoint"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://zipkin.example.com'", "", "ZipkinExporterOptions.Endpoint"));

    [Fact]
    public Task Reports_log_servers() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            ILogger M(string configured) => new LoggerConfiguration()
                .WriteTo.{|#0:Seq|}("https://seq.example.com")
                .WriteTo.Seq(configured)
                .WriteTo.Seq("http://localhost:5341")
                .CreateLogger();
        }
        """,
        TestReferences.SerilogSeq,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://seq.example.com'", "", "SeqLoggerConfigurationExtensions.Seq"));

    [Fact]
    public Task Reports_NuGet_feed_URLs() => Verify.VerifyAsync("""
        using NuGet.Configuration;
        using NuGet.Protocol;
        using NuGet.Protocol.Core.Types;

        class C
        {
            void M(string configured)
            {
                var official = Repository.Factory.{|#0:GetCoreV3|}("https://api.nuget.org/v3/index.json");
                var source = {|#1:new PackageSource("https://feed.example.com/v3/index.json", "feed")|};
                var user = Repository.Factory.GetCoreV3(configured);
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.NuGetProtocol, StandIns.NuGetConfiguration },
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.nuget.org'", "", "FactoryExtensionsV3.GetCoreV3"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://feed.example.com'", "", "new PackageSource"));

    [Fact]
    public Task Reports_Refit_host_URLs() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Refit;

        public interface IReleases
        {
            [Get("/repos/contoso/app/releases")]
            Task<string> GetReleasesAsync();
        }

        class C
        {
            void M(string configured)
            {
                var releases = RestService.{|#0:For|}<IReleases>("https://api.github.example.com");
                var user = RestService.For<IReleases>(configured);
            }
        }
        """,
        TestReferences.Refit,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.github.example.com'", "", "RestService.For"));

    [Fact]
    public Task Reports_a_base_address_attribute_listed_as_a_bind_point_in_NoTelemetry_txt()
    {
        var test = Verify.CreateTest();
        test.TestState.Sources.Add("""
            namespace Contoso.Http
            {
                [System.AttributeUsage(System.AttributeTargets.Interface)]
                public sealed class BaseAddressAttribute : System.Attribute
                {
                    public BaseAddressAttribute(string address) { }
                }
            }
            """);
        test.TestState.Sources.Add("""
            using Contoso.Http;

            [{|#0:BaseAddress("https://licensing.example.com/api")|}]
            public interface ILicensing { }

            [BaseAddress("http://localhost:5000")]
            public interface ILocal { }
            """);
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            [Contoso HTTP client]
            kind = bind
            M:Contoso.Http.BaseAddressAttribute.#ctor;address
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://licensing.example.com'", "", "new BaseAddressAttribute"));
        return test.RunAsync();
    }
}
