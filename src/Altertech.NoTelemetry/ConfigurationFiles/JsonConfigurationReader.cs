using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>
/// Reads a JSON configuration file (<c>appsettings.json</c>, <c>project.assets.json</c>) the way the .NET configuration
/// loader does: comments and trailing commas allowed. A file that is not JSON gives a problem at its line, never an
/// exception.
/// </summary>
/// <remarks>
/// <para>
/// The parser is System.Text.Json's <see cref="Utf8JsonReader"/>, which tells where each token is: the positions are
/// what the diagnostics point at. It is not part of netstandard2.0, so the package ships <c>System.Text.Json.dll</c>
/// beside the analyzer in <c>analyzers/dotnet/cs</c>, with the two assemblies of its closure that a compiler host
/// does not bring itself (<c>System.Text.Encodings.Web</c>, <c>Microsoft.Bcl.AsyncInterfaces</c>), the way Roslyn's
/// own analyzer packages and the source-generator cookbook ship a dependency. Version 8.0 is the lowest that is still
/// serviced; each host resolves it so: csc and VBCSCompiler on .NET, and OmniSharp or Rider on .NET, unify it with
/// the runtime's own, newer System.Text.Json; Visual Studio (.NET Framework) redirects it to the one it ships, or,
/// where it has none at that version, loads the copy beside the analyzer. Only the reader is used, an API unchanged
/// since System.Text.Json 4.6, so any of those copies reads alike.
/// </para>
/// <para>
/// Should a host still fail to load it (a broken install, an IDE that isolates analyzers differently), the failure is
/// caught where the reader is first touched, and the file is reported as not read (NT0900) instead of the analyzer
/// failing (AD0001): the XML files, the project file and every source rule go on working.
/// </para>
/// </remarks>
internal static class JsonConfigurationReader
{
    /// <summary>Deeper nesting than this is not configuration; the reader stops there with a problem.</summary>
    public const int MaxDepth = 64;

    public static ConfigDocument Read(string path, SourceText text, CancellationToken cancellationToken)
    {
        var content = text.ToString();
        if (content.Trim().TrimStart('\uFEFF').Length == 0)
        {
            return new ConfigDocument(path, text, null, null);
        }

        try
        {
            return ReadCore(path, text, content, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or MissingMethodException or BadImageFormatException)
        {
            return new ConfigDocument(path, text, null, new Catalogue.CatalogueProblem(0, $"not checked: this host could not load System.Text.Json ({e.GetType().Name}), which reads JSON configuration files"));
        }
    }

    // Not inlined: a host that cannot load System.Text.Json fails when this method is compiled, inside Read's catch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ConfigDocument ReadCore(string path, SourceText text, string content, CancellationToken cancellationToken)
    {
        var bom = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var bytes = Encoding.UTF8.GetBytes(bom == 0 ? content : content.Substring(bom));
        var positions = new CharPositions(bytes, bom);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
        var open = new Stack<ConfigNode>();
        ConfigNode? root = null;
        string? name = null;
        var nameSpan = default(TextSpan);
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = positions.At(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString() ?? string.Empty;
                        nameSpan = TextSpan.FromBounds(start, positions.At(reader.TokenStartIndex + reader.ValueSpan.Length + 2));
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var container = NewNode(name, nameSpan, TextSpan.FromBounds(start, start + 1));
                        Attach(container, open, ref root);
                        open.Push(container);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    default:
                        var quotes = reader.TokenType == JsonTokenType.String ? 2 : 0;
                        var valueSpan = TextSpan.FromBounds(start, positions.At(reader.TokenStartIndex + reader.ValueSpan.Length + quotes));
                        var scalar = NewNode(name, nameSpan, valueSpan);
                        scalar.Value = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Null => null,
                            _ => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                        };
                        Attach(scalar, open, ref root);
                        break;
                }

                name = null;
            }
        }
        catch (JsonException e)
        {
            return new ConfigDocument(path, text, null, new Catalogue.CatalogueProblem((int)(e.LineNumber ?? 0), "not valid JSON, so it is not checked: " + WithoutPosition(e.Message)));
        }

        return new ConfigDocument(path, text, root, null);
    }

    private static ConfigNode NewNode(string? name, TextSpan nameSpan, TextSpan valueSpan) =>
        new(name ?? string.Empty, name is null ? valueSpan : nameSpan) { ValueSpan = valueSpan };

    private static void Attach(ConfigNode node, Stack<ConfigNode> open, ref ConfigNode? root)
    {
        if (open.Count > 0)
        {
            open.Peek().Add(node);
        }
        else
        {
            root ??= node;
        }
    }

    /// <summary>System.Text.Json ends its messages with the position, which the diagnostic's location already says.</summary>
    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message.Substring(0, position)).TrimEnd(' ', '|');
    }

    /// <summary>
    /// The reader counts UTF-8 bytes, the diagnostics UTF-16 characters: this walks the bytes once, forwards, as the
    /// reader's positions only grow, so the mapping of a whole file is linear.
    /// </summary>
    private sealed class CharPositions
    {
        private readonly byte[] _bytes;
        private long _byte;
        private int _char;

        public CharPositions(byte[] bytes, int offset)
        {
            _bytes = bytes;
            _char = offset;
        }

        public int At(long position)
        {
            position = Math.Min(position, _bytes.Length);
            for (; _byte < position; _byte++)
            {
                var b = _bytes[_byte];

                // A lead byte starts a character; a four-byte sequence is a surrogate pair, two UTF-16 characters.
                if ((b & 0xC0) != 0x80)
                {
                    _char += b >= 0xF0 ? 2 : 1;
                }
            }

            return _char;
        }
    }
}
