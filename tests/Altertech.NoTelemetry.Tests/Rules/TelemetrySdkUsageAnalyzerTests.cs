using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class TelemetrySdkUsageAnalyzerTests
{
    [Fact]
    public Task Reports_TrackEvent_and_the_client_creation() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;

        class C
        {
            void M()
            {
                var client = {|#0:new TelemetryClient()|};
                client.{|#1:TrackEvent|}("started");
            }
        }
        """,
        TestReferences.ApplicationInsights,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Application Insights", "new TelemetryClient", "configures Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Application Insights", "TelemetryClient.TrackEvent", "sends data to Microsoft", ""));

    [Fact]
    public Task Reports_static_calls_with_the_service_in_the_message() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class C
        {
            void M(Exception exception) => SentrySdk.{|#0:CaptureException|}(exception);
        }
        """,
        TestReferences.Sentry,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentrySdk.CaptureException", "captures data for Sentry", ""));

    [Fact]
    public Task Reports_through_alias_global_qualifier_and_using_static() => Verify.VerifyAsync("""
        using System;
        using AI = Microsoft.ApplicationInsights.TelemetryClient;
        using static Sentry.SentrySdk;

        class C
        {
            void M(Exception exception)
            {
                var a = {|NT0001:new AI()|};
                var b = {|NT0001:new global::Microsoft.ApplicationInsights.TelemetryClient()|};
                AI c = {|NT0001:new()|};
                {|NT0001:CaptureException|}(exception);
            }
        }
        """,
        TestReferences.ApplicationInsightsAndSentry);

    [Fact]
    public Task Reports_an_extension_method_by_its_assembly_not_its_namespace() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            ILoggerFactory M() => LoggerFactory.Create(builder => builder.{|NT0001:AddSentry|}());
        }
        """,
        TestReferences.SentryExtensionsLogging);

    [Fact]
    public Task Reports_a_Serilog_sink_that_ships_in_the_vendor_assembly() => Verify.VerifyAsync("""
        using Serilog;

        class C
        {
            ILogger M() => new LoggerConfiguration()
                .MinimumLevel.Information()
                .WriteTo.{|NT0001:ApplicationInsights|}("InstrumentationKey=00000000-0000-0000-0000-000000000000", TelemetryConverter.Traces)
                .CreateLogger();
        }
        """,
        TestReferences.SerilogApplicationInsights);

    [Fact]
    public Task Reports_AddApplicationInsightsTelemetry_in_the_dependency_injection_namespace() => Verify.VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void ConfigureServices(IServiceCollection services)
            {
                services.{|NT0001:AddApplicationInsightsTelemetry|}();
                ApplicationInsightsExtensions.{|NT0001:AddApplicationInsightsTelemetry|}(services, "key");
            }
        }
        """,
        TestReferences.DependencyInjection,
        new[] { StandIns.ApplicationInsightsAspNetCore });

    [Fact]
    public Task Reports_declarations_typed_as_an_SDK_type() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;

        class Checkout
        {
            private readonly {|NT0001:TelemetryClient|} _telemetry;

            public Checkout({|NT0001:TelemetryClient|} telemetry) => _telemetry = telemetry;

            public {|NT0001:TelemetryClient|} Telemetry => _telemetry;

            public {|NT0001:TelemetryClient|}[] Many() => new[] { _telemetry };
        }
        """,
        TestReferences.ApplicationInsights);

    [Fact]
    public Task Reports_primary_constructor_parameters() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;

        class Checkout({|NT0001:TelemetryClient|} telemetry)
        {
            public void Done() => telemetry.{|NT0001:TrackEvent|}("done");
        }
        """,
        TestReferences.ApplicationInsights);

    [Fact]
    public Task Reports_generic_arguments_and_typeof() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services)
            {
                services.{|NT0001:AddSingleton|}<TelemetryClient>();
                var type = {|NT0001:typeof(TelemetryClient)|};
            }

            void N({|NT0001:List<TelemetryClient>|} clients) { }
        }
        """,
        TestReferences.ApplicationInsightsAndDependencyInjection);

    [Fact]
    public Task Names_the_SDK_type_a_general_generic_method_is_given() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Logging.ApplicationInsights;

        class C
        {
            void M(ILoggingBuilder logging) => logging.{|#0:AddFilter|}<ApplicationInsightsLoggerProvider>("", LogLevel.Warning);
        }
        """,
        TestReferences.ApplicationInsightsLogging,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Application Insights", "FilterLoggingBuilderExtensions.AddFilter<ApplicationInsightsLoggerProvider>", "configures Application Insights", ""));

    [Fact]
    public Task Reports_a_member_chain_once_on_its_last_SDK_member() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;

        class C
        {
            void M(TelemetryClient client, string id)
            {
                client.Context.User.{|NT0001:Id|} = id;
                client.Context.Session.{|NT0001:Id|} = id;
            }
        }
        """.Replace("void M(TelemetryClient client", "void M({|NT0001:TelemetryClient|} client"),
        TestReferences.ApplicationInsights);

    [Fact]
    public Task Reports_the_configuring_call_not_each_option_set_in_its_callback() => Verify.VerifyAsync("""
        using Sentry;

        class C
        {
            void M()
            {
                SentrySdk.{|NT0001:Init|}(options =>
                {
                    options.Dsn = "https://public@o0.ingest.sentry.example/0";
                    options.TracesSampleRate = 1.0;
                });
                SentrySdk.{|NT0001:CaptureMessage|}("started", SentryLevel.Warning);
            }
        }
        """,
        TestReferences.Sentry);

    [Fact]
    public Task Reports_SDK_base_types_and_interfaces() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights.Channel;
        using Microsoft.ApplicationInsights.Extensibility;

        class MachineNameInitializer : {|NT0001:ITelemetryInitializer|}
        {
            public void Initialize({|NT0001:ITelemetry|} telemetry) => telemetry.Context.Cloud.{|NT0001:RoleInstance|} = "x";
        }
        """,
        TestReferences.ApplicationInsights);

    [Fact]
    public Task Reports_SDK_attributes() => Verify.VerifyAsync("""
        using NewRelic.Api.Agent;

        class Jobs
        {
            [{|NT0001:Transaction|}]
            public void Run() { }

            [{|NT0001:Transaction|}(Web = true)]
            public void Serve() { }

            [NewRelic.Api.Agent.{|NT0001:Transaction|}]
            public void Poll() { }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.NewRelicAgentApi });

    [Fact]
    public Task Reports_a_stand_in_SDK_by_its_true_assembly_and_namespace() => Verify.VerifyAsync("""
        class C
        {
            void M()
            {
                Segment.Analytics.{|NT0001:Initialize|}("write-key");
                Segment.Analytics.Client.{|#0:Track|}("user", "Checkout");
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.SegmentAnalytics },
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Segment", "Client.Track", "sends data to Twilio Segment", ""));

    [Fact]
    public Task Reports_in_top_level_statements_lambdas_and_local_functions() => Verify.VerifyProgramAsync("""
        using System;
        using Sentry;

        SentrySdk.{|NT0001:CaptureMessage|}("top-level");
        Action send = () => SentrySdk.{|NT0001:CaptureMessage|}("lambda");
        Local();

        void Local() => SentrySdk.{|NT0001:CaptureMessage|}("local function");
        """,
        TestReferences.Sentry);

    [Fact]
    public Task Reports_in_partial_classes_and_generated_code() => Verify.VerifyAsync("""
        // <auto-generated/>
        using Sentry;

        partial class Telemetry
        {
            void A() => SentrySdk.{|NT0001:CaptureMessage|}("a");
        }

        partial class Telemetry
        {
            void B() => SentrySdk.{|NT0001:Flush|}();
        }
        """,
        TestReferences.Sentry);

    [Fact]
    public Task Reports_method_groups_and_conditional_access() => Verify.VerifyAsync("""
        using System;
        using Microsoft.ApplicationInsights;

        class C
        {
            Action<string> M({|NT0001:TelemetryClient|}? client)
            {
                client?.{|NT0001:Flush|}();
                return client!.{|NT0001:TrackTrace|};
            }
        }
        """,
        TestReferences.ApplicationInsights);

    [Fact]
    public Task Does_not_report_local_instrumentation_and_logging() => Verify.VerifyAsync("""
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Diagnostics.Tracing;

        [EventSource(Name = "Shop")]
        sealed class ShopEvents : EventSource { }

        class Checkout
        {
            private static readonly ActivitySource Source = new("Shop.Checkout");
            private static readonly Meter Meter = new("Shop.Checkout");

            void Complete()
            {
                using var activity = Source.StartActivity("checkout");
                Meter.CreateCounter<int>("orders").Add(1);
                Trace.TraceInformation("checkout done");
            }
        }
        """);

    [Fact]
    public Task Does_not_report_product_code_in_a_namespace_named_like_an_SDK() => Verify.VerifyAsync("""
        namespace Sentry
        {
            public static class SentrySdk
            {
                public static void CaptureMessage(string message) { }
            }
        }

        class C
        {
            void M() => Sentry.SentrySdk.CaptureMessage("ours");
        }
        """);

    [Fact]
    public Task Reports_a_hand_rolled_request_to_an_ingestion_host() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            const string Track = "https://api.mixpanel.com/track";

            async Task M(HttpClient client, HttpContent content, string id)
            {
                await client.{|#0:PostAsync|}("https://api.mixpanel.com/track", content);
                await client.{|NT0001:PostAsync|}(Track, content);
                await client.{|NT0001:PostAsync|}($"https://api.mixpanel.com/track?distinct_id={id}", content);
                await client.{|NT0001:PostAsync|}(new Uri("https://o12345.ingest.sentry.io/api/1/store/"), content);
            }
        }
        """,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Mixpanel", "HttpClient.PostAsync to 'api.mixpanel.com'", "sends data to Mixpanel", ""));

    [Fact]
    public Task Reports_an_ingestion_host_passed_to_a_product_method_that_sends_it() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class Stats
        {
            private readonly HttpClient _client = new HttpClient();

            Task Send(string endpoint, HttpContent content) => _client.PostAsync(endpoint, content);

            Task Checkout(HttpContent content) => {|#0:Send|}("https://api.mixpanel.com/track", content);

            Task Mirror(HttpContent content) => Send("https://stats.example.com/track", content);
        }
        """,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Mixpanel", "Stats.Send to 'api.mixpanel.com' (passed on to HttpClient.PostAsync)", "sends data to Mixpanel", ""));

    [Fact]
    public Task Does_not_report_requests_whose_host_is_not_an_ingestion_host() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client, HttpContent content, string host)
            {
                await client.PostAsync("https://example.com/track", content);
                await client.PostAsync($"https://{host}/track", content);
                await client.PostAsync("https://proxy.example.com/api.mixpanel.com/track", content);
                await client.PostAsync("https://ingest.sentry.io.example.com/", content);
                var text = "https://api.mixpanel.com/track";
            }
        }
        """);

    [Fact]
    public async Task Survives_incomplete_code()
    {
        var test = Verify.CreateTest(TestReferences.ApplicationInsights);
        test.TestCode = """
            using Microsoft.ApplicationInsights;

            class C : ITelemetryInitializer
            {
                void M(TelemetryClient client)
                {
                    client.TrackEvent(
                    client.Context.
                    new TelemetryClient(
                }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        // Code under edit: the parts that bind are still reported, nothing throws.
        // The parser reads the three unfinished lines as one statement: one finding, naming the call that sends.
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0001").WithSpan(5, 12, 5, 27).WithArguments("Application Insights", "TelemetryClient (client)", "uses Application Insights", ""));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("NT0001").WithSpan(7, 16, 7, 26).WithArguments("Application Insights", "TelemetryClient.TrackEvent", "sends data to Microsoft", " (and 2 more Application Insights members in this statement)"));
        await test.RunAsync();
    }
}
