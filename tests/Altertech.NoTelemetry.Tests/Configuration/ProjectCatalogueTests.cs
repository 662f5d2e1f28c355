using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Usage = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer>;
using Reference = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkReferenceAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Configuration;

/// <summary>NoTelemetry.txt as an AdditionalFiles item: project entries and exemptions from the built-in catalogue.</summary>
public class ProjectCatalogueTests
{
    private const string ContosoMetrics = """
        namespace Contoso.Metrics
        {
            public sealed class MetricsClient
            {
                public void Send(string name) { }
                public void Flush() { }
            }
        }
        """;

    [Fact]
    public Task Project_entries_name_the_service_by_their_message()
    {
        var test = Usage.CreateTest();
        test.TestState.Sources.Add(ContosoMetrics);
        test.TestState.Sources.Add("""
            using Contoso.Metrics;

            class Checkout
            {
                void Done({|NT0001:MetricsClient|} metrics)
                {
                    metrics.{|#0:Send|}("checkout");
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            # Our own usage metrics uploader: not allowed in the product.
            T:Contoso.Metrics.MetricsClient;Contoso usage metrics
            """));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(0).WithArguments("Contoso usage metrics", "MetricsClient.Send", "sends data to a destination listed in NoTelemetry.txt", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task A_host_entry_makes_hand_rolled_requests_telemetry()
    {
        var test = Usage.CreateTest();
        test.TestCode = """
            using System.Net.Http;
            using System.Threading.Tasks;

            class Stats
            {
                Task Send(HttpClient http) => http.{|#0:PostAsync|}("https://stats.contoso.example/v1/events", null);
            }
            """;
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "H:*.contoso.example;Contoso statistics\n"));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(0).WithArguments("Contoso statistics", "HttpClient.PostAsync to 'stats.contoso.example'", "sends data to a destination listed in NoTelemetry.txt", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task A_section_describes_a_service_with_vendor_and_category()
    {
        var test = Usage.CreateTest();
        test.TestState.Sources.Add(ContosoMetrics);
        test.TestState.Sources.Add("""
            class Checkout
            {
                void Done(Contoso.Metrics.MetricsClient metrics) => metrics.{|#0:Flush|}();
                // Only Flush is listed: the type itself is not a use.
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            [Contoso Metrics]
            vendor = Contoso
            category = analytics
            M:Contoso.Metrics.MetricsClient.Flush
            """));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(0).WithArguments("Contoso Metrics", "MetricsClient.Flush", "sends data to Contoso", ""));
        return test.RunAsync();
    }

    /// <summary>
    /// Entries written as documentation-comment IDs name a nested type with '.', a generic type with its arity and one
    /// overload by its parameter types; each resolves, and an entry for a type nobody declares is ignored.
    /// </summary>
    [Fact]
    public Task Entries_name_nested_and_generic_types_and_single_overloads()
    {
        var test = Usage.CreateTest();
        test.TestState.Sources.Add("""
            namespace Contoso.Metrics
            {
                public static class Pipeline
                {
                    public sealed class Uploader
                    {
                        public void Upload(string batch) { }
                        public void Upload(byte[] batch) { }
                    }
                }

                public sealed class Channel<T>
                {
                    public void Post(T item) { }
                }
            }
            """);
        test.TestState.Sources.Add("""
            using Contoso.Metrics;

            class Checkout
            {
                void Done({|#2:Pipeline.Uploader|} uploader, Channel<int> channel)
                {
                    uploader.{|#0:Upload|}("checkout");
                    uploader.{|#3:Upload|}(new byte[0]);
                    channel.{|#1:Post|}(1);
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            M:Contoso.Metrics.Pipeline.Uploader.Upload(System.String);Contoso uploads
            M:Contoso.Metrics.Channel`1.Post;Contoso channel
            T:Contoso.Metrics.Pipeline.Uploader*;Contoso pipeline
            T:Contoso.Metrics.Missing.Type;nobody declares it
            M:Contoso.Metrics.Missing.Send(System.String);nobody declares it
            """));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(0).WithArguments("Contoso uploads", "Uploader.Upload", "sends data to a destination listed in NoTelemetry.txt", ""));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(1).WithArguments("Contoso channel", "Channel.Post", "sends data to a destination listed in NoTelemetry.txt", ""));

        // A target with a character no name has ("*" here) is read the way a documentation-ID reader reads it: up to
        // that character. The type entry then covers every use of the type.
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(2).WithArguments("Contoso pipeline", "Uploader (uploader)", "uses Contoso pipeline", ""));
        test.ExpectedDiagnostics.Add(Usage.Diagnostic("NT0001").WithLocation(3).WithArguments("Contoso pipeline", "Uploader.Upload", "sends data to a destination listed in NoTelemetry.txt", ""));
        return test.RunAsync();
    }

    private const string SelfHostedSentry = """
        using System;
        using Sentry;

        class Crashes
        {
            // A team that runs its own Sentry server, on the user's premises.
            void Report(Exception e) => SentrySdk.{|#0:CaptureException|}(e);
        }
        """;

    [Fact]
    public Task Exempting_an_assembly_silences_a_self_hosted_SDK()
    {
        var test = Usage.CreateTest(TestReferences.Sentry);
        test.TestCode = SelfHostedSentry;
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "!A:Sentry;self-hosted on the customer's server\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_exemption_the_SDK_is_reported()
    {
        var test = Usage.CreateTest(TestReferences.Sentry);
        test.TestCode = SelfHostedSentry;
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "# no exemption\n"));
        test.ExpectedDiagnostics.Add(Reported("NT0001").WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task Exempting_an_assembly_also_silences_NT0002()
    {
        var test = Reference.CreateTest(TestReferences.Sentry);
        test.TestCode = "class C { }";
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "!A:Sentry;self-hosted\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_exemption_the_reference_is_NT0002()
    {
        var test = Reference.CreateTest(TestReferences.Sentry);
        test.TestCode = "class C { }";
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "# no exemption\n"));
        test.ExpectedDiagnostics.Add(Reported("NT0002").WithNoLocation());
        return test.RunAsync();
    }

    private const string SentryTypeAndHost = """
        using System;
        using System.Net.Http;
        using Sentry;

        class Crashes
        {
            void Report(Exception e, HttpClient http)
            {
                var id = SentryId.{|#0:Empty|};
                SentrySdk.{|NT0001:CaptureException|}(e);
                http.{|#1:PostAsync|}("https://o1.ingest.sentry.io/api/1/store/", null);
            }
        }
        """;

    [Fact]
    public Task Exempting_a_type_or_a_host_keeps_the_rest_of_the_service()
    {
        var test = Usage.CreateTest(TestReferences.Sentry);
        test.TestCode = SentryTypeAndHost;
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", """
            !T:Sentry.SentryId;an identifier, sends nothing
            !H:*.ingest.sentry.io;relayed through our own proxy
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_the_exemptions_the_type_and_the_host_are_reported()
    {
        var test = Usage.CreateTest(TestReferences.Sentry);
        test.TestCode = SentryTypeAndHost;
        test.TestState.AdditionalFiles.Add(("/0/NoTelemetry.txt", "# no exemption\n"));
        test.ExpectedDiagnostics.Add(Reported("NT0001").WithLocation(0));
        test.ExpectedDiagnostics.Add(Reported("NT0001").WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task A_file_with_another_name_is_not_configuration()
    {
        var test = Usage.CreateTest();
        test.TestState.Sources.Add(ContosoMetrics);
        test.TestState.Sources.Add("class C { void M(Contoso.Metrics.MetricsClient m) => m.Send(\"x\"); }");
        test.TestState.AdditionalFiles.Add(("/0/BannedSymbols.txt", "T:Contoso.Metrics.MetricsClient;Contoso usage metrics\n"));
        return test.RunAsync();
    }

    /// <summary>
    /// A diagnostic of the rule, where it is, with whatever message: the tests above check what the messages say; the
    /// twins of the exemption tests check only that, without the exemption, the same code is reported.
    /// </summary>
    private static DiagnosticResult Reported(string id) => new(id, DiagnosticSeverity.Warning);
}
