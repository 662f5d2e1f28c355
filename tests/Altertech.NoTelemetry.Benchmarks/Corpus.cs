using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Altertech.NoTelemetry.Benchmarks;

/// <summary>What the generated corpus holds.</summary>
internal sealed record CorpusStatistics(int Files, int Lines, int BusinessMethods, int NetworkMethods, int TelemetryMethods);

/// <summary>
/// A deterministic corpus of C# files (fixed seed): mostly plain business code (classes, LINQ, loops, strings),
/// with networking (HttpClient with constant and run-time URLs, TcpClient, Dns, WebClient) and telemetry SDK calls
/// (Application Insights, Sentry, Segment, Mixpanel) mixed in, as in a real product.
/// </summary>
internal sealed class Corpus
{
    public const int Seed = 20_240_611;

    private static readonly string[] Hosts =
    {
        "api.example.com", "orders.contoso.net", "inventory.fabrikam.org", "hooks.example.org",
        "files.northwind.io", "legacy.example.net", "auth.adventure-works.com",
    };

    private static readonly string[] Words =
    {
        "Order", "Invoice", "Customer", "Shipment", "Ledger", "Quote", "Basket", "Refund", "Stock", "Report",
        "Account", "Payment", "Tariff", "Voucher", "Supplier", "Contract", "Budget", "Forecast", "Route", "Parcel",
    };

    private readonly Random _random;
    private int _business;
    private int _network;
    private int _telemetry;

    private Corpus(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Generates <paramref name="files"/> files plus one shared model file, ~35 lines a file on average.</summary>
    public static (ImmutableArray<SyntaxTree> Trees, CorpusStatistics Statistics) Generate(int files, CSharpParseOptions options)
    {
        var corpus = new Corpus(Seed);
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(files + 3);
        var lines = 0;
        var model = Model;
        trees.Add(CSharpSyntaxTree.ParseText(model, options, path: "Corpus/Model.cs", encoding: Encoding.UTF8));
        lines += CountLines(model);
        for (var i = 0; i < files; i++)
        {
            var text = corpus.File(i);
            lines += CountLines(text);
            trees.Add(CSharpSyntaxTree.ParseText(text, options, path: $"Corpus/Area{i % 40:D2}/File{i:D4}.cs", encoding: Encoding.UTF8));
        }

        // Crash and exit hooks, so that NT0004 walks from roots as in a product that has them.
        trees.Add(CSharpSyntaxTree.ParseText(Hooks, options, path: "Corpus/Hooks.cs", encoding: Encoding.UTF8));
        lines += CountLines(Hooks);

        // Each of NT0007's doors once, so that its cost is measured where it has something to find.
        trees.Add(CSharpSyntaxTree.ParseText(Hidden, options, path: "Corpus/Hidden.cs", encoding: Encoding.UTF8));
        lines += CountLines(Hidden);
        return (trees.ToImmutable(), new CorpusStatistics(files + 3, lines, corpus._business, corpus._network, corpus._telemetry));
    }

    private static int CountLines(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private const string Hooks = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;

        namespace Corpus.Hooks
        {
            public static class CrashHandling
            {
                private static readonly HttpClient Http = new HttpClient();
                private static readonly TelemetryClient Telemetry = new TelemetryClient();

                public static void Install()
                {
                    AppDomain.CurrentDomain.UnhandledException += (s, e) => Report(e.ExceptionObject.ToString() ?? string.Empty);
                    AppDomain.CurrentDomain.ProcessExit += OnExit;
                    TaskScheduler.UnobservedTaskException += (s, e) => System.IO.File.AppendAllText("crash.log", e.Exception.ToString());
                }

                private static void Report(string text) => Format(text, DateTime.UtcNow);

                private static void Format(string text, DateTime when) => Upload($"{when:O} {Environment.MachineName} {text}");

                private static void Upload(string report) => Http.PostAsync("https://crash.corpus.example/v1", new StringContent(report));

                private static void OnExit(object? sender, EventArgs e) => Telemetry.TrackEvent("exit");
            }
        }
        """;

    private const string Hidden = """
        using System;
        using System.Diagnostics;
        using System.Reflection;
        using System.Runtime.InteropServices;

        namespace Corpus.Hidden
        {
            public static class Doors
            {
                [DllImport("wininet.dll", EntryPoint = "InternetOpenUrlW", CharSet = CharSet.Unicode)]
                private static extern IntPtr OpenUrl(IntPtr session, string url, string headers, int length, int flags, IntPtr context);

                public static void Open(IntPtr session) => OpenUrl(session, "https://corpus.example/", string.Empty, 0, 0, IntPtr.Zero);

                public static Type? Load() => Type.GetType("System.Net.WebClient, System.Net.WebClient");

                public static Assembly LoadSdk() => Assembly.Load("Sentry");

                public static void Upload(string file) => Process.Start("curl", "--form f=@" + file + " https://corpus.example/upload");

                public static void ReportBug(Exception error) =>
                    Process.Start(new ProcessStartInfo("https://bugs.corpus.example/new?body=" + error.Message) { UseShellExecute = true });

                public static void Help() => Process.Start(new ProcessStartInfo("https://corpus.example/help") { UseShellExecute = true });
            }
        }
        """;

    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Corpus.Model
        {
            public sealed record OrderLine(string Sku, int Quantity, decimal Price);

            public sealed class Order
            {
                public int Id { get; init; }
                public string Customer { get; init; } = string.Empty;
                public DateTime Placed { get; init; }
                public List<OrderLine> Lines { get; } = new List<OrderLine>();
                public decimal Total => Lines.Sum(l => l.Quantity * l.Price);
            }

            public static class Pricing
            {
                public static decimal Discount(Order order) => order.Total > 1000m ? order.Total * 0.05m : 0m;
                public static decimal Tax(decimal amount, string country) => country switch
                {
                    "DE" => amount * 0.19m,
                    "FR" => amount * 0.20m,
                    "NL" => amount * 0.21m,
                    _ => amount * 0.15m,
                };
            }
        }
        """;

    private string File(int index)
    {
        // Six files in ten are plain business code, a quarter also talk to the network, the rest use a telemetry SDK.
        var roll = _random.Next(100);
        var profile = roll < 60 ? Profile.Business : roll < 85 ? Profile.Network : Profile.Telemetry;
        var targetLines = 20 + _random.Next(31); // 20..50, 35 on average
        var word = Words[_random.Next(Words.Length)];
        var name = $"{word}Service{index}";
        var sb = new StringBuilder();
        sb.AppendLine("using System;");
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("using System.Linq;");
        sb.AppendLine("using System.Text;");
        sb.AppendLine("using System.Threading.Tasks;");
        sb.AppendLine("using Corpus.Model;");
        if (profile != Profile.Business)
        {
            sb.AppendLine("using System.Net;");
            sb.AppendLine("using System.Net.Http;");
            sb.AppendLine("using System.Net.Sockets;");
        }

        if (profile == Profile.Telemetry)
        {
            sb.AppendLine("using Microsoft.ApplicationInsights;");
            sb.AppendLine("using Sentry;");
            sb.AppendLine("using Segment;");
            sb.AppendLine("using Mixpanel;");
        }

        sb.AppendLine();
        sb.AppendLine($"namespace Corpus.Area{index % 40:D2}");
        sb.AppendLine("{");
        sb.AppendLine($"    public sealed class {name}");
        sb.AppendLine("    {");
        sb.AppendLine($"        private readonly string _baseUrl = \"https://{Hosts[index % Hosts.Length]}\";");
        sb.AppendLine($"        private int _calls;");
        if (profile == Profile.Telemetry)
        {
            sb.AppendLine("        private readonly TelemetryClient _telemetry = new TelemetryClient();");
        }

        sb.AppendLine();
        var method = 0;
        while (CountLines(sb.ToString()) < targetLines - 3 || method == 0)
        {
            var kind = profile switch
            {
                Profile.Business => Profile.Business,
                Profile.Network => _random.Next(100) < 45 ? Profile.Network : Profile.Business,
                _ => _random.Next(100) is var r && r < 40 ? Profile.Telemetry : r < 55 ? Profile.Network : Profile.Business,
            };
            var body = kind switch
            {
                Profile.Network => NetworkMethod(method),
                Profile.Telemetry => TelemetryMethod(method),
                _ => BusinessMethod(method),
            };
            switch (kind)
            {
                case Profile.Network: _network++; break;
                case Profile.Telemetry: _telemetry++; break;
                default: _business++; break;
            }

            sb.Append(body);
            sb.AppendLine();
            method++;
        }

        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    private string BusinessMethod(int n)
    {
        var threshold = _random.Next(10, 5000);
        return _random.Next(8) switch
        {
            0 => $$"""
                        public List<string> Filter{{n}}(IEnumerable<Order> orders)
                        {
                            _calls++;
                            return orders
                                .Where(o => o.Total > {{threshold}}m && o.Lines.Count > 0)
                                .OrderBy(o => o.Customer)
                                .Select(o => $"{o.Customer}:{o.Total:F2}")
                                .ToList();
                        }

                """,
            1 => $$"""
                        public string Render{{n}}(IReadOnlyList<OrderLine> lines)
                        {
                            var sb = new StringBuilder();
                            for (var i = 0; i < lines.Count; i++)
                            {
                                var line = lines[i];
                                sb.Append(line.Sku).Append(';').Append(line.Quantity * line.Price).AppendLine();
                            }

                            return sb.ToString();
                        }

                """,
            2 => $$"""
                        public Dictionary<string, decimal> Totals{{n}}(IEnumerable<Order> orders)
                        {
                            var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
                            foreach (var order in orders)
                            {
                                totals.TryGetValue(order.Customer, out var current);
                                totals[order.Customer] = current + order.Total - Pricing.Discount(order);
                            }

                            return totals;
                        }

                """,
            3 => $$"""
                        public static int Classify{{n}}(Order order) => order.Total switch
                        {
                            < 10m => 0,
                            < {{threshold}}m => 1,
                            _ => 2,
                        };

                """,
            4 => $$"""
                        public static string Normalize{{n}}(string input)
                        {
                            if (string.IsNullOrWhiteSpace(input))
                            {
                                return string.Empty;
                            }

                            var parts = input.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                            return string.Join("|", parts.Select(p => p.ToUpperInvariant()).Distinct());
                        }

                """,
            5 => $$"""
                        public async Task<int> Retry{{n}}(Func<Task<int>> action)
                        {
                            for (var attempt = 0; ; attempt++)
                            {
                                try
                                {
                                    return await action().ConfigureAwait(false);
                                }
                                catch (InvalidOperationException) when (attempt < 3)
                                {
                                    await Task.Delay(10 * attempt).ConfigureAwait(false);
                                }
                            }
                        }

                """,
            6 => $$"""
                        public decimal Invoice{{n}}(Order order, string country)
                        {
                            var net = order.Total - Pricing.Discount(order);
                            var tax = Pricing.Tax(net, country);
                            var rounded = Math.Round(net + tax, 2, MidpointRounding.AwayFromZero);
                            return rounded > {{threshold}}m ? rounded : Math.Max(rounded, 0m);
                        }

                """,
            _ => $$"""
                        public IEnumerable<(string Sku, int Count)> TopSkus{{n}}(IEnumerable<Order> orders, int take)
                        {
                            return orders
                                .SelectMany(o => o.Lines)
                                .GroupBy(l => l.Sku)
                                .Select(g => (g.Key, g.Sum(l => l.Quantity)))
                                .OrderByDescending(t => t.Item2)
                                .Take(take);
                        }

                """,
        };
    }

    private string NetworkMethod(int n)
    {
        var host = Hosts[_random.Next(Hosts.Length)];
        return _random.Next(8) switch
        {
            0 => $$"""
                        public async Task<string> Fetch{{n}}(HttpClient http)
                        {
                            using var response = await http.GetAsync("https://{{host}}/v1/items?page={{n}}").ConfigureAwait(false);
                            response.EnsureSuccessStatusCode();
                            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        }

                """,
            1 => $$"""
                        public async Task<string> Load{{n}}(HttpClient http, int id)
                        {
                            using var response = await http.GetAsync($"{_baseUrl}/orders/{id}").ConfigureAwait(false);
                            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        }

                """,
            2 => $$"""
                        public async Task<bool> Notify{{n}}(HttpClient http, string payload)
                        {
                            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                            using var response = await http.PostAsync(new Uri("https://{{host}}/notify"), content).ConfigureAwait(false);
                            return response.IsSuccessStatusCode;
                        }

                """,
            3 => $$"""
                        public bool Probe{{n}}(string host)
                        {
                            using var client = new TcpClient(host, 443);
                            return client.Connected;
                        }

                """,
            4 => $$"""
                        public int Resolve{{n}}()
                        {
                            var entry = Dns.GetHostEntry("{{host}}");
                            return entry.AddressList.Length;
                        }

                """,
            5 => $$"""
                        public string Legacy{{n}}(string path)
                        {
                #pragma warning disable SYSLIB0014
                            using var web = new WebClient();
                #pragma warning restore SYSLIB0014
                            return web.DownloadString("http://{{host}}/" + path);
                        }

                """,
            6 => $$"""
                        public async Task<byte[]> Download{{n}}(HttpClient http, string name)
                        {
                            var bytes = await http.GetByteArrayAsync(_baseUrl + "/files/" + name).ConfigureAwait(false);
                            return bytes.Length > 0 ? bytes : Array.Empty<byte>();
                        }

                """,
            _ => $$"""
                        public async Task Beacon{{n}}(HttpClient http, string userId)
                        {
                            using var content = new StringContent("{\"userId\":\"" + userId + "\",\"event\":\"Opened\"}", Encoding.UTF8, "application/json");
                            await http.PostAsync("https://api.segment.io/v1/track", content).ConfigureAwait(false);
                        }

                """,
        };
    }

    private string TelemetryMethod(int n)
    {
        var eventName = Words[_random.Next(Words.Length)] + "Processed";
        return _random.Next(7) switch
        {
            0 => $$"""
                        public void Record{{n}}(Order order)
                        {
                            _telemetry.TrackEvent("{{eventName}}", new Dictionary<string, string> { ["customer"] = order.Customer });
                            _telemetry.TrackMetric("order.total", (double)order.Total);
                        }

                """,
            1 => $$"""
                        public decimal Guarded{{n}}(Order order)
                        {
                            try
                            {
                                return Pricing.Tax(order.Total, "DE");
                            }
                            catch (Exception ex)
                            {
                                _telemetry.TrackException(ex);
                                throw;
                            }
                        }

                """,
            2 => $$"""
                        public void Report{{n}}(Exception error, string context)
                        {
                            SentrySdk.AddBreadcrumb(context, "{{eventName}}");
                            SentrySdk.CaptureException(error);
                        }

                """,
            3 => $$"""
                        public void Warn{{n}}(int remaining)
                        {
                            if (remaining < {{_random.Next(5, 50)}})
                            {
                                SentrySdk.CaptureMessage($"Stock low: {remaining}", SentryLevel.Warning);
                            }
                        }

                """,
            4 => $$"""
                        public static IDisposable Start{{n}}(string environment) => SentrySdk.Init(o =>
                        {
                            o.Dsn = "https://public@o0.ingest.sentry.io/{{n}}";
                            o.TracesSampleRate = 0.2;
                            o.Environment = environment;
                        });

                """,
            5 => $$"""
                        public void Track{{n}}(string userId, Order order)
                        {
                            Analytics.Client.Track(userId, "{{eventName}}", new Dictionary<string, object> { ["total"] = order.Total, ["lines"] = order.Lines.Count });
                        }

                """,
            _ => $$"""
                        public Task<bool> Mixpanel{{n}}(string distinctId, decimal price)
                        {
                            var client = new MixpanelClient("token-{{n}}");
                            return client.TrackAsync("{{eventName}}", new { DistinctId = distinctId, Price = price });
                        }

                """,
        };
    }

    private enum Profile
    {
        Business,
        Network,
        Telemetry,
    }
}
