using Microsoft.CodeAnalysis.Testing;
using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>Serilog configured in <c>appsettings*.json</c> (Serilog.Settings.Configuration): <c>Using</c>, <c>WriteTo</c>, <c>AuditTo</c>.</summary>
public class SerilogConfigurationTests
{
    private const string Path = "/0/appsettings.json";

    [Fact]
    public Task Reports_a_Sentry_sink_on_its_name() => VerifyAsync(Path, """
        {
          "Serilog": {
            "WriteTo": [
              { "Name": "Console" },
              { "Name": {|NT0001:"Sentry"|}, "Args": { "dsn": "https://0123456789abcdef@o0.ingest.sentry.io/0" } }
            ]
          }
        }
        """);

    [Fact]
    public Task Reports_the_sink_with_the_message_that_names_the_service_and_what_it_does() => VerifyAsync(
        Path,
        """
        { "Serilog": { "WriteTo": [ { "Name": "ApplicationInsights", "Args": { "connectionString": "InstrumentationKey=00000000-0000-0000-0000-000000000000" } } ] } }
        """,
        new DiagnosticResult("NT0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan(Path, 1, 39, 1, 60)
            .WithArguments("Application Insights", "Serilog sink 'ApplicationInsights'", "sends data to Microsoft", ""));

    [Fact]
    public Task Reports_a_Using_assembly_of_a_service_when_no_sink_of_it_is_written() => VerifyAsync(Path, """
        {
          "Serilog": {
            "Using": [ "Serilog.Sinks.Console", {|NT0001:"Serilog.Sinks.Datadog.Logs"|} ],
            "WriteTo": [ "Console" ]
          }
        }
        """);

    [Fact]
    public Task Reports_only_the_sink_when_its_assembly_is_in_Using_too() => VerifyAsync(Path, """
        {
          "Serilog": {
            "Using": [ "Sentry.Serilog" ],
            "WriteTo": [ { "Name": {|NT0001:"Sentry"|}, "Args": { "Dsn": "https://key@o0.ingest.sentry.io/1" } } ]
          }
        }
        """);

    [Fact]
    public Task Console_file_debug_and_event_log_sinks_are_clean() => VerifyAsync(Path, """
        {
          "Serilog": {
            "Using": [ "Serilog.Sinks.Console", "Serilog.Sinks.File", "Serilog.Sinks.Debug", "Serilog.Sinks.EventLog" ],
            "MinimumLevel": "Information",
            "WriteTo": [
              "Console",
              { "Name": "File", "Args": { "path": "logs/app.log", "rollingInterval": "Day" } },
              { "Name": "Debug" },
              { "Name": "EventLog", "Args": { "source": "Contoso" } }
            ],
            "Enrich": [ "FromLogContext", "WithMachineName" ]
          }
        }
        """);

    [Fact]
    public Task A_sink_whose_DSN_is_configured_empty_is_switched_off() => VerifyAsync(Path, """
        { "Serilog": { "WriteTo": [ { "Name": "Sentry", "Args": { "dsn": "" } } ] } }
        """);

    [Fact]
    public Task A_Seq_sink_is_egress_and_its_remote_server_is_hard_coded() => VerifyAsync(Path, """
        {
          "Serilog": {
            "WriteTo": [ { "Name": {|NT0006:"Seq"|}, "Args": { "serverUrl": {|NT0003:"https://seq.example.com"|} } } ]
          }
        }
        """);

    [Fact]
    public Task A_Seq_sink_on_this_machine_is_not_the_network() => VerifyAsync(Path, """
        { "Serilog": { "WriteTo": [ { "Name": "Seq", "Args": { "serverUrl": "http://localhost:5341" } } ] } }
        """);

    [Theory]
    [InlineData("${SEQ_URL}")]
    [InlineData("%SEQ_URL%")]
    [InlineData("#{SeqUrl}")]
    [InlineData("")]
    public Task A_placeholder_endpoint_is_egress_set_at_run_time_not_hard_coded(string value) => VerifyAsync(Path, $$"""
        { "Serilog": { "WriteTo": [ { "Name": {|NT0006:"Seq"|}, "Args": { "serverUrl": "{{value}}" } } ] } }
        """);

    [Fact]
    public Task An_allowed_endpoint_stays_in_the_inventory_only() => VerifyAsync(
        new[] { (Path, """
            { "Serilog": { "WriteTo": [ { "Name": {|NT0006:"Seq"|}, "Args": { "serverUrl": "https://seq.corp.example" } } ] } }
            """) },
        "notelemetry.allowed_endpoints = *.corp.example");

    [Fact]
    public Task An_Http_sink_to_an_ingestion_host_is_telemetry_too() => VerifyAsync(Path, """
        { "Serilog": { "WriteTo": [ { "Name": {|NT0006:"Http"|}, "Args": { "requestUri": {|NT0001:{|NT0003:"https://api.mixpanel.com/track"|}|} } } ] } }
        """);

    [Fact]
    public Task Lists_every_node_of_an_Elasticsearch_sink() => VerifyAsync(
        Path,
        """
        { "Serilog": { "WriteTo": [ { "Name": {|NT0006:"Elasticsearch"|}, "Args": { "nodeUris": {|#0:"http://es1.example:9200;http://es2.example:9200"|} } } ] } }
        """,
        new DiagnosticResult("NT0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'http://es1.example:9200' or 'http://es2.example:9200'", "", "the Serilog sink 'Elasticsearch'"));

    [Fact]
    public Task Finds_sinks_inside_Async_wrappers_and_sub_loggers() => VerifyAsync(Path, """
        {
          "Serilog": {
            "WriteTo": [
              { "Name": "Async", "Args": { "configure": [ { "Name": {|NT0001:"Sentry"|}, "Args": { "dsn": "https://k@o1.ingest.sentry.io/2" } } ] } },
              { "Name": "Logger", "Args": { "configureLogger": { "WriteTo": [ { "Name": {|NT0006:"Seq"|}, "Args": { "serverUrl": "${SEQ}" } } ] } } }
            ]
          }
        }
        """);

    [Fact]
    public Task Reads_sinks_written_as_an_object_and_AuditTo() => VerifyAsync(Path, """
        {
          "Serilog": {
            "WriteTo": { "Remote": { "Name": {|NT0006:"UdpSyslog"|}, "Args": { "host": {|NT0003:"syslog.example.net"|} } } },
            "AuditTo": [ { "Name": {|NT0001:"Exceptionless"|}, "Args": { "apiKey": "FAKE-KEY" } } ]
          }
        }
        """);

    [Fact]
    public Task Reads_comments_and_trailing_commas_as_the_configuration_loader_does() => VerifyAsync(Path, """
        {
          // Logging
          "Serilog": {
            /* where the logs go */
            "WriteTo": [
              { "Name": {|NT0001:"Sentry"|}, "Args": { "dsn": "https://k@o1.ingest.sentry.io/2", }, },
            ],
          },
        }
        """);

    [Fact]
    public Task Reads_environment_specific_files() => VerifyAsync("/0/appsettings.Production.json", """
        { "Serilog": { "WriteTo": [ { "Name": {|NT0001:"DatadogLogs"|}, "Args": { "apiKey": "FAKE" } } ] } }
        """);

    [Fact]
    public Task Points_at_the_right_column_after_text_outside_the_basic_plane() => VerifyAsync(Path, """
        { "Title": "Ünïcödé 😀 ✓", "Serilog": { "WriteTo": [ { "Name": {|NT0001:"Sentry"|}, "Args": { "dsn": "https://k@o1.ingest.sentry.io/2" } } ] } }
        """);

    [Fact]
    public Task Does_not_read_a_json_file_of_another_name() => VerifyAsync("/0/serilog.json", """
        { "Serilog": { "WriteTo": [ { "Name": "Sentry", "Args": { "dsn": "https://k@o1.ingest.sentry.io/2" } } ] } }
        """);

    [Fact]
    public Task Reads_Serilog_configured_in_appSettings_keys() => VerifyAsync("/0/App.config", """
        <configuration>
          <appSettings>
            <add key="serilog:minimum-level" value="Information" />
            <add key="serilog:using:Console" value="Serilog.Sinks.Console" />
            <add key="serilog:write-to:Console" />
            <add key="serilog:using:Seq" value="Serilog.Sinks.Seq" />
            <add key={|NT0006:"serilog:write-to:Seq.serverUrl"|} value={|NT0003:"https://seq.example.com"|} />
            <add key="serilog:write-to:Seq.apiKey" value="FAKE" />
            <add key="serilog:using:Datadog" value={|NT0001:"Serilog.Sinks.Datadog.Logs"|} />
            <add key={|NT0001:"serilog:write-to:Sentry.dsn"|} value="https://k@o0.ingest.sentry.io/1" />
          </appSettings>
        </configuration>
        """);

    [Fact]
    public Task An_appSettings_Sentry_sink_with_an_empty_DSN_is_switched_off() => VerifyAsync("/0/Web.config", """
        <configuration><appSettings><add key="serilog:write-to:Sentry.dsn" value="" /></appSettings></configuration>
        """);
}
