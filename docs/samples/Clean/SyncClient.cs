using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace Clean;

/// <summary>Copies the notes to the sync server the user configured, and nowhere else.</summary>
internal sealed class SyncClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly LocalLog _log;

    public SyncClient(Uri server, LocalLog log)
    {
        // The user's server, from settings.txt or --sync-server: not hard-coded, so no NT0003.
        _http = new HttpClient { BaseAddress = server };
        _log = log;
    }

    // NT0006 (network egress) lists this call: in strict mode it would fail the build. It is the feature the user
    // turned on, so it is accepted here, with the reason where the next reader sees it.
    [SuppressMessage("Privacy", "NT0006", Justification = "Sync to the server the user configured in settings.txt; off by default.")]
    public async Task UploadAsync(DirectoryInfo notes)
    {
        foreach (var note in notes.EnumerateFiles("*.txt"))
        {
            using var content = new StreamContent(note.OpenRead());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            using var response = await _http.PutAsync("notes/" + Uri.EscapeDataString(note.Name), content);
            _log.Write($"Synced {note.Name}: {(int)response.StatusCode}");
        }
    }

    public void Dispose() => _http.Dispose();
}
