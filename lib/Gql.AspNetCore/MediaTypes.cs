using Gql.Transport;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gql.AspNetCore;

/// <summary>The response media types of GraphQL over HTTP.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/graphql-response+json</c>: status codes tell request errors (4xx) from results (200).</summary>
    GraphQLResponse,

    /// <summary><c>application/json</c> for legacy clients: 200 for every well-formed request.</summary>
    Json,
}

/// <summary>Accept and Content-Type handling.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponseJson = GraphQLMediaTypes.GraphQLResponseJson;
    public const string Json = GraphQLMediaTypes.Json;
    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string EventStream = GraphQLMediaTypes.EventStream;
    public const string EventStreamUtf8 = "text/event-stream; charset=utf-8";

    public static string ContentType(ResponseMediaType type) =>
        type == ResponseMediaType.GraphQLResponse ? GraphQLResponseJsonUtf8 : JsonUtf8;

    /// <summary>
    /// Picks the response media type from the Accept header (RFC 9110 §12.5.1): each of our two types gets the
    /// quality of the most specific range that matches it, the higher quality wins, and on a tie the type listed first.
    /// A missing Accept header, <c>*/*</c> and <c>application/*</c> give <c>application/graphql-response+json</c>, the
    /// type the current GraphQL-over-HTTP draft requires servers to support. Null means nothing acceptable (406).
    /// </summary>
    public static ResponseMediaType? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return ResponseMediaType.GraphQLResponse;
        }

        var graphql = Match(ranges, "graphql-response+json");
        var json = Match(ranges, "json");
        if (graphql.Quality <= 0 && json.Quality <= 0)
        {
            return null;
        }

        if (graphql.Quality != json.Quality)
        {
            return graphql.Quality > json.Quality ? ResponseMediaType.GraphQLResponse : ResponseMediaType.Json;
        }

        return json.Index < graphql.Index ? ResponseMediaType.Json : ResponseMediaType.GraphQLResponse;
    }

    /// <summary>Whether the Accept header names <c>text/html</c> explicitly: a browser navigating to the endpoint.</summary>
    public static bool AcceptsHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the Accept header names <c>text/event-stream</c> explicitly, with a quality at least that of the JSON
    /// types it also accepts: <c>text/event-stream, application/json;q=0.9</c> gets a stream, <c>*/*</c> does not.
    /// </summary>
    public static bool PrefersEventStream(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var eventStream = 0.0;
        foreach (var range in ranges)
        {
            if (range.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (!range.Charset.HasValue || IsUtf8(range.Charset)))
            {
                eventStream = Math.Max(eventStream, range.Quality ?? 1);
            }
        }

        return eventStream > 0 && eventStream >= Math.Max(Match(ranges, "graphql-response+json").Quality, Match(ranges, "json").Quality);
    }

    /// <summary>Why a POST body's Content-Type is refused, or null when it is JSON in UTF-8.</summary>
    public static string? CheckRequestContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "The request has no Content-Type; send the body as application/json.";
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            // Only JSON: form and text bodies are CORS "simple requests", which would open the endpoint to CSRF.
            return $"The Content-Type \"{contentType}\" is not supported; send the body as application/json.";
        }

        if (parsed.Charset.HasValue && !IsUtf8(parsed.Charset))
        {
            return $"The charset \"{parsed.Charset}\" is not supported; send the body as UTF-8.";
        }

        return null;
    }

    private static (double Quality, int Index) Match(IList<MediaTypeHeaderValue> ranges, string subtype)
    {
        var best = (Quality: 0.0, Index: int.MaxValue, Specificity: -1);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 0;
            }
            else if (!range.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (range.MatchesAllSubTypes)
            {
                specificity = 1;
            }
            else if (range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else
            {
                continue;
            }

            // We only write UTF-8: a range that asks for another charset does not match.
            if (range.Charset.HasValue && !IsUtf8(range.Charset))
            {
                continue;
            }

            if (specificity > best.Specificity)
            {
                best = (range.Quality ?? 1, i, specificity);
            }
        }

        return (best.Quality, best.Index);
    }

    private static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
