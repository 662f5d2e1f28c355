using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.UnsolicitedReportingAnalyzer,
    Altertech.NoTelemetry.CodeFixes.UnsolicitedReportingCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>
/// NT0004's fix: the crash handler writes a local crash report, which the user may send by hand. NT0004 is reported when the
/// whole compilation has been analysed (its reach crosses files), so the local-diagnostic check is skipped.
/// </summary>
public class UnsolicitedReportingCodeFixTests
{
    /// <summary>The crash handler's SDK capture becomes the local report, and the SDK's directive, with nothing left to name, goes.</summary>
    [Fact]
    public Task Removes_the_sdk_using_the_crash_report_leaves_unused() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        static class Program
        {
            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    SentrySdk.{|NT0004:CaptureException|}((Exception)e.ExceptionObject);
                };
            }
        }
        """, """
        using System;

        static class Program
        {
            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.ExceptionObject);
                };
            }
        }
        """, TestReferences.Sentry, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    [Fact]
    public Task Writes_the_exception_and_time_to_a_local_crash_file_instead_of_sending_it() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.ExceptionObject.ToString()!)).Wait();
                };
                TaskScheduler.UnobservedTaskException += (s, e) => _ = Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.Exception.Message));
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.ExceptionObject);
                };
                TaskScheduler.UnobservedTaskException += (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.Exception);
                };
            }
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck, equivalenceKey: "NT0004.WriteLocalCrashReport");

    [Fact]
    public Task Awaits_the_local_write_where_the_send_was_awaited() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.Exception.ToString()));
                };
                AppDomain.CurrentDomain.UnhandledException += async (s, e) => await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", null).ConfigureAwait(false);
                AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
            }

            static async void OnFirstChance(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
            {
                await Task.Delay(10);
                await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.Exception.Message)).ConfigureAwait(false);
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.Exception);
                };
                AppDomain.CurrentDomain.UnhandledException += async (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.ExceptionObject).ConfigureAwait(false);
                };
                AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
            }

            static async void OnFirstChance(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
            {
                await Task.Delay(10);
                // Kept on this machine: the user can send this crash report by hand.
                await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.Exception).ConfigureAwait(false);
            }
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// Without <c>File.WriteAllTextAsync</c> (.NET Framework, .NET Standard 2.0) an awaited send becomes the synchronous write
    /// where the function still awaits something else; where it awaits nothing else, the function would be async without an
    /// await (CS1998, an error with warnings as errors), so there is no fix.
    /// </summary>
    [Fact]
    public Task Writes_synchronously_without_an_asynchronous_write_only_where_something_else_is_awaited() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new HttpClient();

            static void Main()
            {
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    await Task.Delay(10);
                    await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.Exception.ToString()));
                };
                AppDomain.CurrentDomain.UnhandledException += async (s, e) => await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", null);
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new HttpClient();

            static void Main()
            {
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    await Task.Delay(10);
                    // Kept on this machine: the user can send this crash report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.Exception);
                };
                AppDomain.CurrentDomain.UnhandledException += async (s, e) => await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", null);
            }
        }
        """, TestReferences.NetStandard20, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>The send whose response the handler uses is more than a send: replacing it would leave the rest without a value.</summary>
    [Fact]
    public Task Is_not_offered_where_the_awaited_response_is_used() => Verify.VerifyNoFixAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    var response = await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(e.Exception.ToString()));
                    Console.WriteLine(response.StatusCode);
                };
            }
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// A helper that only hooks' handlers call, with an exception of its own: the crash report is written there, which is
    /// right for every caller.
    /// </summary>
    [Fact]
    public Task Writes_the_crash_report_in_a_helper_that_only_hooks_call() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Report((Exception)e.ExceptionObject);
                TaskScheduler.UnobservedTaskException += (s, e) => Report(e.Exception);
            }

            static void Report(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(ex.ToString())).Wait();
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Report((Exception)e.ExceptionObject);
                TaskScheduler.UnobservedTaskException += (s, e) => Report(e.Exception);
            }

            static void Report(Exception ex)
            {
                // Kept on this machine: the user can send this crash report by hand.
                System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + ex);
            }
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// A helper that other code calls too (a "Send report" command the user chose, a path behind a consent method, a method
    /// group kept for later) still sends for them: the fix would change what the user asked for, so it is not offered. Nor in a
    /// helper without an exception in scope, one further down, or a library's public one, which other assemblies may call.
    /// </summary>
    [Fact]
    public Task Is_not_offered_in_a_helper_that_other_code_calls_or_without_an_exception() => Verify.VerifyNoFixAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        [AttributeUsage(AttributeTargets.Method)]
        sealed class AsksUserConsentAttribute : Attribute { }

        static class Program
        {
            static readonly HttpClient Http = new();
            static Action<Exception>? _later;

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Report((Exception)e.ExceptionObject);
                AppDomain.CurrentDomain.FirstChanceException += (s, e) => Upload(e.Exception.ToString());
                TaskScheduler.UnobservedTaskException += (s, e) => Forward(e.Exception);
                TaskScheduler.UnobservedTaskException += (s, e) => Keep(e.Exception);
                TaskScheduler.UnobservedTaskException += (s, e) => Outer(e.Exception);
                TaskScheduler.UnobservedTaskException += (s, e) => CrashReports.Send(e.Exception);
                _later = Keep;
            }

            static void OnSendReportClicked(Exception ex) => Report(ex);

            static void Forward(Exception ex)
            {
                if (AskToSend())
                {
                    Consented(ex);
                }
            }

            [AsksUserConsent]
            static bool AskToSend() => true;

            static void Report(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(ex.ToString())).Wait();

            static void Upload(string report) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(report)).Wait();

            static void Consented(Exception ex) => Http.PostAsync("https://crash.vendor.example/v2", new StringContent(ex.ToString())).Wait();

            static void Keep(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v3", new StringContent(ex.ToString())).Wait();

            static void Outer(Exception ex) => Inner(ex);

            static void Inner(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v4", new StringContent(ex.ToString())).Wait();
        }

        // Public in a library: other assemblies may call it.
        public static class CrashReports
        {
            static readonly HttpClient Http = new();

            public static void Send(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v5", new StringContent(ex.ToString())).Wait();
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// A helper that a hook's handler asked consent for: the walk stops there, so the send is not reported; and when the same
    /// helper is also called from a hook without asking, the consented caller keeps it: no fix.
    /// </summary>
    [Fact]
    public Task Is_not_offered_in_a_helper_that_a_consented_path_calls_too() => Verify.VerifyNoFixAsync("""
        using System;
        using System.Net.Http;

        [AttributeUsage(AttributeTargets.Method)]
        sealed class AsksUserConsentAttribute : Attribute { }

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Report((Exception)e.ExceptionObject);
                AppDomain.CurrentDomain.FirstChanceException += (s, e) =>
                {
                    if (AskToSend())
                    {
                        Report(e.Exception);
                    }
                };
            }

            [AsksUserConsent]
            static bool AskToSend() => true;

            static void Report(Exception ex) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(ex.ToString())).Wait();
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// An exit or stopping hook has no exception: what it would have sent (its text arguments: the address, the string of a
    /// <c>StringContent</c>) is written to a local report with the time, awaited where the send was.
    /// </summary>
    [Fact]
    public Task Writes_what_an_exit_hook_would_send_to_a_local_report() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Text;
        using Microsoft.Extensions.Hosting;

        sealed class Statistics
        {
            static readonly HttpClient Http = new();
            int _notes;

            public Statistics(IHostApplicationLifetime lifetime)
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.{|NT0004:PostAsync|}("https://stats.vendor.example/exit", null).Wait();
                lifetime.ApplicationStopping.Register(async () => await Http.{|NT0004:PostAsync|}("https://stats.vendor.example/stopping", new StringContent("notes=" + _notes, Encoding.UTF8, "text/plain")));
                AppDomain.CurrentDomain.DomainUnload += (s, e) => Flush();
            }

            void Flush() => Http.{|NT0004:PostAsync|}("https://stats.vendor.example/unload", new StringContent(_notes > 0 ? "used" : "unused")).Wait();
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Text;
        using Microsoft.Extensions.Hosting;

        sealed class Statistics
        {
            static readonly HttpClient Http = new();
            int _notes;

            public Statistics(IHostApplicationLifetime lifetime)
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) =>
                {
                    // Kept on this machine: the user can send this report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "reports")).FullName, "report-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + "https://stats.vendor.example/exit");
                };
                lifetime.ApplicationStopping.Register(async () =>
                {
                    // Kept on this machine: the user can send this report by hand.
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "reports")).FullName, "report-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + "https://stats.vendor.example/stopping" + Environment.NewLine + ("notes=" + _notes));
                });
                AppDomain.CurrentDomain.DomainUnload += (s, e) => Flush();
            }

            void Flush()
            {
                // Kept on this machine: the user can send this report by hand.
                System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "reports")).FullName, "report-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + "https://stats.vendor.example/unload" + Environment.NewLine + (_notes > 0 ? "used" : "unused"));
            }
        }
        """, TestReferences.Hosting, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck, equivalenceKey: "NT0004.WriteLocalReport");

    /// <summary>
    /// What an exit hook sends that is not text (a JSON body, a request built by a call) would be lost, or its side effects
    /// dropped, by a local text report: no fix.
    /// </summary>
    [Fact]
    public Task Is_not_offered_at_exit_for_data_that_is_not_text_or_arguments_with_side_effects() => Verify.VerifyNoFixAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;

        static class Program
        {
            static readonly HttpClient Http = new();
            static int _sessions;

            static void Main()
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.{|NT0004:PostAsync|}("https://stats.vendor.example/exit", JsonContent.Create(_sessions)).Wait();
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.{|NT0004:SendAsync|}(Request()).Wait();
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Client().{|NT0004:PostAsync|}("https://stats.vendor.example/exit", null).Wait();
            }

            static HttpRequestMessage Request() => new(HttpMethod.Post, "https://stats.vendor.example/exit?n=" + _sessions++);

            static HttpClient Client() => new();
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>Fix All (and <c>dotnet format</c>) fixes every finding of a document with a fix in one pass: crash reports and exit reports.</summary>
    [Fact]
    public Task Fixes_every_fixable_finding_of_a_document_at_once() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.{|NT0004:PostAsync|}("https://stats.vendor.example/exit", null).Wait();
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", null).Wait();
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    var response = await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v2", null);
                    await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v3", new StringContent(response.ToString()));
                };
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) =>
                {
                    // Kept on this machine: the user can send this report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "reports")).FullName, "report-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + "https://stats.vendor.example/exit");
                };
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    // Kept on this machine: the user can send this crash report by hand.
                    System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.ExceptionObject);
                };
                TaskScheduler.UnobservedTaskException += async (s, e) =>
                {
                    var response = await Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v2", null);
                    // Kept on this machine: the user can send this crash report by hand.
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TestProject", "crashes")).FullName, "crash-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff") + ".txt"), DateTime.UtcNow.ToString("O") + Environment.NewLine + e.Exception);
                };
            }
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);
}
