using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// Decides whether a GraphQL WebSocket connection is accepted once its <c>connection_init</c> message arrives, which
/// is where browser clients put their credentials (they cannot set headers on a WebSocket handshake). Register one in
/// DI (any lifetime; it is resolved from the handshake request's services); without one every connection is accepted
/// and runs its operations as <see cref="HttpContext.User"/>.
/// </summary>
public interface IGraphQLWebSocketInterceptor
{
    /// <summary>
    /// Accepts or rejects a connection. A rejected connection is closed with <c>4403 Forbidden</c>; so is an accepted
    /// one when its <see cref="WebSocketConnectResult.ExpiresAt"/> comes.
    /// </summary>
    /// <param name="context">The handshake request: its user, headers (Origin, cookies) and services.</param>
    /// <param name="payload">The <c>connection_init</c> payload, or null when the client sent none.</param>
    /// <param name="cancellationToken">Cancelled when the socket goes away or the application stops.</param>
    /// <returns><see cref="WebSocketConnectResult.Accept"/> or <see cref="WebSocketConnectResult.Reject"/>.</returns>
    ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IGraphQLWebSocketInterceptor.OnConnectAsync"/>.</summary>
public sealed class WebSocketConnectResult
{
    private static readonly WebSocketConnectResult Accepted = new(true, null, null, null, null);

    private WebSocketConnectResult(bool isAccepted, ClaimsPrincipal? user, IReadOnlyDictionary<string, object?>? ackPayload, string? rejectReason, DateTimeOffset? expiresAt)
    {
        IsAccepted = isAccepted;
        User = user;
        AckPayload = ackPayload;
        RejectReason = rejectReason;
        ExpiresAt = expiresAt;
    }

    /// <summary>Whether the connection is acknowledged.</summary>
    public bool IsAccepted { get; }

    /// <summary>The user the connection's operations run as; null keeps <see cref="HttpContext.User"/>.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>The <c>payload</c> of the <c>connection_ack</c> message; null sends none.</summary>
    public IReadOnlyDictionary<string, object?>? AckPayload { get; }

    /// <summary>
    /// When the connection's credentials expire (e.g. the access token's <c>exp</c>): the socket is then closed with
    /// <c>4403 Forbidden</c> and its operations stop, so the client gets a fresh token and connects again. A time that
    /// has passed already rejects the connection. Null (the default) keeps the connection until either side closes it.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The close reason sent with <c>4403</c> when rejected.</summary>
    public string? RejectReason { get; }

    /// <summary>Accepts the connection.</summary>
    /// <param name="user">The user for the connection's operations (e.g. from a token in the payload); null keeps the handshake's.</param>
    /// <param name="ackPayload">Sent to the client as the <c>connection_ack</c> payload; values must be JSON-writable.</param>
    /// <param name="expiresAt">When the credentials expire and the socket is closed with <c>4403</c> (see <see cref="ExpiresAt"/>); null for never.</param>
    /// <returns>The result.</returns>
    public static WebSocketConnectResult Accept(ClaimsPrincipal? user = null, IReadOnlyDictionary<string, object?>? ackPayload = null, DateTimeOffset? expiresAt = null) =>
        user is null && ackPayload is null && expiresAt is null ? Accepted : new(true, user, ackPayload, null, expiresAt);

    /// <summary>Rejects the connection: the socket is closed with <c>4403</c>.</summary>
    /// <param name="reason">The close reason, "Forbidden" by default; keep it short (a close reason has at most 123 bytes).</param>
    /// <returns>The result.</returns>
    public static WebSocketConnectResult Reject(string reason = "Forbidden") => new(false, null, null, reason, null);
}
