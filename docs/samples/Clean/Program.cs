// Clean: a small notes product that keeps Altertech's promise. What it collects stays on this machine: the notes,
// its log and its crash reports are files under the user's local application data, and a crash report reaches us
// only if the user sends it. The one connection it makes is the sync with the server the user configured, when the
// user asks for it. `dotnet build` shows what Altertech.NoTelemetry finds: that sync, and nothing else.
using Clean;
using Microsoft.Extensions.Logging;

var paths = AppPaths.ForCurrentUser();
// Not disposed: the crash handler logs after Main has unwound, and every entry is flushed as it is written.
var loggerFactory = LocalLog.Create(paths.LogFile);
var log = loggerFactory.CreateLogger("Clean");
CrashFiles.Install(paths.CrashFolder, log);

var settings = Settings.Load(paths.SettingsFile, args);
var notes = new NoteStore(paths.NotesFile);

switch (args.FirstOrDefault())
{
    case "add" when args.Length > 1:
        notes.Add(string.Join(' ', args.Skip(1)));
        log.LogInformation("Note added");
        return 0;

    case "list":
        foreach (var note in notes.Load())
        {
            Console.WriteLine($"{note.Modified:yyyy-MM-dd HH:mm}  {note.Text}");
        }

        return 0;

    case "sync":
        if (settings.SyncServer is null)
        {
            Console.Error.WriteLine($"No sync server is configured: set \"syncServer\" in {paths.SettingsFile} or pass --sync-server <url>.");
            return 1;
        }

        using (var sync = new SyncClient(settings.SyncServer))
        {
            var merged = await sync.SyncAsync(notes.Load());
            notes.Save(merged);
            log.LogInformation("Synchronised {Count} notes with {Server}", merged.Count, settings.SyncServer);
        }

        return 0;

    default:
        Console.WriteLine("usage: clean add <text> | list | sync [--sync-server <url>]");
        Console.WriteLine($"Notes, log and crash reports are kept in {paths.Folder}.");
        return 0;
}
