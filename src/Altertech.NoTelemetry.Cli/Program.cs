using Altertech.NoTelemetry.Cli;

// Ctrl+C cancels the audit, which stops at its next check (a restore in progress is killed) and exits 130; a second
// Ctrl+C ends the process at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
