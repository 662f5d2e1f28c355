namespace Altertech.NoTelemetry.Infrastructure;

/// <summary>How user-written text is quoted in messages.</summary>
internal static class TextDisplay
{
    /// <summary>At most <paramref name="maximum"/> characters of <paramref name="value"/>, with "…" when cut.</summary>
    public static string Shorten(string value, int maximum = 60) =>
        value.Length > maximum ? value.Substring(0, maximum) + "…" : value;
}
