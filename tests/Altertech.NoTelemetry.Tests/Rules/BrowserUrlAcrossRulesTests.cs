using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// A URL opened in the browser is the browser's request: NT0004 and NT0005 see one that carries a report or identifying
/// data, NT0003 and NT0006 leave fixed pages alone (a help link is not the program talking to the network).
/// </summary>
public class BrowserUrlAcrossRulesTests
{
    private const string CrashHandlerOpeningABugReport = """
        using System;
        using System.Diagnostics;

        static class Program
        {
            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Report(e.ExceptionObject.ToString()!);
            }

            static void Report(string crash) =>
                Process.Start(new ProcessStartInfo("https://bugs.example.com/new?body=" + Uri.EscapeDataString(crash)) { UseShellExecute = true });
        }
        """;

    [Fact]
    public async Task A_crash_handler_that_opens_a_URL_with_the_crash_in_it_is_NT0004()
    {
        var diagnostic = Assert.Single(await Run(new UnsolicitedReportingAnalyzer(), CrashHandlerOpeningABugReport));
        Assert.Equal(
            "Opens a URL with run-time data in the browser from the AppDomain.UnhandledException handler without asking the user (lambda in Program.Main -> Program.Report -> new ProcessStartInfo)",
            diagnostic.GetMessage());
        Assert.Equal("open", diagnostic.Properties[DiagnosticProperties.Kind]);
    }

    [Fact]
    public async Task A_crash_handler_that_opens_a_fixed_page_is_not_NT0004()
    {
        var source = CrashHandlerOpeningABugReport.Replace("\"https://bugs.example.com/new?body=\" + Uri.EscapeDataString(crash)", "\"https://example.com/support\"");
        Assert.Empty(await Run(new UnsolicitedReportingAnalyzer(), source));
    }

    [Fact]
    public async Task A_crash_handler_that_opens_the_URL_through_the_product_s_helper_is_NT0004()
    {
        var diagnostics = await Run(new UnsolicitedReportingAnalyzer(), """
            using System;
            using System.Diagnostics;

            static class Program
            {
                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) => Browser.Open("https://bugs.example.com/new?body=" + e.ExceptionObject);
                }
            }

            static class Browser
            {
                public static void Open(string url) => Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            "Opens a URL with run-time data in the browser from the AppDomain.UnhandledException handler without asking the user (lambda in Program.Main -> new ProcessStartInfo)",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_crash_handler_that_opens_the_URL_with_a_cross_platform_helper_is_NT0004()
    {
        var diagnostics = await Run(new UnsolicitedReportingAnalyzer(), """
            using System;
            using System.Diagnostics;

            static class Program
            {
                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) => Browser.Open("https://bugs.example.com/new?body=" + e.ExceptionObject);
                }
            }

            static class Browser
            {
                public static void Open(string url)
                {
                    if (OperatingSystem.IsWindows())
                    {
                        Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
                    }
                    else
                    {
                        Process.Start("xdg-open", url);
                    }
                }
            }
            """);

        Assert.Equal("open", Assert.Single(diagnostics).Properties[DiagnosticProperties.Kind]);
    }

    [Fact]
    public async Task A_vendor_s_page_opened_in_the_browser_is_not_NT0001()
    {
        Assert.Empty(await Run(new TelemetrySdkUsageAnalyzer(), """
            using System.Diagnostics;

            static class Links
            {
                static void Dashboard(string id) => Process.Start(new ProcessStartInfo("https://api.mixpanel.com/track?ip=1&data=" + id) { UseShellExecute = true });
            }
            """));
    }

    [Fact]
    public async Task Identifying_data_in_an_opened_URL_is_NT0005_directly_and_through_a_helper()
    {
        var diagnostics = await Run(new IdentifyingDataAnalyzer(), """
            using System;
            using System.Diagnostics;

            static class Browser
            {
                public static void Open(string url) => Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });

                static void M()
                {
                    Process.Start("https://example.com/register?machine=" + Environment.MachineName);
                    Open("https://example.com/feedback?user=" + Environment.UserName);
                    Open("https://example.com/feedback");
                    Process.Start("notepad", Environment.UserName + ".txt");
                    Process.Start("xdg-open", "https://example.com/register?os=" + Environment.OSVersion);
                }
            }
            """);

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start),
            d => Assert.Equal(("machine", "url"), (d.Properties[DiagnosticProperties.Identifies], d.Properties[DiagnosticProperties.Channel])),
            d => Assert.Equal(("user", "url"), (d.Properties[DiagnosticProperties.Identifies], d.Properties[DiagnosticProperties.Channel])),
            d => Assert.Equal("system", d.Properties[DiagnosticProperties.Identifies]));
    }

    [Fact]
    public async Task Identifying_data_in_a_sign_in_page_s_URL_is_still_NT0005_though_not_NT0007()
    {
        const string source = """
            using System;
            using System.Diagnostics;

            static class SignIn
            {
                static void M(string state) =>
                    Process.Start("https://accounts.example.com/oauth/authorize?state=" + state + "&device=" + Environment.MachineName);
            }
            """;

        Assert.Equal("machine", Assert.Single(await Run(new IdentifyingDataAnalyzer(), source)).Properties[DiagnosticProperties.Identifies]);
        Assert.Empty(await Run(new HiddenNetworkAccessAnalyzer(), source));
    }

    [Fact]
    public async Task Opening_a_page_is_neither_a_hard_coded_endpoint_nor_network_egress()
    {
        const string source = """
            using System;
            using System.Diagnostics;

            static class About
            {
                const string Site = "https://www.example.com/";

                static void Open(string url) => Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });

                static void M(Exception error)
                {
                    Process.Start(new ProcessStartInfo(Site) { UseShellExecute = true });
                    Open("https://docs.example.com/help");
                    Process.Start("https://bugs.example.com/new?body=" + error);
                }
            }
            """;

        Assert.Empty(await Run(new HardCodedEndpointAnalyzer(), source));
        Assert.Empty(await Run(new NetworkEgressAnalyzer(), source));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer, string source) =>
        AnalyzerRunner.RunAsync(analyzer, source);
}
