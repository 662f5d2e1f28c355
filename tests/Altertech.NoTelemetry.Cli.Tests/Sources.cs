namespace Altertech.NoTelemetry.Cli.Tests;

/// <summary>The small projects and solutions the tests audit besides the samples. Hosts are under .example.</summary>
internal static class Sources
{
    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    public static readonly (string Path, string Content)[] All =
    [
        // A solution of two projects, one of them multi-targeting: its finding is one finding of both frameworks.
        ("multi/Multi.slnx", """
            <Solution>
              <Project Path="App/App.csproj" />
              <Project Path="Lib/Lib.csproj" />
            </Solution>
            """),
        ("multi/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """),
        ("multi/App/Program.cs", """
            using var http = new HttpClient();
            Console.WriteLine(await Multi.Updates.CheckAsync(http));
            Console.WriteLine(await http.GetStringAsync(args[0]));
            """),
        ("multi/Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
            </Project>
            """),
        ("multi/Lib/Updates.cs", """
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Multi
            {
                public static class Updates
                {
                    public static Task<string> CheckAsync(HttpClient http) => http.GetStringAsync("https://updates.multi.example/latest");
                }
            }
            """),
        // Compiled in Release builds only: what --configuration Release audits, and a Debug audit does not see.
        ("multi/Lib/ReleaseOnly.cs", """
            namespace Multi
            {
                public static class ReleaseOnly
                {
            #if RELEASE
                    public static void Upload() => System.Diagnostics.Process.Start("curl", "https://upload.multi.example/");
            #endif
                }
            }
            """),

        // A solution with a project that does not load beside one that does.
        ("broken/Broken.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Good", "Good\Good.csproj", "{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0001}"
            EndProject
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Broken", "Broken\Broken.csproj", "{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0002}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0001}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0001}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0002}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{5A4B0C56-1B39-4E0B-9C8E-2B1A3C2D0002}.Debug|Any CPU.Build.0 = Debug|Any CPU
            	EndGlobalSection
            EndGlobal
            """),
        ("broken/Good/Good.csproj", Library),
        ("broken/Good/Notes.cs", """
            namespace Good;

            public static class Notes
            {
                public static void Save(string path, string text) => File.WriteAllText(path, text);
            }
            """),
        ("broken/Broken/Broken.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Broken.cs"
            </Project>
            """),

        // A project that does not compile.
        ("typo/Typo.csproj", Library),
        ("typo/Client.cs", """
            namespace Typo;

            public static class Client
            {
                public static Task<string> Fetch(HttpClient http) => http.GetStringAsync(Adress);
            }
            """),

        // The baseline round trip edits Client.cs between its two audits.
        ("evolving/Evolving.csproj", Library),
        ("evolving/Client.cs", Evolving.Before),

        // Without the package: NoTelemetry.txt two folders up (the repository root), an .editorconfig, suppressions.
        ("configured/.git/HEAD", "ref: refs/heads/main\n"),
        ("configured/NoTelemetry.txt", """
            H:*.stats.contoso.example;Contoso statistics
            Q:not a line kind
            """),
        ("configured/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.NT0003.severity = error
            """),
        ("configured/src/Configured/Configured.csproj", Library),
        ("configured/src/Configured/Sync.cs", """
            using System.Diagnostics.CodeAnalysis;

            namespace Configured;

            public sealed class Sync(HttpClient http, Uri server)
            {
                public Task<string> Statistics() => http.GetStringAsync("https://api.stats.contoso.example/v1");

            #pragma warning disable NT0006 // the user's own sync server, from settings.json
                public Task<string> Pull() => http.GetStringAsync(server);
            #pragma warning restore NT0006

                [SuppressMessage("Privacy", "NT0003", Justification = "The customer's licence server, named in the contract")]
                public Task<string> Licence() => http.GetStringAsync("https://licence.customer.example/check");
            }
            """),

        // Loose files: top-level statements that rely on the SDK's implicit usings (HttpClient without a using).
        ("loose/Program.cs", """
            var http = new HttpClient();
            Console.WriteLine(await Stats.PingAsync(http));
            """),
        ("loose/Stats.cs", """
            static class Stats
            {
                public static Task<string> PingAsync(HttpClient http) => http.GetStringAsync("https://stats.loose.example/ping");
            }
            """),
    ];

    /// <summary>Client.cs before and after an edit that moves its finding down and changes code around it.</summary>
    public static class Evolving
    {
        public const string Before = """
            namespace Evolving;

            public static class Client
            {
                public static Task<string> Check(HttpClient http) => http.GetStringAsync("https://updates.evolving.example/check");

                public static int Answer() => 42;
            }
            """;

        public const string After = """
            // A comment and blank lines above the finding move it down.


            namespace Evolving;

            public static class Client
            {
                public static int Question() => 6 * 7;

                public static Task<string> Check(HttpClient http) =>
                    http.GetStringAsync("https://updates.evolving.example/check");

                public static int Answer() => 42 + 0;

                public static Task<string> Report(HttpClient http) => http.GetStringAsync("https://stats.evolving.example/report");
            }
            """;
    }
}
