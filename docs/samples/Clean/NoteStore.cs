using System.Text.Json;

namespace Clean;

/// <summary>One note; its identifier is random, so it says nothing about the machine or the user.</summary>
internal sealed record Note(Guid Id, string Text, DateTimeOffset Modified);

/// <summary>The notes, in a JSON file on this machine.</summary>
internal sealed class NoteStore(string file)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public List<Note> Load() =>
        File.Exists(file) ? JsonSerializer.Deserialize<List<Note>>(File.ReadAllText(file), s_json) ?? [] : [];

    public void Add(string text)
    {
        var notes = Load();
        notes.Add(new Note(Guid.NewGuid(), text, DateTimeOffset.UtcNow));
        Save(notes);
    }

    public void Save(IEnumerable<Note> notes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(notes, s_json));
    }
}
