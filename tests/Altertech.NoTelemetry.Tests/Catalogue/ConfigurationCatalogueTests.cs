using Altertech.NoTelemetry.Catalogue;

namespace Altertech.NoTelemetry.Tests.Catalogue;

/// <summary>The shape of Configuration.txt: every block a known service or a named transport, every item usable, no name twice.</summary>
public class ConfigurationCatalogueTests
{
    private static readonly BuiltInCatalogue s_catalogue = BuiltInCatalogue.Instance;

    [Fact]
    public void Every_block_names_a_catalogued_service_or_a_transport_and_every_item_parses()
    {
        var problems = new List<string>();
        ConfiguredSenders.Build(s_catalogue.ConfigurationSections, s_catalogue.Services, (section, key, message) => problems.Add(message));

        Assert.True(s_catalogue.ConfigurationSections.Length >= 25, $"only {s_catalogue.ConfigurationSections.Length} configuration blocks");
        Assert.Empty(problems);
        foreach (var section in s_catalogue.ConfigurationSections)
        {
            var isService = section.GetMetadata(ConfiguredSenders.ServiceKey) is not null;
            var isTransport = section.GetMetadata(ConfiguredSenders.TransportKey) is not null;
            Assert.True(isService ^ isTransport, $"[{section.Name}] must have either 'service' or 'transport'");
            Assert.Empty(section.Entries);
            Assert.All(section.Metadata.Keys, key => Assert.Contains(key.ToLowerInvariant(), ConfiguredSenders.Keys));
        }
    }

    [Theory]
    [InlineData("Serilog")]
    [InlineData("NLog")]
    [InlineData("Log4Net")]
    [InlineData("Settings")]
    public void No_name_is_listed_twice(string systemName)
    {
        var system = Enum.Parse<ConfigurationSystem>(systemName);
        var names = s_catalogue.ConfigurationSections
            .SelectMany(s => CatalogueParser.SplitList(s.GetMetadata(ConfiguredSenders.KeyOf(system))))
            .Select(item => item.Split('(')[0].Trim())
            .ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("Serilog", "Sentry", "Sentry")]
    [InlineData("Serilog", "ApplicationInsights", "Application Insights")]
    [InlineData("NLog", "sentry", "Sentry")]
    [InlineData("Log4Net", "Microsoft.ApplicationInsights.Log4NetAppender.ApplicationInsightsAppender", "Application Insights")]
    [InlineData("Settings", "Sentry:Dsn", "Sentry")]
    [InlineData("Settings", "ApplicationInsights:ConnectionString", "Application Insights")]
    public void Names_a_service(string systemName, string name, string service)
    {
        Assert.Equal(service, s_catalogue.Senders.Find(Enum.Parse<ConfigurationSystem>(systemName), name)?.Service?.Name);
    }

    [Theory]
    [InlineData("Serilog", "Seq", "Seq", "serverUrl")]
    [InlineData("Serilog", "Http", "HTTP", "requestUri")]
    [InlineData("NLog", "Network", "network", "address")]
    [InlineData("Log4Net", "log4net.Appender.RemoteSyslogAppender", "syslog", "remoteAddress")]
    [InlineData("Settings", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTLP", null)]
    public void Names_a_transport_and_its_endpoint(string systemName, string name, string transport, string? endpoint)
    {
        var sender = s_catalogue.Senders.Find(Enum.Parse<ConfigurationSystem>(systemName), name);

        Assert.NotNull(sender);
        Assert.Null(sender!.Service);
        Assert.Equal(transport, sender.Transport);
        Assert.Equal(endpoint is null ? Array.Empty<string>() : new[] { endpoint }, sender.EndpointKeys.ToArray());
    }

    [Theory]
    [InlineData("Console")]
    [InlineData("File")]
    [InlineData("Debug")]
    [InlineData("EventLog")]
    [InlineData("ColoredConsole")]
    [InlineData("Debugger")]
    [InlineData("log4net.Appender.RollingFileAppender")]
    public void Local_sinks_are_not_listed(string name)
    {
        foreach (ConfigurationSystem system in Enum.GetValues(typeof(ConfigurationSystem)))
        {
            Assert.Null(s_catalogue.Senders.Find(system, name));
        }
    }
}
