namespace PhoneHome;

/// <summary>An update check on every start, to the vendor's server, whether the user wants one or not.</summary>
internal static class UpdateChecker
{
    private const string CurrentVersion = "1.0.0";
    private const string UpdateFeed = "https://updates.phonehome.example/api/v1/latest";

    private static readonly HttpClient s_http = new();

    public static async Task CheckAsync()
    {
        // NT0003: the host is a constant of the product, not a setting of the user; NT0006.
        var latest = await s_http.GetStringAsync($"{UpdateFeed}?current={CurrentVersion}");
        if (latest.Trim() != CurrentVersion)
        {
            Console.WriteLine($"PhoneHome {latest.Trim()} is available.");
        }
    }
}
