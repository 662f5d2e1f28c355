using Altertech.NoTelemetry.Analyzers;
using Altertech.NoTelemetry.CodeFixes;
using Altertech.NoTelemetry.Tests.Verifiers;

namespace Altertech.NoTelemetry.Tests.CodeFixes;

/// <summary>NT0004's crash-report fix and what the replaced send computed besides the exception.</summary>
public class CrashReportSafetyTests
{
    /// <summary>
    /// The crash-report write keeps the exception and the time only: the rest of what the handler sent (here the application's
    /// own state, read by a call that also has a side effect) goes without a trace, although the exit-report fix refuses
    /// exactly that (KeptTexts: "arguments with side effects").
    /// </summary>
    [Fact]
    public async Task The_crash_report_keeps_what_else_the_handler_sent_or_is_not_offered()
    {
        const string Source = """
            using System;
            using System.Net.Http;

            static class Program
            {
                static readonly HttpClient Http = new();
                static int s_crashes;

                static string State() => "crashes: " + ++s_crashes;

                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                    {
                        Http.PostAsync("https://crash.vendor.example/v1", new StringContent(e.ExceptionObject + Environment.NewLine + State())).Wait();
                    };
                }
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new UnsolicitedReportingAnalyzer(), Source, TestReferences.Net80);
        Assert.NotEmpty(diagnostics);
        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new UnsolicitedReportingCodeFix(), document, diagnostics);
        Assert.Contains("State()", fixedText.Substring(fixedText.IndexOf("static void Main", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
    /// <summary>
    /// The exception's parameter is named with a keyword (<c>@event</c>): the write is built as text from
    /// <c>IdentifierName(parameter.Name)</c>, which drops the <c>@</c>, and parsed back (UnsolicitedReportingCodeFix.cs, EditFor).
    /// </summary>
    [Fact]
    public async Task The_crash_report_of_a_parameter_named_with_a_keyword_compiles()
    {
        const string Source = """
            using System;
            using System.Net.Http;

            static class Program
            {
                static readonly HttpClient Http = new();

                static void Main()
                {
                    AppDomain.CurrentDomain.UnhandledException += (object sender, UnhandledExceptionEventArgs @event) =>
                    {
                        Http.PostAsync("https://crash.vendor.example/v1", new StringContent(@event.ExceptionObject.ToString()!)).Wait();
                    };
                }
            }
            """;
        var (document, diagnostics) = await CodeFixRunner.AnalyzeAsync(new UnsolicitedReportingAnalyzer(), Source, TestReferences.Net80);
        Assert.NotEmpty(diagnostics);
        var fixedText = await CodeFixRunner.FixAllLikeDotnetFormatAsync(new UnsolicitedReportingCodeFix(), document, diagnostics);
        var compilation = (await document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(fixedText)).Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
    }
}
