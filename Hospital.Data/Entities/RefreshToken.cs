namespace Hospital.Data.Entities;

/// <summary>
/// One refresh token of a sign-in session. Only its SHA-256 hash is stored. Tokens rotate: using one consumes it and
/// issues the next in the same <see cref="Family"/>; presenting a consumed token again means it was stolen, and the
/// whole family (the session) is revoked. Signing out revokes the family too.
/// </summary>
public sealed class RefreshToken
{
    public int Id { get; set; }

    public int UserAccountId { get; set; }

    public UserAccount? UserAccount { get; set; }

    /// <summary>The session this token belongs to: every token issued since one sign-in shares it.</summary>
    public required string Family { get; set; }

    /// <summary>Base64url SHA-256 of the token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was exchanged for the next token; a second use revokes the family.</summary>
    public DateTime? ConsumedAt { get; set; }

    /// <summary>When the session was ended (sign-out, reuse detected, account locked).</summary>
    public DateTime? RevokedAt { get; set; }

    public string? CreatedByAddress { get; set; }
}
