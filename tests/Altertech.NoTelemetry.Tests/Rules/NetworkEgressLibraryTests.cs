using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.NetworkEgressAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// NT0006 over the client libraries of <c>Egress.Libraries.txt</c>, compiled against the real packages (a stand-in
/// for Serilog.Sinks.Http, which the registry does not serve): connecting, sending or registering a sender is
/// reported; creating a client, a builder or options is not.
/// </summary>
public class NetworkEgressLibraryTests
{
    [Fact]
    public Task Reports_RestSharp_execute_and_verb_calls() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using RestSharp;

        class Item { }

        class C
        {
            async Task M(IRestClient shared)
            {
                var client = new RestClient("https://api.example.com");
                var request = new RestRequest("items/1");
                await client.{|#0:ExecuteAsync|}(request);
                await client.{|#1:GetAsync|}(request);
                await client.{|#2:GetJsonAsync|}<Item>("https://other.example.com/items");
                await shared.{|#3:ExecutePostAsync|}(request);
            }
        }
        """,
        TestReferences.RestSharp,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("RestClient.ExecuteAsync", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("RestClientExtensions.GetAsync", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("RestClientExtensions.GetJsonAsync", "sends", " to 'other.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(3).WithArguments("RestClientExtensions.ExecutePostAsync", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Does_not_report_creating_a_RestSharp_client_or_request() => Verify.VerifyAsync("""
        using RestSharp;

        class C
        {
            void M()
            {
                var client = new RestClient(new RestClientOptions("https://api.example.com") { Timeout = System.TimeSpan.FromSeconds(5) });
                client.AddDefaultHeader("X-Client", "test");
                var request = new RestRequest("items", Method.Post).AddJsonBody(new { Name = "x" });
            }
        }
        """,
        TestReferences.RestSharp);

    [Fact]
    public Task Reports_Flurl_string_Url_and_request_calls_with_the_url_from_this() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Flurl;
        using Flurl.Http;

        class C
        {
            async Task M(IFlurlRequest request, string baseUrl)
            {
                await "https://api.example.com/items".{|#0:GetStringAsync|}();
                await baseUrl.AppendPathSegment("items").{|#1:PostJsonAsync|}(new { Name = "x" });
                await request.{|#2:SendAsync|}(HttpMethod.Get);
                await request.{|#3:GetJsonAsync|}<int>();
            }
        }
        """,
        TestReferences.FlurlHttp,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("GeneratedExtensions.GetStringAsync", "sends", " to 'api.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("GeneratedExtensions.PostJsonAsync", "sends", " to an endpoint set at run time"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("IFlurlRequest.SendAsync", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(3).WithArguments("GeneratedExtensions.GetJsonAsync", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Reports_Flurl_extension_called_as_a_static_method() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Flurl.Http;

        class C
        {
            Task M() => GeneratedExtensions.{|#0:DeleteAsync|}("https://api.example.com/items/1");
        }
        """,
        TestReferences.FlurlHttp,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("GeneratedExtensions.DeleteAsync", "sends", " to 'api.example.com'"));

    [Fact]
    public Task Does_not_report_building_a_Flurl_client_or_request() => Verify.VerifyAsync("""
        using Flurl;
        using Flurl.Http;

        class C
        {
            void M()
            {
                var client = new FlurlClient("https://api.example.com");
                var request = client.Request("items").WithHeader("X-Client", "test");
                var configured = "https://api.example.com".WithTimeout(5).AllowAnyHttpStatus();
                var url = new Url("https://api.example.com").AppendPathSegment("items").SetQueryParam("page", 2);
            }
        }
        """,
        TestReferences.FlurlHttp);

    [Fact]
    public Task Reports_Refit_binding_to_a_host_and_interface_calls() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Refit;

        public interface IGitHubApi
        {
            [Get("/users/{user}")]
            Task<string> GetUser(string user);
        }

        class C
        {
            async Task M()
            {
                var api = RestService.{|#0:For|}<IGitHubApi>("https://api.github.com");
                await api.{|#1:GetUser|}("octocat");
            }
        }
        """,
        TestReferences.Refit,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("RestService.For", "connects", " to 'api.github.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("IGitHubApi.GetUser", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Does_not_report_Refit_settings_or_plain_interfaces() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Refit;

        public interface IRepository
        {
            Task<string> GetUser(string user);
        }

        class C
        {
            Task<string> M(IRepository repository)
            {
                var settings = new RefitSettings(new SystemTextJsonContentSerializer());
                return repository.GetUser("octocat");
            }
        }
        """,
        TestReferences.Refit);

    [Fact]
    public Task Reports_NuGet_feeds_when_a_resource_is_asked_of_them() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using NuGet.Protocol;
        using NuGet.Protocol.Core.Types;

        class C
        {
            async Task M(string feed)
            {
                var repository = Repository.Factory.GetCoreV3(feed);
                var search = await repository.{|#0:GetResourceAsync|}<PackageSearchResource>();
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.NuGetProtocol },
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("SourceRepository.GetResourceAsync", "connects", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Reports_GrpcChannel_ForAddress() => Verify.VerifyAsync("""
        using Grpc.Net.Client;

        class C
        {
            void M()
            {
                using var channel = GrpcChannel.{|#0:ForAddress|}("https://grpc.example.com:5001");
            }
        }
        """,
        TestReferences.Grpc,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("GrpcChannel.ForAddress", "connects", " to 'grpc.example.com'"));

    [Fact]
    public Task Does_not_report_gRPC_channel_options() => Verify.VerifyAsync("""
        using Grpc.Net.Client;

        class C
        {
            GrpcChannelOptions M() => new GrpcChannelOptions { MaxReceiveMessageSize = 1024 };
        }
        """,
        TestReferences.Grpc);

    [Fact]
    public Task Reports_SignalR_hub_url_start_and_send() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR.Client;

        class C
        {
            async Task M()
            {
                var connection = new HubConnectionBuilder()
                    .{|#0:WithUrl|}("https://hub.example.com/chat")
                    .WithAutomaticReconnect()
                    .Build();
                await connection.{|#1:StartAsync|}();
                await connection.{|#2:SendAsync|}("Send", "hello");
            }
        }
        """,
        TestReferences.SignalRClient,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("HubConnectionBuilderHttpExtensions.WithUrl", "registers a sender", " to 'hub.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("HubConnection.StartAsync", "connects", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("HubConnectionExtensions.SendAsync", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Does_not_report_building_a_SignalR_connection_without_a_url() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.SignalR.Client;

        class C
        {
            void M(HubConnection connection)
            {
                var builder = new HubConnectionBuilder().WithAutomaticReconnect();
                connection.On<string>("Receive", message => { });
            }
        }
        """,
        TestReferences.SignalRClient);

    [Fact]
    public Task Reports_MQTTnet_broker_connect_and_publish() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using MQTTnet;

        class C
        {
            async Task M()
            {
                using var client = new MqttClientFactory().CreateMqttClient();
                var options = new MqttClientOptionsBuilder()
                    .{|#0:WithTcpServer|}("broker.example.com", 1883)
                    .WithClientId("plc-gateway")
                    .Build();
                await client.{|#1:ConnectAsync|}(options);
                await client.{|#2:PublishStringAsync|}("plant/line1", "42");
            }
        }
        """,
        TestReferences.Mqtt,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("MqttClientOptionsBuilder.WithTcpServer", "registers a sender", " to 'broker.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("IMqttClient.ConnectAsync", "connects", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("MqttClientExtensions.PublishStringAsync", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Reports_websocket_client_connects_and_sends() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Websocket.Client;

        class C
        {
            async Task M(Uri server)
            {
                using var client = new WebsocketClient(server);
                await client.{|#0:Start|}();
                client.{|#1:Send|}("hello");
                await client.{|#2:SendInstant|}("now");
                IWebsocketClient any = client;
                any.{|#3:Send|}("again");
            }
        }
        """,
        TestReferences.WebsocketClient,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("WebsocketClient.Start", "connects", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("WebsocketClient.Send", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("WebsocketClient.SendInstant", "sends", " to an endpoint given to its client, request or options elsewhere"),
        Verify.Diagnostic("NT0006").WithLocation(3).WithArguments("IWebsocketClient.Send", "sends", " to an endpoint given to its client, request or options elsewhere"));

    [Fact]
    public Task Does_not_report_creating_an_MQTTnet_client_or_options() => Verify.VerifyAsync("""
        using MQTTnet;

        class C
        {
            void M()
            {
                var factory = new MqttClientFactory();
                using var client = factory.CreateMqttClient();
                var options = factory.CreateClientOptionsBuilder().WithClientId("plc-gateway").WithCleanSession().Build();
            }
        }
        """,
        TestReferences.Mqtt);

    [Fact]
    public Task Reports_OpenTelemetry_exporters_as_senders() => Verify.VerifyAsync("""
        using System;
        using OpenTelemetry;
        using OpenTelemetry.Metrics;
        using OpenTelemetry.Trace;

        class C
        {
            void M()
            {
                using var tracing = Sdk.CreateTracerProviderBuilder()
                    .AddSource("Plant")
                    .{|#0:AddOtlpExporter|}()
                    .{|#1:AddZipkinExporter|}()
                    .Build();
                using var metrics = Sdk.CreateMeterProviderBuilder()
                    .{|#2:AddOtlpExporter|}(o => o.Endpoint = new Uri("http://collector.example.com:4317"))
                    .Build();
            }
        }
        """,
        TestReferences.OpenTelemetryExporters,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("OtlpTraceExporterHelperExtensions.AddOtlpExporter", "registers a sender", " to the endpoint set in its options or configuration"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("ZipkinExporterHelperExtensions.AddZipkinExporter", "registers a sender", " to the endpoint set in its options or configuration"),
        Verify.Diagnostic("NT0006").WithLocation(2).WithArguments("OtlpMetricExporterExtensions.AddOtlpExporter", "registers a sender", " to the endpoint set in its options or configuration"));

    [Fact]
    public Task Does_not_report_an_OpenTelemetry_pipeline_without_exporters() => Verify.VerifyAsync("""
        using OpenTelemetry;
        using OpenTelemetry.Trace;

        class C
        {
            void M()
            {
                using var tracing = Sdk.CreateTracerProviderBuilder()
                    .AddSource("Plant")
                    .SetSampler(new AlwaysOnSampler())
                    .Build();
            }
        }
        """,
        TestReferences.OpenTelemetryExporters);

    [Fact]
    public Task Reports_Serilog_Seq_sink_with_its_server() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            ILogger M(string apiKey) => new LoggerConfiguration()
                .WriteTo.{|#0:Seq|}("https://seq.example.com", apiKey: apiKey)
                .CreateLogger();
        }
        """,
        TestReferences.SerilogSeq,
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("SeqLoggerConfigurationExtensions.Seq", "registers a sender", " to 'seq.example.com'"));

    [Fact]
    public Task Does_not_report_a_Serilog_configuration_without_network_sinks() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            ILogger M() => new LoggerConfiguration()
                .MinimumLevel.Debug()
                .Enrich.WithProperty("Plant", "Line1")
                .CreateLogger();
        }
        """,
        TestReferences.SerilogSeq);

    [Fact]
    public Task Reports_Serilog_Http_sinks_with_their_request_uri() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            void M(string endpoint)
            {
                var log = new LoggerConfiguration()
                    .WriteTo.{|#0:Http|}("https://logs.example.com/ingest", queueLimitBytes: null)
                    .WriteTo.{|#1:DurableHttpUsingFileSizeRolledBuffers|}(requestUri: endpoint)
                    .CreateLogger();
            }
        }
        """,
        TestReferences.Serilog,
        new[] { StandIns.SerilogSinksHttp },
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("LoggerSinkConfigurationExtensions.Http", "registers a sender", " to 'logs.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("LoggerSinkConfigurationExtensions.DurableHttpUsingFileSizeRolledBuffers", "registers a sender", " to an endpoint set at run time"));

    [Fact]
    public Task Does_not_report_Serilog_with_the_Http_sink_referenced_but_not_used() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            ILogger M() => new LoggerConfiguration().MinimumLevel.Information().CreateLogger();
        }
        """,
        TestReferences.Serilog,
        new[] { StandIns.SerilogSinksHttp });

    [Fact]
    public Task Reports_Serilog_Elasticsearch_sink_with_its_nodes_or_options() => Verify.VerifyAsync("""
        using System;
        using Serilog;
        using Serilog.Sinks.Elasticsearch;

        class C
        {
            void M()
            {
                var log = new LoggerConfiguration()
                    .WriteTo.{|#0:Elasticsearch|}("http://elastic.example.com:9200", indexFormat: "plant-{0:yyyy.MM}")
                    .WriteTo.{|#1:Elasticsearch|}(new ElasticsearchSinkOptions(new Uri("http://elastic.example.com:9200")))
                    .CreateLogger();
            }
        }
        """,
        TestReferences.Serilog,
        new[] { StandIns.SerilogSinksElasticsearch },
        Verify.Diagnostic("NT0006").WithLocation(0).WithArguments("LoggerConfigurationElasticsearchExtensions.Elasticsearch", "registers a sender", " to 'elastic.example.com'"),
        Verify.Diagnostic("NT0006").WithLocation(1).WithArguments("LoggerConfigurationElasticsearchExtensions.Elasticsearch", "registers a sender", " to the endpoint set in its options or configuration"));

    [Fact]
    public Task Does_not_report_creating_Elasticsearch_sink_options() => Verify.VerifyAsync("""
        using System;
        using Serilog.Sinks.Elasticsearch;

        class C
        {
            ElasticsearchSinkOptions M() => new ElasticsearchSinkOptions(new Uri("http://elastic.example.com:9200")) { IndexFormat = "plant" };
        }
        """,
        TestReferences.Serilog,
        new[] { StandIns.SerilogSinksElasticsearch });
}
