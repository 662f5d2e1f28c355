using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Tests.Verifiers;

namespace Altertech.NoTelemetry.Tests.Catalogue;

/// <summary>The shape of the embedded data: adding a service is a line of data, and these keep it honest.</summary>
public class BuiltInCatalogueTests
{
    private static readonly BuiltInCatalogue s_catalogue = BuiltInCatalogue.Instance;
    private static readonly string[] s_categories = { "analytics", "crash-reporting", "apm", "logging" };

    [Fact]
    public void Every_data_file_parses_without_problems()
    {
        Assert.NotEmpty(s_catalogue.Documents);
        foreach (var document in s_catalogue.Documents)
        {
            Assert.True(document.Problems.IsEmpty, $"{document.Path}: " + string.Join("; ", document.Problems.Select(p => $"line {p.Line + 1}: {p.Message}")));
        }
    }

    /// <summary>A log-levels item the parser would drop silently is a mistake in the data: every item must be read.</summary>
    [Fact]
    public void Every_log_levels_item_is_a_member_pattern_and_a_level()
    {
        var sections = s_catalogue.Services.Select(s => s.Section)
            .Concat(s_catalogue.Documents.SelectMany(d => d.Sections).Where(s => s.Name == BuiltInCatalogue.EveryServiceSection));
        var withLevels = 0;
        foreach (var section in sections)
        {
            if (section.GetMetadata(LocalLogLevels.Key) is { } value)
            {
                withLevels++;
                Assert.True(LocalLogLevels.FindInvalidItem(value) is null, $"[{section.Name}] {LocalLogLevels.Key}: '{LocalLogLevels.FindInvalidItem(value)}'");
            }
        }

        Assert.True(withLevels >= 5, $"only {withLevels} blocks say at which level their calls are logged");
    }

    [Theory]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "CaptureException", "Error")]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "CaptureMessage", "Information")]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "AddBreadcrumb", "Debug")]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackException", "Error")]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackEvent", "Information")]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackMetric", "Debug")]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackDependency", "Debug")]
    public void Maps_the_well_known_calls_to_log_levels(string service, string typeId, string member, string level)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("levels", references: TestReferences.ApplicationInsightsAndSentry.Resolve());
        var type = (Microsoft.CodeAnalysis.INamedTypeSymbol)Microsoft.CodeAnalysis.DocumentationCommentId.GetFirstSymbolForDeclarationId(typeId, compilation)!;
        var method = type.GetMembers(member).First();
        Assert.Equal(level, s_catalogue.Services.Single(s => s.Name == service).LogLevelOf(method));
    }

    [Fact]
    public void Lists_at_least_forty_services()
    {
        Assert.True(s_catalogue.Services.Length >= 40, $"only {s_catalogue.Services.Length} services");
    }

    [Fact]
    public void Every_service_has_a_name_vendor_category_package_and_an_assembly_or_namespace()
    {
        foreach (var service in s_catalogue.Services)
        {
            var section = service.Section;
            Assert.False(string.IsNullOrWhiteSpace(section.Name), $"line {section.Line + 1}: a service without a [Name]");
            Assert.False(string.IsNullOrWhiteSpace(section.GetMetadata("vendor")), $"{section.Name}: no vendor");
            Assert.Contains(section.GetMetadata("category"), s_categories);
            Assert.False(service.Packages.IsEmpty, $"{section.Name}: no packages");
            Assert.False(string.IsNullOrWhiteSpace(section.GetMetadata("source")), $"{section.Name}: no source");
            Assert.Contains(section.Entries, e => e.Kind is EntryKind.Assembly or EntryKind.Namespace);
            Assert.DoesNotContain(section.Entries, e => e.Exempt);
        }
    }

    [Fact]
    public void Service_names_assemblies_namespaces_and_hosts_are_unique()
    {
        AssertUnique(s_catalogue.Services.Select(s => s.Name), "service");
        foreach (var kind in new[] { EntryKind.Assembly, EntryKind.Host, EntryKind.Namespace })
        {
            AssertUnique(
                s_catalogue.Services.SelectMany(s => s.Section.Entries).Where(e => e.Kind == kind).Select(e => e.Target),
                kind.ToString());
        }
    }

    [Theory]
    [InlineData("Microsoft.ApplicationInsights")]
    [InlineData("Microsoft.ApplicationInsights.AspNetCore")]
    [InlineData("Microsoft.ApplicationInsights.WorkerService")]
    [InlineData("Serilog.Sinks.ApplicationInsights")]
    [InlineData("Azure.Monitor.OpenTelemetry.Exporter")]
    [InlineData("Azure.Monitor.OpenTelemetry.AspNetCore")]
    [InlineData("Sentry")]
    [InlineData("Sentry.AspNetCore")]
    [InlineData("Sentry.Extensions.Logging")]
    [InlineData("Sentry.Serilog")]
    [InlineData("Sentry.NLog")]
    [InlineData("Sentry.Log4Net")]
    [InlineData("Sentry.Maui")]
    [InlineData("Microsoft.AppCenter.Analytics")]
    [InlineData("Microsoft.AppCenter.Crashes")]
    [InlineData("Datadog.Trace")]
    [InlineData("Elastic.Apm")]
    public void Catalogues_the_assemblies_of_the_services_everyone_knows(string assembly)
    {
        Assert.True(s_catalogue.ServicesByAssemblyName.ContainsKey(assembly), assembly + " is not catalogued");
    }

    [Theory]
    [InlineData("Seq")]
    [InlineData("Elasticsearch")]
    [InlineData("OpenTelemetry")]
    [InlineData("Zipkin")]
    public void Leaves_self_hosted_targets_out(string name)
    {
        Assert.DoesNotContain(s_catalogue.Services, s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(
            s_catalogue.Services.SelectMany(s => s.Section.Entries),
            e => e.Kind is EntryKind.Assembly or EntryKind.Namespace && (e.Target == name || e.Target.StartsWith("OpenTelemetry.Exporter", StringComparison.Ordinal)));
    }

    [Fact]
    public void Egress_entries_name_members_and_their_endpoint_parameters()
    {
        Assert.NotEmpty(s_catalogue.EgressSections);
        foreach (var section in s_catalogue.EgressSections)
        {
            Assert.Contains(section.GetMetadata("kind"), new[] { "send", "connect", "resolve", "register", "bind", "open" });
            foreach (var entry in section.Entries)
            {
                Assert.True(entry.Kind is EntryKind.Method or EntryKind.Type or EntryKind.Property, $"{section.Name}: {entry.DocumentationId}");
                Assert.True(entry.Kind != EntryKind.Property || section.GetMetadata("kind") is "bind" or "open", $"{entry.DocumentationId}: a property setter binds an endpoint or names a file to open, in a 'kind = bind' or 'kind = open' block");
                Assert.False(string.IsNullOrEmpty(entry.Text), $"{entry.DocumentationId}: say which parameters carry the endpoint, or '-'");
            }
        }
    }

    private static void AssertUnique(IEnumerable<string> values, string what)
    {
        var duplicates = values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what}: {string.Join(", ", duplicates)}");
    }
}
