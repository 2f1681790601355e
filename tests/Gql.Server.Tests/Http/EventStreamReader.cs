using System.Text;
using System.Text.Json;

namespace Gql.Server.Tests.Http;

/// <summary>
/// Reads a <c>text/event-stream</c> response event by event, as the SSE spec interprets it: <c>event:</c> and
/// <c>data:</c> fields, a blank line ends an event, lines starting with a colon are comments. Every wait has a generous
/// limit so that a broken server fails the test instead of hanging it.
/// </summary>
internal sealed class EventStreamReader : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly StreamReader reader;

    private EventStreamReader(Stream stream) => reader = new StreamReader(stream, Encoding.UTF8);

    /// <summary>Comment lines seen so far (keep-alives).</summary>
    public int Comments { get; private set; }

    public static async Task<EventStreamReader> OpenAsync(HttpResponseMessage response) =>
        new(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<(string Event, string Data)?> ReadEventAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(WaitLimit);
        string? name = null;
        var data = new StringBuilder();
        var hasData = false;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No event arrived within {WaitLimit.TotalSeconds} s.");
                throw;
            }

            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (name is not null || hasData)
                {
                    return (name ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
                continue;
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                if (hasData)
                {
                    data.Append('\n');
                }

                data.Append(value);
                hasData = true;
            }
        }
    }

    /// <summary>The next raw line, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(WaitLimit);
        return await reader.ReadLineAsync(limit.Token);
    }

    /// <summary>The next event, which must be a <c>next</c> event; returns its GraphQL response.</summary>
    public async Task<JsonElement> ReadNextAsync()
    {
        var next = await ReadEventAsync();
        Assert.True(next is { Event: "next" }, $"Expected a 'next' event, got {next?.Event ?? "the end of the stream"}.");
        return JsonDocument.Parse(next!.Value.Data).RootElement.Clone();
    }

    /// <summary>Reads the <c>complete</c> event and then the end of the stream.</summary>
    public async Task ReadCompleteAndEndAsync()
    {
        var complete = await ReadEventAsync();
        Assert.True(complete is { Event: "complete" }, $"Expected a 'complete' event, got {complete?.Event ?? "the end of the stream"}.");
        Assert.Null(await ReadEventAsync());
    }

    public void Dispose() => reader.Dispose();
}
