using System.Collections.Generic;
using System.Collections.Immutable;
using Altertech.NoTelemetry.Catalogue;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Analyzers;

/// <summary>Where an NT0001 finding comes from: its <c>origin</c> property.</summary>
internal static class TelemetryOrigin
{
    /// <summary>A symbol of a catalogued SDK.</summary>
    public const string Sdk = "sdk";

    /// <summary>A network call to a catalogued ingestion host, without the SDK.</summary>
    public const string Host = "host";

    /// <summary>Code that does not bind, whose every candidate symbol belongs to the SDK.</summary>
    public const string Candidate = "candidate";
}

/// <summary>What the NT0001 code fix does with a finding: its <c>fix</c> property.</summary>
internal static class TelemetryFix
{
    /// <summary>A sending or capturing call becomes a local log call.</summary>
    public const string Log = "log";

    /// <summary>An initialisation or registration is removed.</summary>
    public const string Remove = "remove";

    /// <summary>
    /// A field or constructor parameter of an SDK type may become an <c>ILogger&lt;T&gt;</c> (<see cref="LoggerSlot"/>); the fix
    /// checks the rest (every use a loggable call, no caller of the constructor) and offers nothing where the result would not compile.
    /// </summary>
    public const string Logger = "logger";
}

/// <summary>
/// One use of a telemetry service, before it is reported: a statement's uses of one service become one diagnostic
/// (<see cref="TelemetryStatements"/>), which carries these facts in its properties for code fixes and reports.
/// </summary>
internal sealed class TelemetryFinding
{
    public TelemetryFinding(IOperation? operation, Location location, TelemetryService service, TelemetryRole role, string what, string origin, ISymbol? member)
    {
        Operation = operation;
        Location = location;
        Service = service;
        Role = role;
        What = what;
        Origin = origin;
        Member = member;
    }

    /// <summary>The operation reported; null for a declaration or attribute.</summary>
    public IOperation? Operation { get; }

    public Location Location { get; }

    public TelemetryService Service { get; }

    public TelemetryRole Role { get; }

    /// <summary>The member as the message names it: <c>SentrySdk.CaptureException</c>, <c>new TelemetryClient</c>.</summary>
    public string What { get; }

    public string Origin { get; }

    /// <summary>The SDK or network member used, when there is one.</summary>
    public ISymbol? Member { get; }

    /// <summary>The ingestion host, for <see cref="TelemetryOrigin.Host"/>.</summary>
    public string? Host { get; set; }

    /// <summary>The network API a product method hands the host to, for a host passed through a helper.</summary>
    public string? Via { get; set; }

    /// <summary>What the code fix does with the call (<see cref="TelemetryFix"/>), or null when it offers none.</summary>
    public string? Fix { get; set; }

    /// <summary>For <see cref="TelemetryFix.Log"/>: the level to log at, as the catalogue's <c>log-levels</c> say.</summary>
    public string? LogLevel { get; set; }

    /// <summary>For <see cref="TelemetryFix.Log"/>: the parameters whose arguments the log call leaves out, comma-separated, or null.</summary>
    public string? LogLeftOut { get; set; }

    /// <summary>For <see cref="TelemetryFix.Log"/>: the parameter whose constant string is the template itself, or null.</summary>
    public string? LogTemplate { get; set; }

    /// <summary>Sending and capturing outrank configuring, which outranks using.</summary>
    public int Rank => Role switch
    {
        TelemetryRole.Send or TelemetryRole.Capture => 2,
        TelemetryRole.Configure => 1,
        _ => 0,
    };

    /// <summary>The diagnostic, naming <paramref name="others"/> further members of the service its statement uses.</summary>
    public Diagnostic ToDiagnostic(int others)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Service, Service.Name);
        properties.Add(DiagnosticProperties.Vendor, Service.Vendor);
        properties.Add(DiagnosticProperties.Category, Service.Category);
        properties.Add(DiagnosticProperties.Role, RoleName(Role));
        properties.Add(DiagnosticProperties.Origin, Origin);
        properties.Add(DiagnosticProperties.Fixable, Fix is null ? "false" : "true");
        if (Fix is not null)
        {
            properties.Add(DiagnosticProperties.Fix, Fix);
        }

        if (LogLevel is not null)
        {
            properties.Add(DiagnosticProperties.LogLevel, LogLevel);
        }

        if (LogLeftOut is not null)
        {
            properties.Add(DiagnosticProperties.LogLeftOut, LogLeftOut);
        }

        if (LogTemplate is not null)
        {
            properties.Add(DiagnosticProperties.LogTemplate, LogTemplate);
        }

        properties.Add(DiagnosticProperties.OtherMembers, others.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Member?.OriginalDefinition.GetDocumentationCommentId() is { } id)
        {
            properties.Add(DiagnosticProperties.Member, id);
        }

        if (Host is not null)
        {
            properties.Add(DiagnosticProperties.Host, Host);
        }

        if (Via is not null)
        {
            properties.Add(DiagnosticProperties.Via, Via);
        }

        var more = others == 0 ? string.Empty : $" (and {others} more {Service.Name} member{(others == 1 ? string.Empty : "s")} in this statement)";
        return Diagnostic.Create(Rules.TelemetryServiceUsed, Location, properties.ToImmutable(), Service.Name, What, Verb(Role, Service), more);
    }

    /// <summary>The verb the message uses: true to what the member does, as the catalogue says.</summary>
    public static string Verb(TelemetryRole role, TelemetryService service) => role switch
    {
        TelemetryRole.Send => "sends data to " + service.Vendor,
        TelemetryRole.Capture => "captures data for " + service.Vendor,
        TelemetryRole.Configure => "configures " + service.Name,
        _ => "uses " + service.Name,
    };

    public static string RoleName(TelemetryRole role) => role switch
    {
        TelemetryRole.Send => "send",
        TelemetryRole.Capture => "capture",
        TelemetryRole.Configure => "configure",
        _ => "use",
    };

    /// <summary>Orders the findings of one statement and service: the one to report first.</summary>
    public static readonly IComparer<TelemetryFinding> Priority = Comparer<TelemetryFinding>.Create((a, b) =>
    {
        var byRank = b.Rank.CompareTo(a.Rank);
        return byRank != 0 ? byRank : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
    });
}
