using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Altertech.NoTelemetry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>
/// What a product's configuration files cost: the package on the corpus with and without a typical set of them (two
/// appsettings files, nlog.config, log4net.config, App.config, ApplicationInsights.config, the project file and an assets
/// file of 400 packages), measured in the same rounds; and the configuration-file analyzer alone on files that grow, where
/// the time per megabyte should stay flat (each file is read once, each node visited once).
/// </summary>
internal static class ConfigurationCost
{
    private static readonly int[] Sinks = { 1_000, 10_000, 50_000 };

    public static async Task RunAsync(Compilation corpus, ImmutableArray<DiagnosticAnalyzer> ours, AdditionalText bannedFile, int iterations)
    {
        var files = TypicalFiles();
        var withFiles = files.Insert(0, bannedFile);
        var without = new List<double>();
        var with = new List<double>();
        var differences = new List<double>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);

        // The two analyzers that read the files, alone: their difference is not lost in the noise of the whole package.
        var readers = ours.Where(a => a is ShippedConfigurationAnalyzer or TelemetrySdkReferenceAnalyzer).ToImmutableArray();
        var readersWithout = new List<double>();
        var readersWith = new List<double>();
        for (var run = 0; run <= iterations; run++)
        {
            var plain = await Program.MeasureAsync(corpus, ours, ImmutableArray.Create<AdditionalText>(bannedFile));
            var configured = await Program.MeasureAsync(corpus, ours, withFiles);
            var readersPlain = await Program.MeasureAsync(corpus, readers, ImmutableArray.Create<AdditionalText>(bannedFile));
            var readersConfigured = await Program.MeasureAsync(corpus, readers, withFiles);
            if (run == 0)
            {
                continue;
            }

            readersWithout.Add(readersPlain.Elapsed.TotalMilliseconds);
            readersWith.Add(readersConfigured.Elapsed.TotalMilliseconds);

            without.Add(plain.Elapsed.TotalMilliseconds);
            with.Add(configured.Elapsed.TotalMilliseconds);
            differences.Add(configured.Elapsed.TotalMilliseconds - plain.Elapsed.TotalMilliseconds);
            foreach (var (id, count) in configured.DiagnosticsById)
            {
                found[id] = count - plain.DiagnosticsById.GetValueOrDefault(id);
            }
        }

        var size = files.Sum(f => f.GetText()!.Length);
        Console.WriteLine($"The package on the corpus with a product's configuration files ({files.Length} files, {size / 1024.0:F0} KiB: {string.Join(", ", files.Select(f => Path.GetFileName(f.Path)))}), median of {iterations} paired runs after one warm-up (the two readers alone: the same rounds):");
        Console.WriteLine();
        Console.WriteLine("| Additional files | Median ms | Paired difference ms: median (min–max) | Diagnostics the files add |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| BannedSymbols.txt only | {Program.Median(without):F0} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| and the configuration files | {Program.Median(with):F0} | {Program.Median(differences):F0} ({differences.Min():F0}–{differences.Max():F0}) | {string.Join(", ", found.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:+0;-0}"))} |"));
        var readerDifferences = readersWith.Zip(readersWithout, (a, b) => a - b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ShippedConfigurationAnalyzer and TelemetrySdkReferenceAnalyzer alone, BannedSymbols.txt only | {Program.Median(readersWithout):F0} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same two, and the configuration files | {Program.Median(readersWith):F0} | {Program.Median(readerDifferences):F0} ({readerDifferences.Min():F0}–{readerDifferences.Max():F0}) | |"));
        Console.WriteLine();

        Console.WriteLine($"ShippedConfigurationAnalyzer alone on an empty compilation, on an appsettings.json and an nlog.config of growing size, median of {iterations} runs after one warm-up:");
        Console.WriteLine();
        Console.WriteLine("| Sinks and targets per file | Size MiB | Empty analyzer ms | ShippedConfigurationAnalyzer ms | Over empty, ms per MiB | Findings |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var empty = CSharpCompilation.Create("Empty", new[] { CSharpSyntaxTree.ParseText("public static class Empty { }") }, corpus.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (var count in Sinks)
        {
            var grown = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/app/appsettings.json", AppSettings(count)), new InMemoryAdditionalText("/app/nlog.config", NLog(count)));
            var mebibytes = grown.Sum(f => f.GetText()!.Length) / (1024.0 * 1024.0);
            var floor = new List<double>();
            var analyzer = new List<double>();
            var findings = 0;
            for (var run = 0; run <= iterations; run++)
            {
                var emptyRun = await Program.MeasureAsync(empty, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySyntaxAnalyzer()), grown);
                var oursRun = await Program.MeasureAsync(empty, ImmutableArray.Create<DiagnosticAnalyzer>(new ShippedConfigurationAnalyzer()), grown);
                if (run > 0)
                {
                    floor.Add(emptyRun.Elapsed.TotalMilliseconds);
                    analyzer.Add(oursRun.Elapsed.TotalMilliseconds);
                    findings = oursRun.Diagnostics;
                }
            }

            var over = Program.Median(analyzer) - Program.Median(floor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | {mebibytes:F1} | {Program.Median(floor):F0} | {Program.Median(analyzer):F0} | {over / mebibytes:F0} | {findings:N0} |"));
        }

        Console.WriteLine();
    }

    private static ImmutableArray<AdditionalText> TypicalFiles() => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText("/app/appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
              "AllowedHosts": "*",
              "ConnectionStrings": { "Default": "Server=localhost;Database=app;Trusted_Connection=True" },
              "Serilog": {
                "Using": [ "Serilog.Sinks.Console", "Serilog.Sinks.File", "Sentry.Serilog", "Serilog.Sinks.Seq" ],
                "MinimumLevel": { "Default": "Information", "Override": { "Microsoft": "Warning", "System": "Warning" } },
                "WriteTo": [
                  { "Name": "Console" },
                  { "Name": "File", "Args": { "path": "logs/app-.log", "rollingInterval": "Day" } },
                  { "Name": "Async", "Args": { "configure": [ { "Name": "Seq", "Args": { "serverUrl": "https://seq.example.com" } } ] } },
                  { "Name": "Sentry", "Args": { "dsn": "https://0123456789abcdef@o0.ingest.sentry.io/0", "minimumEventLevel": "Error" } }
                ],
                "Enrich": [ "FromLogContext", "WithMachineName", "WithThreadId" ],
                "Properties": { "Application": "Contoso" }
              },
              "ApplicationInsights": { "ConnectionString": "InstrumentationKey=00000000-0000-0000-0000-000000000000" },
              "Features": { "Sync": true, "Export": { "Formats": [ "csv", "json", "xml" ] } }
            }
            """),
        new InMemoryAdditionalText("/app/appsettings.Production.json", """{ "Sentry": { "Dsn": "" }, "Logging": { "LogLevel": { "Default": "Warning" } } }"""),
        new InMemoryAdditionalText("/app/nlog.config", NLog(8)),
        new InMemoryAdditionalText("/app/log4net.config", """
            <log4net>
              <appender name="file" type="log4net.Appender.RollingFileAppender"><file value="logs/app.log" /></appender>
              <appender name="syslog" type="log4net.Appender.RemoteSyslogAppender"><remoteAddress value="203.0.113.7" /></appender>
              <root><level value="INFO" /><appender-ref ref="file" /><appender-ref ref="syslog" /></root>
            </log4net>
            """),
        new InMemoryAdditionalText("/app/App.config", """
            <configuration>
              <appSettings><add key="Theme" value="dark" /><add key="APPINSIGHTS_INSTRUMENTATIONKEY" value="00000000-0000-0000-0000-000000000000" /></appSettings>
            </configuration>
            """),
        new InMemoryAdditionalText("/app/ApplicationInsights.config", """
            <ApplicationInsights xmlns="http://schemas.microsoft.com/ApplicationInsights/2013/Settings"><InstrumentationKey></InstrumentationKey></ApplicationInsights>
            """),
        new InMemoryAdditionalText("/app/Corpus.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.ApplicationInsights" Version="2.22.0" />
                <PackageReference Include="Contoso.Monitoring" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """),
        new InMemoryAdditionalText("/app/obj/project.assets.json", Assets(400)));

    /// <summary>An assets file of a product with many packages; Contoso.Monitoring brings the Sentry, Segment and Mixpanel SDKs.</summary>
    private static string Assets(int packages)
    {
        var text = new StringBuilder("{\n  \"version\": 3,\n  \"targets\": {\n    \"net8.0\": {\n");
        for (var i = 0; i < packages; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"      \"Contoso.Library{i}/1.{i}.0\": {{ \"type\": \"package\", \"dependencies\": {{ \"Contoso.Library{(i + 1) % packages}\": \"1.0.0\", \"System.Memory\": \"4.5.5\" }}, \"compile\": {{ \"lib/net8.0/Contoso.Library{i}.dll\": {{ \"related\": \".xml\" }} }}, \"runtime\": {{ \"lib/net8.0/Contoso.Library{i}.dll\": {{}} }} }},\n");
        }

        foreach (var sdk in new[] { "Sentry", "Analytics", "Mixpanel" })
        {
            text.Append(CultureInfo.InvariantCulture, $"      \"{sdk}/1.0.0\": {{ \"type\": \"package\", \"compile\": {{ \"lib/net8.0/{sdk}.dll\": {{}} }} }},\n");
        }

        text.Append("      \"Contoso.Monitoring/1.0.0\": { \"type\": \"package\", \"dependencies\": { \"Sentry\": \"1.0.0\", \"Analytics\": \"1.0.0\", \"Mixpanel\": \"1.0.0\", \"Contoso.Library0\": \"1.0.0\" } },\n");
        text.Append("      \"Microsoft.ApplicationInsights/2.22.0\": { \"type\": \"package\", \"compile\": { \"lib/netstandard2.0/Microsoft.ApplicationInsights.dll\": {} } }\n");
        text.Append("    }\n  },\n  \"project\": { \"version\": \"1.0.0\" }\n}\n");
        return text.ToString();
    }

    private static string AppSettings(int sinks)
    {
        var text = new StringBuilder("{\n  \"Serilog\": {\n    \"WriteTo\": [\n");
        for (var i = 0; i < sinks; i++)
        {
            text.Append((i % 4) switch
            {
                0 => "      { \"Name\": \"File\", \"Args\": { \"path\": \"logs/app.log\", \"rollingInterval\": \"Day\" } },\n",
                1 => "      { \"Name\": \"Seq\", \"Args\": { \"serverUrl\": \"https://seq.example.com\" } },\n",
                2 => "      { \"Name\": \"Console\", \"Args\": { \"outputTemplate\": \"[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}\" } },\n",
                _ => "      { \"Name\": \"Sentry\", \"Args\": { \"dsn\": \"https://k@o0.ingest.sentry.io/1\" } },\n",
            });
        }

        return text.Append("    ]\n  }\n}\n").ToString();
    }

    private static string NLog(int targets)
    {
        var text = new StringBuilder("<nlog xmlns=\"http://www.nlog-project.org/schemas/NLog.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <targets>\n");
        for (var i = 0; i < targets; i++)
        {
            text.Append((i % 4) switch
            {
                0 => $"    <target xsi:type=\"File\" name=\"file{i}\" fileName=\"logs/app.log\" layout=\"${{longdate}}|${{level}}|${{message}}\" />\n",
                1 => $"    <target xsi:type=\"Network\" name=\"net{i}\" address=\"udp://syslog.example.com:514\" />\n",
                2 => $"    <target xsi:type=\"AsyncWrapper\" name=\"async{i}\"><target xsi:type=\"ColoredConsole\" name=\"console{i}\" /></target>\n",
                _ => $"    <target xsi:type=\"Sentry\" name=\"sentry{i}\" dsn=\"https://k@o0.ingest.sentry.io/1\" />\n",
            });
        }

        return text.Append("  </targets>\n  <rules><logger name=\"*\" minlevel=\"Info\" writeTo=\"file0\" /></rules>\n</nlog>\n").ToString();
    }
}
