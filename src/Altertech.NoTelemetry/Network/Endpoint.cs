using System;

namespace Altertech.NoTelemetry.Network;

/// <summary>Extracting the host from the (possibly partial) text of an endpoint argument.</summary>
internal static class Endpoint
{
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
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var start = schemeEnd + 3;
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
