namespace Gql.Server.Json;

/// <summary>
/// A request that is not a well-formed GraphQL request: invalid JSON, or a parameter of the wrong shape. Transports
/// answer it with 400 Bad Request; the message is written for the client and never contains internals.
/// </summary>
public sealed class GraphQLRequestException : Exception
{
    /// <summary>Creates the exception with a client-facing message.</summary>
    public GraphQLRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a client-facing message and the parser error that caused it.</summary>
    public GraphQLRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
