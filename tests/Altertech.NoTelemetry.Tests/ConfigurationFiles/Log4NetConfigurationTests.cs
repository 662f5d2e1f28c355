using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>log4net appenders, in <c>log4net.config</c> or a <c>&lt;log4net&gt;</c> section of App.config/Web.config.</summary>
public class Log4NetConfigurationTests
{
    private const string Path = "/0/log4net.config";

    [Fact]
    public Task Reports_an_Application_Insights_appender_on_its_type() => VerifyAsync(Path, """
        <log4net>
          <appender name="ai" type={|NT0001:"Microsoft.ApplicationInsights.Log4NetAppender.ApplicationInsightsAppender, Microsoft.ApplicationInsights.Log4NetAppender"|}>
            <layout type="log4net.Layout.PatternLayout"><conversionPattern value="%message%newline" /></layout>
          </appender>
          <root><level value="INFO" /><appender-ref ref="ai" /></root>
        </log4net>
        """);

    [Fact]
    public Task A_Sentry_appender_with_an_empty_DSN_is_switched_off_and_with_one_is_reported() => VerifyAsync(Path, """
        <log4net>
          <appender name="off" type="Sentry.Log4Net.SentryAppender, Sentry.Log4Net"><Dsn value="" /></appender>
          <appender name="on" type={|NT0001:"Sentry.Log4Net.SentryAppender, Sentry.Log4Net"|}><Dsn value="https://k@o0.ingest.sentry.io/1" /></appender>
        </log4net>
        """);

    [Fact]
    public Task Reports_an_appender_whose_assembly_belongs_to_a_service() => VerifyAsync(Path, """
        <log4net>
          <appender name="x" type={|NT0001:"Contoso.Custom.Appender, Exceptionless.Log4net"|} />
          <appender name="y" type={|NT0001:"Logzio.DotNet.Log4net.SomeFutureAppender"|} />
        </log4net>
        """);

    [Fact]
    public Task File_and_console_appenders_are_clean() => VerifyAsync(Path, """
        <log4net>
          <appender name="file" type="log4net.Appender.RollingFileAppender"><file value="logs/app.log" /></appender>
          <appender name="console" type="log4net.Appender.ConsoleAppender" />
          <appender name="events" type="log4net.Appender.EventLogAppender" />
        </log4net>
        """);

    [Fact]
    public Task A_remote_syslog_appender_is_egress_and_its_address_hard_coded_unless_allowed() => VerifyAsync(
        new[]
        {
            ("/0/Web.config", """
                <configuration>
                  <log4net>
                    <appender name="syslog" type={|NT0006:"log4net.Appender.RemoteSyslogAppender"|}>
                      <remoteAddress value={|NT0003:"203.0.113.7"|} />
                    </appender>
                    <appender name="udp" type={|NT0006:"log4net.Appender.UdpAppender"|}>
                      <remoteAddress value="10.1.2.3" />
                    </appender>
                  </log4net>
                </configuration>
                """),
        },
        "notelemetry.allowed_endpoints = 10.0.0.0/8");
}
