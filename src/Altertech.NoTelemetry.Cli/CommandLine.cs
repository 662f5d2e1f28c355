using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Cli;

/// <summary>The <c>notelemetry</c> command line: the commands, their options, and the exit codes.</summary>
internal static class CommandLine
{
    /// <summary>Nothing at or above <c>--fail-on</c> was found.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int FindingsFailed = 1;

    /// <summary>A usage error, a project that does not load or compile, or an analyzer that failed.</summary>
    public const int ToolFailed = 2;

    /// <summary>Stopped by Ctrl+C, as shells report a process ended by SIGINT.</summary>
    public const int Canceled = 130;

    private static readonly string[] s_formats = ["text", "sarif", "json", "markdown"];
    private static readonly string[] s_failOn = ["none", "info", "warning", "error"];
    private static readonly string[] s_enforcement = ["warning", "error", "strict"];
    private static readonly string[] s_verbosity = ["quiet", "minimal", "normal", "detailed", "q", "m", "n", "d"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Build(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            await error.WriteLineAsync("Run 'notelemetry audit --help' for the options.");
            return ToolFailed;
        }

        // The caller owns Ctrl+C (see Program.cs), so that the audit ends its own way, with its message and exit code.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken);
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A .sln, .slnx or .slnf, a project file, or a folder (its solution, its projects, or else its .cs files). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "text, sarif, json or markdown. Repeat it for several reports; each --output after a --format is that report's file.",
            AllowMultipleArgumentsPerToken = false,
        };
        format.AcceptOnlyFromAmong(s_formats);
        var outputFile = new Option<string[]>("--output", "-o") { Description = "The file of the --format before it (default: stdout)." };
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the exit code 1.", DefaultValueFactory = _ => "warning" };
        failOn.AcceptOnlyFromAmong(s_failOn);
        var enforcement = new Option<string?>("--enforcement") { Description = "Audit every project in this NoTelemetryEnforcement mode instead of its own." };
        enforcement.AcceptOnlyFromAmong(s_enforcement);
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that are not in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the current findings in this baseline file." };
        var rules = new Option<string[]>("--rules") { Description = "Report only these rules, comma-separated (NT0001,NT0003). NT0900 is always reported." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "The build configuration to load the projects in (Debug, Release)." };
        var framework = new Option<string?>("--framework") { Description = "Audit only this target framework of multi-targeting projects." };
        var property = new Option<string[]>("--property", "-p") { Description = "An MSBuild property for loading the projects: name=value. Repeatable." };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not restore the projects before loading them." };
        var verbosity = new Option<string>("--verbosity", "-v") { Description = "quiet, minimal, normal or detailed: how much goes to stderr.", DefaultValueFactory = _ => "normal" };
        verbosity.AcceptOnlyFromAmong(s_verbosity);

        var audit = new Command("audit", "Run the Altertech.NoTelemetry analyzers over a solution, project or folder and report the evidence.")
        {
            path, format, outputFile, failOn, enforcement, baseline, writeBaseline, rules, configuration, framework, property, noRestore, verbosity,
        };
        audit.Validators.Add(result =>
        {
            if (result.GetValue(property) is { } properties)
            {
                foreach (var pair in properties.Where(p => ParseProperty(p) is null))
                {
                    result.AddError($"--property '{pair}' is not name=value.");
                }
            }

            foreach (var rule in SplitRules(result.GetValue(rules)).Where(r => !IsRuleId(r)))
            {
                result.AddError($"--rules: '{rule}' is not a rule ID such as NT0001.");
            }
        });
        audit.SetAction(async (parseResult, cancellationToken) =>
        {
            var reports = PairReports(parseResult, format, outputFile, out var pairingError);
            if (pairingError is not null)
            {
                await error.WriteLineAsync("error: " + pairingError);
                return ToolFailed;
            }

            var options = new AuditOptions
            {
                Path = parseResult.GetValue(path) ?? Directory.GetCurrentDirectory(),
                Reports = reports,
                FailOn = parseResult.GetValue(failOn) switch
                {
                    "none" => null,
                    "info" => DiagnosticSeverity.Info,
                    "error" => DiagnosticSeverity.Error,
                    _ => DiagnosticSeverity.Warning,
                },
                Enforcement = parseResult.GetValue(enforcement),
                BaselinePath = parseResult.GetValue(baseline),
                WriteBaselinePath = parseResult.GetValue(writeBaseline),
                Rules = SplitRules(parseResult.GetValue(rules)).Select(r => r.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase),
                Configuration = parseResult.GetValue(configuration),
                Framework = parseResult.GetValue(framework),
                Properties = (parseResult.GetValue(property) ?? []).Select(ParseProperty).OfType<KeyValuePair<string, string>>()
                    .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase),
                Restore = !parseResult.GetValue(noRestore),
                Verbosity = parseResult.GetValue(verbosity) switch
                {
                    "quiet" or "q" => Verbosity.Quiet,
                    "minimal" or "m" => Verbosity.Minimal,
                    "detailed" or "d" => Verbosity.Detailed,
                    _ => Verbosity.Normal,
                },
            };
            return await new AuditCommand(options, output, error).RunAsync(cancellationToken);
        });

        var root = new RootCommand("notelemetry: the Altertech.NoTelemetry audit. Evidence that a product does not report usage or personal data home.");
        root.Subcommands.Add(audit);
        return root;
    }

    /// <summary>
    /// Each <c>--output</c> belongs to the <c>--format</c> before it, so the pairs are read from the tokens in order;
    /// an <c>--output</c> before any <c>--format</c> takes its format from its extension, text by default.
    /// </summary>
    private static List<ReportRequest> PairReports(ParseResult parseResult, Option format, Option output, out string? error)
    {
        error = null;
        var reports = new List<(ReportFormat Format, string? Output)>();
        var tokens = parseResult.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (Names(format).Contains(tokens[i].Value))
            {
                reports.Add((ParseFormat(value), null));
            }
            else if (Names(output).Contains(tokens[i].Value))
            {
                if (reports.Count == 0 || reports[^1].Output is not null)
                {
                    reports.Add((FormatOfExtension(value), value));
                }
                else
                {
                    reports[^1] = (reports[^1].Format, value);
                }
            }
        }

        if (reports.Count == 0)
        {
            reports.Add((ReportFormat.Text, null));
        }

        if (reports.Count(r => r.Output is null) > 1)
        {
            error = "only one report can go to stdout: give each --format but one its --output FILE.";
        }

        var duplicate = reports.Where(r => r.Output is not null).GroupBy(r => Path.GetFullPath(r.Output!), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = $"two reports would be written to {duplicate.Key}.";
        }

        return reports.Select(r => new ReportRequest(r.Format, r.Output)).ToList();
    }

    private static HashSet<string> Names(Option option) => [option.Name, .. option.Aliases];

    private static ReportFormat ParseFormat(string value) => Enum.Parse<ReportFormat>(value, ignoreCase: true);

    private static ReportFormat FormatOfExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".sarif" => ReportFormat.Sarif,
        ".json" => ReportFormat.Json,
        ".md" or ".markdown" => ReportFormat.Markdown,
        _ => ReportFormat.Text,
    };

    private static IEnumerable<string> SplitRules(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsRuleId(string value) =>
        value.Length == 6 && value.StartsWith("NT", StringComparison.OrdinalIgnoreCase) && value.AsSpan(2).ToArray().All(char.IsAsciiDigit);

    private static KeyValuePair<string, string>? ParseProperty(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? new KeyValuePair<string, string>(value[..equals].Trim(), value[(equals + 1)..]) : null;
    }
}
