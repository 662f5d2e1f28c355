using System;
using System.Collections.Generic;
using Altertech.NoTelemetry.Infrastructure;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// A set of host patterns: exact hosts (<c>api.segment.io</c>) and sub-domain wildcards
/// (<c>*.ingest.sentry.io</c>, which matches any host below that domain but not the domain itself).
/// A lookup costs one dictionary probe per label of the host.
/// </summary>
internal sealed class HostPatternSet<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, T> _suffixes = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _exact.Count + _suffixes.Count;

    /// <summary>Adds a validated pattern; the first value given for a pattern wins.</summary>
    public void Add(string pattern, T value)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern.Substring(1);
            if (!_suffixes.ContainsKey(suffix))
            {
                _suffixes.Add(suffix, value);
            }
        }
        else if (!_exact.ContainsKey(pattern))
        {
            _exact.Add(pattern, value);
        }
    }

    public T? Match(string host)
    {
        host = host.TrimEnd('.');
        if (_exact.TryGetValue(host, out var value))
        {
            return value;
        }

        if (_suffixes.Count == 0)
        {
            return null;
        }

        for (var dot = host.IndexOf('.'); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            if (_suffixes.TryGetValue(host.Substring(dot), out value))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>Validation of host patterns written in catalogue files.</summary>
internal static class HostPattern
{
    /// <summary>Returns why <paramref name="pattern"/> is not a host pattern, or null when it is one.</summary>
    public static string? Validate(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern.Substring(2) : pattern;
        if (host.Length == 0 || host.Length > 253)
        {
            return $"'{TextDisplay.Shorten(pattern)}' is not a host pattern: write a host name, or *.domain for its sub-domains";
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return $"'{TextDisplay.Shorten(pattern)}' is not a host pattern: '{TextDisplay.Shorten(label)}' is not a host label";
            }

            foreach (var c in label)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '-'))
                {
                    return c == '*'
                        ? $"'{TextDisplay.Shorten(pattern)}' is not a host pattern: '*' may only stand first, as in *.example.com"
                        : $"'{TextDisplay.Shorten(pattern)}' is not a host pattern: '{c}' cannot appear in a host name";
                }
            }
        }

        return null;
    }

}
