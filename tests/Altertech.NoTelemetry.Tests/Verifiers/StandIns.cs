using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>
/// Stand-ins for SDKs the package registry does not serve: compiled from source into an assembly with the
/// SDK's true assembly name, namespaces and types, and referenced as metadata, the way a product meets the SDK.
/// </summary>
public static class StandIns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<MetadataReference>>> s_cache = new();

    /// <summary>
    /// <c>services.AddApplicationInsightsTelemetry()</c> lives in namespace Microsoft.Extensions.DependencyInjection
    /// but ships in assembly Microsoft.ApplicationInsights.AspNetCore.
    /// </summary>
    public static Task<MetadataReference> ApplicationInsightsAspNetCore => GetAsync(
        "Microsoft.ApplicationInsights.AspNetCore",
        TestReferences.DependencyInjection,
        """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class ApplicationInsightsExtensions
            {
                public static IServiceCollection AddApplicationInsightsTelemetry(this IServiceCollection services) => services;
                public static IServiceCollection AddApplicationInsightsTelemetry(this IServiceCollection services, string instrumentationKey) => services;
            }
        }

        namespace Microsoft.ApplicationInsights.AspNetCore.Extensions
        {
            public class ApplicationInsightsServiceOptions
            {
                public string? ConnectionString { get; set; }
                public bool EnableAdaptiveSampling { get; set; }
            }
        }
        """);

    /// <summary>New Relic's agent API, whose <c>[Transaction]</c> attribute instruments a method without a call.</summary>
    public static Task<MetadataReference> NewRelicAgentApi => GetAsync(
        "NewRelic.Api.Agent",
        TestReferences.Net80,
        """
        namespace NewRelic.Api.Agent
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class TransactionAttribute : System.Attribute
            {
                public bool Web { get; set; }
            }

            public static class NewRelic
            {
                public static void NoticeError(System.Exception exception) { }
                public static void RecordCustomEvent(string eventType, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object>> attributes) { }
            }
        }
        """);

    /// <summary>Segment's Analytics.NET, assembly Analytics, namespace Segment.</summary>
    /// <summary>The Android bindings assembly that the Sentry package ships for Android targets.</summary>
    public static Task<MetadataReference> SentryBindingsAndroid => GetAsync(
        "Sentry.Bindings.Android",
        TestReferences.Net80,
        "namespace IO.Sentry { public class Sentry { } }");

    public static Task<MetadataReference> SegmentAnalytics => GetAsync(
        "Analytics",
        TestReferences.Net80,
        """
        namespace Segment
        {
            public static class Analytics
            {
                public static void Initialize(string writeKey) { }
                public static Client Client { get; } = new Client();
            }

            public class Client
            {
                public void Track(string userId, string eventName) { }
                public void Identify(string userId, System.Collections.Generic.IDictionary<string, object> traits) { }
                public void Flush() { }
            }
        }
        """);

    /// <summary>
    /// Serilog.Sinks.Http (github.com/FantasticFiasco/serilog-sinks-http): <c>WriteTo.Http(requestUri)</c> and the
    /// durable variants, in class Serilog.LoggerSinkConfigurationExtensions of assembly Serilog.Sinks.Http.
    /// </summary>
    public static Task<MetadataReference> SerilogSinksHttp => GetAsync(
        "Serilog.Sinks.Http",
        TestReferences.Serilog,
        """
        namespace Serilog
        {
            using Serilog.Configuration;
            using Serilog.Events;

            public static class LoggerSinkConfigurationExtensions
            {
                public static LoggerConfiguration Http(
                    this LoggerSinkConfiguration sinkConfiguration,
                    string requestUri,
                    long? queueLimitBytes,
                    long? logEventLimitBytes = null,
                    int? logEventsInBatchLimit = 1000,
                    long? batchSizeLimitBytes = null,
                    System.TimeSpan? period = null,
                    bool flushOnClose = true,
                    LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum) => null!;

                public static LoggerConfiguration DurableHttpUsingTimeRolledBuffers(
                    this LoggerSinkConfiguration sinkConfiguration,
                    string requestUri,
                    string bufferBaseFileName = "Buffer",
                    LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum) => null!;

                public static LoggerConfiguration DurableHttpUsingFileSizeRolledBuffers(
                    this LoggerSinkConfiguration sinkConfiguration,
                    string requestUri,
                    string bufferBaseFileName = "Buffer",
                    long? bufferFileSizeLimitBytes = 1024L * 1024 * 1024,
                    LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum) => null!;
            }
        }
        """);

    /// <summary>
    /// Serilog.Sinks.Elasticsearch (github.com/serilog-contrib/serilog-sinks-elasticsearch): <c>WriteTo.Elasticsearch</c>
    /// with a node list or with options, in class Serilog.LoggerConfigurationElasticsearchExtensions.
    /// </summary>
    public static Task<MetadataReference> SerilogSinksElasticsearch => GetAsync(
        "Serilog.Sinks.Elasticsearch",
        TestReferences.Serilog,
        """
        namespace Serilog.Sinks.Elasticsearch
        {
            public class ElasticsearchSinkOptions
            {
                public ElasticsearchSinkOptions(System.Uri node) { }
                public string? IndexFormat { get; set; }
            }
        }

        namespace Serilog
        {
            using Serilog.Configuration;
            using Serilog.Sinks.Elasticsearch;

            public static class LoggerConfigurationElasticsearchExtensions
            {
                public static LoggerConfiguration Elasticsearch(this LoggerSinkConfiguration loggerSinkConfiguration, ElasticsearchSinkOptions? options = null) => null!;

                public static LoggerConfiguration Elasticsearch(
                    this LoggerSinkConfiguration loggerSinkConfiguration,
                    string nodeUris,
                    string? indexFormat = null,
                    string? templateName = null) => null!;
            }
        }
        """);

    /// <summary>
    /// NuGet.Protocol 6.14's repository API (Repository.Factory, FactoryExtensionsV3.GetCoreV3, SourceRepository).
    /// The registry serves the package, but the testing library cannot resolve it: it ships NuGet.Protocol itself.
    /// </summary>
    public static Task<MetadataReference> NuGetProtocol => GetAsync(
        "NuGet.Protocol",
        TestReferences.Net80,
        """
        namespace NuGet.Protocol
        {
            public static class FactoryExtensionsV3
            {
                public static NuGet.Protocol.Core.Types.SourceRepository GetCoreV3(this NuGet.Protocol.Core.Types.Repository.RepositoryFactory factory, string source) => null!;
            }
        }

        namespace NuGet.Protocol.Core.Types
        {
            public static class Repository
            {
                public static RepositoryFactory Factory { get; } = new RepositoryFactory();

                public class RepositoryFactory { }
            }

            public interface INuGetResource { }

            public abstract class PackageSearchResource : INuGetResource { }

            public class SourceRepository
            {
                public virtual System.Threading.Tasks.Task<T> GetResourceAsync<T>() where T : class, INuGetResource => null!;

                public virtual T GetResource<T>() where T : class, INuGetResource => null!;
            }
        }
        """);

    /// <summary>NuGet.Configuration 6.14's PackageSource (a stand-in for the reason given on <see cref="NuGetProtocol"/>).</summary>
    public static Task<MetadataReference> NuGetConfiguration => GetAsync(
        "NuGet.Configuration",
        TestReferences.Net80,
        """
        namespace NuGet.Configuration
        {
            public class PackageSource
            {
                public PackageSource(string source) { }

                public PackageSource(string source, string name) { }
            }
        }
        """);

    /// <summary>Windows Forms (assembly System.Windows.Forms): <c>Application.ThreadException</c> and <c>ApplicationExit</c>.</summary>
    public static Task<MetadataReference> WindowsForms => GetAsync(
        "System.Windows.Forms",
        TestReferences.Net80,
        """
        namespace System.Windows.Forms
        {
            public static class Application
            {
                public static event System.Threading.ThreadExceptionEventHandler? ThreadException;
                public static event System.EventHandler? ApplicationExit;
                public static void Run() { ThreadException?.Invoke(null, null!); ApplicationExit?.Invoke(null, System.EventArgs.Empty); }
            }
        }
        """);

    /// <summary>WPF's dispatcher (assembly WindowsBase): <c>Dispatcher.UnhandledException</c>.</summary>
    public static Task<MetadataReference> WindowsBase => GetAsync(
        "WindowsBase",
        TestReferences.Net80,
        """
        namespace System.Windows.Threading
        {
            public sealed class DispatcherUnhandledExceptionEventArgs : System.EventArgs
            {
                public System.Exception Exception { get; } = new System.Exception();
                public bool Handled { get; set; }
            }

            public delegate void DispatcherUnhandledExceptionEventHandler(object sender, DispatcherUnhandledExceptionEventArgs e);

            public sealed class Dispatcher
            {
                public static Dispatcher CurrentDispatcher { get; } = new Dispatcher();
                public event DispatcherUnhandledExceptionEventHandler? UnhandledException;
                internal void Raise() => UnhandledException?.Invoke(this, new DispatcherUnhandledExceptionEventArgs());
            }
        }
        """);

    /// <summary>WPF's application (assembly PresentationFramework): its unhandled-exception and exit events, and <c>OnExit</c>.</summary>
    public static Task<MetadataReference> PresentationFramework => GetWithAsync(
        "PresentationFramework",
        TestReferences.Net80,
        new[] { WindowsBase },
        """
        namespace System.Windows
        {
            public class ExitEventArgs : System.EventArgs { public int ApplicationExitCode { get; set; } }
            public delegate void ExitEventHandler(object sender, ExitEventArgs e);
            public class SessionEndingCancelEventArgs : System.ComponentModel.CancelEventArgs { }
            public delegate void SessionEndingCancelEventHandler(object sender, SessionEndingCancelEventArgs e);

            public class Application
            {
                public static Application Current { get; } = new Application();
                public System.Windows.Threading.Dispatcher Dispatcher { get; } = System.Windows.Threading.Dispatcher.CurrentDispatcher;
                public event System.Windows.Threading.DispatcherUnhandledExceptionEventHandler? DispatcherUnhandledException;
                public event ExitEventHandler? Exit;
                public event SessionEndingCancelEventHandler? SessionEnding;
                protected virtual void OnExit(ExitEventArgs e) => Exit?.Invoke(this, e);
                protected virtual void OnSessionEnding(SessionEndingCancelEventArgs e) => SessionEnding?.Invoke(this, e);
                protected virtual void OnStartup(System.EventArgs e) { DispatcherUnhandledException?.Invoke(this, null!); }
            }
        }
        """);

    /// <summary>WinUI 3 (assembly Microsoft.WinUI) and UWP (assembly Windows): <c>Application.UnhandledException</c>.</summary>
    public static Task<MetadataReference> WinUI => GetAsync(
        "Microsoft.WinUI",
        TestReferences.Net80,
        """
        namespace Microsoft.UI.Xaml
        {
            public sealed class UnhandledExceptionEventArgs : System.EventArgs
            {
                public System.Exception Exception { get; } = new System.Exception();
                public string Message => Exception.Message;
            }

            public class Application
            {
                public static Application Current { get; } = new Application();
                public event System.EventHandler<UnhandledExceptionEventArgs>? UnhandledException;
                internal void Raise() => UnhandledException?.Invoke(this, new UnhandledExceptionEventArgs());
            }
        }
        """);

    /// <summary>UWP's application (assembly Windows, namespace Windows.UI.Xaml).</summary>
    public static Task<MetadataReference> Uwp => GetAsync(
        "Windows",
        TestReferences.Net80,
        """
        namespace Windows.UI.Xaml
        {
            public sealed class UnhandledExceptionEventArgs : System.EventArgs
            {
                public System.Exception Exception { get; } = new System.Exception();
            }

            public delegate void UnhandledExceptionEventHandler(object sender, UnhandledExceptionEventArgs e);

            public class Application
            {
                public static Application Current { get; } = new Application();
                public event UnhandledExceptionEventHandler? UnhandledException;
                internal void Raise() => UnhandledException?.Invoke(this, new UnhandledExceptionEventArgs());
            }
        }
        """);

    /// <summary>Xamarin and .NET for Android (assembly Mono.Android): <c>AndroidEnvironment.UnhandledExceptionRaiser</c>.</summary>
    public static Task<MetadataReference> MonoAndroid => GetAsync(
        "Mono.Android",
        TestReferences.Net80,
        """
        namespace Android.Runtime
        {
            public class RaiseThrowableEventArgs : System.EventArgs
            {
                public System.Exception Exception { get; } = new System.Exception();
                public bool Handled { get; set; }
            }

            public static class AndroidEnvironment
            {
                public static event System.EventHandler<RaiseThrowableEventArgs>? UnhandledExceptionRaiser;
                internal static void Raise() => UnhandledExceptionRaiser?.Invoke(null, new RaiseThrowableEventArgs());
            }
        }
        """);

    private static Task<MetadataReference> GetAsync(string assemblyName, ReferenceSet references, string source) =>
        s_cache.GetOrAdd(assemblyName, _ => new Lazy<Task<MetadataReference>>(() => CompileAsync(assemblyName, references, source))).Value;

    /// <summary>.NET for iOS (assembly Microsoft.iOS): <c>ObjCRuntime.Runtime.MarshalManagedException</c>.</summary>
    public static Task<MetadataReference> MicrosoftIos => GetAsync(
        "Microsoft.iOS",
        TestReferences.Net80,
        """
        namespace ObjCRuntime
        {
            public class MarshalManagedExceptionEventArgs : System.EventArgs
            {
                public System.Exception Exception { get; } = new System.Exception();
            }

            public delegate void MarshalManagedExceptionHandler(object sender, MarshalManagedExceptionEventArgs args);

            public static class Runtime
            {
                public static event MarshalManagedExceptionHandler? MarshalManagedException;
                internal static void Raise() => MarshalManagedException?.Invoke(null, new MarshalManagedExceptionEventArgs());
            }
        }
        """);

    /// <summary>A stand-in that references other stand-ins (PresentationFramework builds on WindowsBase).</summary>
    private static Task<MetadataReference> GetWithAsync(string assemblyName, ReferenceSet references, Task<MetadataReference>[] standIns, string source) =>
        s_cache.GetOrAdd(assemblyName, _ => new Lazy<Task<MetadataReference>>(async () =>
        {
            var extra = new List<MetadataReference>();
            foreach (var standIn in standIns)
            {
                extra.Add(await standIn);
            }

            return await CompileAsync(assemblyName, references, source, extra);
        })).Value;

    private static async Task<MetadataReference> CompileAsync(string assemblyName, ReferenceSet references, string source, IEnumerable<MetadataReference>? extra = null)
    {
        var metadata = references.Resolve().Concat(extra ?? Enumerable.Empty<MetadataReference>());
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            metadata,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The {assemblyName} stand-in does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray(), filePath: assemblyName + ".dll");
    }
}
