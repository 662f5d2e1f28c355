using Altertech.NoTelemetry.Catalogue;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Tests.Catalogue;

/// <summary>The catalogue's <c>log-arguments</c> key: which arguments of an SDK call NT0001's fix keeps in the log call.</summary>
public class LocalLogArgumentsTests
{
    private static readonly Compilation s_sdks = CSharpCompilation.Create("arguments", references: TestReferences.ApplicationInsightsAndSentry.Resolve());

    private static CatalogueSection Section(string text) =>
        Assert.Single(CatalogueParser.Parse("NoTelemetry.txt", SourceText.From(text)).Sections, s => s.Name == "Acme");

    private static IMethodSymbol Method(string typeId, string name, int parameters) =>
        ((INamedTypeSymbol)DocumentationCommentId.GetFirstSymbolForDeclarationId(typeId, s_sdks)!).GetMembers(name).OfType<IMethodSymbol>().First(m => m.Parameters.Length == parameters);

    [Fact]
    public void Reads_kept_left_out_and_template_parameters_and_tries_the_items_in_order()
    {
        var arguments = LocalLogArguments.FromSection(Section("""
            [Acme]
            log-arguments = CaptureMessage message:template -configureScope level:level, Capture* exception -configureScope, SentrySdk.* -hint
            """));

        var message = arguments.RuleOf(Method("T:Sentry.SentrySdk", "CaptureMessage", 3))!;
        Assert.Equal(["message", "level"], message.Kept.ToArray());
        Assert.Equal(["configureScope"], message.LeftOut.ToArray());
        Assert.Equal("message", message.Template);
        Assert.Equal("level", message.Level);
        Assert.True(message.LeavesOut("configureScope"));
        Assert.False(message.LeavesOut("level"));

        // CaptureException: the first item does not match it, the second does; the third is never tried.
        var exception = arguments.RuleOf(Method("T:Sentry.SentrySdk", "CaptureException", 2))!;
        Assert.Equal(["configureScope"], exception.LeftOut.ToArray());
        Assert.Null(exception.Template);
        Assert.Null(exception.Level);

        Assert.Null(arguments.RuleOf(Method("T:Microsoft.ApplicationInsights.TelemetryClient", "TrackEvent", 3)));
    }

    [Theory]
    [InlineData("CaptureMessage")]
    [InlineData("CaptureMessage -")]
    [InlineData("CaptureMessage message -message")]
    [InlineData("CaptureMessage message:template text:template")]
    [InlineData("CaptureMessage -message:template")]
    [InlineData("CaptureMessage level:level severity:level")]
    [InlineData("CaptureMessage -level:level")]
    [InlineData("CaptureMessage mess.age")]
    [InlineData("new TelemetryClient configuration")]
    [InlineData("Capture(* exception")]
    public void Finds_an_item_that_is_not_a_pattern_and_parameter_names(string item)
    {
        Assert.Equal(item, LocalLogArguments.FindInvalidItem("CaptureException* exception -configureScope, " + item));

        // An item that does not parse is ignored; the others are read.
        var arguments = LocalLogArguments.FromSection(Section($"[Acme]\nlog-arguments = {item}, CaptureException* -configureScope\n"));
        Assert.Equal(["configureScope"], arguments.RuleOf(Method("T:Sentry.SentrySdk", "CaptureException", 2))!.LeftOut.ToArray());
    }

    [Fact]
    public void Every_item_of_the_built_in_catalogue_is_read()
    {
        var sections = BuiltInCatalogue.Instance.Services.Select(s => s.Section)
            .Concat(BuiltInCatalogue.Instance.Documents.SelectMany(d => d.Sections).Where(s => s.Name == BuiltInCatalogue.EveryServiceSection));
        var blocks = 0;
        foreach (var section in sections)
        {
            if (section.GetMetadata(LocalLogArguments.Key) is { } value)
            {
                blocks++;
                Assert.True(LocalLogArguments.FindInvalidItem(value) is null, $"[{section.Name}] {LocalLogArguments.Key}: '{LocalLogArguments.FindInvalidItem(value)}'");
            }
        }

        Assert.True(blocks >= 3, $"only {blocks} blocks say which arguments their calls log");
    }

    /// <summary>
    /// A misspelt parameter name would keep what it meant to leave out: every name an item of the Sentry and Application
    /// Insights blocks gives is a parameter of a public method of the real SDK that the item's pattern matches.
    /// </summary>
    [Theory]
    [InlineData("Sentry", "Sentry")]
    [InlineData("Application Insights", "Microsoft.ApplicationInsights")]
    public void Every_parameter_name_of_the_real_SDKs_blocks_is_declared_by_a_method_the_item_matches(string service, string assembly)
    {
        var sdk = s_sdks.References.Select(s_sdks.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == assembly);
        var methods = Types(sdk.GlobalNamespace).Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public)).ToList();
        var items = BuiltInCatalogue.Instance.Services.Single(s => s.Name == service).LogArguments.Items;
        Assert.NotEmpty(items);
        foreach (var (pattern, rule) in items)
        {
            var declared = methods.Where(pattern.Matches).SelectMany(m => m.Parameters).Select(p => p.Name).ToHashSet();
            Assert.All(rule.Kept.Concat(rule.LeftOut), name => Assert.True(declared.Contains(name), $"[{service}] {LocalLogArguments.Key}: no method the item matches has a parameter '{name}'"));
        }

        static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns) =>
            ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(Types));
    }

    /// <summary>The SDKs' own levels, as the built-in blocks' log-levels name them, choose the log call's level.</summary>
    [Theory]
    [InlineData("Sentry", "F:Sentry.SentryLevel.Debug", "Debug")]
    [InlineData("Sentry", "F:Sentry.SentryLevel.Info", "Information")]
    [InlineData("Sentry", "F:Sentry.SentryLevel.Warning", "Warning")]
    [InlineData("Sentry", "F:Sentry.SentryLevel.Error", "Error")]
    [InlineData("Sentry", "F:Sentry.SentryLevel.Fatal", "Critical")]
    [InlineData("Application Insights", "F:Microsoft.ApplicationInsights.DataContracts.SeverityLevel.Verbose", "Trace")]
    [InlineData("Application Insights", "F:Microsoft.ApplicationInsights.DataContracts.SeverityLevel.Information", "Information")]
    [InlineData("Application Insights", "F:Microsoft.ApplicationInsights.DataContracts.SeverityLevel.Warning", "Warning")]
    [InlineData("Application Insights", "F:Microsoft.ApplicationInsights.DataContracts.SeverityLevel.Error", "Error")]
    [InlineData("Application Insights", "F:Microsoft.ApplicationInsights.DataContracts.SeverityLevel.Critical", "Critical")]
    public void Maps_the_SDKs_own_levels_to_log_levels(string service, string fieldId, string level)
    {
        var field = DocumentationCommentId.GetFirstSymbolForDeclarationId(fieldId, s_sdks)!;
        Assert.Equal(level, BuiltInCatalogue.Instance.Services.Single(s => s.Name == service).LogLevelChosenBy(field));
    }

    /// <summary>The parameter names the built-in catalogue gives the real SDKs are the ones their methods declare.</summary>
    [Theory]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "CaptureException", 2, "configureScope", null)]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "CaptureMessage", 3, "configureScope", "message")]
    [InlineData("Sentry", "T:Sentry.SentrySdk", "AddBreadcrumb", 5, "", "message")]
    [InlineData("Sentry", "T:Sentry.HubExtensions", "CaptureException", 3, "configureScope", null)]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackTrace", 3, "", "message")]
    [InlineData("Application Insights", "T:Microsoft.ApplicationInsights.TelemetryClient", "TrackEvent", 3, "", null)]
    public void Names_the_parameters_the_real_SDKs_declare(string service, string typeId, string member, int parameters, string leftOut, string? template)
    {
        var method = Method(typeId, member, parameters);
        var rule = BuiltInCatalogue.Instance.Services.Single(s => s.Name == service).LogArgumentsOf(method);
        var names = method.Parameters.Select(p => p.Name).ToList();
        Assert.Equal(leftOut.Length == 0 ? [] : leftOut.Split(','), rule?.LeftOut.ToArray() ?? []);
        Assert.Equal(template, rule?.Template);
        Assert.All(rule?.LeftOut ?? [], name => Assert.Contains(name, names));
        if (template is not null)
        {
            Assert.Contains(template, names);
        }
    }
}
