using System;
using System.Collections.Generic;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>
/// One node of a configuration file, JSON or XML, with where it is written: a JSON property or array item, an XML
/// element or attribute. Both readers build the same shape, so that what the catalogue says about a key (a Serilog
/// sink's <c>Args</c>, an NLog target's attribute, an Application Insights key) is looked up one way.
/// </summary>
internal sealed class ConfigNode
{
    private List<ConfigNode>? _children;

    public ConfigNode(string name, TextSpan nameSpan, bool isAttribute = false)
    {
        Name = name;
        NameSpan = nameSpan;
        IsAttribute = isAttribute;
        ValueSpan = nameSpan;
    }

    /// <summary>The JSON property's name, the XML element's or attribute's local name; empty for a JSON array item or root.</summary>
    public string Name { get; }

    /// <summary>Where the name is written; for an array item, the item itself.</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The text of a scalar: a JSON string, number or boolean, an XML attribute's value or an element's text; null for containers and JSON null.</summary>
    public string? Value { get; set; }

    /// <summary>Where the value is written (a JSON string with its quotes, an attribute's quoted value); the name's span when there is none.</summary>
    public TextSpan ValueSpan { get; set; }

    /// <summary>An XML attribute (as opposed to an element or a JSON member).</summary>
    public bool IsAttribute { get; }

    public IReadOnlyList<ConfigNode> Children => (IReadOnlyList<ConfigNode>?)_children ?? Array.Empty<ConfigNode>();

    public void Add(ConfigNode child) => (_children ??= new List<ConfigNode>()).Add(child);

    /// <summary>The first child named <paramref name="name"/>, ignoring case as .NET configuration, NLog and log4net do.</summary>
    public ConfigNode? Child(string name)
    {
        if (_children is null)
        {
            return null;
        }

        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The text of the child <paramref name="name"/>, or of its <c>value</c> attribute (log4net's <c>&lt;remoteAddress value="..."/&gt;</c>).</summary>
    public ConfigNode? ValueOf(string name)
    {
        var child = Child(name);
        return child is { Value: null } ? child.Child("value") : child;
    }
}

/// <summary>A configuration file as read: its root, or why it could not be read.</summary>
internal sealed class ConfigDocument
{
    public ConfigDocument(string path, SourceText text, ConfigNode? root, CatalogueProblem? problem)
    {
        Path = path;
        Text = text;
        Root = root;
        Problem = problem;
    }

    public string Path { get; }

    public SourceText Text { get; }

    /// <summary>The JSON value or the XML document element; null when the file could not be read.</summary>
    public ConfigNode? Root { get; }

    /// <summary>Why the file could not be read, at the line where reading stopped; null when it was read.</summary>
    public CatalogueProblem? Problem { get; }
}
