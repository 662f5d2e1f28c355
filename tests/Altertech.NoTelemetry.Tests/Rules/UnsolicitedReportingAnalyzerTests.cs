using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.UnsolicitedReportingAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>NT0004: egress and SDK sends reachable from crash, exit, failure and stopping hooks.</summary>
public class UnsolicitedReportingAnalyzerTests
{
    private const string Sends = "Sends data";

    private static DiagnosticResult Nt0004(int location, string what, string hook, string path) =>
        Verify.Diagnostic("NT0004").WithLocation(location).WithArguments(what, hook, path);

    [Fact]
    public Task Reports_the_egress_an_unhandled_exception_lambda_reaches_through_helpers() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        static class Program
        {
            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => CrashReporter.Upload(e.ExceptionObject.ToString()!);
            }
        }

        static class CrashReporter
        {
            static readonly HttpClient Http = new();

            public static void Upload(string report) => Post(report);

            static void Post(string report) => Http.{|#0:PostAsync|}("https://crash.vendor.example/v1", new StringContent(report));
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Program.Main -> CrashReporter.Upload -> CrashReporter.Post -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_a_process_exit_method_group_that_sends_through_an_interface() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        interface IStatistics { void Flush(); }

        sealed class HttpStatistics : IStatistics
        {
            readonly HttpClient _http = new();
            public void Flush() => _http.{|#0:PostAsync|}("https://stats.example.com/session", null);
        }

        sealed class App
        {
            readonly IStatistics _statistics = new HttpStatistics();

            public void Start() => AppDomain.CurrentDomain.ProcessExit += OnExit;

            void OnExit(object? sender, EventArgs e) => _statistics.Flush();
        }
        """,
        Nt0004(0, Sends, "AppDomain.ProcessExit handler", "App.OnExit -> HttpStatistics.Flush -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_overrides_of_an_abstract_reporter_and_async_handlers() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        abstract class Reporter
        {
            public abstract Task ReportAsync(Exception error);
        }

        sealed class HttpReporter : Reporter
        {
            readonly HttpClient _http = new();
            public override async Task ReportAsync(Exception error) => await _http.{|#0:PostAsync|}("https://r.example.com/", new StringContent(error.ToString()));
        }

        sealed class LocalReporter : Reporter
        {
            public override Task ReportAsync(Exception error) => System.IO.File.WriteAllTextAsync("crash.txt", error.ToString());
        }

        static class Hooks
        {
            static Reporter s_reporter = new LocalReporter();

            public static void Install() => TaskScheduler.UnobservedTaskException += OnUnobserved;

            static async void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => await s_reporter.ReportAsync(e.Exception);
        }
        """,
        Nt0004(0, Sends, "TaskScheduler.UnobservedTaskException handler", "Hooks.OnUnobserved -> HttpReporter.ReportAsync -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_local_functions_anonymous_methods_constructors_and_getters() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Sockets;

        sealed class Uploader
        {
            public Uploader(string text) => new HttpClient().{|#1:PostAsync|}("https://u.example.com/", new StringContent(text));
        }

        sealed class Status
        {
            public static string Current => new HttpClient().{|#2:GetStringAsync|}("https://s.example.com/").Result;
        }

        static class Program
        {
            static void Main()
            {
                AppDomain.CurrentDomain.FirstChanceException += Report;
                AppDomain.CurrentDomain.DomainUnload += delegate { _ = new Uploader("unloaded"); };
                Console.CancelKeyPress += (s, e) => Console.WriteLine(Status.Current);

                void Report(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
                    new TcpClient().{|#0:Connect|}("telemetry.example.com", 443);
            }
        }
        """,
        Nt0004(0, "Connects to the network", "AppDomain.FirstChanceException handler", "Program.Main.Report -> TcpClient.Connect"),
        Nt0004(1, Sends, "AppDomain.DomainUnload handler", "lambda in Program.Main -> new Uploader -> HttpClient.PostAsync"),
        Nt0004(2, Sends, "Console.CancelKeyPress handler", "lambda in Program.Main -> Status.Current -> HttpClient.GetStringAsync"));

    [Fact]
    public Task Reports_handlers_attached_through_the_products_own_helper_and_delegates_in_fields() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        static class CrashHooks
        {
            static Action<Exception>? s_onCrash;

            public static void OnCrash(Action<Exception> handler) =>
                AppDomain.CurrentDomain.UnhandledException += (s, e) => handler((Exception)e.ExceptionObject);

            public static void Remember(Action<Exception> handler) => s_onCrash = handler;

            public static void InstallRemembered() =>
                AppDomain.CurrentDomain.ProcessExit += (s, e) => s_onCrash?.Invoke(new Exception("exit"));
        }

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                CrashHooks.OnCrash(ex => Http.{|#0:PostAsync|}("https://a.example.com/", new StringContent(ex.Message)));
                CrashHooks.Remember(Send);
            }

            static void Send(Exception ex) => Http.{|#1:PostAsync|}("https://b.example.com/", new StringContent(ex.Message));
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in CrashHooks.OnCrash -> lambda in Program.Main -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "AppDomain.ProcessExit handler", "lambda in CrashHooks.InstallRemembered -> Program.Send -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_the_products_own_event_raised_from_a_hook() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        static class Crashes
        {
            public static event EventHandler<Exception>? Crashed;

            public static void Install() => AppDomain.CurrentDomain.UnhandledException += (s, e) => Crashed?.Invoke(null, (Exception)e.ExceptionObject);
        }

        static class Telemetry
        {
            public static void Start() => Crashes.Crashed += (s, ex) => new HttpClient().{|#0:PostAsync|}("https://t.example.com/", null);
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Crashes.Install -> lambda in Telemetry.Start -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_continuations_that_run_only_on_failure() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Work
        {
            static readonly HttpClient Http = new();

            public static void Run(Task<int> task, Task plain)
            {
                task.ContinueWith(t => Http.{|#0:PostAsync|}("https://f.example.com/", null), TaskContinuationOptions.OnlyOnFaulted);
                plain.ContinueWith(t => Http.{|#1:PostAsync|}("https://g.example.com/", null), TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously);
                task.ContinueWith(t => Http.PostAsync("https://ok.example.com/", null), TaskContinuationOptions.OnlyOnRanToCompletion);
                plain.ContinueWith(t => Http.PostAsync("https://always.example.com/", null));
            }
        }
        """,
        Nt0004(0, Sends, "Task.ContinueWith continuation that runs only when the task fails or is canceled", "lambda in Work.Run -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "Task.ContinueWith continuation that runs only when the task fails or is canceled", "lambda in Work.Run -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_host_stopping_callbacks() => Verify.VerifyAsync("""
        using System.Net.Http;
        using Microsoft.Extensions.Hosting;

        sealed class Shutdown
        {
            readonly HttpClient _http = new();

            public Shutdown(IHostApplicationLifetime lifetime)
            {
                lifetime.ApplicationStopping.Register(() => _http.{|#0:PostAsync|}("https://h.example.com/stopping", null));
                lifetime.ApplicationStopped.Register(OnStopped);
                lifetime.ApplicationStarted.Register(() => _http.PostAsync("https://h.example.com/started", null));
            }

            void OnStopped() => _http.{|#1:GetAsync|}("https://h.example.com/stopped");
        }
        """,
        TestReferences.Hosting,
        Nt0004(0, Sends, "IHostApplicationLifetime.ApplicationStopping callback", "lambda in new Shutdown -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "IHostApplicationLifetime.ApplicationStopped callback", "Shutdown.OnStopped -> HttpClient.GetAsync"));

    [Fact]
    public Task Reports_an_sdk_capture_in_a_crash_handler() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        static class Program
        {
            static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) => SentrySdk.{|#0:CaptureException|}((Exception)e.ExceptionObject);
        }
        """,
        TestReferences.Sentry,
        Nt0004(0, "Captures data for Sentry", "AppDomain.UnhandledException handler", "lambda in Program.Main -> SentrySdk.CaptureException"));

    [Fact]
    public Task Reports_windows_forms_hooks() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Windows.Forms;

        static class Program
        {
            static void Main()
            {
                Application.ThreadException += (s, e) => new HttpClient().{|#0:PostAsync|}("https://w.example.com/", new StringContent(e.Exception.ToString()));
                Application.ApplicationExit += (s, e) => new HttpClient().{|#1:PostAsync|}("https://w.example.com/exit", null);
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.WindowsForms },
        Nt0004(0, Sends, "Application.ThreadException handler", "lambda in Program.Main -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "Application.ApplicationExit handler", "lambda in Program.Main -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_wpf_hooks_and_an_OnExit_override() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Windows;

        sealed class App : Application
        {
            readonly HttpClient _http = new();

            public App()
            {
                DispatcherUnhandledException += (s, e) => _http.{|#0:PostAsync|}("https://wpf.example.com/crash", new StringContent(e.Exception.Message));
                Dispatcher.UnhandledException += (s, e) => _http.{|#1:PostAsync|}("https://wpf.example.com/dispatcher", null);
                Exit += (s, e) => _http.{|#3:PostAsync|}("https://wpf.example.com/exit", null);
                SessionEnding += (s, e) => _http.{|#4:PostAsync|}("https://wpf.example.com/logoff", null);
            }

            protected override void OnSessionEnding(SessionEndingCancelEventArgs e) => _http.{|#5:PostAsync|}("https://wpf.example.com/ending", null);

            protected override void OnExit(ExitEventArgs e) => _http.{|#2:PostAsync|}("https://wpf.example.com/session", null);

            protected override void OnStartup(System.EventArgs e) => _http.GetAsync("https://wpf.example.com/not-a-hook");
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.WindowsBase, StandIns.PresentationFramework },
        Nt0004(0, Sends, "Application.DispatcherUnhandledException handler", "lambda in new App -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "Dispatcher.UnhandledException handler", "lambda in new App -> HttpClient.PostAsync"),
        Nt0004(2, Sends, "Application.OnExit override", "App.OnExit -> HttpClient.PostAsync"),
        Nt0004(3, Sends, "Application.Exit handler", "lambda in new App -> HttpClient.PostAsync"),
        Nt0004(4, Sends, "Application.SessionEnding handler", "lambda in new App -> HttpClient.PostAsync"),
        Nt0004(5, Sends, "Application.OnSessionEnding override", "App.OnSessionEnding -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_winui_uwp_and_android_hooks() => Verify.VerifyAsync("""
        using System.Net.Http;

        static class Hooks
        {
            static readonly HttpClient Http = new();

            public static void Install()
            {
                Microsoft.UI.Xaml.Application.Current.UnhandledException += (s, e) => Http.{|#0:PostAsync|}("https://x.example.com/winui", null);
                Windows.UI.Xaml.Application.Current.UnhandledException += (s, e) => Http.{|#1:PostAsync|}("https://x.example.com/uwp", null);
                Android.Runtime.AndroidEnvironment.UnhandledExceptionRaiser += (s, e) => Http.{|#2:PostAsync|}("https://x.example.com/android", null);
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.WinUI, StandIns.Uwp, StandIns.MonoAndroid },
        Nt0004(0, Sends, "Application.UnhandledException handler", "lambda in Hooks.Install -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "Application.UnhandledException handler", "lambda in Hooks.Install -> HttpClient.PostAsync"),
        Nt0004(2, Sends, "AndroidEnvironment.UnhandledExceptionRaiser handler", "lambda in Hooks.Install -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_the_avalonia_dispatcher_hook() => Verify.VerifyAsync("""
        using System.Net.Http;
        using Avalonia.Threading;

        static class Hooks
        {
            public static void Install() =>
                Dispatcher.UIThread.UnhandledException += (s, e) => new HttpClient().{|#0:PostAsync|}("https://a.example.com/", new StringContent(e.Exception.Message));
        }
        """,
        TestReferences.Avalonia,
        Nt0004(0, Sends, "Dispatcher.UnhandledException handler", "lambda in Hooks.Install -> HttpClient.PostAsync"));

    [Fact]
    public async Task Reports_a_hook_whose_ui_framework_does_not_bind()
    {
        // A loose-files audit or a partial build: WPF and WinForms are not referenced, the handlers are still hooks.
        var diagnostics = await AnalyzerRunner.RunAsync(
            new UnsolicitedReportingAnalyzer(),
            """
            using System.Net.Http;

            static class Hooks
            {
                static readonly HttpClient Http = new();

                public static void Install()
                {
                    Application.Current.DispatcherUnhandledException += (s, e) => Http.PostAsync("https://x.example.com/a", null);
                    Application.ThreadException += OnThreadException;
                    Settings.Changed += (s, e) => Http.PostAsync("https://x.example.com/not-a-hook", null);
                }

                static void OnThreadException(object sender, ThreadExceptionEventArgs e) => Http.PostAsync("https://x.example.com/b", null);
            }
            """,
            allowCompileErrors: true);

        Assert.Equal(
            new[]
            {
                "Sends data from the Application.Current.DispatcherUnhandledException handler without asking the user (lambda in Hooks.Install -> HttpClient.PostAsync)",
                "Sends data from the Application.ThreadException handler without asking the user (Hooks.OnThreadException -> HttpClient.PostAsync)",
            },
            diagnostics.Where(d => d.Id == "NT0004").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Reports_top_level_statements_partial_classes_and_extension_methods() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;

        AppDomain.CurrentDomain.UnhandledException += (s, e) => new Report(e.ExceptionObject.ToString()!).Send();

        partial class Report
        {
            public Report(string text) => Text = text;
            public string Text { get; }
            public partial void Send();
        }

        partial class Report
        {
            public partial void Send() => Text.Upload();
        }

        static class Uploads
        {
            public static void Upload(this string text) => new HttpClient().{|#0:PostAsync|}("https://p.example.com/", new StringContent(text));
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in top-level statements -> Report.Send -> Uploads.Upload -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_generated_code_too() => Verify.VerifyAsync("""
        // <auto-generated/>
        using System;
        using System.Net.Http;

        static class GeneratedCrashHook
        {
            public static void Install() => AppDomain.CurrentDomain.UnhandledException += (s, e) => new HttpClient().{|#0:PostAsync|}("https://gen.example.com/", null);
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in GeneratedCrashHook.Install -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_a_sink_once_for_the_first_hook_in_source_order_and_survives_recursion() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Ping(3);
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Ping(1);
            }

            static void Ping(int n)
            {
                if (n > 0) Pong(n - 1);
                Http.{|#0:GetAsync|}("https://ping.example.com/");
            }

            static void Pong(int n) => Ping(n);
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Program.Main -> Program.Ping -> HttpClient.GetAsync"));

    [Fact]
    public Task Does_not_report_handlers_that_keep_the_report_on_the_machine() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Http;

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += OnCrash;
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Trace.TraceInformation("exiting");
                AppDomain.CurrentDomain.UnhandledException -= (s, e) => Http.PostAsync("https://removed.example.com/", null);
                Http.GetAsync("https://updates.example.com/check");
            }

            static void OnCrash(object sender, UnhandledExceptionEventArgs e)
            {
                var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Product", "crashes");
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, DateTime.UtcNow.Ticks + ".txt"), e.ExceptionObject.ToString());
                Console.Error.WriteLine("A crash report was written to " + folder + "; you can send it to us by hand.");
                Environment.FailFast("crash");
            }
        }
        """);

    [Fact]
    public Task Does_not_report_handlers_a_hook_only_attaches_to_other_events() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        sealed class Button { public event EventHandler? Click; }

        sealed class CrashDialog
        {
            readonly Button _send = new();
            readonly HttpClient _http = new();

            public CrashDialog(Exception error) => _send.Click += (s, e) => _http.PostAsync("https://support.example.com/", new StringContent(error.ToString()));
        }

        static class Program
        {
            static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) => _ = new CrashDialog((Exception)e.ExceptionObject);
        }
        """);

    [Fact]
    public Task Does_not_report_an_event_named_like_a_hook_on_the_products_own_type() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        sealed class Job { public event EventHandler? UnhandledException; }

        static class Program
        {
            static void Main(Job job) => job.UnhandledException += (s, e) => new HttpClient().PostAsync("https://jobs.example.com/", null);
        }
        """);

    [Fact]
    public Task Does_not_report_sending_after_a_consent_method_marked_by_attribute() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        [AttributeUsage(AttributeTargets.Method)]
        sealed class AsksUserConsentAttribute : Attribute { }

        static class Consent
        {
            [AsksUserConsent]
            public static bool AskToSend(string report) => Console.ReadLine() == "y";
        }

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    var report = e.ExceptionObject.ToString()!;
                    if (Consent.AskToSend(report))
                    {
                        Http.PostAsync("https://support.example.com/", new StringContent(report));
                    }
                };
                AppDomain.CurrentDomain.ProcessExit += (s, e) => SendAsked();
            }

            [AsksUserConsent]
            static void SendAsked() => Http.PostAsync("https://support.example.com/asked", null);
        }
        """);

    [Fact]
    public async Task Does_not_report_sending_after_a_consent_method_named_in_options()
    {
        const string Source = """
            using System;
            using System.Net.Http;

            static class CrashDialog
            {
                public static bool ShowAndAsk(string report) => Console.ReadLine() == "y";
            }

            static class Program
            {
                static readonly HttpClient Http = new();

                static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    if (CrashDialog.ShowAndAsk(e.ExceptionObject.ToString()!))
                    {
                        Http.{|#0:PostAsync|}("https://support.example.com/", null);
                    }
                };
            }
            """;

        var asked = Verify.CreateTest();
        asked.TestCode = Source.Replace("{|#0:PostAsync|}", "PostAsync");
        asked.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.consent_methods = CrashDialog.Show*\n"));
        await asked.RunAsync();

        var otherName = Verify.CreateTest();
        otherName.TestCode = Source;
        otherName.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.consent_methods = Consent.Ask\n"));
        otherName.ExpectedDiagnostics.Add(Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Program.Main -> HttpClient.PostAsync"));
        await otherName.RunAsync();

        // The type with its namespace, as users write it from the code.
        var qualified = Verify.CreateTest();
        qualified.TestCode = "namespace Contoso.Notes { " + Source.Replace("{|#0:PostAsync|}", "PostAsync") + " }";
        qualified.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.consent_methods = Contoso.Notes.CrashDialog.ShowAndAsk\n"));
        await qualified.RunAsync();
    }

    [Fact]
    public async Task Carries_its_facts_in_properties()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new UnsolicitedReportingAnalyzer(),
            """
            using System;
            using System.Net.Http;

            static class Program
            {
                static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) => Reporter.Send();
            }

            static class Reporter
            {
                public static void Send() => new HttpClient().PostAsync("https://crash.example.com/", null);
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NT0004");
        Assert.Equal("AppDomain.UnhandledException", diagnostic.Properties[DiagnosticProperties.Hook]);
        Assert.Equal("crash", diagnostic.Properties[DiagnosticProperties.HookKind]);
        Assert.Equal("egress", diagnostic.Properties[DiagnosticProperties.Origin]);
        Assert.Equal("send", diagnostic.Properties[DiagnosticProperties.Kind]);
        Assert.Equal("M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)", diagnostic.Properties[DiagnosticProperties.Member]);
        Assert.Equal("M:Program.Main;M:Reporter.Send", diagnostic.Properties[DiagnosticProperties.Chain]);
    }

    /// <summary>
    /// <c>fix</c> says what the code fix may rewrite: <c>crash-report</c> with an exception in scope, <c>exit-report</c> for
    /// text sent from an exit or stopping hook, in the handler or in a helper only hooks call; nothing for the rest.
    /// </summary>
    [Fact]
    public async Task Marks_the_findings_the_code_fix_can_rewrite()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new UnsolicitedReportingAnalyzer(),
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            static class Program
            {
                static readonly HttpClient Http = new();

                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) => Http.PostAsync("https://h.example.com/crash", null).Wait();
                    AppDomain.CurrentDomain.ProcessExit += (s, e) => Http.PostAsync("https://h.example.com/exit", new StringContent("session")).Wait();
                    AppDomain.CurrentDomain.DomainUnload += (s, e) => Http.PostAsync("https://h.example.com/unload", new ByteArrayContent(new byte[1])).Wait();
                    TaskScheduler.UnobservedTaskException += (s, e) => Report(e.Exception);
                    TaskScheduler.UnobservedTaskException += (s, e) => Common(e.Exception);
                }

                static void Report(Exception ex) => Http.PostAsync("https://h.example.com/report", null).Wait();

                static void Common(Exception ex) => Http.PostAsync("https://h.example.com/common", null).Wait();

                static void OnSendClicked() => Common(new InvalidOperationException());
            }
            """);

        // Each send is on a line of its own, which names its address.
        string? FixAt(string path) => diagnostics
            .Single(d => d.Id == "NT0004" && d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Contains(path + "\"", StringComparison.Ordinal))
            .Properties.GetValueOrDefault(DiagnosticProperties.Fix);

        Assert.Equal("crash-report", FixAt("/crash"));
        Assert.Equal("exit-report", FixAt("/exit"));
        Assert.Null(FixAt("/unload"));
        Assert.Equal("crash-report", FixAt("/report"));
        Assert.Null(FixAt("/common"));
    }

    [Fact]
    public async Task Follows_a_two_thousand_method_chain_as_deep_as_configured()
    {
        var source = new System.Text.StringBuilder();
        source.AppendLine("using System; using System.Net.Http;");
        source.AppendLine("static class Program { static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) => Chain.M0(); }");
        source.AppendLine("static class Chain {");
        const int Length = 2000;
        for (var i = 0; i < Length; i++)
        {
            source.AppendLine($"  public static void M{i}() => M{i + 1}();");
        }

        source.AppendLine($"  public static void M{Length}() => new HttpClient().PostAsync(\"https://deep.example.com/\", null);");
        source.AppendLine("}");

        var deep = await AnalyzerRunner.RunAsync(new UnsolicitedReportingAnalyzer(), source.ToString(), options: new Dictionary<string, string> { ["notelemetry.max_reach_depth"] = "4096" });
        var diagnostic = Assert.Single(deep, d => d.Id == "NT0004");
        Assert.Contains("lambda in Program.Main -> Chain.M0 -> Chain.M1 -> 1996 more -> Chain.M1998 -> Chain.M1999 -> Chain.M2000 -> HttpClient.PostAsync", diagnostic.GetMessage());

        // The default depth (64 functions) ends the walk long before the chain does.
        var bounded = await AnalyzerRunner.RunAsync(new UnsolicitedReportingAnalyzer(), source.ToString());
        Assert.DoesNotContain(bounded, d => d.Id == "NT0004");
    }

    [Fact]
    public async Task Does_not_crash_on_code_under_edit()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new UnsolicitedReportingAnalyzer(),
            """
            using System;
            using System.Net.Http;

            static class Program
            {
                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) => Upload(e.;
                    AppDomain.CurrentDomain.ProcessExit += 
                    TaskScheduler.UnobservedTaskException += Missing;
                }

                static void Upload(object o) => new HttpClient().PostAsync(
            }
            """,
            allowCompileErrors: true);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task A_project_adds_its_own_hooks_in_NoTelemetry_txt()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System;
            using System.Net.Http;

            namespace Contoso.Plugins
            {
                public sealed class PluginHost { public event EventHandler<Exception>? PluginFaulted; }

                public abstract class PluginBase { protected virtual void OnFault(Exception error) { } }

                sealed class Telemetry : PluginBase
                {
                    readonly HttpClient _http = new();

                    public Telemetry(PluginHost host) => host.PluginFaulted += (s, ex) => _http.{|#0:PostAsync|}("https://p.example.com/", null);

                    protected override void OnFault(Exception error) => _http.{|#1:PostAsync|}("https://p.example.com/fault", null);
                }
            }
            """;
        test.TestState.AdditionalFiles.Add(("/NoTelemetry.txt", """
            [Plugin host crash]
            hook = crash
            E:Contoso.Plugins.PluginHost.PluginFaulted
            M:Contoso.Plugins.PluginBase.OnFault;override
            """));
        test.ExpectedDiagnostics.Add(Nt0004(0, Sends, "PluginHost.PluginFaulted handler", "lambda in new Telemetry -> HttpClient.PostAsync"));
        test.ExpectedDiagnostics.Add(Nt0004(1, Sends, "PluginBase.OnFault override", "Telemetry.OnFault -> HttpClient.PostAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_unusable_hook_blocks_and_options_as_NT0900()
    {
        var test = CSharpAnalyzerVerifier<ConfigurationAnalyzer>.CreateTest();
        test.TestCode = "class C { }";
        test.TestState.AdditionalFiles.Add(("/NoTelemetry.txt", """
            [Crash events]
            hook = crashes
            E:Contoso.App.Crashed

            [Exit]
            hook = exit
            A:Contoso.App
            M:Contoso.App.Run;when options
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnotelemetry.consent_methods = Dialog.Ask(), Consent.*\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nnotelemetry.max_reach_depth = 0\n"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithNoLocation().WithArguments("notelemetry.consent_methods: 'Dialog.Ask()' is not a member pattern (Member or Type.Member, with * for any characters); it is ignored"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithNoLocation().WithArguments("notelemetry.max_reach_depth: '0' is not a whole number from 1 to 4096; the default, 64, applies"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithSpan("/NoTelemetry.txt", 2, 1, 2, 15).WithArguments("NoTelemetry.txt(2): [Crash events]: hook 'crashes' is not one of crash, exit, failure, stopping"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithSpan("/NoTelemetry.txt", 7, 1, 7, 14).WithArguments("NoTelemetry.txt(7): [Exit] is a hook block: its entries are E: events, P: properties whose value takes callbacks, or M: methods"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<ConfigurationAnalyzer>.Diagnostic("NT0900").WithSpan("/NoTelemetry.txt", 8, 1, 8, 31).WithArguments("NoTelemetry.txt(8): [Exit]: 'when options' after ';' is not 'override' or 'when <parameter> has <Flag>', 'when <parameter> at least <Value>' or 'when <parameter> is <text>'"));
        await test.RunAsync();
    }

    [Fact]
    public Task A_delegate_given_to_a_helper_runs_only_where_the_hook_gives_it() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Safety
        {
            public static void IgnoreExceptions(Action action) { try { action(); } catch { } }
            public static Task IgnoreExceptions(Func<Task> action) => action();
            public static void Later(Action action) => Pending = action;
            public static Action? Pending;
        }

        static class Program
        {
            static readonly HttpClient Http = new();

            static void Main()
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Safety.IgnoreExceptions(() => System.IO.File.WriteAllText("exit.log", "bye"));
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Safety.IgnoreExceptions(() => Http.{|#0:PostAsync|}("https://crash.example.com/", null));
            }

            // The same helpers in code no hook reaches: what they are given here does not run from a hook.
            static Task SyncAsync() => Safety.IgnoreExceptions(() => Http.PostAsync("https://sync.example.com/", null));

            static void Queue() => Safety.Later(() => Http.PostAsync("https://later.example.com/", null));
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Program.Main -> lambda in Program.Main -> HttpClient.PostAsync"));

    [Fact]
    public Task A_callback_removed_or_kept_as_an_item_is_not_run() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;

        sealed class Keyboard
        {
            readonly List<Action> _callbacks = new();
            public event Action? Pressed;

            public void Remove(Action callback)
            {
                _callbacks.Remove(callback);
                Pressed -= callback;
            }
        }

        sealed class Plugin : IDisposable
        {
            readonly Keyboard _keyboard = new();
            readonly HttpClient _http = new();

            public void Dispose() => _keyboard.Remove(OnKey);

            void OnKey() => _http.PostAsync("https://search.example.com/", null);
        }

        static class Program
        {
            static readonly Plugin Plugin = new();

            static void Main() => AppDomain.CurrentDomain.ProcessExit += (s, e) => Plugin.Dispose();
        }
        """);

    [Fact]
    public Task An_interface_call_runs_the_implementations_of_the_receivers_type_only() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        interface IExplorerWindow : IDisposable { }

        sealed class ExplorerWindow : IExplorerWindow
        {
            public void Dispose() => System.IO.File.Delete("window.tmp");
        }

        sealed class Uploader : IDisposable
        {
            public void Dispose() => new HttpClient().PostAsync("https://upload.example.com/flush", null);
        }

        static class Program
        {
            static IExplorerWindow? s_window = new ExplorerWindow();
            static IDisposable s_any = new Uploader();

            static void Main()
            {
                AppDomain.CurrentDomain.ProcessExit += (s, e) => s_window?.Dispose();
                AppDomain.CurrentDomain.UnhandledException += (s, e) => s_any.Dispose();
            }
        }
        """.Replace("new HttpClient().PostAsync", "new HttpClient().{|#0:PostAsync|}"),
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Program.Main -> Uploader.Dispose -> HttpClient.PostAsync"));

    [Fact]
    public Task The_scope_calls_of_a_capture_are_part_of_the_capture() => Verify.VerifyAsync("""
        using System;
        using Sentry;

        static class Program
        {
            static void Main() => AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                SentrySdk.{|#0:CaptureException|}((Exception)e.ExceptionObject, scope =>
                {
                    scope.SetTag("origin", "crash");
                    scope.SetExtra("time", DateTime.UtcNow);
                });
        }
        """,
        TestReferences.Sentry,
        Nt0004(0, "Captures data for Sentry", "AppDomain.UnhandledException handler", "lambda in Program.Main -> SentrySdk.CaptureException"));

    [Fact]
    public Task Reports_a_report_a_hook_queues_for_a_reader_that_sends() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        static class Reports
        {
            static readonly Channel<string> s_reports = Channel.CreateUnbounded<string>();
            static readonly BlockingCollection<string> s_local = new();
            static readonly HttpClient Http = new();

            public static void Install()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => s_reports.Writer.TryWrite(e.ExceptionObject.ToString()!);
                TaskScheduler.UnobservedTaskException += (s, e) => s_local.Add(e.Exception.ToString());
            }

            public static async Task PumpAsync()
            {
                await foreach (var report in s_reports.Reader.ReadAllAsync())
                {
                    await Http.{|#0:PostAsync|}("https://reports.example.com/", new StringContent(report));
                }
            }

            public static void WriteLocally()
            {
                foreach (var report in s_local.GetConsumingEnumerable())
                {
                    System.IO.File.AppendAllText("crashes.log", report);
                }
            }
        }
        """,
        Nt0004(0, Sends, "AppDomain.UnhandledException handler", "lambda in Reports.Install -> Reports.PumpAsync -> HttpClient.PostAsync"));

    [Fact]
    public Task Reports_error_logging_from_a_hook_when_the_log_goes_to_a_network_sink() => Verify.VerifyAsync("""
        using System;
        using Serilog;

        static class Program
        {
            static void Main()
            {
                Log.Logger = new LoggerConfiguration().WriteTo.Seq("https://seq.example.com").CreateLogger();
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Log.{|#0:Fatal|}((Exception)e.ExceptionObject, "Crashed");
                AppDomain.CurrentDomain.ProcessExit += (s, e) => Log.Information("Exiting");
            }
        }
        """,
        TestReferences.SerilogSeq,
        Nt0004(0, "Logs an error that the SeqLoggerConfigurationExtensions.Seq sink registered in Test0.cs (line 8) sends over the network", "AppDomain.UnhandledException handler", "lambda in Program.Main -> Log.Fatal"));

    [Fact]
    public Task Reports_error_logging_through_a_product_sink_that_sends_and_not_to_local_logs() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.Logging;
        using Serilog.Core;
        using Serilog.Events;

        sealed class CloudSink : ILogEventSink
        {
            readonly HttpClient _http = new();
            public void Emit(LogEvent logEvent) => _http.PostAsync("https://logs.example.com/", new StringContent(logEvent.RenderMessage()));
        }

        sealed class App
        {
            readonly ILogger<App> _logger;

            public App(ILogger<App> logger)
            {
                _logger = logger;
                AppDomain.CurrentDomain.UnhandledException += (s, e) => _logger.{|#0:LogCritical|}("Crashed: {Error}", e.ExceptionObject);
                AppDomain.CurrentDomain.ProcessExit += (s, e) => _logger.LogWarning("Exiting");
            }
        }
        """,
        TestReferences.With("Serilog", "Microsoft.Extensions.Logging"),
        Nt0004(0, "Logs an error that the product's log sink CloudSink sends over the network", "AppDomain.UnhandledException handler", "lambda in new App -> LoggerExtensions.LogCritical"));

    [Fact]
    public Task Does_not_report_error_logging_when_the_log_stays_on_the_machine() => Verify.VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        sealed class App
        {
            public App(ILogger<App> logger, ILoggerFactory factory)
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) => logger.LogError("Crashed: {Error}", e.ExceptionObject);
                AppDomain.CurrentDomain.ProcessExit += (s, e) => logger.Log(LogLevel.Critical, "Exiting");
            }
        }
        """,
        TestReferences.With("Microsoft.Extensions.Logging"));

    [Fact]
    public Task Reports_a_log_call_with_an_error_level_and_a_sentry_logging_provider() => Verify.VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        static class Program
        {
            static void Main()
            {
                using var factory = LoggerFactory.Create(builder => builder.AddSentry());
                var logger = factory.CreateLogger("App");
                AppDomain.CurrentDomain.UnhandledException += (s, e) => logger.{|#0:Log|}(LogLevel.Error, "Crashed");
                AppDomain.CurrentDomain.ProcessExit += (s, e) => logger.Log(LogLevel.Warning, "Exiting");
            }
        }
        """,
        TestReferences.SentryExtensionsLogging,
        Nt0004(0, "Logs an error that the LoggingBuilderExtensions.AddSentry sink registered in Test0.cs (line 8) sends over the network", "AppDomain.UnhandledException handler", "lambda in Program.Main -> LoggerExtensions.Log"));

    [Fact]
    public Task Reports_assembly_unloading_and_ios_hooks() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Runtime.Loader;

        static class Hooks
        {
            static readonly HttpClient Http = new();

            public static void Install()
            {
                AssemblyLoadContext.Default.Unloading += context => Http.{|#0:PostAsync|}("https://x.example.com/unloading", null);
                ObjCRuntime.Runtime.MarshalManagedException += (s, e) => Http.{|#1:PostAsync|}("https://x.example.com/ios", null);
            }
        }
        """,
        TestReferences.Net80,
        new[] { StandIns.MicrosoftIos },
        Nt0004(0, Sends, "AssemblyLoadContext.Unloading handler", "lambda in Hooks.Install -> HttpClient.PostAsync"),
        Nt0004(1, Sends, "Runtime.MarshalManagedException handler", "lambda in Hooks.Install -> HttpClient.PostAsync"));
}
