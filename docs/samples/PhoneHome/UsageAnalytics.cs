using System.Text;
using System.Text.Json;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;

namespace PhoneHome;

/// <summary>Usage analytics: who runs the product, on which machine, and what they do with it.</summary>
internal sealed class UsageAnalytics : IDisposable
{
    // Placeholders in the format of an Application Insights instrumentation key and a Mixpanel project token.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000";
    private const string MixpanelToken = "00000000000000000000000000000000";

    private static readonly HttpClient s_http = new();

    private readonly TelemetryConfiguration _configuration; // NT0001: declared as an SDK type
    private readonly TelemetryClient _telemetry; // NT0001

    public UsageAnalytics()
    {
        _configuration = TelemetryConfiguration.CreateDefault(); // NT0001
        _configuration.ConnectionString = ConnectionString; // NT0001

        // NT0001: an Application Insights client. (The Application Insights reference itself is NT0002.)
        _telemetry = new TelemetryClient(_configuration);
    }

    public void AppStarted()
    {
        // NT0001: an Application Insights event; NT0005: the OS version in its properties.
        _telemetry.TrackEvent("AppStarted", new Dictionary<string, string>
        {
            ["version"] = "1.0.0",
            ["os"] = Environment.OSVersion.ToString(),
        });
    }

    /// <summary>The machine's name, so that the vendor can count installations.</summary>
    public async Task PingAsync()
    {
        // NT0003: a hard-coded host; NT0006; NT0005: the machine name leaves the machine.
        using var response = await s_http.GetAsync(
            $"https://telemetry.phonehome.example/ping?machine={Uri.EscapeDataString(Environment.MachineName)}");
    }

    /// <summary>Hand-rolled analytics: no SDK, the same data to the same service.</summary>
    public async Task TrackLaunchAsync()
    {
        var events = new[]
        {
            new { @event = "launch", properties = new { token = MixpanelToken, distinct_id = Environment.UserName } },
        };
        using var content = new StringContent(JsonSerializer.Serialize(events), Encoding.UTF8, "application/json");

        // NT0001: a request to Mixpanel's ingestion host; NT0003: a hard-coded host; NT0006; NT0005: the user's name.
        using var response = await s_http.PostAsync("https://api.mixpanel.com/track", content);
    }

    public void Dispose()
    {
        _telemetry.Flush(); // NT0001
        _configuration.Dispose(); // NT0001
    }
}
