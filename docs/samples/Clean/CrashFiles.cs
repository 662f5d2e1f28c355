using Microsoft.Extensions.Logging;

namespace Clean;

/// <summary>
/// Crash reports as files on this machine. The user decides whether to send one to us, by hand: nothing here
/// connects anywhere, so an unhandled exception never reports home on its own.
/// </summary>
internal static class CrashFiles
{
    public static void Install(string folder, ILogger log)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}.txt");
            File.WriteAllText(file, $"{DateTime.UtcNow:O}{Environment.NewLine}{e.ExceptionObject}{Environment.NewLine}");

            log.LogCritical("Unhandled exception; crash report written to {File}", file);
            Console.Error.WriteLine($"Clean stopped because of an error. A report was saved to {file} and sent nowhere;");
            Console.Error.WriteLine("attach it to a message to support if you would like us to look at it.");
        };
    }
}
