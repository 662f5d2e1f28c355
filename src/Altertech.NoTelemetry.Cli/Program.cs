using Altertech.NoTelemetry.Cli;

// Ctrl+C cancels the audit through System.CommandLine's token: restores are killed, analysis stops at the next check.
return await CommandLine.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
