using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>NLog's targets and extensions, in <c>nlog.config</c> or an <c>&lt;nlog&gt;</c> section of App.config/Web.config.</summary>
public class NLogConfigurationTests
{
    private const string Path = "/0/nlog.config";

    [Fact]
    public Task Reports_a_Sentry_target_on_its_type() => VerifyAsync(Path, """
        <?xml version="1.0" encoding="utf-8" ?>
        <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <extensions>
            <add assembly="Sentry.NLog" />
          </extensions>
          <targets>
            <target xsi:type={|NT0001:"Sentry"|} name="sentry" dsn="https://k@o0.ingest.sentry.io/1" />
            <target xsi:type="File" name="file" fileName="${basedir}/logs/app.log" />
          </targets>
          <rules>
            <logger name="*" minlevel="Error" writeTo="sentry,file" />
          </rules>
        </nlog>
        """);

    [Fact]
    public Task Reports_an_extension_assembly_of_a_service_without_its_target() => VerifyAsync("/0/NLog.config", """
        <nlog>
          <extensions><add assembly={|NT0001:"Microsoft.ApplicationInsights.NLogTarget"|} /></extensions>
          <targets><target type="Console" name="console" /></targets>
        </nlog>
        """);

    [Fact]
    public Task Console_file_debugger_and_event_log_targets_are_clean() => VerifyAsync(Path, """
        <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets async="true">
            <target xsi:type="ColoredConsole" name="console" />
            <target xsi:type="File" name="file" fileName="app.log" />
            <target xsi:type="Debugger" name="debugger" />
            <target xsi:type="EventLog" name="eventlog" source="Contoso" />
          </targets>
        </nlog>
        """);

    [Fact]
    public Task A_Sentry_target_with_an_empty_DSN_is_switched_off() => VerifyAsync(Path, """
        <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets><target xsi:type="Sentry" name="sentry" dsn="" /></targets>
        </nlog>
        """);

    [Fact]
    public Task Finds_a_target_inside_a_wrapper() => VerifyAsync(Path, """
        <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets>
            <target xsi:type="AsyncWrapper" name="async">
              <target xsi:type={|NT0001:"ApplicationInsightsTarget"|} name="ai">
                <instrumentationKey>00000000-0000-0000-0000-000000000000</instrumentationKey>
              </target>
            </target>
          </targets>
        </nlog>
        """);

    [Fact]
    public Task Network_and_Seq_targets_are_egress_with_their_hard_coded_hosts() => VerifyAsync(Path, """
        <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets>
            <target xsi:type={|NT0006:"Network"|} name="syslog" address={|NT0003:"udp://syslog.example.com:514"|} />
            <target xsi:type={|NT0006:"Seq"|} name="seq" serverUrl={|NT0003:"https://seq.example.com"|} apiKey="FAKE" />
            <target xsi:type={|NT0006:"WebService"|} name="hook" url="${configsetting:Logging.Url}" />
          </targets>
        </nlog>
        """);

    [Fact]
    public Task Reads_the_nlog_section_of_App_config() => VerifyAsync("/0/App.config", """
        <configuration>
          <configSections>
            <section name="nlog" type="NLog.Config.ConfigSectionHandler, NLog" />
          </configSections>
          <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <targets><target xsi:type={|NT0001:"Sentry, Sentry.NLog"|} name="sentry" dsn="https://k@o0.ingest.sentry.io/1" /></targets>
          </nlog>
        </configuration>
        """);

    [Fact]
    public Task Finds_an_endpoint_nested_in_the_target() => VerifyAsync(Path, """
        <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets>
            <target xsi:type={|NT0006:"Syslog"|} name="syslog">
              <messageSend><protocol>udp</protocol><udp server={|NT0003:"logs.example.net"|} port="514" /></messageSend>
            </target>
          </targets>
        </nlog>
        """);
}
