namespace Gql.Client;

/// <summary>
/// Supplies the access token a client's transports send: <c>Authorization: Bearer &lt;token&gt;</c> on HTTP and SSE
/// requests, <c>{ "authorization": "Bearer &lt;token&gt;" }</c> in the WebSocket <c>connection_init</c> payload.
/// Register one per client with <c>UseCredentials</c>; the transports ask it before every HTTP request and every
/// WebSocket connection, so it should answer from a cache while its token is valid.
/// </summary>
/// <remarks>
/// When the server refuses the token (HTTP 401, or WebSocket close <c>4403</c>), the transport asks once more with
/// <c>forceRefresh: true</c> and tries once more with the new token; refused again, the operation fails. Several
/// operations may ask for a refresh at the same time: an implementation should refresh once for all of them.
/// </remarks>
public interface IGraphQLCredentialsProvider
{
    /// <summary>Returns the current access token, without the <c>Bearer</c> scheme.</summary>
    /// <param name="forceRefresh">
    /// True when the server has just refused the last token (expired or revoked): get a new one rather than the cached one.
    /// </param>
    /// <param name="cancellationToken">Cancels the request that needs the token.</param>
    /// <returns>The token, or null to send the request without credentials.</returns>
    ValueTask<string?> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
