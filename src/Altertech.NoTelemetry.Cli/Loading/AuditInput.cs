namespace Altertech.NoTelemetry.Cli.Loading;

/// <summary>What the audit's path names: a solution, some projects, or a folder of loose files.</summary>
internal enum InputKind
{
    Solution,
    Projects,
    LooseFiles,
}

/// <summary>The audit's input, resolved from its path.</summary>
/// <param name="Folder">The folder the path names, or the folder of the file it names.</param>
/// <param name="Root">What report paths are relative to (SARIF's %SRCROOT%): the repository the folder is in, the
/// nearest folder above it with a <c>.git</c>, as code scanning expects; the folder itself outside a repository.</param>
internal sealed record AuditInput(InputKind Kind, string Folder, string Root, IReadOnlyList<string> Files)
{
    private AuditInput(InputKind kind, string folder, IReadOnlyList<string> files)
        : this(kind, folder, RepositoryRoot(folder) ?? folder, files)
    {
    }

    private static readonly string[] s_solutionExtensions = [".sln", ".slnx", ".slnf"];

    public static AuditInput Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
            var folder = System.IO.Path.GetDirectoryName(full)!;
            if (s_solutionExtensions.Contains(extension))
            {
                return new AuditInput(InputKind.Solution, folder, [full]);
            }

            if (extension.EndsWith("proj", StringComparison.Ordinal))
            {
                return new AuditInput(InputKind.Projects, folder, [full]);
            }

            throw new AuditException($"{path} is neither a solution (.sln, .slnx, .slnf) nor a project file nor a folder.");
        }

        if (!Directory.Exists(full))
        {
            throw new AuditException($"{path} does not exist.");
        }

        var solutions = Directory.EnumerateFiles(full).Where(f => s_solutionExtensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
        if (solutions.Count == 1)
        {
            return new AuditInput(InputKind.Solution, full, solutions);
        }

        if (solutions.Count > 1)
        {
            throw new AuditException($"{path} holds several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}): name the one to audit.");
        }

        var projects = Directory.EnumerateFiles(full, "*.csproj").Order(StringComparer.Ordinal).ToList();
        if (projects.Count > 0)
        {
            return new AuditInput(InputKind.Projects, full, projects);
        }

        var sources = LooseSources(full);
        return sources.Count > 0
            ? new AuditInput(InputKind.LooseFiles, full, sources)
            : throw new AuditException($"{path} holds no solution, no project and no .cs file.");
    }

    private static string? RepositoryRoot(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(current.FullName, ".git")) || File.Exists(System.IO.Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return null;
    }

    /// <summary>The folder's .cs files and its subfolders', but for build output and hidden folders.</summary>
    private static List<string> LooseSources(string folder)
    {
        var sources = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            sources.AddRange(Directory.EnumerateFiles(current, "*.cs"));
            foreach (var child in Directory.EnumerateDirectories(current))
            {
                var name = System.IO.Path.GetFileName(child);
                if (!name.StartsWith('.') && name is not ("bin" or "obj" or "node_modules"))
                {
                    pending.Push(child);
                }
            }
        }

        sources.Sort(StringComparer.Ordinal);
        return sources;
    }
}
