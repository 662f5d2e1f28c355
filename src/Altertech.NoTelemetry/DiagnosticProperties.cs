namespace Altertech.NoTelemetry;

/// <summary>
/// The keys of the diagnostics' <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: the facts a code fix or a
/// report reads instead of the message. Public contract, documented on each rule's page under docs/rules.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>The service, as the catalogue names it (<c>Sentry</c>, <c>Application Insights</c>).</summary>
    public const string Service = "service";

    /// <summary>Who receives the data (<c>Microsoft</c>).</summary>
    public const string Vendor = "vendor";

    /// <summary><c>analytics</c>, <c>crash-reporting</c>, <c>apm</c> or <c>logging</c>.</summary>
    public const string Category = "category";

    /// <summary>NT0002: the referenced SDK assembly's simple name.</summary>
    public const string Assembly = "assembly";

    /// <summary>NT0002: the NuGet package that ships the assembly.</summary>
    public const string Package = "package";

    /// <summary>What the member does: <c>send</c>, <c>capture</c>, <c>configure</c> or <c>use</c>.</summary>
    public const string Role = "role";

    /// <summary>
    /// NT0001: <c>sdk</c>, <c>host</c> (a request to an ingestion host, in code or a configuration file's endpoint),
    /// <c>candidate</c> (code that does not bind) or <c>configuration</c> (a shipped configuration file switches it on).
    /// NT0004: <c>egress</c> (a network API) or <c>sdk</c> (a telemetry SDK member that sends or captures).
    /// </summary>
    public const string Origin = "origin";

    /// <summary><c>true</c> when the code fix can rewrite the reported call (see <see cref="Fix"/>).</summary>
    public const string Fixable = "fixable";

    /// <summary>
    /// What the code fix does. NT0001, when <see cref="Fixable"/>: <c>log</c> (the sending or capturing call becomes a local
    /// log call at <see cref="LogLevel"/>, with every argument kept but those <see cref="LogLeftOut"/> names), <c>remove</c> (the
    /// initialisation or registration is removed: the statement, the link of a fluent chain, or the <c>using</c> around a body,
    /// which stays) or <c>logger</c> (a field or constructor parameter of an SDK type may become an <c>ILogger&lt;T&gt;</c>, or go
    /// where the class holds a logger, which the fix offers only where the result compiles). NT0003:
    /// <c>configuration</c> when the endpoint is a string literal written where it is used (bare or in <c>new Uri("...")</c>),
    /// which the fix reads from an <c>IConfiguration</c> in scope instead (no fix without one). NT0004: <c>crash-report</c> when
    /// the sending call is a statement of its own (called, waited for, awaited, discarded) in the hook's own handler or in a
    /// helper that only hooks' handlers call, with an exception in scope, which the fix replaces with writing that exception to
    /// a local crash file; <c>exit-report</c> for such a send from an exit or stopping hook without an exception, whose
    /// arguments are text (kept) or carry no data, which the fix replaces with writing that text to a local report file.
    /// </summary>
    public const string Fix = "fix";

    /// <summary>
    /// NT0001, when <see cref="Fix"/> is <c>log</c>: the level the call is logged at, a <c>Microsoft.Extensions.Logging.LogLevel</c>
    /// name (<c>Information</c>, <c>Error</c>), from the catalogue's <c>log-levels</c>: for the member, or for the SDK's own level
    /// (<c>SentryLevel.Fatal</c>) given to a parameter that <c>log-arguments</c> mark <c>name:level</c>.
    /// </summary>
    public const string LogLevel = "logLevel";

    /// <summary>
    /// NT0001, when <see cref="Fix"/> is <c>log</c>: the parameters (the SDK's names, comma-separated, in source order) whose
    /// arguments the log call leaves out, as the catalogue's <c>log-arguments</c> say (<c>configureScope</c>); absent when every
    /// argument is kept. Only arguments whose going loses no side effect are left out.
    /// </summary>
    public const string LogLeftOut = "logLeftOut";

    /// <summary>
    /// NT0001, when <see cref="Fix"/> is <c>log</c>: the parameter whose argument, a constant string without braces, is the
    /// template itself of a log call through an <c>ILogger</c> (<c>message</c>), as the catalogue's <c>log-arguments</c> say
    /// (<c>message:template</c>); through <c>Trace</c> it stays a value.
    /// </summary>
    public const string LogTemplate = "logTemplate";

    /// <summary>How many further members of the service the same statement uses (not reported on their own).</summary>
    public const string OtherMembers = "others";

    /// <summary>The documentation-comment ID of the member reported (<c>M:Sentry.SentrySdk.CaptureException(System.Exception)</c>).</summary>
    public const string Member = "member";

    /// <summary>
    /// The host a request goes to: NT0001's ingestion host (origin <c>host</c>), NT0003's hard-coded host, NT0006's
    /// destination when it is a constant.
    /// </summary>
    public const string Host = "host";

    /// <summary>
    /// NT0003, NT0006: every host the endpoint can have, comma-separated, when it is one of several constants
    /// (<c>beta ? "https://beta.example" : "https://example.com"</c>, mirrors tried in turn); <see cref="Host"/> is the first.
    /// </summary>
    public const string Hosts = "hosts";

    /// <summary>The network API that a product method hands the endpoint to, when the request goes through one.</summary>
    public const string Via = "via";

    /// <summary>
    /// NT0003: for an endpoint passed through product methods, the documentation-comment IDs of every method it goes
    /// through, from the one called to the network API, separated by <c>;</c>. NT0004: the product functions from the
    /// hook's handler to the one that sends (a lambda or local function counts as the member that declares it).
    /// </summary>
    public const string Chain = "chain";

    /// <summary>NT0005: the documentation-comment ID of the identifying source (<c>P:System.Environment.MachineName</c>).</summary>
    public const string Data = "data";

    /// <summary>NT0005: what the data identifies: <c>machine</c>, <c>user</c>, <c>system</c> or <c>hardware</c>.</summary>
    public const string Identifies = "identifies";

    /// <summary>NT0005: where the data goes: <c>url</c>, <c>host</c>, <c>header</c>, <c>request</c>, <c>client</c>, <c>content</c> or <c>event</c>.</summary>
    public const string Channel = "channel";

    /// <summary>NT0005: the request header the data is written to, when <see cref="Channel"/> is <c>header</c>.</summary>
    public const string Header = "header";

    /// <summary>NT0004: the hook the sending code runs from (<c>AppDomain.UnhandledException</c>).</summary>
    public const string Hook = "hook";

    /// <summary>NT0004: what the hook is: <c>crash</c>, <c>exit</c>, <c>failure</c> or <c>stopping</c>.</summary>
    public const string HookKind = "hookKind";

    /// <summary>NT0003: the known leading text of the endpoint (<c>https://updates.example.com/check?v=</c>).</summary>
    public const string Endpoint = "endpoint";

    /// <summary>NT0003: the parameter of the reported call that receives the endpoint, when it is given as an argument.</summary>
    public const string Parameter = "parameter";

    /// <summary>NT0003: where the constant comes from, when not from the call itself (<c>UpdateChecker.Url</c>).</summary>
    public const string Source = "source";

    /// <summary>NT0006: what the operation does: <c>send</c>, <c>connect</c>, <c>resolve</c> or <c>register</c>.</summary>
    public const string Kind = "kind";

    /// <summary>
    /// NT0006: how its destination is known: <c>constant</c> (see <see cref="Host"/>), <c>relative</c> (a path on
    /// its client's base address), <c>runtime</c> (computed while the program runs) or <c>elsewhere</c> (the call
    /// names none: a request object or a connection carries it).
    /// </summary>
    public const string Destination = "destination";

    /// <summary>
    /// NT0007: which door the access goes through: <c>reflection</c> (a type or assembly loaded by name, a member looked
    /// up by name), <c>native</c> (a native network library), <c>launch</c> (a network tool) or <c>url</c> (a URL with
    /// run-time data opened in the browser).
    /// </summary>
    public const string Door = "door";

    /// <summary>
    /// What is named. NT0007: the type, assembly or ProgID loaded by name (<c>System.Net.WebClient</c>), the member
    /// looked up (<c>WebClient.DownloadString</c>), the argument that makes a tool a network tool
    /// (<c>Invoke-WebRequest</c>), or the known start of a URL opened in the browser. A finding in a configuration file
    /// (with <see cref="Configuration"/>): the sink name, target type, appender type, assembly or settings key, as the
    /// file writes it.
    /// </summary>
    public const string Name = "name";

    /// <summary>NT0007: the native library, as the runtime looks it up, without folder or extension (<c>wininet</c>).</summary>
    public const string Library = "library";

    /// <summary>NT0007: the native function imported (<c>InternetOpenUrlW</c>).</summary>
    public const string EntryPoint = "entryPoint";

    /// <summary>NT0007: the executable launched, without folder or extension (<c>curl</c>).</summary>
    public const string Tool = "tool";

    /// <summary>NT0007: the catalogue block of the library or tool (<c>Winsock</c>, <c>PowerShell web cmdlets</c>).</summary>
    public const string Family = "family";

    /// <summary>
    /// NT0001, NT0003, NT0006 in a configuration file: what switches the sender on, <c>serilog-sink</c>,
    /// <c>serilog-using</c>, <c>nlog-target</c>, <c>nlog-extension</c>, <c>log4net-appender</c> or <c>setting</c>.
    /// </summary>
    public const string Configuration = "configuration";

    /// <summary>NT0003, NT0006 in a configuration file: the self-hosted transport (<c>Seq</c>, <c>syslog</c>, <c>OTLP</c>).</summary>
    public const string Transport = "transport";

    /// <summary>NT0002: the project's direct PackageReference that brings the SDK's package, itself or through its dependencies.</summary>
    public const string Reference = "reference";
}
