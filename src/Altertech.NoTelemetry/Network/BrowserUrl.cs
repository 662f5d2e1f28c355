using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Altertech.NoTelemetry.Network;

/// <summary>
/// Where the line is drawn for a URL the program opens in the browser (<c>Process.Start(url)</c>, <c>xdg-open</c>):
/// a fixed page (help, a licence, the product's site) is visible to the user and harmless; a URL to a host compiled
/// into the product whose path or query carries run-time data (an exception, identifiers, settings) is a report the
/// browser sends without asking. A URL whose host is itself set at run time goes where the user or the data said,
/// not to a place the product chose.
/// </summary>
internal static class BrowserUrl
{
    /// <summary>
    /// The first value of <paramref name="texts"/> that is, or holds as a word of its own (a tool's arguments:
    /// <c>/c start https://...</c>, <c>xdg-open</c>'s), an http(s) URL to a constant remote host with run-time data in it.
    /// </summary>
    public static bool CarriesRunTimeData(ImmutableArray<ConstantText> texts, out string url, out string host)
    {
        foreach (var text in texts)
        {
            if (FindRunTimeUrl(text.Text, text.Complete, out url, out host))
            {
                return true;
            }
        }

        (url, host) = (string.Empty, string.Empty);
        return false;
    }

    /// <summary>As above, for the value an operation has.</summary>
    public static bool CarriesRunTimeData(IOperation? value, EndpointResolver resolver, CancellationToken cancellationToken, out string url, out string host)
    {
        if (value is null)
        {
            (url, host) = (string.Empty, string.Empty);
            return false;
        }

        return CarriesRunTimeData(resolver.FoldText(value, cancellationToken), out url, out host);
    }

    /// <summary><paramref name="text"/> (maybe only the start of the value) as a URL with run-time data.</summary>
    public static bool CarriesRunTimeData(string text, bool complete, out string url, out string host)
    {
        url = text.Trim().Trim('"', '\'');
        host = string.Empty;
        return !complete
            && IsWebUrl(url)
            && Endpoint.TryGetHost(url, complete: false, acceptsBareHost: false, out host)
            && !Endpoint.IsLoopback(host);
    }

    /// <summary>
    /// The first http(s) URL in <paramref name="text"/> (known text, maybe only its start), when it has run-time data:
    /// the URL runs to the next space or quote, so that <c>"--server https://example.com/ --user " + name</c> is a
    /// fixed URL followed by other arguments.
    /// </summary>
    public static bool FindRunTimeUrl(string text, bool complete, out string url, out string host)
    {
        var http = text.IndexOf("http://", StringComparison.OrdinalIgnoreCase);
        var https = text.IndexOf("https://", StringComparison.OrdinalIgnoreCase);
        var start = http < 0 ? https : https < 0 ? http : Math.Min(http, https);
        if (start < 0)
        {
            (url, host) = (string.Empty, string.Empty);
            return false;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\''))
        {
            end++;
        }

        return CarriesRunTimeData(text.Substring(start, end - start), complete || end < text.Length, out url, out host);
    }

    public static bool IsWebUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
