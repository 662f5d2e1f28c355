using System;

namespace Altertech.NoTelemetry.Network;

/// <summary>Extracting the host from the (possibly partial) text of an endpoint argument.</summary>
internal static class Endpoint
{
    /// <summary>The separator between a URL's scheme and its authority.</summary>
    public const string SchemeSeparator = "://";

    /// <summary>Where the authority of <paramref name="text"/> starts (after <c>scheme://</c>), or -1 when it has no scheme.</summary>
    public static int AuthorityStart(string text)
    {
        var schemeEnd = text.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        return schemeEnd > 0 ? schemeEnd + SchemeSeparator.Length : -1;
    }

    /// <summary>Text that is a URL with a scheme, or a scheme-relative one (<c>//host/path</c>): not a relative request.</summary>
    public static bool IsAbsolute(string text) => AuthorityStart(text) > 0 || text.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Text that is exactly a scheme and its separator (<c>https://</c>): a host follows.</summary>
    public static bool IsSchemeOnly(string text) => AuthorityStart(text) == text.Length;

    /// <summary>Text with an absolute URL's path, or more, after its authority.</summary>
    public static bool HasPath(string text)
    {
        var start = AuthorityStart(text);
        return start > 0 && text.IndexOf('/', start) > 0;
    }

    /// <summary>Text whose host is complete: a URL whose authority has ended (<c>/</c>, <c>?</c> or <c>#</c> follows it).</summary>
    public static bool HasCompleteAuthority(string text)
    {
        var start = AuthorityStart(text);
        return start > 0 && text.IndexOfAny(new[] { '/', '?', '#' }, start) > 0;
    }

    /// <summary>The scheme and authority of a URL (<c>https://updates.example.com</c>), or null when it has no scheme.</summary>
    public static string? SchemeAndAuthority(string text)
    {
        var start = AuthorityStart(text);
        if (start < 0)
        {
            return null;
        }

        var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
        return end < 0 ? text : text.Substring(0, end);
    }

    /// <summary>
    /// Finds the host in the known leading part of an endpoint. <paramref name="prefix"/> is the text known at
    /// compile time and <paramref name="complete"/> tells whether it is the whole value (false when run-time
    /// text follows it). A URL needs its host fully inside the known part; a bare host (the argument of
    /// <c>TcpClient(host, port)</c>, <c>Dns.GetHostAddresses(host)</c>) must be complete, and counts only where
    /// <paramref name="acceptsBareHost"/> (elsewhere text without a scheme is a relative URI).
    /// </summary>
    public static bool TryGetHost(string prefix, bool complete, bool acceptsBareHost, out string host)
    {
        host = string.Empty;
        var text = prefix.Trim();
        var authority = AuthorityStart(text);
        if (authority > 0)
        {
            var start = authority;
            var end = start;
            var bracketed = start < text.Length && text[start] == '[';
            while (end < text.Length && (bracketed ? text[end] != ']' : text[end] is not ('/' or ':' or '?' or '#')))
            {
                if (text[end] == '@')
                {
                    start = end + 1;
                }

                end++;
            }

            if (end == text.Length && !complete)
            {
                return false;
            }

            if (bracketed)
            {
                if (end == text.Length)
                {
                    return false;
                }

                host = text.Substring(start + 1, end - start - 1);
                return host.Length > 0;
            }

            host = text.Substring(start, end - start);
            return IsHostLike(host);
        }

        if (!acceptsBareHost || !complete || text.Length == 0 || text.IndexOfAny(new[] { '/', '?', '#', ' ' }) >= 0)
        {
            return false;
        }

        host = StripPort(text);
        return IsHostLike(host);
    }

    /// <summary>
    /// Loopback never leaves the machine: <c>localhost</c>, <c>*.localhost</c> (RFC 6761), <c>127.0.0.0/8</c>,
    /// <c>::1</c> and IPv4-mapped loopback.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        host = host.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!System.Net.IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return System.Net.IPAddress.IsLoopback(address);
    }

    private static string StripPort(string text)
    {
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            return close > 1 ? text.Substring(1, close - 1) : text;
        }

        var colon = text.IndexOf(':');
        return colon > 0 && text.IndexOf(':', colon + 1) < 0 ? text.Substring(0, colon) : text;
    }

    private static bool IsHostLike(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or ':' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
