using Gql.AspNetCore.Sse;
using Gql.AspNetCore.WebSockets;

namespace Gql.AspNetCore;

/// <summary>Settings of one GraphQL HTTP endpoint mapped with <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/>.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>
    /// POST bodies larger than this are refused with 413 before they are parsed, and WebSocket messages larger than this
    /// close the socket (1009). Default 1 MiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>The default <see cref="MaxResponseBodySize"/>: 8 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 8 * 1024 * 1024;

    /// <summary>
    /// Results larger than this once serialised are replaced by a <c>RESPONSE_TOO_LARGE</c> error, so one request cannot
    /// make the server hold and send an unbounded body. Default 8 MiB.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>Whether queries may be sent with GET (mutations never may). Default true.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Whether <c>GET {endpoint}?sdl</c> returns the schema as SDL. Default true.</summary>
    public bool EnableSchemaRequests { get; set; } = true;

    /// <summary>The Banana Cake Pop IDE served to browsers on the endpoint.</summary>
    public GraphQLIdeOptions Ide { get; } = new();

    /// <summary>GraphQL over WebSocket (<c>graphql-transport-ws</c>) on the endpoint's path: queries, mutations and subscriptions.</summary>
    public GraphQLWebSocketOptions WebSockets { get; } = new();

    /// <summary>GraphQL over server-sent events on the endpoint: results streamed to requests that accept <c>text/event-stream</c>.</summary>
    public GraphQLServerSentEventsOptions ServerSentEvents { get; } = new();
}

/// <summary>Settings of the Banana Cake Pop IDE page. Its telemetry is always switched off.</summary>
public sealed class GraphQLIdeOptions
{
    /// <summary>Whether browsers (GET with <c>Accept: text/html</c> and no query) get the IDE. Default true.</summary>
    public bool Enable { get; set; } = true;

    /// <summary>The page title. Default "GraphQL IDE".</summary>
    public string Title { get; set; } = "GraphQL IDE";

    /// <summary>Whether the IDE sends cookies with its requests (needed for cookie authentication). Default false.</summary>
    public bool IncludeCookies { get; set; }

    /// <summary>Whether the IDE uses GET for queries instead of POST. Default false.</summary>
    public bool UseGet { get; set; }

    /// <summary>A document shown in the first tab of a new session; null for the IDE's default.</summary>
    public string? Document { get; set; }
}
