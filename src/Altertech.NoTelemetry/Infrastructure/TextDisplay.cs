namespace Altertech.NoTelemetry.Infrastructure;

/// <summary>How user-written text is quoted in messages.</summary>
internal static class TextDisplay
{
    /// <summary>At most <paramref name="maximum"/> characters of <paramref name="value"/>, with "…" when cut.</summary>
    public static string Shorten(string value, int maximum = 60) =>
        value.Length > maximum ? value.Substring(0, maximum) + "…" : value;

    /// <summary>How many of a set's values a message names before it says how many more there are.</summary>
    public const int NamedAlternatives = 3;

    /// <summary>
    /// Values quoted for a message: <c>'a'</c>, <c>'a' or 'b'</c>, <c>'a', 'b' or 'c'</c>, and past three
    /// <c>'a', 'b', 'c' or 4 more</c>.
    /// </summary>
    public static string Alternatives(System.Collections.Generic.IReadOnlyList<string> values)
    {
        if (values.Count <= NamedAlternatives)
        {
            var quoted = new string[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                quoted[i] = "'" + values[i] + "'";
            }

            return quoted.Length == 1 ? quoted[0] : string.Join(", ", quoted, 0, quoted.Length - 1) + " or " + quoted[quoted.Length - 1];
        }

        var named = new string[NamedAlternatives];
        for (var i = 0; i < NamedAlternatives; i++)
        {
            named[i] = "'" + values[i] + "'";
        }

        return string.Join(", ", named) + $" or {values.Count - NamedAlternatives} more";
    }
}
