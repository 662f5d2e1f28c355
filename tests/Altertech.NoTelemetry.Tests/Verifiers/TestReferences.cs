using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>
/// Hermetic reference sets: the .NET 8 reference assemblies plus real SDK packages with their dependencies. The
/// packages are restored by NuGet as part of the build (tests/Altertech.NoTelemetry.TestPackages), so a test reads
/// files that are already on disk and downloads nothing.
/// </summary>
public static class TestReferences
{
    public static ReferenceSet Net80 { get; } = With();

    public static ReferenceSet ApplicationInsights { get; } = With("Microsoft.ApplicationInsights");

    public static ReferenceSet Sentry { get; } = With("Sentry");

    /// <summary>Sentry's <c>ILoggingBuilder.AddSentry</c>, which lives in namespace Microsoft.Extensions.Logging.</summary>
    public static ReferenceSet SentryExtensionsLogging { get; } = With("Sentry.Extensions.Logging");

    /// <summary><c>WriteTo.ApplicationInsights(...)</c>, which lives in namespace Serilog.</summary>
    public static ReferenceSet SerilogApplicationInsights { get; } = With("Serilog.Sinks.ApplicationInsights");

    /// <summary>The Application Insights logger provider, with the logging and configuration packages it extends.</summary>
    public static ReferenceSet ApplicationInsightsLogging { get; } = With(
        "Microsoft.Extensions.Logging.ApplicationInsights",
        "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Configuration.Abstractions");

    /// <summary>The DI abstractions that the Application Insights ASP.NET Core stand-in extends.</summary>
    public static ReferenceSet DependencyInjection { get; } = With("Microsoft.Extensions.DependencyInjection.Abstractions");

    public static ReferenceSet ApplicationInsightsAndSentry { get; } = With("Microsoft.ApplicationInsights", "Sentry");

    public static ReferenceSet ApplicationInsightsAndDependencyInjection { get; } =
        With("Microsoft.ApplicationInsights", "Microsoft.Extensions.DependencyInjection.Abstractions");

    // Client libraries whose connect, send and register calls NT0006 inventories (Egress.Libraries.txt).
    public static ReferenceSet RestSharp { get; } = With("RestSharp");

    public static ReferenceSet FlurlHttp { get; } = With("Flurl.Http");

    public static ReferenceSet Refit { get; } = With("Refit");

    public static ReferenceSet Grpc { get; } = With("Grpc.Net.Client");

    public static ReferenceSet SignalRClient { get; } = With("Microsoft.AspNetCore.SignalR.Client");

    public static ReferenceSet Mqtt { get; } = With("MQTTnet");

    public static ReferenceSet OpenTelemetryExporters { get; } =
        With("OpenTelemetry.Exporter.OpenTelemetryProtocol", "OpenTelemetry.Exporter.Zipkin");

    public static ReferenceSet SerilogSeq { get; } = With("Serilog.Sinks.Seq");

    /// <summary>Serilog alone: what the Serilog.Sinks.Http stand-in extends (the registry does not serve the sink).</summary>
    public static ReferenceSet Serilog { get; } = With("Serilog");

    public static ReferenceSet WebsocketClient { get; } = With("Websocket.Client");

    public static ReferenceSet Hosting { get; } = With("Microsoft.Extensions.Hosting.Abstractions");

    public static ReferenceSet Avalonia { get; } = With("Avalonia");

    /// <summary>
    /// The .NET Standard 2.0 reference assemblies instead of .NET 8's (no packages): an API surface like .NET Framework's,
    /// without <c>File.WriteAllTextAsync</c>.
    /// </summary>
    public static ReferenceSet NetStandard20 { get; } = new(Array.Empty<string>(), netStandard20: true);

    public static ReferenceSet With(params string[] packageIds) => new(packageIds);
}

/// <summary>
/// The .NET 8 reference assemblies and the compile-time assemblies of some packages and of everything they depend on,
/// as NuGet resolved them for tests/Altertech.NoTelemetry.TestPackages. Resolved on first use and kept.
/// </summary>
public sealed class ReferenceSet
{
    /// <summary>No reference-assembly package: the framework comes from <see cref="Resolve"/> like the packages.</summary>
    private static readonly ReferenceAssemblies s_none = new("net8.0");

    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    internal ReferenceSet(IReadOnlyList<string> packageIds, bool netStandard20 = false)
    {
        PackageIds = packageIds;
        _netStandard20 = netStandard20;
        _references = new Lazy<ImmutableArray<MetadataReference>>(() => netStandard20 ? RestoredPackages.Instance.NetStandard20() : RestoredPackages.Instance.References(packageIds));
    }

    private readonly bool _netStandard20;

    /// <summary>The packages named, without their dependencies.</summary>
    public IReadOnlyList<string> PackageIds { get; }

    /// <summary>Every assembly to reference: the framework's, then the packages' closure.</summary>
    public ImmutableArray<MetadataReference> Resolve() => _references.Value;

    /// <summary>Makes <paramref name="test"/> compile against this set.</summary>
    public void ApplyTo<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = s_none;
        test.TestState.AdditionalReferences.AddRange(Resolve());
    }

    public override string ToString() => _netStandard20 ? "netstandard2.0" : PackageIds.Count == 0 ? "net8.0" : "net8.0 + " + string.Join(", ", PackageIds);

    /// <summary>The package graph that NuGet restored for tests/Altertech.NoTelemetry.TestPackages.</summary>
    private sealed class RestoredPackages
    {
        public static RestoredPackages Instance => s_instance.Value;

        private static readonly Lazy<RestoredPackages> s_instance = new(Load);

        private readonly ImmutableArray<MetadataReference> _framework;
        private readonly Dictionary<string, Package> _packages;
        private readonly Dictionary<string, MetadataReference> _files = new(StringComparer.Ordinal);

        private RestoredPackages(ImmutableArray<MetadataReference> framework, Dictionary<string, Package> packages)
        {
            _framework = framework;
            _packages = packages;
        }

        /// <summary>The reference assemblies of NETStandard.Library 2.0 (its <c>build/netstandard2.0/ref</c> folder).</summary>
        public ImmutableArray<MetadataReference> NetStandard20()
        {
            var folder = Path.Combine(_packages["NETStandard.Library"].Folder, "build", "netstandard2.0", "ref");
            return Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }

        public ImmutableArray<MetadataReference> References(IReadOnlyList<string> packageIds)
        {
            var closure = new List<Package>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in packageIds)
            {
                Visit(id);
            }

            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            builder.AddRange(_framework);
            lock (_files)
            {
                foreach (var file in closure.SelectMany(package => package.CompileFiles).Distinct(StringComparer.Ordinal))
                {
                    if (!_files.TryGetValue(file, out var reference))
                    {
                        reference = MetadataReference.CreateFromFile(file);
                        _files.Add(file, reference);
                    }

                    builder.Add(reference);
                }
            }

            return builder.ToImmutable();

            void Visit(string id)
            {
                if (!seen.Add(id))
                {
                    return;
                }

                if (!_packages.TryGetValue(id, out var package))
                {
                    throw new InvalidOperationException(
                        $"Package {id} is not restored for the tests: add it to tests/Altertech.NoTelemetry.TestPackages/Altertech.NoTelemetry.TestPackages.csproj.");
                }

                closure.Add(package);
                foreach (var dependency in package.Dependencies)
                {
                    Visit(dependency);
                }
            }
        }

        private static RestoredPackages Load()
        {
            var directory = typeof(RestoredPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "TestPackagesIntermediateDirectory").Value!;
            var framework = File.ReadAllLines(Path.Combine(directory, "framework-references.txt"))
                .Where(line => line.Length > 0)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
            if (framework.IsEmpty)
            {
                throw new InvalidOperationException($"No .NET 8 reference assemblies are listed in {directory}framework-references.txt.");
            }

            using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "project.assets.json")));
            var root = assets.RootElement;
            var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
            var libraries = root.GetProperty("libraries");
            var packages = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in root.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject())
            {
                var id = target.Name.Substring(0, target.Name.IndexOf('/'));
                var folder = Path.Combine(packageFolder, libraries.GetProperty(target.Name).GetProperty("path").GetString()!);
                var dependencies = target.Value.TryGetProperty("dependencies", out var listed)
                    ? listed.EnumerateObject().Select(d => d.Name).ToArray()
                    : Array.Empty<string>();
                var compile = target.Value.TryGetProperty("compile", out var items)
                    ? items.EnumerateObject()
                        .Select(item => item.Name)
                        .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                        .Select(path => Path.Combine(folder, path))
                        .ToArray()
                    : Array.Empty<string>();
                packages[id] = new Package(dependencies, compile, folder);
            }

            return new RestoredPackages(framework, packages);
        }

        private sealed record Package(string[] Dependencies, string[] CompileFiles, string Folder);
    }
}
