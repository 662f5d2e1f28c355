using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.ConfigurationFiles;

/// <summary>Serilog configured in <c>appsettings*.json</c> (Serilog.Settings.Configuration): <c>Using</c>, <c>WriteTo</c>, <c>AuditTo</c>.</summary>
public class SerilogConfigurationTests
{
    [Fact]
    public Task Reports_a_Sentry_sink_on_its_name()
    {
        return VerifyAsync("/0/appsettings.json", """
            {
              "Serilog": {
                "WriteTo": [
                  { "Name": "Console" },
                  { "Name": {|NT0001:"Sentry"|}, "Args": { "dsn": "https://0123456789abcdef@o0.ingest.sentry.io/0" } }
                ]
              }
            }
            """);
    }
}
