using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Altertech.NoTelemetry.Network;
using Altertech.NoTelemetry.Infrastructure;

namespace Altertech.NoTelemetry.Configuration;

/// <summary>
/// The value of <c>notelemetry.allowed_endpoints</c>: comma-separated host patterns (<c>license.example.com</c>,
/// <c>*.corp.example</c>), IP addresses and CIDR ranges (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) and URL prefixes
/// (<c>https://license.example.com/api/</c>). Each bad item is a problem; the good ones still apply.
/// </summary>
internal sealed class EndpointAllowList
{
    public static readonly EndpointAllowList Empty = new(new HostPatternSet<string>(), ImmutableArray<(byte[], int)>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    private readonly HostPatternSet<string> _hosts;
    private readonly ImmutableArray<(byte[] Network, int PrefixLength)> _ranges;
    private readonly ImmutableArray<string> _urlPrefixes;

    private EndpointAllowList(HostPatternSet<string> hosts, ImmutableArray<(byte[], int)> ranges, ImmutableArray<string> urlPrefixes, ImmutableArray<string> problems)
    {
        _hosts = hosts;
        _ranges = ranges;
        _urlPrefixes = urlPrefixes;
        Problems = problems;
    }

    /// <summary>What is wrong with each bad item, in the order written.</summary>
    public ImmutableArray<string> Problems { get; }

    public static EndpointAllowList Parse(string value)
    {
        var hosts = new HostPatternSet<string>();
        var ranges = ImmutableArray.CreateBuilder<(byte[], int)>();
        var prefixes = ImmutableArray.CreateBuilder<string>();
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in value.Split(new[] { ',', ';' }))
        {
            var item = raw.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            if (problems.Count >= 20)
            {
                problems.Add("more invalid items are not listed");
                break;
            }

            if (Endpoint.AuthorityStart(item) > 0)
            {
                if (Endpoint.TryGetHost(item, complete: true, acceptsBareHost: false, out _))
                {
                    prefixes.Add(item);
                }
                else
                {
                    problems.Add($"'{TextDisplay.Shorten(item)}' is not a URL prefix: write scheme://host/path");
                }

                continue;
            }

            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                if (TryParseRange(item, slash, out var range, out var error))
                {
                    ranges.Add(range);
                }
                else
                {
                    problems.Add(error);
                }

                continue;
            }

            if (IPAddress.TryParse(item, out var address))
            {
                ranges.Add((address.GetAddressBytes(), address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
                continue;
            }

            if (HostPattern.Validate(item) is { } hostError)
            {
                problems.Add(hostError);
                continue;
            }

            hosts.Add(item, item);
        }

        return problems.Count == 0 && hosts.Count == 0 && ranges.Count == 0 && prefixes.Count == 0
            ? Empty
            : new EndpointAllowList(hosts, ranges.ToImmutable(), prefixes.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Whether the user allowed <paramref name="endpoint"/>.</summary>
    public bool Allows(ResolvedAlternative endpoint)
    {
        if (_hosts.Count > 0 && _hosts.Match(endpoint.Host) is not null)
        {
            return true;
        }

        if (!_ranges.IsEmpty && IPAddress.TryParse(endpoint.Host, out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            var bytes = address.GetAddressBytes();
            foreach (var (network, prefixLength) in _ranges)
            {
                if (network.Length == bytes.Length && PrefixMatches(network, bytes, prefixLength))
                {
                    return true;
                }
            }
        }

        foreach (var prefix in _urlPrefixes)
        {
            if (endpoint.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || (prefix.EndsWith("/", StringComparison.Ordinal) && endpoint.Text.Equals(prefix.Substring(0, prefix.Length - 1), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseRange(string item, int slash, out (byte[] Network, int PrefixLength) range, out string error)
    {
        range = default;
        var addressText = item.Substring(0, slash);
        var lengthText = item.Substring(slash + 1);
        if (!IPAddress.TryParse(addressText, out var address) || addressText.IndexOf('.') < 0 && addressText.IndexOf(':') < 0)
        {
            error = $"'{TextDisplay.Shorten(item)}' is not a CIDR range: '{TextDisplay.Shorten(addressText)}' is not an IP address";
            return false;
        }

        var maximum = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length > maximum)
        {
            error = $"'{TextDisplay.Shorten(item)}' is not a CIDR range: the prefix length must be a number from 0 to {maximum}";
            return false;
        }

        error = string.Empty;
        range = (address.GetAddressBytes(), length);
        return true;
    }

    private static bool PrefixMatches(byte[] network, byte[] address, int prefixLength)
    {
        var whole = prefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (network[i] != address[i])
            {
                return false;
            }
        }

        var rest = prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (network[whole] & mask) == (address[whole] & mask);
    }

}
