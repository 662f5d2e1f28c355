namespace Clean;

/// <summary>Where the product keeps its files: under the user's local application data, on this machine.</summary>
internal sealed record AppPaths(string Folder)
{
    // Create: without it, a folder that does not exist yet (a new user profile) comes back as "", a relative path.
    public static AppPaths ForCurrentUser() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Clean"));

    public string SettingsFile => Path.Combine(Folder, "settings.json");

    public string NotesFile => Path.Combine(Folder, "notes.json");

    public string LogFile => Path.Combine(Folder, "clean.log");

    public string CrashFolder => Path.Combine(Folder, "crashes");
}
