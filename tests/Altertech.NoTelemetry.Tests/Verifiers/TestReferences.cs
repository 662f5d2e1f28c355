using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Altertech.NoTelemetry.Tests.Verifiers;

/// <summary>
/// Hermetic reference sets: .NET 8 reference assemblies plus the real SDK packages from the package registry,
/// cached on disk by the testing library.
/// </summary>
public static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    public static ReferenceAssemblies ApplicationInsights { get; } = With(("Microsoft.ApplicationInsights", "2.22.0"));

    public static ReferenceAssemblies Sentry { get; } = With(("Sentry", "6.12.1"));

    /// <summary>Sentry's <c>ILoggingBuilder.AddSentry</c>, which lives in namespace Microsoft.Extensions.Logging.</summary>
    public static ReferenceAssemblies SentryExtensionsLogging { get; } = With(("Sentry.Extensions.Logging", "6.12.1"));

    /// <summary><c>WriteTo.ApplicationInsights(...)</c>, which lives in namespace Serilog.</summary>
    public static ReferenceAssemblies SerilogApplicationInsights { get; } = With(("Serilog.Sinks.ApplicationInsights", "4.0.0"));

    /// <summary>
    /// The Application Insights logger provider. Its dependencies are pinned to versions the registry serves: the
    /// lowest ones it asks for are not.
    /// </summary>
    public static ReferenceAssemblies ApplicationInsightsLogging { get; } = With(
        ("Microsoft.Extensions.Logging.ApplicationInsights", "2.22.0"),
        ("Microsoft.Extensions.Logging", "8.0.0"),
        ("Microsoft.Extensions.Configuration.Abstractions", "8.0.0"));

    /// <summary>The DI abstractions that the Application Insights ASP.NET Core stand-in extends.</summary>
    public static ReferenceAssemblies DependencyInjection { get; } = With(("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.0"));

    public static ReferenceAssemblies ApplicationInsightsAndSentry { get; } =
        With(("Microsoft.ApplicationInsights", "2.22.0"), ("Sentry", "6.12.1"));

    public static ReferenceAssemblies ApplicationInsightsAndDependencyInjection { get; } =
        With(("Microsoft.ApplicationInsights", "2.22.0"), ("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.0"));

    // Client libraries whose connect, send and register calls NT0006 inventories (Egress.Libraries.txt).
    public static ReferenceAssemblies RestSharp { get; } = With(("RestSharp", "114.1.0"));

    public static ReferenceAssemblies FlurlHttp { get; } = With(("Flurl.Http", "4.0.2"));

    public static ReferenceAssemblies Refit { get; } = With(("Refit", "16.4.0"));

    public static ReferenceAssemblies Grpc { get; } = With(("Grpc.Net.Client", "2.71.0"));

    public static ReferenceAssemblies SignalRClient { get; } = With(("Microsoft.AspNetCore.SignalR.Client", "8.0.34"));

    public static ReferenceAssemblies Mqtt { get; } = With(("MQTTnet", "5.2.0.1603"));

    public static ReferenceAssemblies OpenTelemetryExporters { get; } =
        With(("OpenTelemetry.Exporter.OpenTelemetryProtocol", "1.20.1"), ("OpenTelemetry.Exporter.Zipkin", "1.20.1"));

    public static ReferenceAssemblies SerilogSeq { get; } = With(("Serilog.Sinks.Seq", "9.1.0"));

    /// <summary>Serilog alone: what the Serilog.Sinks.Http stand-in extends (the registry does not serve the sink).</summary>
    public static ReferenceAssemblies Serilog { get; } = With(("Serilog", "4.3.0"));

    private static ReferenceAssemblies With(params (string Id, string Version)[] packages) =>
        ReferenceAssemblies.Net.Net80.AddPackages(packages.Select(p => new PackageIdentity(p.Id, p.Version)).ToImmutableArray());

    /// <summary>
    /// Puts every package on disk. The testing library leaves a package out of what it resolves in the process
    /// that downloaded it, so <see cref="Program"/> runs this in a process of its own after each build.
    /// </summary>
    public static async Task WarmUpAsync()
    {
        foreach (var property in typeof(TestReferences).GetProperties())
        {
            var references = (ReferenceAssemblies)property.GetValue(null)!;
            await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        }
    }
}
