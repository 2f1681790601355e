using System.Buffers;
using Gql.Server.Execution;
using Gql.Server.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gql.AspNetCore.Sse;

/// <summary>
/// Writes a <c>text/event-stream</c> response in the GraphQL over SSE format: <c>next</c> events whose data is one
/// GraphQL response, a final <c>complete</c> event, and comment lines as keep-alives. Each event is flushed at once.
/// </summary>
internal sealed class EventStreamWriter(HttpResponse response, CancellationToken cancellationToken)
{
    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    // An empty data field: without it EventSource would not dispatch the event to its listener.
    private static readonly byte[] CompleteEvent = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] Comment = ":\n\n"u8.ToArray();

    /// <summary>Sends the headers and a first comment, so that the client knows the stream is open before any event.</summary>
    public async Task StartAsync()
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypes.EventStreamUtf8;

        // Results carry patient data: no browser or proxy may keep a copy, and buffering proxies must pass events on.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await WriteAsync(Comment);
    }

    public async Task WriteNextAsync(ExecutionResult result)
    {
        // Serialized apart first, so that a value that cannot be written never leaves half an event on the wire. The
        // JSON is written compact, with line breaks escaped, so it is always a single data line.
        using var buffer = new PooledBufferWriter();
        buffer.Write(NextPrefix);
        GraphQLJson.WriteResult(buffer, result);
        buffer.Write(EventEnd);
        await WriteAsync(buffer.WrittenMemory);
    }

    public Task WriteCompleteAsync() => WriteAsync(CompleteEvent);

    public Task WriteKeepAliveAsync() => WriteAsync(Comment);

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
