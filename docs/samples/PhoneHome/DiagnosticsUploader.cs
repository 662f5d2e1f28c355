using System.Diagnostics;

namespace PhoneHome;

/// <summary>Uploads the log by shelling out, out of sight of anything that looks for HttpClient.</summary>
internal static class DiagnosticsUploader
{
    public static void Upload(string logFile)
    {
        // NT0007: launching a network tool.
        using var curl = Process.Start("curl", $"--silent --form log=@{logFile} https://support.phonehome.example/upload");
        curl?.WaitForExit();
    }
}
