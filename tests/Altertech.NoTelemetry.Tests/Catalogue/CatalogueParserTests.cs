using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Tests.Catalogue;

public class CatalogueParserTests
{
    private static CatalogueDocument Parse(string text) => CatalogueParser.Parse("NoTelemetry.txt", SourceText.From(text));

    [Fact]
    public void Reads_sections_metadata_and_every_entry_kind()
    {
        var document = Parse("""
            # comment
            [Acme Analytics]
            vendor = Acme Corp
            category = analytics
            A:Acme.Analytics
            N:Acme.Analytics
            T:Acme.Analytics.Tracker
            M:Acme.Analytics.Tracker.Track(System.String);do not track
            P:Acme.Analytics.Tracker.Enabled
            F:Acme.Analytics.Tracker.Key
            E:Acme.Analytics.Tracker.Sent
            H:*.ingest.acme.example
            !H:self-hosted.acme.example
            """);

        Assert.Empty(document.Problems);
        var section = Assert.Single(document.Sections, s => s.Name == "Acme Analytics");
        Assert.Equal("Acme Corp", section.GetMetadata("vendor"));
        Assert.Equal(
            new[] { EntryKind.Assembly, EntryKind.Namespace, EntryKind.Type, EntryKind.Method, EntryKind.Property, EntryKind.Field, EntryKind.Event, EntryKind.Host, EntryKind.Host },
            section.Entries.Select(e => e.Kind));
        Assert.Equal("do not track", section.Entries[3].Text);
        Assert.Equal("Acme.Analytics.Tracker.Track(System.String)", section.Entries[3].Target);
        Assert.True(section.Entries[^1].Exempt);
        Assert.Equal(12, section.Entries[^1].Line);
    }

    [Fact]
    public void Entries_before_any_header_belong_to_the_unnamed_section()
    {
        var document = Parse("T:Contoso.Telemetry.Reporter;use the local log instead\n");
        var entry = Assert.Single(document.Entries);
        Assert.Equal(string.Empty, entry.Section.Name);
        Assert.Equal("use the local log instead", entry.Text);
    }

    [Theory]
    [InlineData("X:Foo.Bar", "unknown prefix 'X:'")]
    [InlineData("T:", "names nothing")]
    [InlineData("H:bad host", "not a host pattern")]
    [InlineData("H:tele*.example.com", "'*' may only stand first")]
    [InlineData("H:-bad.example.com", "not a host label")]
    [InlineData("A:Bad/Assembly", "not an assembly name")]
    [InlineData("[Unclosed", "section header")]
    [InlineData("just some words", "is not an entry")]
    public void Reports_a_malformed_line_with_its_line_number_and_keeps_the_rest(string bad, string expected)
    {
        var document = Parse("T:Good.Before\n" + bad + "\nT:Good.After\n");
        var problem = Assert.Single(document.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains(expected, problem.Message);
        Assert.Equal(new[] { "Good.Before", "Good.After" }, document.Entries.Select(e => e.Target));
    }

    [Fact]
    public void Accepts_bom_crlf_tabs_and_trailing_spaces()
    {
        var document = Parse("\uFEFF[Svc]\r\n\tvendor = V \r\n\tA:Svc.Sdk \t\r\n");
        Assert.Empty(document.Problems);
        Assert.Equal("Svc.Sdk", Assert.Single(document.Entries).Target);
    }

    [Fact]
    public void Survives_binary_garbage_and_caps_the_problems_it_lists()
    {
        var random = new Random(42);
        var bytes = new char[200_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (char)random.Next(0, 0x3000);
        }

        var document = Parse(new string(bytes));
        Assert.True(document.Problems.Length <= CatalogueParser.MaxProblemsPerFile + 1);
    }

    [Fact]
    public void Survives_a_one_megabyte_line()
    {
        var document = Parse("T:" + new string('a', 1_000_000) + "\nH:" + new string('b', 1_000_000));
        Assert.Single(document.Entries);
        Assert.Single(document.Problems);
    }
}
