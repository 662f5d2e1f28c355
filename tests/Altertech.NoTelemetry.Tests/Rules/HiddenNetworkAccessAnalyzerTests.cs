using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HiddenNetworkAccessAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

public class HiddenNetworkAccessAnalyzerTests
{
    private const string ReflectionDoor = "Reflection by name";
    private const string NativeDoor = "Native network library";
    private const string ToolDoor = "Network tool";
    private const string UrlDoor = "URL opened in the browser";

    // ---- Reflection by name ----

    [Fact]
    public Task Reports_network_types_and_telemetry_assemblies_loaded_by_name() => Verify.VerifyAsync("""
        using System;
        using System.Reflection;
        using System.Runtime.Loader;

        class C
        {
            void M()
            {
                Type.{|#0:GetType|}("System.Net.WebClient");
                Type.{|#1:GetType|}("Sentry.SentrySdk, Sentry");
                Assembly.{|#2:Load|}("Sentry, Version=4.0.0.0, Culture=neutral");
                Assembly.{|#3:Load|}(new AssemblyName("Microsoft.ApplicationInsights"));
                Assembly.{|#4:LoadFrom|}("plugins/Mixpanel.dll");
                AssemblyLoadContext.Default.{|#5:LoadFromAssemblyName|}(new AssemblyName("System.Net.Http"));
                Activator.{|#6:CreateInstance|}("System.Net.Requests", "System.Net.HttpWebRequest");
                Type.{|#7:GetTypeFromProgID|}("WinHttp.WinHttpRequest.5.1");
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.WebClient' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ReflectionDoor, "Type.GetType loads 'Sentry.SentrySdk, Sentry' by name, the Sentry SDK"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ReflectionDoor, "Assembly.Load loads 'Sentry, Version=4.0.0.0, Culture=neutral' by name, the Sentry SDK"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(ReflectionDoor, "Assembly.Load loads 'Microsoft.ApplicationInsights' by name, the Application Insights SDK"),
        Verify.Diagnostic("NT0007").WithLocation(4).WithArguments(ReflectionDoor, "Assembly.LoadFrom loads 'plugins/Mixpanel.dll' by name, the Mixpanel SDK"),
        Verify.Diagnostic("NT0007").WithLocation(5).WithArguments(ReflectionDoor, "AssemblyLoadContext.LoadFromAssemblyName loads 'System.Net.Http' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(6).WithArguments(ReflectionDoor, "Activator.CreateInstance loads 'System.Net.Requests' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(7).WithArguments(ReflectionDoor, "Type.GetTypeFromProgID loads 'WinHttp.WinHttpRequest.5.1' by name, a COM class that sends HTTP requests"));

    [Fact]
    public Task Follows_constants_fields_nameof_aliases_and_global() => Verify.VerifyAsync("""
        using System.Net;
        using R = System.Reflection.Assembly;

        static class Names
        {
            public const string Net = "System.Net.";
            public static readonly string Sdk = "Sen" + "try";
        }

        class C
        {
            void M()
            {
                global::System.Type.{|#0:GetType|}(Names.Net + nameof(WebClient));
                R.{|#1:Load|}(Names.Sdk);
                var name = "System.Net.Sockets.Socket, System.Net.Sockets";
                global::System.Type.{|#2:GetType|}(name, throwOnError: false);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.WebClient' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ReflectionDoor, "Assembly.Load loads 'Sentry' by name, the Sentry SDK"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.Sockets.Socket, System.Net.Sockets' by name, a network API"));

    [Fact]
    public Task A_constant_prefix_that_names_the_namespace_is_enough() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Reflection;

        class C
        {
            Type? M(string kind) => Type.{|#0:GetType|}("System.Net.Http." + kind);
            Type? N(string kind) => Type.{|#1:GetType|}("System.Net." + kind);
            Assembly P(string folder) => Assembly.{|#2:LoadFrom|}(Path.Combine(folder, "Sentry.dll"));
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.Http.' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ReflectionDoor, "Assembly.LoadFrom loads 'Sentry.dll' by name, the Sentry SDK"));

    [Fact]
    public Task Does_not_report_reflection_over_the_program_s_own_types_or_names_set_at_run_time() => Verify.VerifyAsync("""
        using System;
        using System.Reflection;

        class C
        {
            void M(string configured)
            {
                Type.GetType("MyApp.Plugins.CsvExporter, MyApp.Plugins");
                Assembly.Load("MyApp.Plugins");
                Assembly.LoadFrom("plugins/MyApp.Exporters.dll");
                Type.GetType(configured);
                Type.GetType("System.Text.Json.JsonSerializer");
                Type.GetType("SystemNetworkingHelpers.Tool");
                Activator.CreateInstance(typeof(C));
            }
        }
        """);

    [Fact]
    public Task Reports_a_sending_member_looked_up_by_name_on_a_network_type() => Verify.VerifyAsync("""
        using System;
        using System.Net;

        class C
        {
            void M(WebClient client)
            {
                var download = typeof(WebClient).{|#0:GetMethod|}("DownloadString", new[] { typeof(string) });
                download?.Invoke(client, new object[] { "https://example.com/" });
                typeof(IPAddress).GetMethod("Parse", new[] { typeof(string) });
                typeof(System.Net.Http.HttpClient).GetProperty("BaseAddress");
                typeof(C).GetMethod("M");
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ReflectionDoor, "Type.GetMethod looks up WebClient.DownloadString by name, a network call"));

    [Fact]
    public Task One_diagnostic_per_load_site_not_per_member_used_after_it() => Verify.VerifyAsync("""
        using System;

        class C
        {
            object? M()
            {
                var type = Type.{|#0:GetType|}("System.Net.WebClient, System.Net.WebClient");
                var client = Activator.CreateInstance(type!);
                return type!.GetMethod("DownloadString", new[] { typeof(string) })!.Invoke(client, new object[] { "https://example.com/" });
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.WebClient, System.Net.WebClient' by name, a network API"));

    [Fact]
    public async Task Reflection_findings_carry_the_door_the_name_and_the_service()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HiddenNetworkAccessAnalyzer(), """
            class C
            {
                void M() => System.Reflection.Assembly.Load("Sentry");
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("reflection", diagnostic.Properties[DiagnosticProperties.Door]);
        Assert.Equal("Sentry", diagnostic.Properties[DiagnosticProperties.Name]);
        Assert.Equal("Sentry", diagnostic.Properties[DiagnosticProperties.Service]);
        Assert.Equal("M:System.Reflection.Assembly.Load(System.String)", diagnostic.Properties[DiagnosticProperties.Member]);
    }

    // ---- Native network libraries ----

    [Fact]
    public Task Reports_the_import_of_a_native_network_library_and_each_call_of_it() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;

        static class Native
        {
            [DllImport("wininet.dll", EntryPoint = "InternetOpenUrlW", CharSet = CharSet.Unicode)]
            public static extern IntPtr {|#0:OpenUrl|}(IntPtr session, string url, string? headers, int length, int flags, IntPtr context);

            [DllImport("WinInet", CharSet = CharSet.Ansi)]
            [return: MarshalAs(UnmanagedType.Bool)]
            public static extern bool {|#1:InternetReadFile|}(IntPtr file, byte[] buffer, int size, out int read);

            [DllImport("urlmon.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
            public static extern int FindMimeFromData(IntPtr bc, string? url, byte[] buffer, int size, string? proposed, int flags, out IntPtr mime, int reserved);
        }

        class C
        {
            void M(IntPtr session)
            {
                var handle = Native.{|#2:OpenUrl|}(session, "https://example.com/", null, 0, 0, IntPtr.Zero);
                Native.{|#3:InternetReadFile|}(handle, new byte[16], 16, out _);
                Native.FindMimeFromData(IntPtr.Zero, null, new byte[16], 16, null, 0, out _, 0);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(NativeDoor, "Native.OpenUrl is imported from wininet (InternetOpenUrlW)"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(NativeDoor, "Native.InternetReadFile is imported from wininet"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(NativeDoor, "Native.OpenUrl calls into wininet (InternetOpenUrlW)"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(NativeDoor, "Native.InternetReadFile calls into wininet"));

    [Fact]
    public Task Matches_library_names_without_case_folder_or_extension() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;

        static class Native
        {
            private const string Curl = "/usr/lib/x86_64-linux-gnu/libcurl.so.4";

            [DllImport(Curl)] static extern IntPtr {|#0:curl_easy_init|}();
            [DllImport("WS2_32.DLL", SetLastError = true)] static extern IntPtr {|#1:socket|}(int family, int type, int protocol);
            [DllImport("/System/Library/Frameworks/CFNetwork.framework/CFNetwork")] static extern IntPtr {|#2:CFNetworkCopySystemProxySettings|}();
            [DllImport("libcurl.4.dylib")] static extern void {|#3:curl_global_cleanup|}();
            [DllImport("/System/Library/Frameworks/CoreServices.framework/Frameworks/CFNetwork.framework/CFNetwork")] static extern IntPtr {|#4:CFNetworkCopyProxiesForURL|}(IntPtr url, IntPtr settings);
            [DllImport("/System/Library/Frameworks/CoreServices.framework/CoreServices")] static extern IntPtr LSCopyDefaultHandlerForURLScheme(IntPtr scheme);

            static void Local()
            {
                // The shape of the [LibraryImport] generator's stub: reported where the import is declared, not here.
                [DllImport("ws2_32", EntryPoint = "closesocket")] static extern int __PInvoke(nint socket);
                __PInvoke(0);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(NativeDoor, "Native.curl_easy_init is imported from libcurl"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(NativeDoor, "Native.socket is imported from ws2_32"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(NativeDoor, "Native.CFNetworkCopySystemProxySettings is imported from cfnetwork.framework"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(NativeDoor, "Native.curl_global_cleanup is imported from libcurl"),
        Verify.Diagnostic("NT0007").WithLocation(4).WithArguments(NativeDoor, "Native.CFNetworkCopyProxiesForURL is imported from cfnetwork.framework"));

    [Fact]
    public Task Reads_the_attribute_in_every_form() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;
        using Interop = System.Runtime.InteropServices;

        static class Native
        {
            private const string Library = "urlmon";

            [global::System.Runtime.InteropServices.DllImportAttribute(Library, CharSet = CharSet.Unicode)]
            static extern int {|#0:URLDownloadToFile|}(nint caller, string url, string file, int reserved, nint callback);

            [Interop.DllImport(dllName: "dnsapi.dll", EntryPoint = "DnsQuery_W"), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
            static extern int {|#1:Query|}(string name, short type, int options, nint extra, out nint results, nint reserved);

            [DllImport(
                "iphlpapi.dll",
                SetLastError = true)]
            [return: MarshalAs(UnmanagedType.U4)]
            static extern uint {|#2:IcmpSendEcho|}(nint handle, uint destination, byte[] data, short size, nint options, byte[] reply, int replySize, int timeout);
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(NativeDoor, "Native.URLDownloadToFile is imported from urlmon"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(NativeDoor, "Native.Query is imported from dnsapi (DnsQuery_W)"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(NativeDoor, "Native.IcmpSendEcho is imported from iphlpapi"));

    [Fact]
    public Task From_libc_only_the_socket_functions_count() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        static class Native
        {
            [DllImport("libc", EntryPoint = "connect", SetLastError = true)]
            static extern int {|#0:Connect|}(int socket, byte[] address, int length);

            [DllImport("libc.so.6")] static extern int {|#1:getaddrinfo|}(string node, string service, nint hints, out nint result);

            [DllImport("libc")] static extern int getpid();
            [DllImport("libc", EntryPoint = "geteuid")] static extern uint EffectiveUser();
            [DllImport("kernel32.dll")] static extern uint GetTickCount();
            [DllImport("user32.dll", CharSet = CharSet.Unicode)] static extern int MessageBox(nint hWnd, string text, string caption, uint type);
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(NativeDoor, "Native.Connect is imported from libc (connect)"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(NativeDoor, "Native.getaddrinfo is imported from libc"));

    [Fact]
    public async Task Reports_LibraryImport_declarations()
    {
        // Without the interop source generator the partial method has no body (CS8795): the declaration is what counts.
        var diagnostics = await AnalyzerRunner.RunAsync(new HiddenNetworkAccessAnalyzer(), """
            using System.Runtime.InteropServices;

            static partial class Native
            {
                [LibraryImport("ws2_32", EntryPoint = "connect")]
                internal static partial int Connect(nint socket, byte[] address, int length);

                [LibraryImport("libsqlite3")]
                internal static partial int sqlite3_open(nint file, out nint db);
            }
            """, allowCompileErrors: true);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Native network library: Native.Connect is imported from ws2_32 (connect)", diagnostic.GetMessage());
        Assert.Equal("ws2_32", diagnostic.Properties[DiagnosticProperties.Library]);
        Assert.Equal("connect", diagnostic.Properties[DiagnosticProperties.EntryPoint]);
        Assert.Equal("native", diagnostic.Properties[DiagnosticProperties.Door]);
    }

    [Fact]
    public Task Reports_NativeLibrary_Load_of_a_network_library() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        class C
        {
            void M()
            {
                NativeLibrary.{|#0:Load|}("libcurl.so.4");
                NativeLibrary.{|#1:TryLoad|}("WinHttp.dll", out _);
                NativeLibrary.TryLoad("libsqlite3", out _);
                NativeLibrary.TryLoad("libc", out _);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(NativeDoor, "NativeLibrary.Load loads the native network library 'libcurl.so.4'"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(NativeDoor, "NativeLibrary.TryLoad loads the native network library 'WinHttp.dll'"));

    // ---- Network tools ----

    [Fact]
    public Task Reports_launching_network_tools_in_every_form() => Verify.VerifyAsync("""
        using System.Diagnostics;

        class C
        {
            private const string Tool = @"C:\Windows\System32\curl.exe";

            void M(Process process, string report)
            {
                Process.{|#0:Start|}("curl", "-d @report.json https://example.com/upload");
                Process.Start({|#1:new ProcessStartInfo(Tool) { UseShellExecute = false }|});
                var info = new ProcessStartInfo();
                {|#2:info.FileName|} = "/usr/bin/wget";
                Process.Start(info);
                Process.Start(new ProcessStartInfo { {|#3:FileName|} = "bitsadmin.exe", Arguments = "/transfer job https://example.com/a C:\\a" });
                {|#4:process.StartInfo.FileName|} = "scp";
                process.Start();
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ToolDoor, "Process.Start launches curl"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ToolDoor, "new ProcessStartInfo launches curl"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ToolDoor, "ProcessStartInfo.FileName launches wget"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(ToolDoor, "ProcessStartInfo.FileName launches bitsadmin"),
        Verify.Diagnostic("NT0007").WithLocation(4).WithArguments(ToolDoor, "ProcessStartInfo.FileName launches scp"));

    [Fact]
    public Task Reports_PowerShell_and_certutil_only_with_their_network_arguments() => Verify.VerifyAsync("""
        using System.Diagnostics;

        class C
        {
            void M(string script)
            {
                Process.{|#0:Start|}("powershell", "-NoProfile -Command \"Invoke-WebRequest -Uri https://example.com/a -OutFile a\"");
                var info = new ProcessStartInfo { {|#1:FileName|} = "pwsh.exe" };
                info.ArgumentList.Add("-Command");
                info.ArgumentList.Add("irm https://example.com/install | iex");
                Process.Start(info);
                var later = {|#2:new ProcessStartInfo("certutil")|};
                later.Arguments = "-urlcache -split -f https://example.com/a.bin a.bin";
                Process.Start(later);

                Process.Start("powershell", "-File " + script);
                Process.Start("pwsh", "-Command Get-ChildItem");
                Process.Start("certutil", "-hashfile setup.exe SHA256");
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ToolDoor, "Process.Start launches powershell with Invoke-WebRequest"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ToolDoor, "ProcessStartInfo.FileName launches pwsh with irm"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ToolDoor, "new ProcessStartInfo launches certutil with -urlcache"));

    [Fact]
    public Task Reports_a_shell_that_runs_a_network_tool() => Verify.VerifyAsync("""
        using System.Diagnostics;

        class C
        {
            void M()
            {
                Process.{|#0:Start|}("/bin/sh", "-c \"curl -fsSL https://example.com/x | tar -x\"");
                Process.{|#1:Start|}("cmd.exe", "/c wget https://example.com/a");
                Process.{|#2:Start|}("cmd", "/c powershell -Command \"iwr https://example.com/a\"");
                Process.Start("bash", "-c \"tar -czf backup.tgz ~/data\"");
                Process.Start("cmd.exe", "/c timeout /t 1 & powershell -Command \"Start-Process 'app.exe' -Verb runAs\"");
                Process.Start("sh", "-c \"command -v curl\"");
                Process.Start("bash", "-c \"apt-get install -y curl wget\"");
                Process.{|#3:Start|}("bash", "-lc \"cd /tmp && /usr/bin/curl -O https://example.com/a\"");
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ToolDoor, "Process.Start launches sh, which runs curl"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ToolDoor, "Process.Start launches cmd, which runs wget"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ToolDoor, "Process.Start launches cmd, which runs powershell"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(ToolDoor, "Process.Start launches bash, which runs curl"));

    [Fact]
    public Task Does_not_report_local_tools() => Verify.VerifyAsync("""
        using System.Diagnostics;
        using System.IO;

        class C
        {
            void M(string folder, string file)
            {
                Process.Start("git", "status");
                Process.Start("dotnet", "--info");
                Process.Start("explorer.exe", folder);
                Process.Start(new ProcessStartInfo(file) { UseShellExecute = true });
                Process.Start(Path.Combine(folder, "MyApp.Updater.exe"));
                Process.Start("xdg-open", Path.Combine(folder, "report.html"));
            }
        }
        """);

    [Fact]
    public Task Finds_the_tool_in_a_path_built_with_Path_Combine() => Verify.VerifyAsync("""
        using System.Diagnostics;
        using System.IO;

        class C
        {
            void M(string tools) => Process.{|#0:Start|}(Path.Combine(tools, "wget.exe"), "https://example.com/a");
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ToolDoor, "Process.Start launches wget"));

    // ---- URLs opened in the browser ----

    [Fact]
    public Task Reports_a_URL_with_run_time_data_opened_in_the_browser() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;

        class C
        {
            void M(Exception error, string version)
            {
                Process.Start({|#0:new ProcessStartInfo("https://crash.example.com/report?error=" + Uri.EscapeDataString(error.ToString())) { UseShellExecute = true }|});
                Process.{|#1:Start|}($"https://example.com/feedback/{version}?os={Environment.OSVersion}");
                Process.{|#2:Start|}("xdg-open", "https://example.com/bug?trace=" + error.StackTrace);
                Process.{|#3:Start|}("cmd", "/c start https://example.com/bug?m=" + error.Message);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(UrlDoor, "new ProcessStartInfo opens 'https://crash.example.com/report?error=...' in the browser, with run-time data in the URL"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(UrlDoor, "Process.Start opens 'https://example.com/feedback/...' in the browser, with run-time data in the URL"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(UrlDoor, "Process.Start through xdg-open opens 'https://example.com/bug?trace=...' in the browser, with run-time data in the URL"),
        Verify.Diagnostic("NT0007").WithLocation(3).WithArguments(UrlDoor, "Process.Start through cmd opens 'https://example.com/bug?m=...' in the browser, with run-time data in the URL"));

    [Fact]
    public Task Does_not_report_fixed_pages_or_URLs_the_program_was_given() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;

        class C
        {
            private const string Help = "https://docs.example.com/help";

            void M(string link, string server, string query)
            {
                Process.Start(new ProcessStartInfo(Help) { UseShellExecute = true });
                Process.Start("https://example.com/license");
                Process.Start(link);
                Process.Start(new ProcessStartInfo { FileName = link, UseShellExecute = true });
                Process.Start($"https://{server}/search?q={query}");
                Process.Start("xdg-open", "https://example.com/download");
                Process.Start("http://localhost:5000/?session=" + query);
            }

            void SignIn(string clientId, string state, string token)
            {
                // The user's own sign-in: the state, client id and request token are what it needs.
                Process.Start(new ProcessStartInfo($"https://github.com/login/oauth/authorize?client_id={clientId}&state={state}") { UseShellExecute = true });
                Process.Start("https://www.flickr.com/services/oauth/authorize?oauth_token=" + token);
            }
        }
        """);

    [Fact]
    public Task Reports_a_call_of_the_product_s_own_browser_helper() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;

        static class Browser
        {
            public static void Open(string url) => Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
        }

        class C
        {
            void M(Exception error)
            {
                Browser.{|#0:Open|}("https://example.com/new-issue?body=" + error);
                Browser.Open("https://example.com/");
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(UrlDoor, "Browser.Open, which passes it to new ProcessStartInfo opens 'https://example.com/new-issue?body=...' in the browser, with run-time data in the URL"));

    [Fact]
    public Task Reports_a_UI_framework_s_launcher_opening_a_URL_with_run_time_data() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Avalonia.Platform.Storage;

        class C
        {
            async Task M(ILauncher launcher, Exception error)
            {
                await launcher.{|#0:LaunchUriAsync|}(new Uri("https://bugs.example.com/new?title=" + Uri.EscapeDataString(error.Message)));
                await launcher.LaunchUriAsync(new Uri("https://example.com/docs"));
            }
        }
        """,
        TestReferences.Avalonia,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(UrlDoor, "ILauncher.LaunchUriAsync opens 'https://bugs.example.com/new?title=...' in the browser, with run-time data in the URL"));

    [Fact]
    public Task Follows_locals_and_string_Format_into_the_URL() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;

        class C
        {
            void M(Exception error)
            {
                var url = string.Format("https://bugs.example.com/new?title={0}", error.Message);
                Process.{|#0:Start|}(url);
                var page = "https://bugs.example.com/new?body=" + error;
                Process.{|#1:Start|}(page);
            }
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(UrlDoor, "Process.Start opens 'https://bugs.example.com/new?title=...' in the browser, with run-time data in the URL"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(UrlDoor, "Process.Start opens 'https://bugs.example.com/new?body=...' in the browser, with run-time data in the URL"));

    // ---- Shapes ----

    [Fact]
    public Task Reports_in_lambdas_local_functions_top_level_statements_and_generated_code() => Verify.VerifyProgramAsync("""
        // <auto-generated/>
        using System;
        using System.Diagnostics;

        Action fetch = () => Process.{|#0:Start|}("curl", "https://example.com/");
        fetch();
        Load();

        void Load() => Type.{|#1:GetType|}("System.Net.Http.HttpClient, System.Net.Http");

        partial class Program
        {
            static void Other() => System.Reflection.Assembly.{|#2:Load|}("Sentry");
        }
        """,
        Verify.Diagnostic("NT0007").WithLocation(0).WithArguments(ToolDoor, "Process.Start launches curl"),
        Verify.Diagnostic("NT0007").WithLocation(1).WithArguments(ReflectionDoor, "Type.GetType loads 'System.Net.Http.HttpClient, System.Net.Http' by name, a network API"),
        Verify.Diagnostic("NT0007").WithLocation(2).WithArguments(ReflectionDoor, "Assembly.Load loads 'Sentry' by name, the Sentry SDK"));

    [Fact]
    public async Task Code_under_edit_gives_what_binds_and_never_throws()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HiddenNetworkAccessAnalyzer(), """
            using System;
            using System.Diagnostics;
            using System.Runtime.InteropServices;

            class C
            {
                [DllImport("wininet.dll"
                static extern IntPtr InternetOpen(string agent, int type, string proxy, string bypass, int flags);

                void M()
                {
                    Process.Start("curl", 
                    Type.GetType(
                    var info = new ProcessStartInfo { FileName = };
                    Process.Start(new ProcessStartInfo("wget") { Arguments = 
                }
            }
            """, allowCompileErrors: true);

        Assert.All(diagnostics, d => Assert.Equal("NT0007", d.Id));
        Assert.Contains(diagnostics, d => d.Properties[DiagnosticProperties.Tool] == "wget");
    }
}
