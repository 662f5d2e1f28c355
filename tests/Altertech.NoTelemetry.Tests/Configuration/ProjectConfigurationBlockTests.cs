using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using static Altertech.NoTelemetry.Tests.ConfigurationFiles.ConfigurationFileVerifier;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary>A project's NoTelemetry.txt adds configuration blocks in Configuration.txt's grammar, and exempts assemblies from them.</summary>
public class ProjectConfigurationBlockTests
{
    [Fact]
    public Task A_project_transport_block_makes_its_sink_egress() => VerifyAsync(new[]
    {
        ("/0/NoTelemetry.txt", """
            [Contoso log relay]
            transport = Contoso relay
            serilog = ContosoRelay(relayUrl)
            nlog = ContosoRelayTarget(relayUrl)
            """),
        ("/0/appsettings.json", """{ "Serilog": { "WriteTo": [ { "Name": {|NT0006:"ContosoRelay"|}, "Args": { "relayUrl": {|NT0003:"https://relay.contoso.example"|} } } ] } }"""),
    });

    [Fact]
    public Task A_project_service_block_names_a_project_service() => VerifyAsync(new[]
    {
        ("/0/NoTelemetry.txt", """
            [Contoso Metrics]
            vendor = Contoso
            category = analytics
            A:Contoso.Metrics

            [Contoso Metrics configuration]
            service = Contoso Metrics
            settings = ContosoMetrics:ApiKey
            """),
        ("/0/appsettings.json", """{ "ContosoMetrics": { "ApiKey": {|NT0001:"FAKE-0000"|} }, "Serilog": { "Using": [ {|NT0001:"Contoso.Metrics"|} ] } }"""),
    });

    [Fact]
    public Task An_exempted_assembly_is_not_reported_in_Using() => VerifyAsync(new[]
    {
        ("/0/NoTelemetry.txt", "!A:Sentry.Serilog;self-hosted on the customer's server"),
        ("/0/appsettings.json", """{ "Serilog": { "Using": [ "Sentry.Serilog" ] } }"""),
    });

    [Fact]
    public async Task A_block_that_names_no_catalogued_service_or_a_malformed_item_is_NT0900()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ConfigurationAnalyzer(), "class C { }", additionalFiles: new[]
        {
            ("/0/NoTelemetry.txt", """
                [Nope configuration]
                service = No Such Service
                serilog = Nope

                [Relay]
                transport = relay
                nlog = Relay(url
                colour = blue
                """),
        });

        Assert.Equal(
            new[]
            {
                "2: [Nope configuration]: service 'No Such Service' is not a catalogued service",
                "7: [Relay]: 'Relay(url' in 'nlog' is not Name or Name(key|key)",
                "8: [Relay]: unknown key 'colour'; known keys are service, transport, serilog, nlog, log4net, settings, source",
            },
            diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()[(d.GetMessage().IndexOf(": ", StringComparison.Ordinal) + 2)..]}").OrderBy(s => s, StringComparer.Ordinal));
    }
}
