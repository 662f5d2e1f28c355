using System.Net.Http.Json;

namespace Clean;

/// <summary>
/// Synchronises the notes with the user's own server: the only network code in the product. The server is the
/// one the user configured (<see cref="Settings.SyncServer"/>); nothing here names a host, so Altertech.NoTelemetry
/// lists each call in the NT0006 inventory and reports no hard-coded endpoint (NT0003).
/// </summary>
internal sealed class SyncClient(Uri server) : IDisposable
{
    private const string NotesPath = "api/notes";

    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Downloads the server's notes, keeps the newer copy of each note, and uploads the result.</summary>
    public async Task<List<Note>> SyncAsync(IReadOnlyList<Note> local, CancellationToken cancellationToken = default)
    {
        // NT0006 (inventory): downloads the user's notes from the sync server the user configured.
        var remote = await _http.GetFromJsonAsync<List<Note>>(NotesPath, cancellationToken) ?? [];

        var merged = remote.Concat(local)
            .GroupBy(note => note.Id)
            .Select(copies => copies.MaxBy(note => note.Modified)!)
            .OrderBy(note => note.Modified)
            .ToList();

        // NT0006 (inventory): uploads the merged notes to the same server, and nothing else: no machine or user name.
        using var response = await _http.PutAsJsonAsync(NotesPath, merged, cancellationToken);
        response.EnsureSuccessStatusCode();
        return merged;
    }

    public void Dispose() => _http.Dispose();
}
