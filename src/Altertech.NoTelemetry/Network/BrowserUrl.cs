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
    /// <summary>The first value of <paramref name="texts"/> that is an http(s) URL to a constant remote host with run-time data after it.</summary>
    public static bool CarriesRunTimeData(ImmutableArray<ConstantText> texts, out string url, out string host)
    {
        foreach (var text in texts)
        {
            if (CarriesRunTimeData(text.Text, text.Complete, out url, out host))
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

    /// <summary>Where an http(s) URL starts in a tool's arguments (<c>/c start https://...</c>); -1 when none does.</summary>
    public static int IndexOfWebUrl(string text)
    {
        var http = text.IndexOf("http://", StringComparison.OrdinalIgnoreCase);
        var https = text.IndexOf("https://", StringComparison.OrdinalIgnoreCase);
        return http < 0 ? https : https < 0 ? http : Math.Min(http, https);
    }

    public static bool IsWebUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
