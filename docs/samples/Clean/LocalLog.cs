using System.Diagnostics;

namespace Clean;

/// <summary>Logging that stays on the machine: a text file in the user's data folder, through Trace.</summary>
internal sealed class LocalLog : IDisposable
{
    private readonly TextWriterTraceListener _listener;

    public LocalLog(string folder)
    {
        _listener = new TextWriterTraceListener(Path.Combine(folder, "clean.log"));
        Trace.Listeners.Add(_listener);
        Trace.AutoFlush = true;
    }

    public void Write(string message) => Trace.TraceInformation($"{DateTimeOffset.Now:O} {message}");

    public void Dispose()
    {
        Trace.Listeners.Remove(_listener);
        _listener.Dispose();
    }
}
