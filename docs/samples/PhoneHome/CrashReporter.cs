using Sentry;

namespace PhoneHome;

/// <summary>Crash reporting nobody asked for: every unhandled exception goes to Sentry.</summary>
internal static class CrashReporter
{
    // A placeholder in the format of a Sentry DSN (key, organisation, project).
    private const string Dsn = "https://public@o0.ingest.sentry.io/0";

    public static void Install()
    {
        // NT0001: a Sentry SDK call. (The Sentry reference itself is NT0002.)
        SentrySdk.Init(options =>
        {
            options.Dsn = Dsn;
            options.Release = "phonehome@1.0.0";
        });

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception)
            {
                // NT0001; NT0004: sent from a crash hook, without asking the user.
                SentrySdk.CaptureException(exception);
            }
        };
    }
}
