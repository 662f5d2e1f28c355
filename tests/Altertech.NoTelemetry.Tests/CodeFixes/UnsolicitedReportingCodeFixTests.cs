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
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// A helper the handler calls may send for other callers too, and an exit handler has no exception to write: no fix.
    /// </summary>
    [Fact]
    public Task Is_not_offered_in_a_helper_or_without_an_exception_in_scope() => Verify.VerifyNoFixAsync("""
        using System;
        using System.Net.Http;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Upload(e.ExceptionObject.ToString()!);
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.{|NT0004:PostAsync|}("https://stats.vendor.example/exit", null).Wait();
            }

            static void Upload(string report) => Http.{|NT0004:PostAsync|}("https://crash.vendor.example/v1", new StringContent(report)).Wait();
        }
        """, TestReferences.Net80, behaviors: CodeFixTestBehaviors.SkipLocalDiagnosticCheck);
}
