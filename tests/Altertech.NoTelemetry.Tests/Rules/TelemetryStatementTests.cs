using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.TelemetrySdkUsageAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// NT0001 findings a user can act on: one per statement and service, naming the member that matters most, with a verb
/// that is true; and code under edit, which does not bind, reported from its candidates.
/// </summary>
public class TelemetryStatementTests
{
    [Fact]
    public Task Reports_one_finding_for_a_statement_that_reads_and_writes_the_same_SDK_member() => Verify.VerifyAsync("""
        using Sentry;

        class C
        {
            void M(SentryMessage m)
            {
                m.{|#0:Message|} = m.Message?.Replace("secret", "***");
            }
        }
        """,
        TestReferences.Sentry,
        Verify.Diagnostic("NT0001").WithSpan(5, 12, 5, 25).WithArguments("Sentry", "SentryMessage (m)", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentryMessage.Message", "configures Sentry", " (and 1 more Sentry member in this statement)"));

    [Fact]
    public Task Names_the_sending_member_of_a_statement_before_the_ones_it_uses() => Verify.VerifyAsync("""
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;

        class C
        {
            void M(TelemetryClient client)
            {
                client.{|#0:TrackEvent|}(new EventTelemetry("checkout") { Timestamp = System.DateTimeOffset.Now });
            }
        }
        """,
        TestReferences.ApplicationInsights,
        Verify.Diagnostic("NT0001").WithSpan(6, 12, 6, 27).WithArguments("Application Insights", "TelemetryClient (client)", "uses Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Application Insights", "TelemetryClient.TrackEvent", "sends data to Microsoft", " (and 2 more Application Insights members in this statement)"));

    [Fact]
    public Task Says_uses_for_members_that_send_nothing() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights.Extensibility;
        using Sentry;

        class C
        {
            // One finding for the declaration; its initializer creates a dictionary, not an SDK object.
            private readonly {|#0:Dictionary<string, SentryLevel>|} _levels = new();

            bool Enabled() => SentrySdk.{|#1:IsEnabled|};

            BreadcrumbLevel Level(Breadcrumb crumb) => crumb.{|#2:Level|};

            void Close(TelemetryConfiguration configuration) => configuration.{|#3:Dispose|}();
        }
        """,
        TestReferences.ApplicationInsightsAndSentry,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "Dictionary<string, SentryLevel> (_levels)", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "SentrySdk.IsEnabled", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithSpan(12, 5, 12, 20).WithArguments("Sentry", "BreadcrumbLevel (Level)", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithSpan(12, 27, 12, 37).WithArguments("Sentry", "Breadcrumb (crumb)", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(2).WithArguments("Sentry", "Breadcrumb.Level", "uses Sentry", ""),
        Verify.Diagnostic("NT0001").WithSpan(14, 16, 14, 38).WithArguments("Application Insights", "TelemetryConfiguration (configuration)", "uses Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(3).WithArguments("Application Insights", "TelemetryConfiguration.Dispose", "uses Application Insights", ""));

    [Fact]
    public Task Says_configures_for_initialisation_and_captures_for_breadcrumbs() => Verify.VerifyAsync("""
        using Sentry;

        class C
        {
            void M()
            {
                using var sdk = SentrySdk.{|#0:Init|}("https://public@o0.ingest.sentry.io/0");
                SentrySdk.{|#1:AddBreadcrumb|}("started");
                SentrySdk.{|#2:Flush|}();
            }
        }
        """,
        TestReferences.Sentry,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentrySdk.Init", "configures Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "SentrySdk.AddBreadcrumb", "captures data for Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(2).WithArguments("Sentry", "SentrySdk.Flush", "sends data to Sentry", ""));

    [Fact]
    public Task A_lambda_body_is_a_statement_of_its_own() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Sentry;

        class C
        {
            Task M() => Task.Run(() =>
            {
                SentrySdk.{|#0:CaptureMessage|}("a");
                SentrySdk.{|#1:CaptureMessage|}("b");
            });
        }
        """,
        TestReferences.Sentry,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentrySdk.CaptureMessage", "captures data for Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "SentrySdk.CaptureMessage", "captures data for Sentry", ""));

    [Fact]
    public async Task Carries_its_facts_in_the_diagnostic_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new TelemetrySdkUsageAnalyzer(),
            "using System; using Sentry; class C { void M(Exception e) { SentrySdk.CaptureException(e); var id = SentrySdk.CaptureMessage(\"x\"); } }",
            TestReferences.Sentry);

        var fixable = Assert.Single(diagnostics, d => d.GetMessage().Contains("CaptureException", StringComparison.Ordinal));
        Assert.Equal("Sentry", fixable.Properties[DiagnosticProperties.Service]);
        Assert.Equal("Sentry", fixable.Properties[DiagnosticProperties.Vendor]);
        Assert.Equal("crash-reporting", fixable.Properties[DiagnosticProperties.Category]);
        Assert.Equal("capture", fixable.Properties[DiagnosticProperties.Role]);
        Assert.Equal("sdk", fixable.Properties[DiagnosticProperties.Origin]);
        Assert.Equal("true", fixable.Properties[DiagnosticProperties.Fixable]);
        Assert.Equal("0", fixable.Properties[DiagnosticProperties.OtherMembers]);
        Assert.Equal("M:Sentry.SentrySdk.CaptureException(System.Exception)", fixable.Properties[DiagnosticProperties.Member]);

        // The result is used: replacing the call with a trace would not compile.
        var used = Assert.Single(diagnostics, d => d.GetMessage().Contains("CaptureMessage", StringComparison.Ordinal));
        Assert.Equal("false", used.Properties[DiagnosticProperties.Fixable]);
    }

    [Fact]
    public async Task A_request_to_an_ingestion_host_carries_the_host()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new TelemetrySdkUsageAnalyzer(),
            "using System.Net.Http; class C { async System.Threading.Tasks.Task M(HttpClient http) { await http.PostAsync(\"https://api.mixpanel.com/track\", null); } }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("host", diagnostic.Properties[DiagnosticProperties.Origin]);
        Assert.Equal("api.mixpanel.com", diagnostic.Properties[DiagnosticProperties.Host]);
        Assert.Equal("send", diagnostic.Properties[DiagnosticProperties.Role]);
        Assert.Equal("Mixpanel", diagnostic.Properties[DiagnosticProperties.Service]);
    }

    [Fact]
    public async Task Reports_a_call_that_does_not_bind_when_every_candidate_is_an_SDK_member()
    {
        var test = Verify.CreateTest(TestReferences.Sentry);
        test.TestCode = """
            using Sentry;

            class C
            {
                void M()
                {
                    SentrySdk.{|#0:CaptureException|}(undefinedException);
                    SentrySdk.{|#1:Init|}(o => { o.Dsn = "https://public@o0.ingest.sentry.io/0"; o.NoSuchOption = true; });
                    SentrySdk.{|#2:CaptureMessage|}("a", "b", "c", "d", "e");
                }
            }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentrySdk.CaptureException", "captures data for Sentry", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "SentrySdk.Init", "configures Sentry", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(2).WithArguments("Sentry", "SentrySdk.CaptureMessage", "captures data for Sentry", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Does_not_report_a_call_that_does_not_bind_when_a_candidate_is_not_an_SDK_member()
    {
        var test = Verify.CreateTest(TestReferences.Sentry);
        test.TestCode = """
            using Sentry;

            static class Local
            {
                public static void Report(this string text, int level) { }
            }

            class C
            {
                void M() => Overloaded(undefined);

                void Overloaded(string text) { }

                void Overloaded({|#0:SentryId|} id) { }
            }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;

        // The declaration is a use of its own; the call that does not bind is not reported.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentryId (id)", "uses Sentry", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_a_creation_and_an_extension_method_that_do_not_bind_from_their_candidates()
    {
        var test = Verify.CreateTest(TestReferences.SentryExtensionsLogging);
        test.TestCode = """
            using Microsoft.Extensions.Logging;
            using Sentry;

            class C
            {
                void M(ILoggingBuilder logging)
                {
                    var client = {|#0:new SentryClient(undefinedOptions)|};
                    logging.{|#1:AddSentry|}(undefinedOptions);
                }
            }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "new SentryClient", "configures Sentry", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "LoggingBuilderExtensions.AddSentry", "configures Sentry", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_finding_from_candidates_is_marked_so_and_never_fixable()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new TelemetrySdkUsageAnalyzer(),
            "using Sentry; class C { void M() { SentrySdk.CaptureException(undefinedException); } }",
            TestReferences.Sentry,
            allowCompileErrors: true);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NT0001");
        Assert.Equal("candidate", diagnostic.Properties[DiagnosticProperties.Origin]);
        Assert.Equal("false", diagnostic.Properties[DiagnosticProperties.Fixable]);
    }

    [Fact]
    public Task Reports_SDK_calls_on_a_lambda_parameter_when_the_lambda_is_not_given_to_the_SDK() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        class C
        {
            void M({|#0:List<TelemetryClient>|} clients)
            {
                clients.ForEach(c => c.{|#1:TrackEvent|}("checkout"));
                Action<TelemetryClient> send = c => c.{|#3:Flush|}();
            }
        }
        """,
        TestReferences.ApplicationInsights,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Application Insights", "List<TelemetryClient> (clients)", "uses Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Application Insights", "TelemetryClient.TrackEvent", "sends data to Microsoft", ""),
        Verify.Diagnostic("NT0001").WithLocation(3).WithArguments("Application Insights", "TelemetryClient.Flush", "sends data to Microsoft", ""));

    [Fact]
    public Task Reports_what_captures_inside_an_SDK_callback_and_absorbs_only_its_settings() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        class C
        {
            void M(Exception problem, string user)
            {
                SentrySdk.{|#0:ConfigureScope|}(scope =>
                {
                    scope.{|#1:SetTag|}("screen", "checkout");
                    scope.{|#2:User|} = new SentryUser { Username = user };
                    scope.Level = SentryLevel.Warning;
                });
                SentrySdk.{|#3:CaptureException|}(problem, s => s.{|#4:SetExtra|}("order", 42));
            }
        }
        """,
        TestReferences.Sentry,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Sentry", "SentrySdk.ConfigureScope", "configures Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Sentry", "Scope.SetTag", "captures data for Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(2).WithArguments("Sentry", "Scope.User", "captures data for Sentry", " (and 2 more Sentry members in this statement)"),
        Verify.Diagnostic("NT0001").WithLocation(3).WithArguments("Sentry", "SentrySdk.CaptureException", "captures data for Sentry", ""),
        Verify.Diagnostic("NT0001").WithLocation(4).WithArguments("Sentry", "Scope.SetExtra", "captures data for Sentry", ""));

    [Fact]
    public Task Does_not_report_a_read_only_key_of_the_SDK_by_itself() => Verify.VerifyAsync("""
        using System;
        using Sentry.Protocol;

        class C
        {
            void M(Exception exception) => exception.Data[Mechanism.MechanismKey] = "handled";
        }
        """,
        TestReferences.Sentry);

    [Fact]
    public Task A_general_generic_method_given_an_SDK_type_configures_only_when_it_registers() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, {|#0:IEnumerable<TelemetryClient>|} clients)
            {
                services.{|#1:AddSingleton|}<TelemetryClient>();
                var count = clients.{|#2:Count|}();
            }
        }
        """,
        TestReferences.ApplicationInsightsAndDependencyInjection,
        Verify.Diagnostic("NT0001").WithLocation(0).WithArguments("Application Insights", "IEnumerable<TelemetryClient> (clients)", "uses Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(1).WithArguments("Application Insights", "ServiceCollectionServiceExtensions.AddSingleton<TelemetryClient>", "configures Application Insights", ""),
        Verify.Diagnostic("NT0001").WithLocation(2).WithArguments("Application Insights", "Enumerable.Count<TelemetryClient>", "uses Application Insights", ""));

    [Fact]
    public async Task A_finding_from_candidates_names_the_overload_whose_parameters_fit_the_arguments()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new TelemetrySdkUsageAnalyzer(),
            "using Sentry; class C { void M() { SentrySdk.CaptureException(undefinedException, scope => scope.Clear()); } }",
            TestReferences.Sentry,
            allowCompileErrors: true);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NT0001");
        Assert.StartsWith("M:Sentry.SentrySdk.CaptureException(System.Exception,", diagnostic.Properties[DiagnosticProperties.Member], StringComparison.Ordinal);
    }
}
