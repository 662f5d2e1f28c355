namespace Clean;

/// <summary>
/// A crash writes a report to the local "crashes" folder and tells the user where it is. Nothing is uploaded:
/// the user decides whether to send the file.
/// </summary>
internal static class CrashFiles
{
    public static void WriteOnUnhandledException(string folder, LocalLog log)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var crashes = Directory.CreateDirectory(Path.Combine(folder, "crashes"));
            var path = Path.Combine(crashes.FullName, $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}.txt");
            File.WriteAllText(path, e.ExceptionObject.ToString());
            log.Write($"Crashed; the report is in {path}. Send it to support if you want help.");
            Console.Error.WriteLine($"Clean Notes crashed. A report was saved to {path}; nothing was sent.");
        };
    }
}
