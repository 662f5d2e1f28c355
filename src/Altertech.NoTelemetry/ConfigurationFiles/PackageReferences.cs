using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>
/// The project file's <c>&lt;PackageReference Include="..."&gt;</c> lines, and, when NuGet's assets file
/// (<c>obj/project.assets.json</c>) is an additional file too, which package ships an assembly and which direct
/// reference brings that package in. The package's targets pass both; without them there is nothing to point at.
/// </summary>
internal sealed class PackageReferences
{
    private const string AssetsFileName = "project.assets.json";

    private readonly ConfigDocument _project;
    private readonly Dictionary<string, ConfigNode> _direct;
    private readonly AdditionalText? _assetsFile;
    private readonly CancellationToken _cancellationToken;
    private Assets? _assets;

    private PackageReferences(ConfigDocument project, Dictionary<string, ConfigNode> direct, AdditionalText? assetsFile, CancellationToken cancellationToken)
    {
        _project = project;
        _direct = direct;
        _assetsFile = assetsFile;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The project file among the additional files (the one named after the assembly, if several), or null.</summary>
    public static PackageReferences? Find(AnalyzerOptions options, string? assemblyName, CancellationToken cancellationToken)
    {
        AdditionalText? project = null;
        AdditionalText? assets = null;
        foreach (var file in options.AdditionalFiles)
        {
            var name = Path.GetFileName(file.Path);
            if (string.Equals(name, AssetsFileName, StringComparison.OrdinalIgnoreCase))
            {
                assets ??= file;
            }
            else if (name.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && Path.GetExtension(name).Length > 4
                && (project is null || string.Equals(Path.GetFileNameWithoutExtension(name), assemblyName, StringComparison.OrdinalIgnoreCase)))
            {
                project = file;
            }
        }

        if (project is null || project.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        var document = XmlConfigurationReader.Read(project.Path, text, cancellationToken);
        var direct = new Dictionary<string, ConfigNode>(StringComparer.OrdinalIgnoreCase);
        if (document.Root is { } root)
        {
            Collect(root, direct);
        }

        return new PackageReferences(document, direct, assets, cancellationToken);
    }

    /// <summary>
    /// The direct reference that brings <paramref name="package"/> (or, per the assets file, the package that ships
    /// <paramref name="assemblyName"/>): the package itself when the project names it, else the first of the project's
    /// references that depends on it. Null when neither file tells.
    /// </summary>
    public (string Reference, Location Location)? DirectReferenceFor(string assemblyName, string package)
    {
        if (_direct.TryGetValue(package, out var node))
        {
            return (package, LocationOf(node));
        }

        _assets ??= Assets.Read(_assetsFile, _cancellationToken);
        if (_assets.PackageOf(assemblyName) is { } shipping && _direct.TryGetValue(shipping, out node))
        {
            return (shipping, LocationOf(node));
        }

        return _assets.DirectDependentOf(_assets.PackageOf(assemblyName) ?? package, _direct, _cancellationToken) is { } reference
            ? (reference, LocationOf(_direct[reference]))
            : null;
    }

    private Location LocationOf(ConfigNode node) => Infrastructure.DiagnosticLocations.InFile(_project.Path, _project.Text, node.ValueSpan);

    /// <summary>Every <c>PackageReference</c>'s <c>Include</c>, in any item group, the first of a package winning.</summary>
    private static void Collect(ConfigNode node, Dictionary<string, ConfigNode> direct)
    {
        foreach (var child in node.Children)
        {
            if (child.IsAttribute)
            {
                continue;
            }

            if (string.Equals(child.Name, "PackageReference", StringComparison.OrdinalIgnoreCase) && child.Child("Include") is { Value: { } include } attribute)
            {
                foreach (var id in include.Split(';'))
                {
                    if (id.Trim() is { Length: > 0 } trimmed && !direct.ContainsKey(trimmed))
                    {
                        direct.Add(trimmed, attribute);
                    }
                }
            }

            Collect(child, direct);
        }
    }

    /// <summary>The first target of the assets file: each package's dependencies and the assemblies it compiles against.</summary>
    private sealed class Assets
    {
        private static readonly Assets s_none = new(new Dictionary<string, List<string>>(), new Dictionary<string, string>());
        private readonly Dictionary<string, List<string>> _dependents;
        private readonly Dictionary<string, string> _assemblyPackages;

        private Assets(Dictionary<string, List<string>> dependents, Dictionary<string, string> assemblyPackages)
        {
            _dependents = dependents;
            _assemblyPackages = assemblyPackages;
        }

        public static Assets Read(AdditionalText? file, CancellationToken cancellationToken)
        {
            if (file?.GetText(cancellationToken) is not { } text
                || JsonConfigurationReader.Read(file.Path, text, cancellationToken).Root?.Child("targets") is not { } targets
                || targets.Children.Count == 0)
            {
                return s_none;
            }

            var dependents = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            var assemblyPackages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var library in targets.Children[0].Children)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var slash = library.Name.IndexOf('/');
                var id = slash < 0 ? library.Name : library.Name.Substring(0, slash);
                foreach (var dependency in library.Child("dependencies")?.Children ?? Array.Empty<ConfigNode>())
                {
                    if (!dependents.TryGetValue(dependency.Name, out var list))
                    {
                        dependents.Add(dependency.Name, list = new List<string>());
                    }

                    list.Add(id);
                }

                foreach (var asset in library.Child("compile")?.Children ?? Array.Empty<ConfigNode>())
                {
                    var assembly = Path.GetFileNameWithoutExtension(asset.Name);
                    if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !assemblyPackages.ContainsKey(assembly))
                    {
                        assemblyPackages.Add(assembly, id);
                    }
                }
            }

            return new Assets(dependents, assemblyPackages);
        }

        public string? PackageOf(string assemblyName) => _assemblyPackages.TryGetValue(assemblyName, out var package) ? package : null;

        /// <summary>A direct reference that depends on <paramref name="package"/>, nearest first: one walk up the graph.</summary>
        public string? DirectDependentOf(string package, Dictionary<string, ConfigNode> direct, CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { package };
            var queue = new Queue<string>();
            queue.Enqueue(package);
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_dependents.TryGetValue(queue.Dequeue(), out var parents))
                {
                    continue;
                }

                foreach (var parent in parents)
                {
                    if (direct.ContainsKey(parent))
                    {
                        return parent;
                    }

                    if (seen.Add(parent))
                    {
                        queue.Enqueue(parent);
                    }
                }
            }

            return null;
        }
    }
}
