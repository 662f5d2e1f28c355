using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>What an entry line names.</summary>
internal enum EntryKind
{
    /// <summary><c>N:</c> a namespace and every namespace below it.</summary>
    Namespace,

    /// <summary><c>T:</c> a type.</summary>
    Type,

    /// <summary><c>M:</c> a method or constructor.</summary>
    Method,

    /// <summary><c>P:</c> a property or indexer.</summary>
    Property,

    /// <summary><c>F:</c> a field.</summary>
    Field,

    /// <summary><c>E:</c> an event.</summary>
    Event,

    /// <summary><c>A:</c> an assembly, by simple name.</summary>
    Assembly,

    /// <summary><c>H:</c> a host pattern.</summary>
    Host,
}

/// <summary>One <c>X:target;text</c> line of a catalogue file.</summary>
internal sealed class CatalogueEntry
{
    public CatalogueEntry(EntryKind kind, string target, string? text, bool exempt, int line, CatalogueSection section)
    {
        Kind = kind;
        Target = target;
        Text = text;
        Exempt = exempt;
        Line = line;
        Section = section;
    }

    public EntryKind Kind { get; }

    /// <summary>The namespace, documentation-comment ID (without its prefix), assembly name or host pattern.</summary>
    public string Target { get; }

    /// <summary>What follows the <c>;</c>, trimmed, or null when there is none.</summary>
    public string? Text { get; }

    /// <summary>True for a <c>!</c> line: the target is exempted from the built-in catalogue.</summary>
    public bool Exempt { get; }

    /// <summary>Zero-based line number in its file.</summary>
    public int Line { get; }

    public CatalogueSection Section { get; }

    /// <summary>The documentation-comment ID form, e.g. <c>M:Sentry.SentrySdk.Init</c>.</summary>
    public string DocumentationId => KindPrefix(Kind) + ":" + Target;

    public static char KindPrefix(EntryKind kind) => kind switch
    {
        EntryKind.Namespace => 'N',
        EntryKind.Type => 'T',
        EntryKind.Method => 'M',
        EntryKind.Property => 'P',
        EntryKind.Field => 'F',
        EntryKind.Event => 'E',
        EntryKind.Assembly => 'A',
        _ => 'H',
    };
}

/// <summary>A <c>[Name]</c> block: a telemetry service or a family of egress APIs, with its metadata and entries.</summary>
internal sealed class CatalogueSection
{
    public CatalogueSection(string name, int line)
    {
        Name = name;
        Line = line;
    }

    /// <summary>The name in brackets; empty for the lines before the first header.</summary>
    public string Name { get; }

    public int Line { get; }

    public Dictionary<string, string> Metadata { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    public List<CatalogueEntry> Entries { get; } = new();

    /// <summary>The zero-based line of each metadata key (the last one, when a key is repeated).</summary>
    public Dictionary<string, int> MetadataLines { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    public string? GetMetadata(string key) => Metadata.TryGetValue(key, out var value) ? value : null;

    /// <summary>The line that sets <paramref name="key"/>, or the section header's line.</summary>
    public int LineOf(string key) => MetadataLines.TryGetValue(key, out var line) ? line : Line;
}

/// <summary>Something wrong with one line of a catalogue file (the rest of the file still applies), or where a configuration file stopped being readable.</summary>
internal readonly struct CatalogueProblem
{
    public CatalogueProblem(int line, string message)
    {
        Line = line;
        Message = message;
    }

    /// <summary>Zero-based line number.</summary>
    public int Line { get; }

    public string Message { get; }
}

/// <summary>A parsed catalogue file.</summary>
internal sealed class CatalogueDocument
{
    public CatalogueDocument(string path, SourceText text, ImmutableArray<CatalogueSection> sections, ImmutableArray<CatalogueProblem> problems)
    {
        Path = path;
        Text = text;
        Sections = sections;
        Problems = problems;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public ImmutableArray<CatalogueSection> Sections { get; }

    public ImmutableArray<CatalogueProblem> Problems { get; }

    public IEnumerable<CatalogueEntry> Entries
    {
        get
        {
            foreach (var section in Sections)
            {
                foreach (var entry in section.Entries)
                {
                    yield return entry;
                }
            }
        }
    }
}
