using System.Globalization;
using System.Security.Claims;
using Hospital.Data;
using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Audit;

/// <summary>Writes security events (sign-in, refresh, sign-out) and knows how to name the actor of a request.</summary>
public sealed class AuditLog(IDbContextFactory<HospitalDbContext> factory, TimeProvider clock)
{
    /// <summary>The actor of a request: the user's claims, and the address and user agent of its HTTP connection if any.</summary>
    /// <param name="user">The signed-in user, or null.</param>
    /// <param name="http">The request's HTTP context (the WebSocket's upgrade request), or null in-process.</param>
    /// <param name="transport">HTTP, SSE, WebSocket or InProcess.</param>
    /// <param name="operationName">The operation or event source.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Actor(ClaimsPrincipal? user, HttpContext? http, string? transport, string? operationName)
    {
        var signedIn = user?.Identity?.IsAuthenticated == true;
        var roles = signedIn ? string.Join(',', user!.FindAll(HospitalClaims.Role).Select(c => c.Value)) : null;
        return new AuditActor(
            signedIn ? Int(user!.FindFirst(HospitalClaims.UserId)?.Value) : null,
            signedIn ? user!.FindFirst(HospitalClaims.UserName)?.Value ?? user.Identity!.Name ?? "unknown" : "anonymous",
            string.IsNullOrEmpty(roles) ? null : roles,
            signedIn ? Int(user!.FindFirst(HospitalClaims.StaffMemberId)?.Value) : null,
            http?.Connection.RemoteIpAddress?.ToString(),
            http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            transport,
            operationName);
    }

    /// <summary>Writes one security event about an account, now, in its own transaction.</summary>
    /// <param name="actor">Who (for a sign-in: the account signing in, or the name tried).</param>
    /// <param name="action">The event.</param>
    /// <param name="accountId">The account concerned, when known.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="detail">What else the entry says (a failure's reason), in its fields column.</param>
    /// <returns>A task.</returns>
    public async Task WriteAsync(AuditActor actor, AuditAction action, int? accountId, CancellationToken cancellationToken, string? detail = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entry = actor.Entry(action, nameof(UserAccount), clock.GetUtcNow().UtcDateTime);
        entry.EntityKey = accountId?.ToString(CultureInfo.InvariantCulture);
        entry.Fields = detail;
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
