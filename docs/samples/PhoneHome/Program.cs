// PhoneHome: a small desktop product that reports home in every way Altertech.NoTelemetry looks for.
// It exists to be analysed, not run: `dotnet build` shows the findings. Its keys are fake and its own
// hosts are under .example, and it sends nothing unless started with --phone-home.
using PhoneHome;

if (!args.Contains("--phone-home"))
{
    Console.WriteLine("PhoneHome is a sample to build, not to run: `dotnet build` lists what Altertech.NoTelemetry finds in it.");
    return 0;
}

CrashReporter.Install();

using var analytics = new UsageAnalytics();
analytics.AppStarted();
await analytics.PingAsync();
await analytics.TrackLaunchAsync();

await UpdateChecker.CheckAsync();

DiagnosticsUploader.Upload(Path.Combine(AppContext.BaseDirectory, "phonehome.log"));
return 0;
