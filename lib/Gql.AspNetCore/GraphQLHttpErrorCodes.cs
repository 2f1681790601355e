using Gql.Server;

namespace Gql.AspNetCore;

/// <summary>The <c>extensions.code</c> values of errors the HTTP transport produces itself, before execution.</summary>
public static class GraphQLHttpErrorCodes
{
    /// <summary>The request is not a well-formed GraphQL-over-HTTP request: bad JSON, a missing query, wrong types.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The POST body has a Content-Type (or charset) the server does not read.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>None of the media types in the Accept header can be produced.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The HTTP method cannot be used for this request (e.g. a mutation over GET).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The POST body is larger than the configured limit.</summary>
    public const string RequestTooLarge = ErrorCodes.RequestTooLarge;

    /// <summary>Something failed on the server; the details are logged, never sent.</summary>
    public const string InternalServerError = ErrorCodes.Unexpected;
}
