using Clean;

// A note-taking tool: notes live on the user's disk; if the user configured a sync server, they are copied there.
var settings = Settings.Load(args);
using var log = new LocalLog(settings.DataFolder);
CrashFiles.WriteOnUnhandledException(settings.DataFolder, log);

log.Write("Started.");
var notes = Directory.CreateDirectory(Path.Combine(settings.DataFolder, "notes"));
if (settings.SyncServer is { } server)
{
    using var sync = new SyncClient(server, log);
    await sync.UploadAsync(notes);
}
else
{
    log.Write("No sync server configured: notes stay on this machine.");
}
