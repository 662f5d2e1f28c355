namespace Altertech.NoTelemetry.Cli;

/// <summary>A failure the user can act on (exit code 2): its message is printed as it is, without a stack trace.</summary>
internal sealed class AuditException(string message) : Exception(message);
