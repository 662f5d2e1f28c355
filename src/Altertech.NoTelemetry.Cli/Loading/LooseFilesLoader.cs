using System.Reflection.Metadata;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>
/// A folder of .cs files with no project: one compilation against the running runtime's reference assemblies and the
/// implicit global usings of Microsoft.NET.Sdk, which products rely on. Packages the code uses are missing, so
/// results are approximate: calls into an SDK that does not bind are still reported as candidates, but not all are.
/// </summary>
internal static class LooseFilesLoader
{
    /// <summary>Microsoft.NET.Sdk's ImplicitUsings for a console or library project.</summary>
    private static readonly string[] s_implicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static LoadResult Load(AuditInput input, string enforcement, CancellationToken cancellationToken)
    {
        var workspace = new AdhocWorkspace();
        var name = new DirectoryInfo(input.Folder).Name;
        var projectId = ProjectId.CreateNewId(name);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var documents = new List<DocumentInfo>();
        var hasTopLevelStatements = false;
        foreach (var file in input.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = SourceText.From(File.ReadAllText(file), System.Text.Encoding.UTF8);
            hasTopLevelStatements |= CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken: cancellationToken)
                .GetCompilationUnitRoot(cancellationToken).Members.OfType<GlobalStatementSyntax>().Any();
            documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(file), loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Create(), file)), filePath: file));
        }

        var usingsPath = Path.Combine(input.Folder, "obj", name + ".GlobalUsings.g.cs");
        var usings = string.Concat(s_implicitUsings.Select(u => $"global using global::{u};\n"));
        documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(usingsPath),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(usings), VersionStamp.Create(), usingsPath)), filePath: usingsPath, isGenerated: true));

        var configs = EditorConfigs(input.Folder)
            .Select(path => DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(path), loader: FileText(path), filePath: path))
            .ToList();
        var additional = new List<DocumentInfo>();
        if (ConfigFileDiscovery.Find(input.Folder) is { } configFile)
        {
            additional.Add(DocumentInfo.Create(DocumentId.CreateNewId(projectId), ConfigFileDiscovery.FileName, loader: FileText(configFile), filePath: configFile));
        }

        var options = new CSharpCompilationOptions(hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var projectFile = Path.Combine(input.Folder, name + ".csproj");
        var info = ProjectInfo.Create(projectId, VersionStamp.Create(), name, name, LanguageNames.CSharp, filePath: projectFile,
                compilationOptions: options, parseOptions: parseOptions, documents: documents, metadataReferences: ReferenceAssemblies(), additionalDocuments: additional)
            .WithAnalyzerConfigDocuments(configs);
        var project = workspace.AddProject(info);
        project = AnalysisSetup.AddEnforcementConfig(project, enforcement);
        var messages = new List<ToolMessage>
        {
            new(ToolMessageLevel.Warning,
                $"{input.Folder} holds no solution or project: its {input.Files.Count} .cs files are analysed as one compilation against the .NET {Environment.Version} reference assemblies and the SDK's implicit global usings, without the packages they may use. Results are approximate; audit the project for exact ones."),
        };
        return new LoadResult(project.Solution, [new LoadedProject(projectId, name, input.Folder, null, enforcement, IsApproximate: true)], messages, []);
    }

    private static TextLoader FileText(string path) =>
        TextLoader.From(TextAndVersion.Create(SourceText.From(File.ReadAllText(path)), VersionStamp.Create(), path));

    /// <summary>The .editorconfig files from the folder up to the first with <c>root = true</c>, and the folder's .globalconfig.</summary>
    private static List<string> EditorConfigs(string folder)
    {
        var configs = new List<string>();
        if (File.Exists(Path.Combine(folder, ".globalconfig")))
        {
            configs.Add(Path.Combine(folder, ".globalconfig"));
        }

        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var path = Path.Combine(current.FullName, ".editorconfig");
            if (!File.Exists(path))
            {
                continue;
            }

            configs.Add(path);
            if (File.ReadLines(path).Any(line => line.Replace(" ", "", StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }
        }

        return configs;
    }

    /// <summary>
    /// The reference pack of the running runtime (packs/Microsoft.NETCore.App.Ref beside it), the newest of its major
    /// version; failing that, the runtime's own assemblies, which compile the same code.
    /// </summary>
    private static List<MetadataReference> ReferenceAssemblies()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var moniker = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var referenceDirectory = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs)
                .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == Environment.Version.Major)
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .Select(d => Path.Combine(d, "ref", moniker))
                .FirstOrDefault(Directory.Exists)
            : null;
        var directory = referenceDirectory ?? runtimeDirectory;
        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
