namespace Hospital.GraphQL.Accounts;

// Sign-in failures. The mutation conventions turn each into a typed error (InvalidCredentialsException ->
// InvalidCredentialsError) with its message and the properties below.

/// <summary>Unknown user name or wrong password (the same answer for both, so names cannot be probed).</summary>
public sealed class InvalidCredentialsException() : Exception("The user name or password is not right.")
{
    /// <summary>A stable word for programs: INVALID_CREDENTIALS.</summary>
    public string Code => "INVALID_CREDENTIALS";
}

/// <summary>Too many wrong passwords: the account is locked for a while.</summary>
public sealed class AccountLockedException(DateTimeOffset? lockedUntil)
    : Exception(lockedUntil is { } until
        ? $"The account is locked after too many failed sign-ins until {until:u}. Try again later or ask an administrator."
        : "The account is locked. Ask an administrator.")
{
    /// <summary>A stable word for programs: ACCOUNT_LOCKED.</summary>
    public string Code => "ACCOUNT_LOCKED";

    /// <summary>When sign-in is possible again (UTC); null when an administrator must unlock it.</summary>
    public DateTime? LockedUntil { get; } = lockedUntil?.UtcDateTime;
}

/// <summary>Too many sign-in attempts for this user name or from this address in a short time.</summary>
public sealed class TooManySignInAttemptsException(TimeSpan retryAfter)
    : Exception($"Too many sign-in attempts. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.")
{
    /// <summary>A stable word for programs: TOO_MANY_ATTEMPTS.</summary>
    public string Code => "TOO_MANY_ATTEMPTS";

    /// <summary>Seconds to wait before the next attempt (also the <c>Retry-After</c> header).</summary>
    public int RetryAfterSeconds { get; } = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}

/// <summary>The refresh token is unknown, expired, revoked or was used before (then its whole session ends).</summary>
public sealed class InvalidRefreshTokenException() : Exception("The refresh token is not valid any more. Sign in again.")
{
    /// <summary>A stable word for programs: INVALID_REFRESH_TOKEN.</summary>
    public string Code => "INVALID_REFRESH_TOKEN";
}

/// <summary>The current password given to change it is not the account's.</summary>
public sealed class WrongPasswordException() : Exception("The current password is not right.")
{
    /// <summary>A stable word for programs: WRONG_PASSWORD.</summary>
    public string Code => "WRONG_PASSWORD";
}

/// <summary>The new password does not meet the password policy (12 or more characters, not containing the user name).</summary>
public sealed class PasswordRejectedException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    /// <summary>A stable word for programs: PASSWORD_REJECTED.</summary>
    public string Code => "PASSWORD_REJECTED";

    /// <summary>Each rule the new password breaks, in words for the user.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
