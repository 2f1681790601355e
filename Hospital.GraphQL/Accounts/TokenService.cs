using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.GraphQL.Accounts;

/// <summary>The claim types of the hospital's principals, in cookies and tokens alike.</summary>
public static class HospitalClaims
{
    public const string UserId = JwtRegisteredClaimNames.Sub;
    public const string UserName = "name";
    public const string Role = "role";
    public const string StaffMemberId = "staff";

    /// <summary>The sign-in session (refresh token family) an access token belongs to; signing out ends it.</summary>
    public const string Session = JwtRegisteredClaimNames.Sid;
}

/// <summary>Access and refresh tokens issued at sign-in or refresh.</summary>
public sealed record IssuedTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, DateTimeOffset RefreshTokenExpiresAt, int UserId);

/// <summary>
/// Issues short-lived JWT access tokens and rotating refresh tokens, and keeps sessions: a refresh token is stored only
/// as a hash, used once, and replaced by the next of its family; reusing a used one revokes the family.
/// </summary>
public sealed class TokenService(
    IDbContextFactory<HospitalDbContext> factory,
    IOptions<HospitalAuthOptions> options,
    SymmetricSecurityKey signingKey)
{
    // Tokens live in real time, whatever clock the hospital's day runs on (tests fix "today"; token checks cannot).
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly TimeSpan SessionCheckCacheTime = TimeSpan.FromSeconds(10);
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, DateTimeOffset> activeSessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session: a new refresh token family.</summary>
    public Task<IssuedTokens> StartSessionAsync(UserAccount user, IEnumerable<string> roles, string? address, CancellationToken cancellationToken) =>
        IssueAsync(user, roles, Guid.NewGuid().ToString("D"), address, cancellationToken);

    /// <summary>
    /// Exchanges a refresh token for new tokens. Unknown, expired or revoked: null. Already used: the family is revoked
    /// (someone else holds a copy) and null is returned.
    /// </summary>
    public async Task<(RefreshToken Used, UserAccount User)?> ConsumeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var token = await db.RefreshTokens.AsNoTracking().Include(t => t.UserAccount).SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now || token.UserAccount is null)
        {
            return null;
        }

        // One statement decides who consumes it, so two concurrent refreshes with one token cannot both win.
        var consumed = token.ConsumedAt is null && await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken) == 1;
        if (!consumed)
        {
            await RevokeFamilyAsync(token.Family, cancellationToken);
            return null;
        }

        return (token, token.UserAccount);
    }

    /// <summary>Issues the next tokens of a session.</summary>
    public Task<IssuedTokens> ContinueSessionAsync(UserAccount user, IEnumerable<string> roles, string family, string? address, CancellationToken cancellationToken) =>
        IssueAsync(user, roles, family, address, cancellationToken);

    /// <summary>Ends the session the refresh token belongs to; false when the token is unknown.</summary>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.Family).SingleOrDefaultAsync(cancellationToken);
        if (family is null)
        {
            return false;
        }

        await RevokeFamilyAsync(family, cancellationToken);
        return true;
    }

    /// <summary>Ends every session of an account (locked, password changed) but <paramref name="keepFamily"/>, when given.</summary>
    public async Task RevokeAllAsync(int userId, CancellationToken cancellationToken, string? keepFamily = null)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.UserAccountId == userId && t.RevokedAt == null && (keepFamily == null || t.Family != keepFamily))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        activeSessions.Clear();
    }

    /// <summary>
    /// Whether an access token's session is still open (not signed out, not revoked). Answers from a short per-instance
    /// cache of open sessions; a session ended on this instance is refused at once, on another within seconds.
    /// </summary>
    public async ValueTask<bool> IsSessionActiveAsync(string family, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (activeSessions.TryGetValue(family, out var checkedAt) && now - checkedAt < SessionCheckCacheTime)
        {
            return true;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var active = await db.RefreshTokens.AnyAsync(t => t.Family == family && t.RevokedAt == null, cancellationToken);
        if (active)
        {
            activeSessions[family] = now;
        }
        else
        {
            activeSessions.TryRemove(family, out _);
        }

        return active;
    }

    /// <summary>The principal of a session's access token (the same claims a cookie sign-in carries).</summary>
    public static ClaimsIdentity Identity(UserAccount user, IEnumerable<string> roles, string? session, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(HospitalClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(HospitalClaims.UserName, user.UserName ?? ""),
        };
        claims.AddRange(roles.Select(r => new Claim(HospitalClaims.Role, r)));
        if (user.StaffMemberId is { } staff)
        {
            claims.Add(new Claim(HospitalClaims.StaffMemberId, staff.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (session is not null)
        {
            claims.Add(new Claim(HospitalClaims.Session, session));
        }

        return new ClaimsIdentity(claims, authenticationType, HospitalClaims.UserName, HospitalClaims.Role);
    }

    private async Task<IssuedTokens> IssueAsync(UserAccount user, IEnumerable<string> roles, string family, string? address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Clock.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var identity = Identity(user, roles, family, "Bearer");
        identity.AddClaim(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var accessToken = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = identity,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refreshExpires = now + settings.RefreshTokenLifetime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserAccountId = user.Id,
            Family = family,
            TokenHash = Hash(refreshToken),
            CreatedAt = now.UtcDateTime,
            ExpiresAt = refreshExpires.UtcDateTime,
            CreatedByAddress = address is { Length: > 64 } ? address[..64] : address,
        });
        await db.SaveChangesAsync(cancellationToken);
        activeSessions[family] = now;
        return new IssuedTokens(accessToken, refreshToken, expires, refreshExpires, user.Id);
    }

    private async Task RevokeFamilyAsync(string family, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.Family == family && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        activeSessions.TryRemove(family, out _);
    }

    private static string Hash(string token) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
