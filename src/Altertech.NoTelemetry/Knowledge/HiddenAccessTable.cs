using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Knowledge;

/// <summary>What a reflection API's name argument names.</summary>
internal enum LoadedNameKind
{
    /// <summary>A type name, maybe assembly-qualified (<c>"Sentry.SentrySdk, Sentry"</c>).</summary>
    Type,

    /// <summary>An assembly name (<c>"Sentry, Version=4.0.0.0"</c>).</summary>
    Assembly,

    /// <summary>An assembly file (<c>"plugins/Sentry.dll"</c>).</summary>
    Path,

    /// <summary>A COM ProgID (<c>"WinHttp.WinHttpRequest.5.1"</c>).</summary>
    ProgId,
}

/// <summary>A name that reflection loads and what it is: a network name, or a telemetry SDK's (then with the service).</summary>
internal sealed class LoadedName
{
    public LoadedName(string name, TelemetryService? service)
    {
        Name = name;
        Service = service;
    }

    public string Name { get; }

    public TelemetryService? Service { get; }
}

/// <summary>A catalogued native network library (<c>wininet</c>), with the entry points that count when only some do.</summary>
internal sealed class NativeNetworkLibrary
{
    public NativeNetworkLibrary(string family, ImmutableHashSet<string> entryPoints, ImmutableHashSet<string> excluded)
    {
        Family = family;
        EntryPoints = entryPoints;
        Excluded = excluded;
    }

    /// <summary>The block's name (<c>Winsock</c>, <c>libc sockets</c>).</summary>
    public string Family { get; }

    /// <summary>Empty when every function of the library counts.</summary>
    public ImmutableHashSet<string> EntryPoints { get; }

    /// <summary>Functions of the library that stay on the machine (urlmon's <c>FindMimeFromData</c>).</summary>
    public ImmutableHashSet<string> Excluded { get; }

    /// <summary>Whether the function counts; <c>InternetOpenUrlW</c> and <c>InternetOpenUrlA</c> are <c>InternetOpenUrl</c>.</summary>
    public bool Counts(string entryPoint)
    {
        var unsuffixed = entryPoint.Length > 1 && entryPoint[entryPoint.Length - 1] is 'W' or 'A' ? entryPoint.Substring(0, entryPoint.Length - 1) : entryPoint;
        return (EntryPoints.IsEmpty || EntryPoints.Contains(entryPoint) || EntryPoints.Contains(unsuffixed))
            && !Excluded.Contains(entryPoint) && !Excluded.Contains(unsuffixed);
    }
}

/// <summary>A catalogued executable: a network tool, a shell, a URL opener.</summary>
internal sealed class NetworkTool
{
    public NetworkTool(string name, string family)
    {
        Name = name;
        Family = family;
    }

    public string Name { get; }

    public string Family { get; }

    /// <summary>The tool talks to the network without conditions (curl, wget, bitsadmin).</summary>
    public bool Always { get; set; }

    /// <summary>The tool talks to the network when its arguments hold one of these words (PowerShell's web cmdlets).</summary>
    public ImmutableArray<string> ArgumentWords { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>The tool opens a URL given in its arguments in the browser.</summary>
    public bool OpensUrls { get; set; }

    /// <summary>A shell: its arguments are searched for the other tools.</summary>
    public bool IsShell { get; set; }
}

/// <summary>
/// The doors around a symbol-based check in one compilation (NT0007): the reflection, native-library and process
/// APIs of <c>Hidden.txt</c> resolved to symbols once, the names they may load, the native network libraries and the
/// network tools. Names are matched as the runtime matches them: type and assembly names by namespace, library and
/// tool names without case, folder or extension.
/// </summary>
internal sealed class HiddenAccessTable
{
    private readonly Dictionary<ISymbol, ImmutableArray<(string Parameter, LoadedNameKind Kind)>> _loaders;
    private readonly HashSet<ISymbol> _memberLookups;
    private readonly Dictionary<ISymbol, ImmutableArray<string>> _nativeLoaders;
    private readonly Dictionary<ISymbol, (string? FileName, string? Arguments)> _launches;
    private readonly List<(string Prefix, TelemetryService? Service)> _namespaces;
    private readonly List<(string Prefix, TelemetryService? Service)> _assemblies;
    private readonly ImmutableArray<string> _progIds;
    private readonly ImmutableArray<string> _signIn;
    private readonly Dictionary<string, NativeNetworkLibrary> _libraries;
    private readonly Dictionary<string, NetworkTool> _tools;
    private readonly HashSet<INamedTypeSymbol> _apiTypes = new(SymbolEqualityComparer.Default);

    private HiddenAccessTable(
        Dictionary<ISymbol, ImmutableArray<(string Parameter, LoadedNameKind Kind)>> loaders,
        HashSet<ISymbol> memberLookups,
        Dictionary<ISymbol, ImmutableArray<string>> nativeLoaders,
        Dictionary<ISymbol, (string? FileName, string? Arguments)> launches,
        List<(string Prefix, TelemetryService? Service)> namespaces,
        List<(string Prefix, TelemetryService? Service)> assemblies,
        ImmutableArray<string> progIds,
        Dictionary<string, NativeNetworkLibrary> libraries,
        Dictionary<string, NetworkTool> tools,
        ImmutableArray<string> signIn,
        INamedTypeSymbol? startInfo)
    {
        _signIn = signIn;
        _loaders = loaders;
        _memberLookups = memberLookups;
        _nativeLoaders = nativeLoaders;
        _launches = launches;
        _namespaces = namespaces;
        _assemblies = assemblies;
        _progIds = progIds;
        _libraries = libraries;
        _tools = tools;
        StartInfo = startInfo;
        foreach (var member in loaders.Keys.Concat(memberLookups).Concat(nativeLoaders.Keys).Concat(launches.Keys))
        {
            _apiTypes.Add(member.ContainingType.OriginalDefinition);
        }
    }

    /// <summary>
    /// The type declares one of the reflection, native-library or process APIs (<c>Type</c>, <c>Assembly</c>,
    /// <c>Process</c>, ...): one lookup that answers no for almost every call.
    /// </summary>
    public bool DeclaresApis(INamedTypeSymbol? type) => type is not null && _apiTypes.Contains(type.OriginalDefinition);

    /// <summary><c>System.Diagnostics.ProcessStartInfo</c>, when the compilation has it.</summary>
    public INamedTypeSymbol? StartInfo { get; }

    public bool HasLaunches => _launches.Count > 0;

    public static HiddenAccessTable Build(SymbolResolver resolver, Compilation compilation, ImmutableArray<CatalogueSection> sections, ImmutableArray<TelemetryService> services, CancellationToken cancellationToken)
    {
        var loaders = new Dictionary<ISymbol, ImmutableArray<(string, LoadedNameKind)>>(SymbolEqualityComparer.Default);
        var memberLookups = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var nativeLoaders = new Dictionary<ISymbol, ImmutableArray<string>>(SymbolEqualityComparer.Default);
        var launches = new Dictionary<ISymbol, (string?, string?)>(SymbolEqualityComparer.Default);
        var namespaces = new List<(string, TelemetryService?)>();
        var assemblies = new List<(string, TelemetryService?)>();
        var progIds = ImmutableArray.CreateBuilder<string>();
        var libraries = new Dictionary<string, NativeNetworkLibrary>(StringComparer.Ordinal);
        var tools = new Dictionary<string, NetworkTool>(StringComparer.Ordinal);
        var signIn = ImmutableArray.CreateBuilder<string>();
        foreach (var section in sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (section.GetMetadata("door"))
            {
                case "reflection":
                    foreach (var entry in section.Entries)
                    {
                        var parameters = ParseNamedParameters(entry.Text);
                        foreach (var symbol in resolver.Resolve(entry))
                        {
                            loaders[symbol.OriginalDefinition] = parameters;
                        }
                    }

                    break;
                case "member":
                    AddAll(resolver, section, memberLookups);
                    break;
                case "names":
                    foreach (var entry in section.Entries)
                    {
                        (entry.Kind == EntryKind.Assembly ? assemblies : namespaces).Add((entry.Target, null));
                    }

                    progIds.AddRange(CatalogueParser.SplitList(section.GetMetadata("progids")));
                    break;
                case "native":
                    var entryPoints = CatalogueParser.SplitList(section.GetMetadata("entry-points")).ToImmutableHashSet(StringComparer.Ordinal);
                    var excluded = CatalogueParser.SplitList(section.GetMetadata("exclude-entry-points")).ToImmutableHashSet(StringComparer.Ordinal);
                    foreach (var library in CatalogueParser.SplitList(section.GetMetadata("libraries")))
                    {
                        libraries[NormalizeLibrary(library)] = new NativeNetworkLibrary(section.Name, entryPoints, excluded);
                    }

                    break;
                case "native-load":
                    foreach (var entry in section.Entries)
                    {
                        foreach (var symbol in resolver.Resolve(entry))
                        {
                            nativeLoaders[symbol.OriginalDefinition] = CatalogueParser.SplitList(entry.Text);
                        }
                    }

                    break;
                case "launch":
                    foreach (var entry in section.Entries)
                    {
                        var names = CatalogueParser.SplitList(entry.Text);
                        var fileName = names.Length > 0 ? names[0] : null;
                        var arguments = names.Length > 1 ? names[1] : null;
                        foreach (var symbol in resolver.Resolve(entry))
                        {
                            launches[symbol.OriginalDefinition] = (fileName, arguments);
                        }
                    }

                    break;
                case "tool":
                    AddTools(section, tools);
                    break;
                case "url":
                    signIn.AddRange(CatalogueParser.SplitList(section.GetMetadata("sign-in")));
                    break;
            }
        }

        // Every telemetry SDK, the project's own too: loading one by name hides it from NT0001 and NT0002.
        foreach (var service in services)
        {
            foreach (var entry in service.Section.Entries)
            {
                if (entry.Kind == EntryKind.Assembly)
                {
                    assemblies.Add((entry.Target, service));
                }
                else if (entry.Kind == EntryKind.Namespace)
                {
                    namespaces.Add((entry.Target, service));
                }
            }
        }

        // SDKs first: "Sentry" names the service, where a network namespace would only say "network".
        namespaces.Sort(static (a, b) => (a.Item2 is null).CompareTo(b.Item2 is null));
        assemblies.Sort(static (a, b) => (a.Item2 is null).CompareTo(b.Item2 is null));
        return new HiddenAccessTable(
            loaders,
            memberLookups,
            nativeLoaders,
            launches,
            namespaces,
            assemblies,
            progIds.ToImmutable(),
            libraries,
            tools,
            signIn.ToImmutable(),
            compilation.GetTypeByMetadataName("System.Diagnostics.ProcessStartInfo"));
    }

    /// <summary>The name parameters of a reflection API (<c>Type.GetType</c>: <c>typeName</c>, a type name); default when it is none.</summary>
    public ImmutableArray<(string Parameter, LoadedNameKind Kind)> LoaderParameters(IMethodSymbol method) =>
        _loaders.TryGetValue(method.OriginalDefinition, out var parameters) ? parameters : default;

    /// <summary><c>Type.GetMethod</c>, <c>Type.InvokeMember</c>, ...: a member looked up by name.</summary>
    public bool IsMemberLookup(IMethodSymbol method) => _memberLookups.Contains(method.OriginalDefinition);

    /// <summary>The library-name parameters of <c>NativeLibrary.Load</c> and its kin; default for any other method.</summary>
    public ImmutableArray<string> NativeLoaderParameters(IMethodSymbol method) =>
        _nativeLoaders.TryGetValue(method.OriginalDefinition, out var parameters) ? parameters : default;

    /// <summary>
    /// The file-name and arguments parameters of a member that starts a process (<c>Process.Start</c>,
    /// <c>new ProcessStartInfo</c>, the <c>FileName</c> setter); false for any other member.
    /// </summary>
    public bool IsLaunch(ISymbol member, out string? fileName, out string? arguments)
    {
        if (_launches.TryGetValue(member.OriginalDefinition, out var names))
        {
            (fileName, arguments) = names;
            return true;
        }

        (fileName, arguments) = (null, null);
        return false;
    }

    /// <summary>The network or telemetry name that <paramref name="text"/> (known text, maybe only its start) names; null for any other.</summary>
    public LoadedName? MatchName(string text, bool complete, LoadedNameKind kind)
    {
        text = text.Trim();
        switch (kind)
        {
            case LoadedNameKind.Type:
                var comma = TopLevelComma(text);
                var typeName = comma < 0 ? text : text.Substring(0, comma).Trim();
                var typeComplete = complete || comma >= 0;
                var generic = typeName.IndexOfAny(new[] { '`', '[' });
                if (generic >= 0)
                {
                    (typeName, typeComplete) = (typeName.Substring(0, generic), true);
                }

                if (MatchPrefix(_namespaces, typeName.Replace('+', '.'), typeComplete, wholeMatches: false) is { } byNamespace)
                {
                    return byNamespace;
                }

                return comma < 0 ? null : MatchAssembly(text.Substring(comma + 1), complete);
            case LoadedNameKind.Assembly:
                return MatchAssembly(text, complete);
            case LoadedNameKind.Path:
                if (!complete)
                {
                    return null;
                }

                var file = FileName(text);
                var extension = file.LastIndexOf('.');
                if (extension > 0 && file.Substring(extension).ToLowerInvariant() is ".dll" or ".exe" or ".winmd")
                {
                    file = file.Substring(0, extension);
                }

                return MatchPrefix(_assemblies, file, complete: true, wholeMatches: true);
            default:
                foreach (var progId in _progIds)
                {
                    if (text.Equals(progId, StringComparison.OrdinalIgnoreCase)
                        || text.StartsWith(progId + ".", StringComparison.OrdinalIgnoreCase))
                    {
                        return new LoadedName(text, null);
                    }
                }

                return null;
        }
    }

    /// <summary>A type the code names that lives in a network or telemetry namespace (<c>typeof(WebClient)</c>).</summary>
    public LoadedName? MatchType(INamedTypeSymbol type)
    {
        var name = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;
        return MatchPrefix(_namespaces, name, complete: true, wholeMatches: false);
    }

    /// <summary>An OAuth authorization or login page (<c>.../oauth/authorize?oauth_token=</c>): the user's own sign-in.</summary>
    public bool IsSignInPage(string url)
    {
        foreach (var marker in _signIn)
        {
            if (url.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The catalogued native network library a <c>[DllImport]</c> or <c>NativeLibrary.Load</c> names; null for any other.</summary>
    public NativeNetworkLibrary? MatchLibrary(string name) =>
        _libraries.TryGetValue(NormalizeLibrary(name), out var library) ? library : null;

    /// <summary>The catalogued tool an executable's file name names (<c>C:\Windows\System32\curl.exe</c>: curl).</summary>
    public NetworkTool? MatchTool(string fileName) =>
        _tools.TryGetValue(NormalizeTool(fileName), out var tool) ? tool : null;

    /// <summary>
    /// The first network tool named as a word of a shell's arguments (<c>-c "curl -d @report https://..."</c>), with the
    /// arguments it needs to count (<c>/c powershell Invoke-WebRequest ...</c>).
    /// </summary>
    public NetworkTool? FindToolIn(string arguments)
    {
        foreach (var word in Commands(arguments))
        {
            // A tool that counts only with certain arguments (PowerShell) counts here only when the shell's arguments have them.
            if (_tools.TryGetValue(NormalizeTool(word), out var tool) && !tool.IsShell
                && (tool.Always || tool.ArgumentWords.Any(w => ContainsWord(arguments, w))))
            {
                return tool;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> as a word of its own, without case.</summary>
    public static bool ContainsWord(string text, string word)
    {
        for (var start = 0; start <= text.Length - word.Length;)
        {
            var found = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var end = found + word.Length;
            if ((found == 0 || !IsWordCharacter(text[found - 1])) && (end == text.Length || !IsWordCharacter(text[end])))
            {
                return true;
            }

            start = found + 1;
        }

        return false;
    }

    /// <summary>
    /// <c>"WinInet.dll"</c>, <c>"/usr/lib/libcurl.so.4"</c>, <c>"libcurl.4.dylib"</c>: wininet, libcurl, libcurl; a
    /// framework by its innermost <c>.framework</c> folder (<c>.../CoreServices.framework/Frameworks/CFNetwork.framework/CFNetwork</c>).
    /// </summary>
    public static string NormalizeLibrary(string name)
    {
        var segments = name.Trim().Trim('"').Split('/', '\\');
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].EndsWith(".framework", StringComparison.OrdinalIgnoreCase))
            {
                return segments[i].ToLowerInvariant();
            }
        }

        var file = segments[segments.Length - 1].ToLowerInvariant();
        foreach (var extension in new[] { ".dll", ".dylib" })
        {
            if (file.EndsWith(extension, StringComparison.Ordinal))
            {
                file = file.Substring(0, file.Length - extension.Length);
                break;
            }
        }

        var so = file.IndexOf(".so", StringComparison.Ordinal);
        if (so > 0 && (so + 3 == file.Length || file[so + 3] == '.'))
        {
            file = file.Substring(0, so);
        }

        // Version numbers after the name (libcurl.4, libSystem.B stays): only numeric segments go.
        for (var dot = file.LastIndexOf('.'); dot > 0 && IsNumber(file, dot + 1); dot = file.LastIndexOf('.'))
        {
            file = file.Substring(0, dot);
        }

        return file;
    }

    private static bool IsNumber(string text, int start)
    {
        if (start >= text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>"C:\Windows\System32\curl.exe"</c>, <c>"/usr/bin/wget"</c>, <c>"\"pwsh\""</c>: curl, wget, pwsh.</summary>
    public static string NormalizeTool(string fileName)
    {
        var file = FileName(fileName.Trim().Trim('"', '\'')).ToLowerInvariant();
        foreach (var extension in new[] { ".exe", ".com", ".bat", ".cmd" })
        {
            if (file.EndsWith(extension, StringComparison.Ordinal))
            {
                return file.Substring(0, file.Length - extension.Length);
            }
        }

        return file;
    }

    private static string FileName(string path)
    {
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private LoadedName? MatchAssembly(string text, bool complete)
    {
        var comma = text.IndexOf(',');
        var simpleName = (comma < 0 ? text : text.Substring(0, comma)).Trim();
        return MatchPrefix(_assemblies, simpleName, complete || comma >= 0, wholeMatches: true);
    }

    /// <summary>
    /// The entry whose name <paramref name="name"/> is, or lies under (<c>System.Net.Http.HttpClient</c> under
    /// <c>System.Net</c>). Text that is only the start of a name counts when it already reaches past the entry's
    /// name and a dot (<c>"System.Net." + name</c>).
    /// </summary>
    private static LoadedName? MatchPrefix(List<(string Prefix, TelemetryService? Service)> entries, string name, bool complete, bool wholeMatches)
    {
        foreach (var (prefix, service) in entries)
        {
            var whole = complete && (wholeMatches || service is not null) && name.Equals(prefix, StringComparison.OrdinalIgnoreCase);
            // "System.Net." + name: the known start already names the namespace.
            var under = (name.Length > prefix.Length + 1 || (!complete && name.Length == prefix.Length + 1))
                && name[prefix.Length] == '.'
                && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            if (whole || under)
            {
                return new LoadedName(name, service);
            }
        }

        return null;
    }

    private static int TopLevelComma(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0: return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The words of a shell's arguments in command position: the first word that is not an option (<c>-c</c>,
    /// <c>/c</c>), and the first after each <c>;</c>, <c>&amp;</c>, <c>|</c> or parenthesis. <c>command -v curl</c> and
    /// <c>apt-get install curl</c> run no curl.
    /// </summary>
    private static IEnumerable<string> Commands(string text)
    {
        var start = -1;
        var expectCommand = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var chain = !end && text[i] is ';' or '&' or '|' or '(' or ')';
            if (end || chain || char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '`')
            {
                if (start >= 0)
                {
                    var word = text.Substring(start, i - start);
                    start = -1;
                    if (expectCommand && !IsOption(word))
                    {
                        expectCommand = false;
                        yield return word;
                    }
                }

                expectCommand |= chain;
            }
            else if (start < 0)
            {
                start = i;
            }
        }
    }

    /// <summary><c>-c</c>, <c>-lc</c>, <c>/c</c>, <c>/k</c>; not <c>/usr/bin/curl</c>.</summary>
    private static bool IsOption(string word) =>
        word[0] == '-' || (word[0] == '/' && word.Length <= 3 && word.IndexOf('/', 1) < 0);

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    private static ImmutableArray<(string, LoadedNameKind)> ParseNamedParameters(string? text)
    {
        var parameters = ImmutableArray.CreateBuilder<(string, LoadedNameKind)>();
        foreach (var item in CatalogueParser.SplitList(text))
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var kind = item.Substring(equals + 1).Trim() switch
            {
                "assembly" => LoadedNameKind.Assembly,
                "path" => LoadedNameKind.Path,
                "progid" => LoadedNameKind.ProgId,
                _ => LoadedNameKind.Type,
            };
            parameters.Add((item.Substring(0, equals).Trim(), kind));
        }

        return parameters.ToImmutable();
    }

    private static void AddAll(SymbolResolver resolver, CatalogueSection section, HashSet<ISymbol> symbols)
    {
        foreach (var entry in section.Entries)
        {
            foreach (var symbol in resolver.Resolve(entry))
            {
                symbols.Add(symbol.OriginalDefinition);
            }
        }
    }

    private static void AddTools(CatalogueSection section, Dictionary<string, NetworkTool> tools)
    {
        var words = CatalogueParser.SplitList(section.GetMetadata("arguments"));
        var opensUrls = string.Equals(section.GetMetadata("opens-urls"), "true", StringComparison.OrdinalIgnoreCase);
        var isShell = string.Equals(section.GetMetadata("shell"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var name in CatalogueParser.SplitList(section.GetMetadata("tools")))
        {
            var key = NormalizeTool(name);
            if (!tools.TryGetValue(key, out var tool))
            {
                tools.Add(key, tool = new NetworkTool(key, section.Name));
            }

            // A tool in several blocks (cmd opens URLs and is a shell) has what each block says.
            tool.Always |= words.IsEmpty && !opensUrls && !isShell;
            tool.ArgumentWords = tool.ArgumentWords.AddRange(words);
            tool.OpensUrls |= opensUrls;
            tool.IsShell |= isShell;
        }
    }
}
