using System.Text;
using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Tests.Meta;

namespace Altertech.NoTelemetry.Tests.Catalogue;

/// <summary>
/// docs/catalogue.md is generated from the embedded data. When the data changes, regenerate it with
/// <c>NOTELEMETRY_UPDATE_DOCS=1 dotnet test --filter CatalogueDocumentationTests</c>.
/// </summary>
public class CatalogueDocumentationTests
{
    [Fact]
    public void Docs_catalogue_matches_the_data_file()
    {
        var path = RepositoryFiles.PathOf("docs", "catalogue.md");
        var expected = Render(BuiltInCatalogue.Instance);
        if (Environment.GetEnvironmentVariable("NOTELEMETRY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/catalogue.md is missing: run NOTELEMETRY_UPDATE_DOCS=1 dotnet test --filter CatalogueDocumentationTests");
        Assert.True(
            File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            "docs/catalogue.md is out of date: run NOTELEMETRY_UPDATE_DOCS=1 dotnet test --filter CatalogueDocumentationTests");
    }

    internal static string Render(BuiltInCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.Append("# The telemetry catalogue\n\n");
        text.Append("The services that [NT0001](rules/NT0001.md) and [NT0002](rules/NT0002.md) know, generated from\n");
        text.Append("`src/Altertech.NoTelemetry/Catalogue/Telemetry.txt` (do not edit this page by hand: a test compares it\n");
        text.Append("with the data; regenerate it with `NOTELEMETRY_UPDATE_DOCS=1 dotnet test --filter CatalogueDocumentationTests`).\n\n");
        text.Append("Symbols are matched by assembly (every symbol an SDK assembly ships, whatever its namespace) and by\n");
        text.Append("namespace (for types in SDK namespaces). A request to an ingestion host from any network API is the\n");
        text.Append("same telemetry without the SDK. Self-hosted targets that the user points somewhere (Seq,\n");
        text.Append("Elasticsearch, OTLP, Zipkin) are not listed: they are network egress ([NT0006](rules/NT0006.md)).\n\n");
        text.Append($"{catalogue.Services.Length} services.\n\n");
        text.Append("| Service | Vendor | Category | Packages | Assemblies | Namespaces | Ingestion hosts |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var service in catalogue.Services.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            string Targets(EntryKind kind) => string.Join(", ", service.Section.Entries.Where(e => e.Kind == kind).Select(e => "`" + e.Target + "`"));
            text.Append($"| {service.Name} | {service.Vendor} | {service.Category} | {string.Join(", ", service.Packages)} | ");
            text.Append($"{Targets(EntryKind.Assembly)} | {Targets(EntryKind.Namespace)} | {Targets(EntryKind.Host)} |\n");
        }

        text.Append("\nSources for each entry are recorded in the data file, one `source =` line per service.\n");
        RenderConfiguration(catalogue, text);
        return text.ToString();
    }

    /// <summary>The blocks of Configuration.txt: what a shipped configuration file switches on, per service and per transport.</summary>
    private static void RenderConfiguration(BuiltInCatalogue catalogue, StringBuilder text)
    {
        text.Append("\n## Configuration files\n\n");
        text.Append("What a shipped configuration file switches on (see [configuration](configuration.md#shipped-configuration-files)),\n");
        text.Append("from `src/Altertech.NoTelemetry/Catalogue/Configuration.txt`. In parentheses: the arguments, attributes or child\n");
        text.Append("elements that say where the data goes. A Serilog `Using` assembly, an NLog extension assembly and a log4net\n");
        text.Append("appender's assembly are matched against the assemblies above.\n\n");
        text.Append("| Service (NT0001) | Serilog sinks | NLog targets | log4net appenders | Settings keys |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var section in catalogue.ConfigurationSections.Where(s => s.GetMetadata(ConfiguredSenders.ServiceKey) is not null))
        {
            text.Append($"| {section.GetMetadata(ConfiguredSenders.ServiceKey)} | {Names(section, ConfigurationSystem.Serilog)} | {Names(section, ConfigurationSystem.NLog)} | {Names(section, ConfigurationSystem.Log4Net)} | {Names(section, ConfigurationSystem.Settings)} |\n");
        }

        text.Append("\n| Self-hosted transport (NT0006, NT0003) | Serilog sinks | NLog targets | log4net appenders | Settings keys |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var section in catalogue.ConfigurationSections.Where(s => s.GetMetadata(ConfiguredSenders.TransportKey) is not null))
        {
            text.Append($"| {section.GetMetadata(ConfiguredSenders.TransportKey)} | {Names(section, ConfigurationSystem.Serilog)} | {Names(section, ConfigurationSystem.NLog)} | {Names(section, ConfigurationSystem.Log4Net)} | {Names(section, ConfigurationSystem.Settings)} |\n");
        }
    }

    private static string Names(CatalogueSection section, ConfigurationSystem system) =>
        string.Join(", ", CatalogueParser.SplitList(section.GetMetadata(ConfiguredSenders.KeyOf(system))).Select(item => "`" + item.Replace("|", ", ", StringComparison.Ordinal) + "`"));
}
