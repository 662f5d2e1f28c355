namespace Altertech.NoTelemetry.PackageTests;

/// <summary>How a scenario's consumer is built: which <c>dotnet</c> command, the way its users run it.</summary>
public enum ConsumerCommand
{
    /// <summary><c>dotnet build</c>, restored beforehand by the fixture.</summary>
    Build,

    /// <summary><c>dotnet msbuild</c>, the MSBuild entry point: the scenario's arguments say whether it restores.</summary>
    MSBuild,

    /// <summary>
    /// A design-time build, as Visual Studio, Rider and C# Dev Kit run one to set up live analysis: <c>Compile</c> with
    /// <c>DesignTimeBuild</c>, <c>SkipCompilerExecution</c> and <c>ProvideCommandLineArgs</c>, which hands the compiler's
    /// command line to the IDE as <c>CscCommandLineArgs</c> items instead of compiling; the output is those items.
    /// </summary>
    DesignTimeBuild,

    /// <summary>
    /// <c>dotnet format</c> (whitespace, code style and analyzers), which loads the project with such a design-time build and
    /// runs its analyzers, applying their code fixes unless told to verify only.
    /// </summary>
    Format,

    /// <summary><c>dotnet format analyzers</c>: only the analyzers' fixes, as a team migrating one rule runs it.</summary>
    FormatAnalyzers,
}

/// <summary>
/// One consumer build: the files it needs, the project to build and the arguments to build it with. Paths are
/// relative to the workspace root (see <see cref="PackageFeed"/>), so a scenario can put files above its project:
/// a <c>NoTelemetry.txt</c> in a parent folder, a <c>Directory.Packages.props</c>, a nested repository.
/// </summary>
public sealed record ConsumerScenario(string Project, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> BuildArguments)
{
    /// <summary>The command that builds it; <see cref="ConsumerCommand.Build"/> unless set.</summary>
    public ConsumerCommand Command { get; init; } = ConsumerCommand.Build;

    /// <summary>The arguments of a build that runs first in the same folder, for what an incremental build does; null for none.</summary>
    public IReadOnlyList<string>? EarlierBuildArguments { get; init; }

    /// <summary>The project's folder, relative to the workspace root.</summary>
    public string Folder => Path.GetDirectoryName(Project) ?? string.Empty;

    public override string ToString() => $"{Command} {Project}" + (BuildArguments.Count == 0 ? string.Empty : " " + string.Join(' ', BuildArguments));
}

/// <summary>The consumer projects the package tests build, written once and built in parallel by <see cref="PackageFeed"/>.</summary>
public static class Scenarios
{
    /// <summary>
    /// Application Insights calls (NT0001) from a referenced telemetry SDK (NT0002), and an HTTP request to a hard-coded
    /// host (NT0003, NT0006).
    /// </summary>
    private const string TelemetryProgram = """
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.Extensibility;

        var telemetry = new TelemetryClient(TelemetryConfiguration.CreateDefault());
        telemetry.TrackEvent("ConsumerStarted");
        Console.WriteLine(await new System.Net.Http.HttpClient().GetStringAsync("https://example.com/"));
        """;

    /// <summary>NT0006 is Info, which a command-line build does not print; the consumer raises it as a user would.</summary>
    private const string RaiseNetworkEgress = """
        root = true

        [*.cs]
        dotnet_diagnostic.NT0006.severity = warning
        """;

    /// <summary>Hand-rolled telemetry, no SDK: a POST to Mixpanel's ingestion host (NT0001, NT0003, NT0006).</summary>
    private const string MixpanelProgram = """
        using var http = new HttpClient();
        await http.PostAsync("https://api.mixpanel.com/track", new StringContent("{}"));
        """;

    /// <summary>
    /// Hand-rolled telemetry whose first finding has no fix (the response is used), then one that has: dotnet format
    /// starts Fix All from the first finding, and must still fix the second.
    /// </summary>
    private const string FormatFixProgram = """
        using var http = new HttpClient();
        var response = await http.PostAsync("https://api.mixpanel.com/engage", new StringContent("{}"));
        Console.WriteLine(response.StatusCode);
        await http.PostAsync("https://api.mixpanel.com/track", new StringContent("{}"));
        """;

    /// <summary>
    /// Real SDK calls for the code fixes: Application Insights events and an exception with an ILogger in scope (to local
    /// logging), Sentry's initialisation as a statement and around a body (removed, the body kept), and a class made by
    /// dependency injection that holds a TelemetryClient (the field and its parameter become an ILogger&lt;Orders&gt;).
    /// </summary>
    private const string CheckoutWithSdks = """
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.Logging;
        using Sentry;

        public sealed class Checkout(TelemetryClient telemetry, ILogger<Checkout> logger)
        {
            public static void Start()
            {
                // Crash reporting.
                SentrySdk.Init(o => o.Dsn = "https://public@o0.ingest.sentry.io/0");
            }

            public void Complete(string orderId, Exception? problem)
            {
                using (SentrySdk.Init(o => o.Debug = false))
                {
                    telemetry.TrackEvent("checkout", new Dictionary<string, string> { ["order"] = orderId });
                }

                if (problem is not null)
                {
                    telemetry.TrackException(problem);
                }
            }
        }

        public sealed class Orders
        {
            private readonly TelemetryClient _telemetry;

            public Orders(TelemetryClient telemetry) => _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));

            public void Placed(string orderId) => _telemetry.TrackEvent("placed", new Dictionary<string, string> { ["order"] = orderId });
        }
        """;

    /// <summary>A crash handler that sends the exception (NT0004, fixed to a local crash report).</summary>
    private const string CrashHandler = """
        public static class Crashes
        {
            private static readonly HttpClient Http = new();

            public static void Install() =>
                AppDomain.CurrentDomain.UnhandledException += (s, e) => Http.PostAsync("https://crash.vendor.example/v1", new StringContent(e.ExceptionObject.ToString() ?? "")).Wait();
        }
        """;

    /// <summary>
    /// An update check with its feed written in place and an IConfiguration at hand (NT0003, fixed to a configuration read).
    /// Its finding is not the rule's first: the crash handler's request comes first and has no fix (no IConfiguration in a
    /// static class), and dotnet format starts Fix All from it with a null equivalence key.
    /// </summary>
    private const string UpdateCheck = """
        using Microsoft.Extensions.Configuration;

        public sealed class Updates(IConfiguration configuration, HttpClient http)
        {
            public Task<string> CheckAsync() => http.GetStringAsync("https://updates.vendor.example/feed.xml");
        }
        """;

    /// <summary>
    /// A crash handler that sends the exception from a block-bodied handler (NT0004, fixed to a local crash report; its
    /// NT0003 has no fix, as a static class has no IConfiguration).
    /// </summary>
    private const string BlockCrashHandler = """
        public static class CrashReporting
        {
            private static readonly HttpClient Http = new();

            public static void Install()
            {
                AppDomain.CurrentDomain.UnhandledException += (s, e) =>
                {
                    Http.PostAsync("https://crash.vendor.example/v1", new StringContent(e.ExceptionObject.ToString() ?? "")).Wait();
                };
            }
        }
        """;

    /// <summary>An update feed written in place, with an IConfiguration at hand (NT0003, fixed to a configuration read).</summary>
    private const string UpdateFeed = """
        using Microsoft.Extensions.Configuration;

        public sealed class UpdateFeed(IConfiguration configuration, HttpClient http)
        {
            public Task<string> CheckAsync() => http.GetStringAsync("https://updates.vendor.example/feed.xml");
        }
        """;

    /// <summary>The packages <see cref="CheckoutWithSdks"/> compiles against.</summary>
    private const string SdkPackages = """
        <PackageReference Include="Microsoft.ApplicationInsights" Version="2.22.0" />
        <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.2" />
        <PackageReference Include="Sentry" Version="6.12.1" />
        <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="8.0.0" />
        """;

    /// <summary>A host only a project's own NoTelemetry.txt catalogues: NT0003 and NT0006 without it, NT0001 too with it.</summary>
    private const string ContosoProgram = """
        using var http = new HttpClient();
        await http.PostAsync("https://metrics.contoso.example/track", new StringContent("{}"));
        """;

    public const string ContosoCatalogue = """
        # The project's own statistics service.
        H:metrics.contoso.example;Contoso usage metrics
        """;

    /// <summary>
    /// Serilog configured in appsettings.json: a Sentry sink (NT0001) and a Seq sink on a remote host (NT0006, NT0003);
    /// the lines and columns the end-to-end test expects are those of the markers' lines below.
    /// </summary>
    public const string AppSettings = """
        {
          // Comments and trailing commas, as the configuration loader allows them.
          "Serilog": {
            "Using": [ "Serilog.Sinks.Console", "Sentry.Serilog" ],
            "WriteTo": [
              { "Name": "Console" },
              { "Name": "Sentry", "Args": { "dsn": "https://0123456789abcdef@o0.ingest.sentry.io/0" } },
              { "Name": "Seq", "Args": { "serverUrl": "https://seq.example.com" } },
            ],
          },
        }
        """;

    /// <summary>NLog loading Sentry's target from its extension assembly (NT0001 on the target's type).</summary>
    public const string NLogConfig = """
        <?xml version="1.0" encoding="utf-8" ?>
        <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <extensions>
            <add assembly="Sentry.NLog" />
          </extensions>
          <targets>
            <target xsi:type="Sentry" name="sentry" dsn="https://0123456789abcdef@o0.ingest.sentry.io/0" />
          </targets>
        </nlog>
        """;

    /// <summary>
    /// The package as most users have it: default enforcement, NT0006 raised to a warning by the user, and telemetry
    /// switched on in the shipped appsettings.json and nlog.config.
    /// </summary>
    public static ConsumerScenario Telemetry { get; } = Scenario(
        "telemetry/Telemetry.csproj", [],
        Project(applicationInsights: true), TelemetryProgram, (".editorconfig", RaiseNetworkEgress), ("appsettings.json", AppSettings), ("nlog.config", NLogConfig));

    /// <summary>
    /// The same consumer in <c>error</c> mode, spelled in mixed case, at normal verbosity, which shows the compiler's
    /// command line.
    /// The project lists its appsettings.json as an additional file itself, which the package must not add again.
    /// </summary>
    public static ConsumerScenario TelemetryError { get; } = Scenario(
        "telemetry-error/TelemetryError.csproj", ["-p:NoTelemetryEnforcement=Error", "-v:n"],
        Project(applicationInsights: true, items: """<AdditionalFiles Include="appsettings.json" />"""), TelemetryProgram, (".editorconfig", RaiseNetworkEgress), ("appsettings.json", AppSettings));

    public static ConsumerScenario TelemetryOff { get; } = Scenario(
        "telemetry-off/TelemetryOff.csproj", ["-p:NoTelemetryEnforcement=off", "-v:n"],
        Project(applicationInsights: true), TelemetryProgram, (".editorconfig", RaiseNetworkEgress));

    public static ConsumerScenario TelemetryInvalid { get; } = Scenario(
        "telemetry-invalid/TelemetryInvalid.csproj", ["-p:NoTelemetryEnforcement=Fatal"],
        Project(applicationInsights: true), TelemetryProgram);

    public static ConsumerScenario NetworkStrict { get; } = Scenario(
        "network-strict/NetworkStrict.csproj", ["-p:NoTelemetryEnforcement=strict"],
        Project(), MixpanelProgram);

    public static ConsumerScenario NetworkWarningsAsErrors { get; } = Scenario(
        "network-warnaserror/NetworkWarningsAsErrors.csproj", ["-p:TreatWarningsAsErrors=true"],
        Project(), MixpanelProgram);

    public static ConsumerScenario NetworkMultiTargeting { get; } = Scenario(
        "network-multitarget/NetworkMultiTargeting.csproj", [],
        Project(frameworks: MultiTargetFrameworks), MixpanelProgram);

    /// <summary>
    /// Built in <c>warning</c> mode, then again in <c>error</c> mode with nothing else changed: the second build must compile
    /// again, although every input file is older than the first build's output.
    /// </summary>
    public static ConsumerScenario NetworkModeSwitch { get; } = Scenario(
        "network-mode-switch/NetworkModeSwitch.csproj", ["-p:NoTelemetryEnforcement=error"],
        Project(), MixpanelProgram) with { EarlierBuildArguments = [] };

    /// <summary>
    /// <c>error</c> mode, with the user's own .globalconfig (level 100 by its name) lowering NT0001 and NT0003 to warnings.
    /// </summary>
    public static ConsumerScenario UserGlobalConfig { get; } = Scenario(
        "user-globalconfig/UserGlobalConfig.csproj", ["-p:NoTelemetryEnforcement=error"],
        Project(), MixpanelProgram, (".globalconfig", """
            is_global = true
            dotnet_diagnostic.NT0001.severity = warning
            dotnet_diagnostic.NT0003.severity = warning
            """));

    /// <summary>
    /// <c>error</c> mode, and the same Mixpanel request in four files: silenced by a folder's .editorconfig, by
    /// <c>#pragma</c>, by <c>[SuppressMessage]</c>, and one left alone, which shows the mode is in force.
    /// </summary>
    public static ConsumerScenario Suppressions { get; } = Scenario(
        "suppressions/Suppressions.csproj", ["-p:NoTelemetryEnforcement=error"],
        Project(outputType: "Library"), program: null,
        ("Quiet/.editorconfig", """
            [*.cs]
            dotnet_diagnostic.NT0001.severity = none
            dotnet_diagnostic.NT0003.severity = none
            """),
        ("Quiet/SilencedByEditorConfig.cs", MixpanelClass("SilencedByEditorConfig", attributes: "")),
        ("SilencedByPragma.cs", "#pragma warning disable NT0001, NT0003\n" + MixpanelClass("SilencedByPragma", attributes: "")),
        ("SilencedBySuppressMessage.cs", MixpanelClass("SilencedBySuppressMessage", attributes: """
            [System.Diagnostics.CodeAnalysis.SuppressMessage("Privacy", "NT0001", Justification = "The user opted in.")]
            [System.Diagnostics.CodeAnalysis.SuppressMessage("Privacy", "NT0003", Justification = "The user opted in.")]
            """)),
        ("NotSilenced.cs", MixpanelClass("NotSilenced", attributes: "")));

    /// <summary>
    /// A NoTelemetry.txt in a parent folder, found without any AdditionalFiles item; and configuration files chosen with
    /// the NoTelemetryConfiguration item metadata: one of another name read, one appsettings file left unread.
    /// </summary>
    public static ConsumerScenario CatalogueAbove { get; } = Scenario(
        "catalogue/app/CatalogueAbove.csproj", [],
        Project(items: """
            <None Update="config/logging.json" NoTelemetryConfiguration="true" />
            <None Update="appsettings.Development.json" NoTelemetryConfiguration="false" />
            """),
        ContosoProgram, ("../NoTelemetry.txt", ContosoCatalogue), ("config/logging.json", SentryDsnSettings), ("appsettings.Development.json", SentryDsnSettings));

    /// <summary>A Sentry DSN in .NET configuration (NT0001 where the file is read).</summary>
    public const string SentryDsnSettings = """{ "Sentry": { "Dsn": "https://0123456789abcdef@o0.ingest.sentry.io/0" } }""";

    /// <summary>
    /// The same folder, with NoTelemetryConfigFile set empty in the project file, and NoTelemetryConfigurationFiles false:
    /// its appsettings.json is not read either.
    /// </summary>
    public static ConsumerScenario CatalogueOptOut { get; } = Scenario(
        "catalogue/opt-out/CatalogueOptOut.csproj", [],
        Project(properties: "<NoTelemetryConfigFile></NoTelemetryConfigFile><NoTelemetryConfigurationFiles>false</NoTelemetryConfigurationFiles>"), ContosoProgram,
        ("../NoTelemetry.txt", ContosoCatalogue), ("appsettings.json", AppSettings));

    /// <summary>
    /// Both properties set in Directory.Build.targets, which MSBuild reads after the package's targets: <c>error</c> mode,
    /// and no NoTelemetry.txt although one is above.
    /// </summary>
    public static ConsumerScenario PropertiesInDirectoryBuildTargets { get; } = Scenario(
        "catalogue/late/PropertiesInDirectoryBuildTargets.csproj", [],
        Project(), ContosoProgram, ("../NoTelemetry.txt", ContosoCatalogue), ("Directory.Build.targets", """
            <Project>
              <PropertyGroup>
                <NoTelemetryEnforcement>error</NoTelemetryEnforcement>
                <NoTelemetryConfigFile></NoTelemetryConfigFile>
              </PropertyGroup>
            </Project>
            """));

    public static ConsumerScenario CatalogueMissing { get; } = Scenario(
        "catalogue-missing/CatalogueMissing.csproj", ["-p:NoTelemetryConfigFile=config/NoTelemetry.txt"],
        Project(), ContosoProgram);

    /// <summary>A NoTelemetry.txt above the project's repository root (a nested .git) belongs to another repository.</summary>
    public static ConsumerScenario CatalogueOutsideRepository { get; } = Scenario(
        "outer/repo/app/CatalogueOutsideRepository.csproj", [],
        Project(), ContosoProgram, ("../../NoTelemetry.txt", ContosoCatalogue), ("../.git/HEAD", "ref: refs/heads/main\n"));

    /// <summary>
    /// The package from Directory.Packages.props as a GlobalPackageReference, which brings only build and analyzer assets
    /// (buildTransitive/ included), in <c>error</c> mode.
    /// </summary>
    public static ConsumerScenario GlobalPackageReference { get; } = Scenario(
        "central/app/GlobalPackageReference.csproj", ["-p:NoTelemetryEnforcement=error"],
        Project(referencePackage: false), MixpanelProgram, ("../Directory.Packages.props", $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <GlobalPackageReference Include="{PackageFeed.PackageId}" Version="{BuildSettings.PackageVersion}" />
              </ItemGroup>
            </Project>
            """));

    /// <summary>
    /// A NoTelemetry.txt that the project lists as an AdditionalFiles item itself, which the package must not add again:
    /// a host line and a bad line (NT0900), at normal verbosity, which shows the compiler's command line.
    /// </summary>
    public static ConsumerScenario CatalogueListedByProject { get; } = Scenario(
        "catalogue-listed/CatalogueListedByProject.csproj", ["-v:n"],
        Project(items: """<AdditionalFiles Include="NoTelemetry.txt" />"""), ContosoProgram,
        ("NoTelemetry.txt", ContosoCatalogue + "\n" + UnknownPrefixLine + "\n"));

    /// <summary>A NoTelemetry.txt line the parser rejects (NT0900).</summary>
    public const string UnknownPrefixLine = "X:Contoso.Statistics;bad";

    /// <summary>The MSBuild entry point, restoring as it builds, in <c>error</c> mode.</summary>
    public static ConsumerScenario MSBuildError { get; } = Scenario(
        "msbuild-error/MSBuildError.csproj", ["-restore", "-p:NoTelemetryEnforcement=error"],
        Project(), MixpanelProgram) with { Command = ConsumerCommand.MSBuild };

    /// <summary>
    /// The IDE's design-time build in <c>error</c> mode, set in the project file, where the IDE reads it (a command-line
    /// property does not reach an IDE), with a NoTelemetry.txt and an nlog.config in the project's folder.
    /// </summary>
    public static ConsumerScenario DesignTimeError { get; } = Scenario(
        "design-time/error/DesignTimeError.csproj", [],
        Project(properties: "<NoTelemetryEnforcement>error</NoTelemetryEnforcement>"), MixpanelProgram, ("NoTelemetry.txt", ContosoCatalogue), ("nlog.config", NLogConfig))
        with { Command = ConsumerCommand.DesignTimeBuild };

    /// <summary>The IDE's design-time build in <c>strict</c> mode, set in Directory.Build.props as docs/ci.md suggests.</summary>
    public static ConsumerScenario DesignTimeStrict { get; } = Scenario(
        "design-time/strict/DesignTimeStrict.csproj", [],
        Project(), MixpanelProgram, ("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <NoTelemetryEnforcement>strict</NoTelemetryEnforcement>
              </PropertyGroup>
            </Project>
            """)) with { Command = ConsumerCommand.DesignTimeBuild };

    /// <summary>The IDE's design-time build of a project that sets <c>off</c>, with a NoTelemetry.txt that is then not read.</summary>
    public static ConsumerScenario DesignTimeOff { get; } = Scenario(
        "design-time/off/DesignTimeOff.csproj", [],
        Project(properties: "<NoTelemetryEnforcement>off</NoTelemetryEnforcement>"), MixpanelProgram, ("NoTelemetry.txt", ContosoCatalogue))
        with { Command = ConsumerCommand.DesignTimeBuild };

    /// <summary>
    /// <c>dotnet format --verify-no-changes</c>, as a CI style check runs it, on a project in <c>strict</c> mode (dotnet
    /// format takes no <c>-p:</c>, so the mode is in the project file), which also references a telemetry SDK (NT0002) and
    /// has a bad NoTelemetry.txt line (NT0900): findings outside its source files.
    /// </summary>
    public static ConsumerScenario FormatVerifyStrict { get; } = Scenario(
        "format/verify/FormatVerifyStrict.csproj", ["--verify-no-changes"],
        Project(properties: "<NoTelemetryEnforcement>strict</NoTelemetryEnforcement>", applicationInsights: true), MixpanelProgram,
        ("NoTelemetry.txt", UnknownPrefixLine + "\n")) with { Command = ConsumerCommand.Format };

    /// <summary><c>dotnet format</c>, as a developer runs it to tidy up, which applies the code fixes it finds.</summary>
    public static ConsumerScenario FormatFix { get; } = Scenario(
        "format/fix/FormatFix.csproj", [],
        Project(items: SdkPackages), FormatFixProgram, ("Checkout.cs", CheckoutWithSdks), ("Crashes.cs", CrashHandler), ("Updates.cs", UpdateCheck)) with { Command = ConsumerCommand.Format };

    /// <summary>The one-command migration of one rule: <c>dotnet format analyzers --diagnostics NT0001 --severity info</c>.</summary>
    public static ConsumerScenario FormatAnalyzersFix { get; } = Scenario(
        "format/analyzers/FormatAnalyzersFix.csproj", ["--diagnostics", "NT0001", "--severity", "info"],
        Project(items: SdkPackages), FormatFixProgram, ("Checkout.cs", CheckoutWithSdks)) with { Command = ConsumerCommand.FormatAnalyzers };

    /// <summary>
    /// The migration of two rules at once, <c>dotnet format analyzers --diagnostics NT0003 NT0004 --severity info</c>, on a
    /// project that also has a fixable NT0001 finding (Program.cs: its Mixpanel request), which must stay as it is.
    /// </summary>
    public static ConsumerScenario FormatAnalyzersEndpointAndCrash { get; } = Scenario(
        "format/rules/FormatAnalyzersEndpointAndCrash.csproj", ["--diagnostics", "NT0003", "NT0004", "--severity", "info"],
        Project(items: """<PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="8.0.0" />"""), MixpanelProgram,
        ("UpdateFeed.cs", UpdateFeed), ("CrashReporting.cs", BlockCrashHandler)) with { Command = ConsumerCommand.FormatAnalyzers };

    /// <summary>Two target frameworks whose targeting packs the registry serves.</summary>
    public const string MultiTargetFrameworks = "net8.0;net10.0";

    /// <summary>
    /// Every scenario, in the order the builds start in: the dotnet format runs, the longest, first, so that none of
    /// them is left to run alone at the end; then in the order the tests read them.
    /// </summary>
    public static IReadOnlyList<ConsumerScenario> All { get; } =
    [
        FormatVerifyStrict, FormatFix, FormatAnalyzersFix, FormatAnalyzersEndpointAndCrash,
        Telemetry, TelemetryError, TelemetryOff, TelemetryInvalid, NetworkStrict, NetworkWarningsAsErrors, NetworkMultiTargeting, NetworkModeSwitch,
        UserGlobalConfig, Suppressions, CatalogueAbove, CatalogueOptOut, PropertiesInDirectoryBuildTargets, CatalogueMissing, CatalogueOutsideRepository, GlobalPackageReference,
        CatalogueListedByProject, MSBuildError, DesignTimeError, DesignTimeStrict, DesignTimeOff,
    ];

    private static string MixpanelClass(string name, string attributes) => $$"""
        public static class {{name}}
        {
            {{attributes.Replace("\n", "\n    ", StringComparison.Ordinal)}}
            public static async Task SendAsync()
            {
                using var http = new HttpClient();
                await http.PostAsync("https://api.mixpanel.com/track", new StringContent("{}"));
            }
        }
        """;

    private static string Project(
        string outputType = "Exe",
        string frameworks = "net10.0",
        string properties = "",
        string items = "",
        bool referencePackage = true,
        bool applicationInsights = false) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            {(frameworks.Contains(';', StringComparison.Ordinal) ? $"<TargetFrameworks>{frameworks}</TargetFrameworks>" : $"<TargetFramework>{frameworks}</TargetFramework>")}
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {(referencePackage ? $"""<PackageReference Include="{PackageFeed.PackageId}" Version="{BuildSettings.PackageVersion}" />""" : string.Empty)}
            {(applicationInsights ? """<PackageReference Include="Microsoft.ApplicationInsights" Version="2.22.0" />""" : string.Empty)}
            {items}
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// A scenario whose Program.cs (if any) and further files are given relative to the project's folder; further files
    /// may be above it (<c>../NoTelemetry.txt</c>).
    /// </summary>
    private static ConsumerScenario Scenario(
        string project, string[] arguments, string projectFile, string? program, params (string Path, string Content)[] more)
    {
        var folder = Path.GetDirectoryName(project) ?? string.Empty;
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [project] = projectFile };
        if (program is not null)
        {
            files[Path.Combine(folder, "Program.cs")] = program;
        }

        foreach (var (path, content) in more)
        {
            files[Path.Combine(folder, path)] = content;
        }

        return new ConsumerScenario(project, files, arguments);
    }
}
