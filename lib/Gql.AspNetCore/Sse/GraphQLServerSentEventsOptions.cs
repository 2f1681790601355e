namespace Gql.AspNetCore.Sse;

/// <summary>
/// Settings of GraphQL over server-sent events (the "distinct connections mode" of the GraphQL over SSE protocol):
/// requests to the endpoint whose Accept header prefers <c>text/event-stream</c> get their results as a stream.
/// </summary>
public sealed class GraphQLServerSentEventsOptions
{
    /// <summary>The default <see cref="KeepAliveInterval"/>: 12 seconds.</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(12);

    /// <summary>Whether requests that accept <c>text/event-stream</c> are answered with an event stream. Default true.</summary>
    public bool Enable { get; set; } = true;

    /// <summary>
    /// How often a comment line is written while a stream waits for events, so that proxies do not close it as idle;
    /// null switches it off. Default 12 seconds.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; } = DefaultKeepAliveInterval;

    /// <summary>
    /// How long one stream may stay open; it then ends with a <c>STREAM_DURATION_EXCEEDED</c> error and
    /// <c>complete</c> (the client reconnects), so that a stream cannot hold its user's rights and a server slot
    /// forever. Null means no limit. Default 1 hour.
    /// </summary>
    public TimeSpan? MaxDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many streams one user (by name; anonymous clients by address) may hold open at once on the endpoint; more
    /// are answered 429 with <c>MAX_STREAMS_EXCEEDED</c>. Default 10.
    /// </summary>
    public int MaxStreamsPerUser { get; set; } = 10;
}
