using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>
/// Reads an XML configuration file (<c>nlog.config</c>, <c>log4net.config</c>, <c>ApplicationInsights.config</c>,
/// <c>App.config</c>, the project file) with <see cref="XmlReader"/>, which is part of netstandard2.0: elements and
/// attributes with their positions. No DTD is processed and nothing is resolved, so a file cannot make the reader fetch
/// or expand anything. A file that is not XML gives a problem at its line, never an exception.
/// </summary>
internal static class XmlConfigurationReader
{
    /// <summary>Elements nested deeper than this are skipped: no configuration section is that deep.</summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static ConfigDocument Read(string path, SourceText text, CancellationToken cancellationToken)
    {
        var content = text.ToString();
        if (content.Trim().TrimStart('\uFEFF').Length == 0)
        {
            return new ConfigDocument(path, text, null, null);
        }

        var open = new Stack<ConfigNode>();
        ConfigNode? root = null;
        try
        {
            // XmlReader takes a byte order mark in a string for text before the declaration: it reads past it, and
            // positions on the first line count it back.
            var bom = content[0] == '\uFEFF' ? 1 : 0;
            using var reader = XmlReader.Create(new StringReader(bom == 0 ? content : content.Substring(bom)), s_settings);
            var lines = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.Depth >= MaxDepth)
                        {
                            reader.Skip();
                            continue;
                        }

                        var start = Offset(text, lines, bom);
                        var element = new ConfigNode(reader.LocalName, new TextSpan(start, Math.Min(reader.Name.Length, content.Length - start)));
                        var empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                var at = Offset(text, lines, bom);
                                var attribute = new ConfigNode(reader.LocalName, new TextSpan(at, Math.Min(reader.Name.Length, content.Length - at)), isAttribute: true) { Value = reader.Value };
                                attribute.ValueSpan = QuotedValue(content, at) ?? attribute.NameSpan;
                                element.Add(attribute);
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        if (open.Count > 0)
                        {
                            open.Peek().Add(element);
                        }
                        else
                        {
                            root ??= element;
                        }

                        if (!empty)
                        {
                            open.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (open.Count > 0)
                        {
                            open.Pop();
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        if (open.Count > 0 && open.Peek() is { Value: null } owner && reader.Value.Trim() is { Length: > 0 } value)
                        {
                            owner.Value = value;
                            owner.ValueSpan = TextOf(content, Offset(text, lines, bom), value);
                        }

                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return new ConfigDocument(path, text, null, new Catalogue.CatalogueProblem(Math.Max(0, e.LineNumber - 1), "not valid XML, so it is not checked: " + WithoutPosition(e.Message)));
        }

        return new ConfigDocument(path, text, root, null);
    }

    /// <summary>The offset of the reader's current node: its line and column are one-based.</summary>
    private static int Offset(SourceText text, IXmlLineInfo lines, int bom)
    {
        if (lines.LineNumber < 1 || lines.LineNumber > text.Lines.Count)
        {
            return 0;
        }

        var line = text.Lines[lines.LineNumber - 1];
        return Math.Min(line.Start + Math.Max(0, lines.LinePosition - 1) + (lines.LineNumber == 1 ? bom : 0), line.End);
    }

    /// <summary>The quoted value of the attribute whose name starts at <paramref name="nameStart"/>, quotes included.</summary>
    private static TextSpan? QuotedValue(string content, int nameStart)
    {
        var equals = content.IndexOf('=', nameStart);
        if (equals < 0)
        {
            return null;
        }

        var open = equals + 1;
        while (open < content.Length && char.IsWhiteSpace(content[open]))
        {
            open++;
        }

        if (open >= content.Length || content[open] is not ('"' or '\''))
        {
            return null;
        }

        var close = content.IndexOf(content[open], open + 1);
        return close < 0 ? null : TextSpan.FromBounds(open, close + 1);
    }

    /// <summary>The trimmed text of an element, which starts at <paramref name="start"/> and ends before the next tag.</summary>
    private static TextSpan TextOf(string content, int start, string trimmed)
    {
        var end = content.IndexOf('<', start);
        end = end < 0 ? content.Length : end;
        while (start < end && char.IsWhiteSpace(content[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(content[end - 1]))
        {
            end--;
        }

        return end > start ? TextSpan.FromBounds(start, end) : new TextSpan(start, Math.Min(trimmed.Length, content.Length - start));
    }

    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" Line ", StringComparison.Ordinal);
        return position < 0 ? message : message.Substring(0, position).TrimEnd(',', ' ');
    }
}
