using Microsoft.CodeAnalysis.Testing;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpAnalyzerVerifier<Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer>;

namespace Altertech.NoTelemetry.Tests.Rules;

/// <summary>
/// NT0003 follows values through the flow of a method: locals by symbol and by the writes that reach the read, known
/// prefixes, sets of constants, and members whose every return is a constant.
/// </summary>
public class HardCodedEndpointFlowTests
{
    [Fact]
    public Task A_local_of_the_same_name_in_a_sibling_block_is_another_local() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, bool b)
            {
                if (b)
                {
                    var url = "https://updates.example.com/check";
                    http.{|#0:GetAsync|}(url);
                }
                else
                {
                    var url = 42;
                    System.Console.WriteLine(url);
                }
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://updates.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task A_cycle_cut_short_is_not_remembered_so_the_order_of_questions_does_not_matter() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            static readonly string A = "https://a.example/" + B;
            static readonly string B = A + "b";

            void M(HttpClient http)
            {
                http.{|#0:GetAsync|}(A);
                http.{|#1:GetAsync|}(B);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://a.example'", " (from C.A)", "HttpClient.GetAsync"),
        // B's text comes from A.
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://a.example'", " (from C.A)", "HttpClient.GetAsync"));

    [Fact]
    public Task Follows_a_known_prefix_through_a_path_built_in_steps() => Verify.VerifyAsync("""
        using System.Net.Http;

        class Settings
        {
            const string Host = "https://settings.vendor.example";

            void Sync(HttpClient http, string app, string bucket)
            {
                var path = $"/v2/{app}";
                path += $"/bucket/{bucket}";
                http.{|#0:GetAsync|}(Host + path);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://settings.vendor.example'", " (from Settings.Host)", "HttpClient.GetAsync"));

    [Fact]
    public Task Reports_a_choice_between_constant_hosts_once_naming_each() => Verify.VerifyAsync("""
        using System.Net.Http;

        enum Channel { Stable, Beta }

        class C
        {
            void M(HttpClient http, bool beta, Channel channel)
            {
                http.{|#0:GetAsync|}(beta ? "https://beta.example.com/feed" : "https://stable.example.com/feed");
                var feed = channel switch
                {
                    Channel.Beta => "https://beta.example.com/feed",
                    _ => "https://stable.example.com/feed",
                };
                http.{|#1:GetAsync|}(feed);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://beta.example.com' or 'https://stable.example.com'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://beta.example.com' or 'https://stable.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Reports_an_update_check_that_tries_constant_mirrors_in_turn() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class Updater
        {
            static readonly string[] Mirrors = { "https://mirror1.example.com/latest", "https://mirror2.example.com/latest" };

            async Task<string?> Check(HttpClient http)
            {
                foreach (var mirror in Mirrors)
                {
                    try
                    {
                        return await http.{|#0:GetStringAsync|}(mirror);
                    }
                    catch (HttpRequestException)
                    {
                    }
                }

                foreach (var url in new[] { "https://a.example.com/v", "https://b.example.com/v" })
                {
                    await http.{|#1:GetStringAsync|}(url);
                }

                return null;
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://mirror1.example.com' or 'https://mirror2.example.com'", "", "HttpClient.GetStringAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://a.example.com' or 'https://b.example.com'", "", "HttpClient.GetStringAsync"));

    [Fact]
    public Task Follows_a_member_whose_every_return_is_a_constant() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            static string ServiceHost(bool beta) => beta ? "beta.svc.example" : "svc.example";

            static string Region
            {
                get
                {
                    if (System.DateTime.Now.Hour > 12)
                    {
                        return "https://eu.svc.example";
                    }

                    return "https://us.svc.example";
                }
            }

            void M(HttpClient http, bool beta, string id)
            {
                http.{|#0:GetAsync|}($"https://{ServiceHost(beta)}/v1/{id}");
                http.{|#1:GetAsync|}(Region + "/v1");
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://beta.svc.example' or 'https://svc.example'", " (from C.ServiceHost)", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://eu.svc.example' or 'https://us.svc.example'", " (from C.Region)", "HttpClient.GetAsync"));

    [Fact]
    public Task Reports_a_constant_that_reaches_the_call_on_one_path() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string configured)
            {
                var url = configured;
                if (string.IsNullOrEmpty(url))
                {
                    url = "https://fallback.example.com/";
                }

                http.{|#0:GetAsync|}(url);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://fallback.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Does_not_report_a_run_time_host_however_its_path_is_built() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string host, string app, bool beta)
            {
                var path = $"/v2/{app}";
                path += "/bucket";
                http.GetAsync($"https://{host}" + path);

                var url = "https://overwritten.example.com/";
                url = host;
                http.GetAsync(url);

                var chosen = beta ? host : $"https://{host}/beta";
                http.GetAsync(chosen);

                foreach (var mirror in new[] { host, app })
                {
                    http.GetAsync(mirror);
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_follow_a_local_written_where_its_value_cannot_be_known() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            static void Redirect(ref string target) => target = Console.ReadLine() ?? "";

            void M(HttpClient http)
            {
                var byRef = "https://a.example.com/";
                Redirect(ref byRef);
                http.GetAsync(byRef);

                var captured = "https://b.example.com/";
                Action change = () => captured = Console.ReadLine() ?? "";
                change();
                http.GetAsync(captured);
            }
        }
        """);

    [Fact]
    public Task Reports_a_constant_that_reaches_a_catch_block() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http)
            {
                var report = "https://errors.example.com/report";
                try
                {
                    System.Console.WriteLine("work");
                }
                catch (System.Exception)
                {
                    http.{|#0:PostAsync|}(report, null);
                }
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://errors.example.com'", "", "HttpClient.PostAsync"));

    [Fact]
    public Task Follows_locals_in_top_level_statements() => Verify.VerifyProgramAsync("""
        using System.Net.Http;

        var http = new HttpClient();
        var endpoint = "https://stats.example.com/collect";
        if (args.Length > 0)
        {
            endpoint = args[0];
        }

        await http.{|#0:PostAsync|}(endpoint, null);
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://stats.example.com'", "", "HttpClient.PostAsync"));

    [Fact]
    public Task Follows_a_helper_parameter_through_the_helpers_own_locals() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Web
        {
            public static Task<string> Fetch(HttpClient http, string server, string id)
            {
                var url = server + "/v1/items/";
                url += id;
                return http.GetStringAsync(url);
            }

            public static Task<string> Ping(HttpClient http, string host)
            {
                var target = $"https://{host}/ping";
                return http.GetStringAsync(target);
            }
        }

        class C
        {
            Task M(HttpClient http, string id) => Task.WhenAll(
                Web.{|#0:Fetch|}(http, "https://inventory.example.com", id),
                Web.{|#1:Ping|}(http, "status.example.com"));
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://inventory.example.com'", "", "Web.Fetch, which passes it to HttpClient.GetStringAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'status.example.com'", "", "Web.Ping, which passes it to HttpClient.GetStringAsync"));

    [Fact]
    public Task Does_not_treat_a_helper_parameter_that_only_fills_the_path_as_its_endpoint() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Web
        {
            public static Task<string> Search(HttpClient http, string query)
            {
                var url = "https://search.example.com/?q=" + query;
                return http.{|#0:GetStringAsync|}(url);
            }
        }

        class C
        {
            Task M(HttpClient http) => Web.Search(http, "https://not-an-endpoint.example.com");
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://search.example.com'", "", "HttpClient.GetStringAsync"));

    [Fact]
    public Task Follows_a_path_appended_to_in_a_loop() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string[] parts, bool skip)
            {
                var url = "https://files.example.com";
                foreach (var part in parts)
                {
                    if (skip)
                    {
                        continue;
                    }

                    url += "/" + part;
                }

                http.{|#0:GetAsync|}(url);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://files.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Follows_appends_that_reach_each_other_in_a_loop() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string[] parts)
            {
                var url = "https://files.example.com";
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i % 2 == 0)
                    {
                        url += "/even/" + parts[i];
                    }
                    else
                    {
                        url += "/odd/" + parts[i];
                    }
                }

                http.{|#0:GetAsync|}(url);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://files.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Follows_a_local_that_is_assigned_from_its_own_earlier_value() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string id, int retries)
            {
                var url = "https://orders.example.com";
                url = url + "/v1/" + id;
                http.{|#0:GetAsync|}(url);

                var next = "https://pages.example.com/list";
                while (retries-- > 0)
                {
                    next = next + "&page=" + retries;
                }

                http.{|#1:GetAsync|}(next);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://orders.example.com'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://pages.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Keeps_the_constant_of_a_choice_with_a_run_time_value_when_more_text_is_appended() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string configured, string? custom, bool beta)
            {
                var baseUrl = configured;
                if (string.IsNullOrWhiteSpace(baseUrl))
                {
                    baseUrl = "https://api.vendor.example/v1";
                }

                baseUrl = baseUrl.Trim();
                http.{|#0:GetAsync|}(baseUrl + "/models");

                http.{|#1:GetAsync|}((custom ?? "https://default.example.com") + "/v1");
                http.{|#2:GetAsync|}((beta ? custom : "https://stable.example.com") + "/v1");
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.vendor.example'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://default.example.com'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(2).WithArguments("'https://stable.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Follows_a_product_method_whose_return_starts_with_its_parameter() => Verify.VerifyAsync("""
        using System.Net.Http;

        static class Urls
        {
            public static string Combine(string url, string path) => url.TrimEnd('/') + "/" + path;
        }

        class Gist
        {
            const string Api = "https://api.github.example";

            void Send(HttpClient http, string? custom)
            {
                string url;
                if (!string.IsNullOrEmpty(custom))
                {
                    url = custom;
                }
                else
                {
                    url = Api;
                }

                url = Urls.Combine(url, "gists");
                http.{|#0:PostAsync|}(url, null);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.github.example'", " (from Gist.Api)", "HttpClient.PostAsync"));

    [Fact]
    public Task A_write_at_the_end_of_a_loop_reaches_a_read_at_its_start() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string user)
            {
                var next = user;
                for (var i = 0; i < 3; i++)
                {
                    http.{|#0:GetAsync|}(next);
                    next = "https://retry.example.com/";
                }
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://retry.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Walks_a_constant_collection_held_in_a_local() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;

        class C
        {
            void M(HttpClient http)
            {
                string[] mirrors = { "https://m1.example.com/", "https://m2.example.com/" };
                foreach (var mirror in mirrors)
                {
                    http.{|#0:GetAsync|}(mirror);
                }

                var feeds = new List<string> { "https://f1.example.com/", "https://f2.example.com/" };
                foreach (var feed in feeds)
                {
                    http.{|#1:GetAsync|}(feed);
                }
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://m1.example.com' or 'https://m2.example.com'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://f1.example.com' or 'https://f2.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Names_where_the_host_comes_from_not_where_the_path_does() => Verify.VerifyAsync("""
        using System.Net.Http;

        class Drive
        {
            static string FolderPath(string? id) => id is null ? "me/drive/root" : "me/drive/items/" + id;

            void List(HttpClient http, string? id) => http.{|#0:GetAsync|}($"https://graph.vendor.example/v1.0/{FolderPath(id)}/children");
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://graph.vendor.example'", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Names_three_hosts_of_a_larger_set_and_counts_the_rest() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, int region) => http.{|#0:GetAsync|}(region switch
            {
                0 => "https://r0.example.com/",
                1 => "https://r1.example.com/",
                2 => "https://r2.example.com/",
                3 => "https://r3.example.com/",
                _ => "https://r4.example.com/",
            });
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://r0.example.com', 'https://r1.example.com', 'https://r2.example.com' or 2 more", "", "HttpClient.GetAsync"));

    [Fact]
    public Task Follows_a_coalescing_assignment() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http, string? configured)
            {
                var url = configured;
                url ??= "https://fallback.example.com/";
                http.{|#0:GetAsync|}(url);
            }
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://fallback.example.com'", "", "HttpClient.GetAsync"));

    [Fact]
    public async Task Reports_the_constant_endpoint_of_a_call_that_does_not_bind()
    {
        var test = Verify.CreateTest();
        test.TestCode = """
            using System.Net.Http;

            class Symbols
            {
                void M(HttpClient http, string fileName) =>
                    http.{|#0:GetAsync|}($"https://symbols.example.com/packages/{fileName}", undefinedToken);
            }
            """;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://symbols.example.com'", "", "HttpClient.GetAsync"));
        await test.RunAsync();
    }

    [Fact]
    public Task Does_not_treat_a_parameter_the_helper_overwrites_as_what_the_call_passed() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            static string Pick(string url)
            {
                url = Environment.GetEnvironmentVariable("URL") ?? "";
                return url;
            }

            static Task<string> Fetch(HttpClient http, string url)
            {
                url = Environment.GetEnvironmentVariable("URL") ?? "";
                return http.GetStringAsync(url);
            }

            Task M(HttpClient http) => Task.WhenAll(
                http.GetAsync(Pick("https://logical.example.com/x")),
                Fetch(http, "https://logical.example.com/y"));
        }
        """);

    [Fact]
    public Task A_cycle_through_a_helper_does_not_make_findings_depend_on_the_rest_of_the_file() => Verify.VerifyAsync("""
        using System.Net.Http;

        class C
        {
            static readonly string F = M("https://a.example/");

            static string M(string u) => u + F;

            void A(HttpClient h) => h.{|#0:GetAsync|}(M("https://x.example/"));

            void B(HttpClient h) => h.{|#1:GetAsync|}(F);
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://x.example'", "", "HttpClient.GetAsync"),
        Verify.Diagnostic("NT0003").WithLocation(1).WithArguments("'https://a.example'", " (from C.F)", "HttpClient.GetAsync"));

    [Fact]
    public async Task Follows_a_constant_declared_in_a_referenced_project()
    {
        var test = Verify.CreateTest();
        test.TestState.AdditionalProjects["Library"].Sources.Add("""
            public static class Lib
            {
                public static readonly string U = "https://lib.example.com/x";

                public static string P => "https://lib.example.com/y";
            }
            """);
        test.TestState.AdditionalProjects["Library"].AdditionalReferences.AddRange(Altertech.NoTelemetry.Tests.Verifiers.TestReferences.Net80.Resolve());
        test.TestState.AdditionalProjectReferences.Add("Library");
        test.TestCode = """
            using System.Net.Http;

            class C
            {
                void M(HttpClient http)
                {
                    http.GetAsync(Lib.U);
                    http.GetAsync(Lib.P);
                }
            }
            """;

        // Another project's source cannot be bound from this compilation: not followed, and never an exception.
        await test.RunAsync();
    }

    /// <summary>
    /// C's body is folded twice in one question: once as a member on its own (its parameter unknown), then for this call.
    /// What the first found for its local must not stand for the second.
    /// </summary>
    [Fact]
    public Task A_helper_folded_for_a_call_does_not_reuse_what_its_body_gave_without_the_call() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;

        static class Q
        {
            public static string C(string url)
            {
                string normalized = Normalize(url);
                return string.Format("{0}?{1}", normalized, "z");
            }

            static string Normalize(string url)
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    url = uri.Scheme + "://" + uri.Host + uri.AbsolutePath;
                }

                return url;
            }
        }

        class K
        {
            const string U = "https://api.vendor.example/oauth/request";

            void M(HttpClient h) => h.{|#0:GetAsync|}(Q.C(U));
        }
        """,
        Verify.Diagnostic("NT0003").WithLocation(0).WithArguments("'https://api.vendor.example'", " (from K.U)", "HttpClient.GetAsync"));
}
