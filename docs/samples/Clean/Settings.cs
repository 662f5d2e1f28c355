using System.Text.Json;

namespace Clean;

/// <summary>
/// The user's settings. The sync server has no default: the product talks to no server until the user names one,
/// in the settings file (<c>{ "syncServer": "https://notes.example.lan/" }</c>) or with <c>--sync-server</c>.
/// </summary>
internal sealed record Settings(Uri? SyncServer)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static Settings Load(string settingsFile, IReadOnlyList<string> args)
    {
        var fromFile = File.Exists(settingsFile)
            ? JsonSerializer.Deserialize<SettingsFile>(File.ReadAllText(settingsFile), s_json)
            : null;

        var argument = IndexOf(args, "--sync-server");
        var server = argument >= 0 && argument + 1 < args.Count ? args[argument + 1] : fromFile?.SyncServer;
        return new Settings(Parse(server));
    }

    private static Uri? Parse(string? server)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The sync server must be an http or https URL: '{server}'.");
        }

        // A base address ends with '/', so that relative request paths are appended to it, not put in its place.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static int IndexOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record SettingsFile(string? SyncServer);
}
