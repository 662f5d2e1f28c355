using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Clean;

/// <summary>
/// Logging that stays on the machine: <see cref="ILogger"/> through a <see cref="TraceSource"/> to a text file.
/// Altertech.NoTelemetry does not report ILogger or Trace: they keep the data in the process and the file.
/// </summary>
internal static class LocalLog
{
    public static ILoggerFactory Create(string logFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);

        // The trace source's listener flushes after every entry, so the log is complete even after a crash.
        Trace.AutoFlush = true;
        var listener = new TextWriterTraceListener(logFile) { TraceOutputOptions = TraceOptions.DateTime };

        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Information)
            .AddTraceSource(new SourceSwitch("Clean", nameof(SourceLevels.Information)), listener));
    }
}
