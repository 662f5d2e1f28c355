using System;
using System.Collections.Immutable;
using System.Threading;
using Altertech.NoTelemetry.Network;
using Microsoft.CodeAnalysis.Text;
using Altertech.NoTelemetry.Infrastructure;

namespace Altertech.NoTelemetry.Catalogue;

/// <summary>
/// Reads the catalogue grammar (see Catalogue/README.md) line by line. The built-in data files and a
/// project's <c>NoTelemetry.txt</c> go through this one parser, so both behave alike. It never throws on
/// content: every malformed line becomes a <see cref="CatalogueProblem"/> and parsing goes on.
/// </summary>
internal static class CatalogueParser
{
    /// <summary>More problems than this in one file are summarised in one last problem.</summary>
    internal const int MaxProblemsPerFile = 50;

    public static CatalogueDocument Parse(string path, SourceText text, CancellationToken cancellationToken = default)
    {
        var sections = ImmutableArray.CreateBuilder<CatalogueSection>();
        var problems = ImmutableArray.CreateBuilder<CatalogueProblem>();
        var current = new CatalogueSection(string.Empty, 0);
        sections.Add(current);
        var suppressed = 0;

        void Problem(int line, string message)
        {
            if (problems.Count < MaxProblemsPerFile)
            {
                problems.Add(new CatalogueProblem(line, message));
            }
            else
            {
                suppressed++;
            }
        }

        foreach (var textLine in text.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lineNumber = textLine.LineNumber;
            var raw = text.ToString(textLine.Span);
            var line = raw.Trim().TrimStart('\uFEFF').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[line.Length - 1] != ']' || line.Length < 3)
                {
                    Problem(lineNumber, "a section header is '[Name]', with a name and a closing ']'");
                    continue;
                }

                current = new CatalogueSection(line.Substring(1, line.Length - 2).Trim(), lineNumber);
                sections.Add(current);
                continue;
            }

            var exempt = line[0] == '!';
            var body = exempt ? line.Substring(1).TrimStart() : line;
            if (body.Length >= 2 && body[1] == ':' && TryGetKind(body[0], out var kind))
            {
                var semicolon = body.IndexOf(';');
                var target = (semicolon < 0 ? body.Substring(2) : body.Substring(2, semicolon - 2)).Trim();
                var note = semicolon < 0 ? null : body.Substring(semicolon + 1).Trim();
                var error = ValidateTarget(kind, target);
                if (error is not null)
                {
                    Problem(lineNumber, error);
                    continue;
                }

                current.Entries.Add(new CatalogueEntry(kind, target, string.IsNullOrEmpty(note) ? null : note, exempt, lineNumber, current));
                continue;
            }

            var equals = body.IndexOf('=');
            if (!exempt && equals > 0 && IsKey(body.Substring(0, equals).Trim()))
            {
                var key = body.Substring(0, equals).Trim();
                current.Metadata[key] = body.Substring(equals + 1).Trim();
                current.MetadataLines[key] = lineNumber;
                continue;
            }

            Problem(lineNumber, Describe(body));
        }

        if (suppressed > 0)
        {
            problems.Add(new CatalogueProblem(problems[problems.Count - 1].Line, $"{suppressed} more problems in this file are not listed"));
        }

        return new CatalogueDocument(path, text, sections.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The items of a comma-separated value (<c>packages = A, B</c>, endpoint parameter names), trimmed.</summary>
    public static ImmutableArray<string> SplitList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value!.Split(','))
        {
            if (part.Trim() is { Length: > 0 } item)
            {
                builder.Add(item);
            }
        }

        return builder.ToImmutable();
    }

    private static bool TryGetKind(char prefix, out EntryKind kind)
    {
        switch (prefix)
        {
            case 'N': kind = EntryKind.Namespace; return true;
            case 'T': kind = EntryKind.Type; return true;
            case 'M': kind = EntryKind.Method; return true;
            case 'P': kind = EntryKind.Property; return true;
            case 'F': kind = EntryKind.Field; return true;
            case 'E': kind = EntryKind.Event; return true;
            case 'A': kind = EntryKind.Assembly; return true;
            case 'H': kind = EntryKind.Host; return true;
            default: kind = default; return false;
        }
    }

    private static bool IsKey(string key)
    {
        // Digits after the first character: 'log4net'.
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c == '_' || c == '-' || (i > 0 && c is >= '0' and <= '9')))
            {
                return false;
            }
        }

        return key.Length > 0;
    }

    private static string Describe(string body)
    {
        var shown = TextDisplay.Shorten(body, 40);
        if (body.Length >= 2 && body[1] == ':')
        {
            return $"unknown prefix '{body[0]}:' in '{shown}': use N:, T:, M:, P:, F:, E:, A: or H:";
        }

        return $"'{shown}' is not an entry (X:target;message), a [Section] header, a key = value line or a # comment";
    }

    private static string? ValidateTarget(EntryKind kind, string target)
    {
        if (target.Length == 0)
        {
            return $"'{CatalogueEntry.KindPrefix(kind)}:' names nothing";
        }

        switch (kind)
        {
            case EntryKind.Host:
                return HostPattern.Validate(target);
            case EntryKind.Assembly:
                foreach (var c in target)
                {
                    if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
                    {
                        return $"'{target}' is not an assembly name";
                    }
                }

                return null;
            default:
                foreach (var c in target)
                {
                    if (char.IsControl(c) || char.IsWhiteSpace(c) && kind is not (EntryKind.Method or EntryKind.Property))
                    {
                        return $"'{TextDisplay.Shorten(target)}' is not a documentation-comment ID";
                    }
                }

                return null;
        }
    }

}
