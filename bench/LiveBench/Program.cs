// Live-update benchmark: N WebSocket subscribers (graphql-transport-ws, one connection each, as N open bed boards)
// follow bedChanged while one client changes a bed M times over HTTP. For every change it measures the time from
// sending the mutation to each subscriber's event, and the mutation's own round trip.
// Usage: LiveBench <api base url> [subscribers=50] [changes=100]
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gql.Client;
using Gql.Client.WebSockets;

if (args.Length < 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUri)
    || !TryCount(args, 1, 50, out var subscribers) || !TryCount(args, 2, 100, out var changes))
{
    Console.Error.WriteLine("usage: LiveBench <api base url> [subscribers=50] [changes=100]");
    return 2;
}

var endpoint = new Uri(baseUri, "/graphql");
using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

// The API wants a signed-in user (bench/start-api.sh signs in and exports the access token).
var token = Environment.GetEnvironmentVariable("HOSPITAL_TOKEN") is { Length: > 0 } t ? t : null;
if (token is not null)
{
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
}

var beds = await PostAsync(http, "{ beds(take: 500) { items { id status } } }", null);
var bedId = beds["data"]?["beds"]?["items"]?.AsArray().FirstOrDefault(b => (string?)b!["status"] == "AVAILABLE")?["id"]?.GetValue<string>();
if (bedId is null)
{
    Console.Error.WriteLine("No available bed to change: is the API seeded?");
    return 1;
}

// Subscribers: each counts its events and keeps their arrival times.
var received = new long[subscribers][];
var counts = new int[subscribers];
for (var i = 0; i < subscribers; i++)
{
    received[i] = new long[changes + 1000];
}

using var stop = new CancellationTokenSource();
var transports = new List<WebSocketGraphQLTransport>();
var followers = new List<Task>();
for (var i = 0; i < subscribers; i++)
{
    var transport = new WebSocketGraphQLTransport(new WebSocketTransportOptions { Uri = endpoint, Credentials = token is null ? null : new FixedToken(token) });
    transports.Add(transport);
    var index = i;
    followers.Add(Task.Run(async () =>
    {
        var request = new GraphQLOperationRequest("subscription { bedChanged { id status } }", null, OperationKind.Subscription);
        await foreach (var response in transport.SubscribeAsync(request, stop.Token))
        {
            using (response)
            {
                var slot = Interlocked.Increment(ref counts[index]) - 1;
                if (slot < received[index].Length)
                {
                    received[index][slot] = Stopwatch.GetTimestamp();
                }
            }
        }
    }));
}

var status = "CLEANING";
async Task<(long SentAt, double RoundTripMs)> ChangeAsync()
{
    var sentAt = Stopwatch.GetTimestamp();
    var result = await PostAsync(http, "mutation ($id: ID!, $status: BedStatus!) { setBedStatus(input: { bedId: $id, status: $status }) { errors { message } } }", new { id = bedId, status });
    var roundTrip = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
    if (result["errors"] is not null || result["data"]?["setBedStatus"]?["errors"] is JsonArray { Count: > 0 })
    {
        throw new InvalidOperationException("setBedStatus failed: " + result.ToJsonString());
    }

    status = status == "CLEANING" ? "AVAILABLE" : "CLEANING";
    return (sentAt, roundTrip);
}

async Task<bool> AllReachedAsync(int count, TimeSpan timeout)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    while (counts.Any(c => Volatile.Read(ref c) < count))
    {
        if (Stopwatch.GetTimestamp() > deadline)
        {
            return false;
        }

        await Task.Delay(1);
    }

    return true;
}

// Warm-up: change until every subscriber has seen an event (all are subscribed), then start counting from there.
Console.WriteLine($"{subscribers} subscribers connecting to {endpoint}");
var warmUp = Stopwatch.StartNew();
while (counts.Any(c => c == 0))
{
    if (warmUp.Elapsed > TimeSpan.FromSeconds(60))
    {
        Console.Error.WriteLine("Not every subscriber received an event within 60 s.");
        return 1;
    }

    await ChangeAsync();
    await Task.Delay(200);
}

await Task.Delay(500);
var baseline = counts.Max();
await AllReachedAsync(baseline, TimeSpan.FromSeconds(10));
var start = counts.ToArray();

var latencies = new List<double>(subscribers * changes);
var roundTrips = new List<double>(changes);
var lost = 0;
var run = Stopwatch.StartNew();
for (var change = 1; change <= changes; change++)
{
    var (sentAt, roundTrip) = await ChangeAsync();
    roundTrips.Add(roundTrip);
    var expected = start.Select(s => s + change).ToArray();
    var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
    while (Enumerable.Range(0, subscribers).Any(i => Volatile.Read(ref counts[i]) < expected[i]) && Stopwatch.GetTimestamp() < deadline)
    {
        await Task.Delay(1);
    }

    for (var i = 0; i < subscribers; i++)
    {
        if (Volatile.Read(ref counts[i]) < expected[i])
        {
            lost++;
            continue;
        }

        latencies.Add((received[i][expected[i] - 1] - sentAt) * 1000.0 / Stopwatch.Frequency);
    }
}

run.Stop();
await stop.CancelAsync();
foreach (var transport in transports)
{
    await transport.DisposeAsync();
}

await Task.WhenAll(followers.Select(f => f.ContinueWith(_ => { }, TaskScheduler.Default)));

latencies.Sort();
roundTrips.Sort();
Console.WriteLine($"changes: {changes}, subscribers: {subscribers}, events delivered: {latencies.Count}, lost: {lost}, {latencies.Count / run.Elapsed.TotalSeconds:F0} events/s");
Console.WriteLine($"mutation round trip   p50 {Percentile(roundTrips, 50):F1} ms  p99 {Percentile(roundTrips, 99):F1} ms");
Console.WriteLine($"change -> event       p50 {Percentile(latencies, 50):F1} ms  p95 {Percentile(latencies, 95):F1} ms  p99 {Percentile(latencies, 99):F1} ms  max {latencies.LastOrDefault():F1} ms");
return lost == 0 ? 0 : 1;

static double Percentile(List<double> sorted, int p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

static bool TryCount(string[] args, int index, int fallback, out int value)
{
    value = fallback;
    return args.Length <= index || (int.TryParse(args[index], out value) && value > 0);
}

static async Task<JsonNode> PostAsync(HttpClient http, string query, object? variables)
{
    using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
    return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty response");
}

/// <summary>The benchmark's one access token (it runs well within the token's 15 minutes).</summary>
internal sealed class FixedToken(string token) : IGraphQLCredentialsProvider
{
    public ValueTask<string?> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
