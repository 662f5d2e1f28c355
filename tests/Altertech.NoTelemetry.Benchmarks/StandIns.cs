using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// Stand-ins for the telemetry SDKs the corpus calls: compiled in memory with each SDK's true assembly name,
/// namespaces and types, and referenced as metadata, the way a product meets the real SDK.
/// </summary>
internal static class StandIns
{
    private const string ApplicationInsights = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.ApplicationInsights
        {
            public sealed class TelemetryClient
            {
                public TelemetryClient() { }
                public TelemetryClient(Microsoft.ApplicationInsights.Extensibility.TelemetryConfiguration configuration) { }
                public Microsoft.ApplicationInsights.DataContracts.TelemetryContext Context { get; } = new Microsoft.ApplicationInsights.DataContracts.TelemetryContext();
                public void TrackEvent(string eventName, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) { }
                public void TrackException(Exception exception, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) { }
                public void TrackMetric(string name, double value, IDictionary<string, string>? properties = null) { }
                public void TrackTrace(string message) { }
                public void TrackDependency(string dependencyTypeName, string dependencyName, string data, DateTimeOffset startTime, TimeSpan duration, bool success) { }
                public void Flush() { }
                public Task<bool> FlushAsync(CancellationToken cancellationToken) => Task.FromResult(true);
            }
        }

        namespace Microsoft.ApplicationInsights.DataContracts
        {
            public sealed class TelemetryContext
            {
                public UserContext User { get; } = new UserContext();
                public string? InstrumentationKey { get; set; }
            }

            public sealed class UserContext
            {
                public string? Id { get; set; }
                public string? AccountId { get; set; }
            }
        }

        namespace Microsoft.ApplicationInsights.Extensibility
        {
            public sealed class TelemetryConfiguration
            {
                public string? ConnectionString { get; set; }
                public static TelemetryConfiguration CreateDefault() => new TelemetryConfiguration();
            }
        }
        """;

    private const string Sentry = """
        using System;
        using System.Threading.Tasks;

        namespace Sentry
        {
            public static class SentrySdk
            {
                public static IDisposable Init(string dsn) => new Scope();
                public static IDisposable Init(Action<SentryOptions> configureOptions) => new Scope();
                public static SentryId CaptureException(Exception exception) => default;
                public static SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info) => default;
                public static void AddBreadcrumb(string message, string? category = null) { }
                public static Task FlushAsync(TimeSpan timeout) => Task.CompletedTask;
                private sealed class Scope : IDisposable { public void Dispose() { } }
            }

            public class SentryOptions
            {
                public string? Dsn { get; set; }
                public double? TracesSampleRate { get; set; }
                public bool Debug { get; set; }
                public string? Environment { get; set; }
            }

            public readonly struct SentryId { }

            public enum SentryLevel { Debug, Info, Warning, Error, Fatal }
        }
        """;

    private const string Segment = """
        using System.Collections.Generic;

        namespace Segment
        {
            public static class Analytics
            {
                public static void Initialize(string writeKey) { }
                public static Client Client { get; } = new Client();
            }

            public class Client
            {
                public void Track(string userId, string eventName, IDictionary<string, object>? properties = null) { }
                public void Identify(string userId, IDictionary<string, object> traits) { }
                public void Flush() { }
            }
        }
        """;

    private const string Mixpanel = """
        using System.Threading.Tasks;

        namespace Mixpanel
        {
            public class MixpanelClient
            {
                public MixpanelClient(string token) { }
                public Task<bool> TrackAsync(string @event, object properties) => Task.FromResult(true);
                public Task<bool> PeopleSetAsync(object properties) => Task.FromResult(true);
            }
        }
        """;

    /// <summary>Application Insights, Sentry, Segment (assembly Analytics) and Mixpanel.</summary>
    public static ImmutableArray<MetadataReference> Compile(ImmutableArray<MetadataReference> framework) => ImmutableArray.Create(
        Emit("Microsoft.ApplicationInsights", ApplicationInsights, framework),
        Emit("Sentry", Sentry, framework),
        Emit("Analytics", Segment, framework),
        Emit("Mixpanel", Mixpanel, framework));

    private static MetadataReference Emit(string assemblyName, string source, ImmutableArray<MetadataReference> framework)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The {assemblyName} stand-in does not compile:{Environment.NewLine}" + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray(), filePath: assemblyName + ".dll");
    }
}
