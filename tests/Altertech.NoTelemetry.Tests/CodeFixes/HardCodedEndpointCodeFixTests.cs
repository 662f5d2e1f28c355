using Altertech.NoTelemetry.Tests.Verifiers;
using Verify = Altertech.NoTelemetry.Tests.Verifiers.CSharpCodeFixVerifier<
    Altertech.NoTelemetry.Analyzers.HardCodedEndpointAnalyzer,
    Altertech.NoTelemetry.CodeFixes.HardCodedEndpointCodeFix>;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>NT0003's fix: the endpoint read from an <c>IConfiguration</c> in scope, keyed by the member that makes the request.</summary>
public class HardCodedEndpointCodeFixTests
{
    private static readonly ReferenceSet s_configuration = TestReferences.With("Microsoft.Extensions.Configuration.Abstractions");

    /// <summary>A verbatim or raw string's value goes into the comment as a one-line literal: a comment cannot span lines.</summary>
    [Fact]
    public Task Keeps_a_verbatim_or_raw_endpoint_in_a_one_line_comment() => Verify.VerifyAsync(""""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class Feeds(IConfiguration configuration, HttpClient http)
        {
            public Task<string> NewsAsync() => http.{|NT0003:GetStringAsync|}(@"https://news.example.com/feed.xml");

            public Task<string> Releases()
            {
                return http.{|NT0003:GetStringAsync|}("""
                    https://releases.example.com/feed.xml
                    """);
            }
        }
        """", """"
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class Feeds(IConfiguration configuration, HttpClient http)
        {
            // Endpoints:News was "https://news.example.com/feed.xml" in the code: set it in the configuration.
            public Task<string> NewsAsync() => http.GetStringAsync(configuration["Endpoints:News"] ?? throw new InvalidOperationException("Set 'Endpoints:News' in the configuration: the endpoint is no longer built in."));

            public Task<string> Releases()
            {
                // Endpoints:Releases was "https://releases.example.com/feed.xml" in the code: set it in the configuration.
                return http.GetStringAsync(configuration["Endpoints:Releases"] ?? throw new InvalidOperationException("Set 'Endpoints:Releases' in the configuration: the endpoint is no longer built in."));
            }
        }
        """", s_configuration);

    [Fact]
    public Task Reads_a_literal_endpoint_from_the_configuration_field_keyed_by_the_member() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class UpdateChecker(IConfiguration configuration, HttpClient http)
        {
            public Task<string> CheckForUpdatesAsync() =>
                http.{|NT0003:GetStringAsync|}("https://updates.example.com/feed.xml"); // the feed

            public void UseMirror() => {|NT0003:http.BaseAddress = new Uri("https://mirror.example.com/")|};
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class UpdateChecker(IConfiguration configuration, HttpClient http)
        {
            // Endpoints:CheckForUpdates was "https://updates.example.com/feed.xml" in the code: set it in the configuration.
            public Task<string> CheckForUpdatesAsync() =>
                http.GetStringAsync(configuration["Endpoints:CheckForUpdates"] ?? throw new InvalidOperationException("Set 'Endpoints:CheckForUpdates' in the configuration: the endpoint is no longer built in.")); // the feed

            // Endpoints:UseMirror was "https://mirror.example.com/" in the code: set it in the configuration.
            public void UseMirror() => http.BaseAddress = new Uri(configuration["Endpoints:UseMirror"] ?? throw new InvalidOperationException("Set 'Endpoints:UseMirror' in the configuration: the endpoint is no longer built in."));
        }
        """, s_configuration);

    /// <summary>
    /// No configuration in scope, or a constant from elsewhere (a field other code may use too): no fix, rather than one
    /// that does not compile or changes code the finding did not name.
    /// </summary>
    [Fact]
    public Task Is_not_offered_without_a_configuration_in_scope_or_for_a_constant_from_a_field() => Verify.VerifyNoFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        class UpdateChecker
        {
            private const string Feed = "https://updates.example.com/feed.xml";
            private readonly IConfiguration _configuration = null!;

            static Task<string> Check(HttpClient http) => http.{|NT0003:GetStringAsync|}("https://updates.example.com/feed.xml");

            Task<string> CheckFeed(HttpClient http) => http.{|NT0003:GetStringAsync|}(Feed);
        }
        """, s_configuration);

    /// <summary>
    /// What <c>dotnet format</c> does: Fix All started from the first finding, which has no fix here (static code cannot use
    /// the configuration field), with its null equivalence key. The finding that has one is fixed all the same.
    /// </summary>
    [Fact]
    public async Task Fix_all_started_from_an_unfixable_first_finding_fixes_the_fixable_one()
    {
        const string Source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            class UpdateChecker(IConfiguration configuration)
            {
                static Task<string> Ping(HttpClient http) => http.GetStringAsync("https://ping.example.com/");

                Task<string> CheckAsync(HttpClient http) => http.GetStringAsync("https://updates.example.com/feed.xml");
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new Analyzers.HardCodedEndpointAnalyzer(), Source, s_configuration);
        Assert.Equal(2, diagnostics.Length);

        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new Altertech.NoTelemetry.CodeFixes.HardCodedEndpointCodeFix(), document, diagnostics);

        Assert.Contains("""http.GetStringAsync("https://ping.example.com/")""", fixedText, StringComparison.Ordinal);
        Assert.Contains("""http.GetStringAsync(configuration["Endpoints:Check"] ?? throw new System.InvalidOperationException(""", fixedText, StringComparison.Ordinal);
    }
}
