using Microsoft.AspNetCore.Http;

namespace Gql.AspNetCore;

/// <summary>What a resolver may tell the HTTP transport about the response it is part of.</summary>
public static class GraphQLHttpContextItems
{
    private const string StatusCodeKey = "Gql.HttpStatusCode";

    /// <summary>
    /// Answers with <paramref name="statusCode"/> instead of the transport's choice (e.g. <c>429</c> for a throttled
    /// sign-in): the body is the GraphQL result as usual.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="statusCode">The status code.</param>
    public static void SetStatusCode(HttpContext context, int statusCode) => context.Items[StatusCodeKey] = statusCode;

    internal static int? StatusCode(HttpContext context) => context.Items.TryGetValue(StatusCodeKey, out var value) && value is int code ? code : null;
}
