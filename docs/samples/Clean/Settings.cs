namespace Clean;

/// <summary>What the user set up: where data lives and, if they want one, their own sync server.</summary>
internal sealed record Settings(string DataFolder, Uri? SyncServer)
{
    /// <summary>Reads <c>settings.txt</c> (<c>sync-server = https://...</c>) from the data folder, or <c>--sync-server</c>.</summary>
    public static Settings Load(string[] args)
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CleanNotes");
        Directory.CreateDirectory(folder);

        string? server = null;
        var file = Path.Combine(folder, "settings.txt");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts is ["sync-server", var value])
                {
                    server = value;
                }
            }
        }

        var index = Array.IndexOf(args, "--sync-server");
        if (index >= 0 && index + 1 < args.Length)
        {
            server = args[index + 1];
        }

        return new Settings(folder, Uri.TryCreate(server, UriKind.Absolute, out var uri) ? uri : null);
    }
}
