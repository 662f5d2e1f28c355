using System.Diagnostics;
using System.Text;

namespace Altertech.NoTelemetry.PackageTests;

/// <summary>What one run of the <c>dotnet</c> command did.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command and everything it printed, for assertion messages.</summary>
    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}exit code {(TimedOut ? "none: timed out and killed" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}{Environment.NewLine}{Output}";
}

/// <summary>Runs the <c>dotnet</c> command as a user would, isolated from the test host's own build environment.</summary>
internal static class DotNetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>How <c>dotnet</c> is started, output redirected, away from the test host's build environment.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would steer the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = StartInfo(workingDirectory, arguments, environment);
        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        lock (output)
        {
            return new CommandResult(commandLine, timedOut ? -1 : process.ExitCode, timedOut, output.ToString());
        }
    }
}
