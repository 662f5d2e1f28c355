using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>Keys an SDK reads its DSN, connection string or endpoint from: appsettings.json, App.config's appSettings, ApplicationInsights.config.</summary>
public class SettingsConfigurationTests
{
    private const string Path = "/0/appsettings.json";

    [Fact]
    public Task Reports_a_Sentry_DSN_on_its_value() => VerifyAsync(Path, """
        { "Sentry": { "Dsn": {|NT0001:"https://0123456789abcdef@o0.ingest.sentry.io/0"|}, "TracesSampleRate": 1.0 } }
        """);

    [Fact]
    public Task A_configured_but_empty_DSN_is_switched_off() => VerifyAsync(Path, """
        { "Sentry": { "Dsn": "", "Debug": false } }
        """);

    [Fact]
    public Task A_placeholder_DSN_still_wires_Sentry() => VerifyAsync(Path, """
        { "Sentry": { "Dsn": {|NT0001:"${SENTRY_DSN}"|} } }
        """);

    [Fact]
    public Task Reports_Application_Insights_connection_strings_and_keys_ignoring_case() => VerifyAsync(Path, """
        {
          "applicationInsights": { "connectionString": {|NT0001:"InstrumentationKey=00000000-0000-0000-0000-000000000000"|} },
          "APPLICATIONINSIGHTS_CONNECTION_STRING": {|NT0001:"InstrumentationKey=00000000-0000-0000-0000-000000000001"|},
          "Logging": { "LogLevel": { "Default": "Information" } }
        }
        """);

    [Fact]
    public Task Reads_keys_written_with_the_environment_variable_separator() => VerifyAsync(Path, """
        { "Sentry__Dsn": {|NT0001:"https://k@o0.ingest.sentry.io/1"|} }
        """);

    [Fact]
    public Task Reports_an_OTLP_endpoint_as_egress_and_a_remote_one_as_hard_coded() => VerifyAsync(Path, """
        { "OTEL_EXPORTER_OTLP_ENDPOINT": {|NT0006:{|NT0003:"http://collector.example.org:4317"|}|} }
        """);

    [Fact]
    public Task Keys_that_only_look_alike_are_clean() => VerifyAsync(Path, """
        { "Logging": { "Sentry": "off" }, "MySentry": { "Dsn": "https://k@o0.ingest.sentry.io/1" }, "ConnectionStrings": { "Default": "Server=db.example;Database=app" } }
        """);

    [Fact]
    public Task Reports_an_App_config_appSetting() => VerifyAsync("/0/App.config", """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="Theme" value="dark" />
            <add key="APPINSIGHTS_INSTRUMENTATIONKEY" value={|NT0001:"00000000-0000-0000-0000-000000000000"|} />
            <add key="NewRelic.LicenseKey" value={|NT0001:'FAKE0000000000000000000000000000000000NRAL'|} />
          </appSettings>
        </configuration>
        """);

    [Fact]
    public Task Reports_the_key_of_ApplicationInsights_config() => VerifyAsync("/0/ApplicationInsights.config", """
        <?xml version="1.0" encoding="utf-8"?>
        <ApplicationInsights xmlns="http://schemas.microsoft.com/ApplicationInsights/2013/Settings">
          <TelemetryInitializers>
            <Add Type="Microsoft.ApplicationInsights.DependencyCollector.HttpDependenciesParsingTelemetryInitializer, Microsoft.AI.DependencyCollector" />
          </TelemetryInitializers>
          <InstrumentationKey>{|NT0001:00000000-0000-0000-0000-000000000000|}</InstrumentationKey>
        </ApplicationInsights>
        """);

    [Fact]
    public Task An_ApplicationInsights_config_without_a_key_is_clean() => VerifyAsync("/0/ApplicationInsights.config", """
        <ApplicationInsights xmlns="http://schemas.microsoft.com/ApplicationInsights/2013/Settings">
          <InstrumentationKey></InstrumentationKey>
        </ApplicationInsights>
        """);
}
