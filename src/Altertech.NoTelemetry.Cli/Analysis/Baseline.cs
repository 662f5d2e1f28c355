using System.Text.Json;
using System.Text.Json.Serialization;

namespace Altertech.NoTelemetry.Cli.Analysis;

/// <summary>
/// The findings a team has accepted for now (<c>--write-baseline</c>), matched by fingerprint (<c>--baseline</c>), so
/// that only new findings are reported. The rule, file and message are kept for the reader of the file and for the
/// report of what was fixed; only the fingerprint matches.
/// </summary>
internal sealed record Baseline(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("findings")] IReadOnlyList<BaselineEntry> Findings)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Baseline From(IEnumerable<Finding> findings) =>
        new(CurrentVersion, "notelemetry", findings.Where(f => !f.IsSuppressed)
            .Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.RelativePath, f.Message))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());

    public static Baseline Read(string path)
    {
        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), s_json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new AuditException($"The baseline {path} cannot be read: {e.Message}");
        }

        if (baseline is null || baseline.Findings is null || baseline.Findings.Any(f => string.IsNullOrEmpty(f?.Fingerprint)))
        {
            throw new AuditException($"The baseline {path} is not a notelemetry baseline: it needs a \"findings\" list whose entries have a \"fingerprint\".");
        }

        if (baseline.Version != CurrentVersion)
        {
            throw new AuditException($"The baseline {path} has version {baseline.Version}; this notelemetry reads version {CurrentVersion}. Write it again with --write-baseline.");
        }

        return baseline;
    }

    public void Write(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(this, s_json) + "\n");
    }
}

/// <summary>One accepted finding.</summary>
internal sealed record BaselineEntry(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("message")] string Message);
