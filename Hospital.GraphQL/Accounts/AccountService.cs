using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Hospital.GraphQL.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Hospital.GraphQL.Accounts;

/// <summary>
/// Checks a user name and password with ASP.NET Core Identity (hasher, lockout after repeated failures), behind the
/// sign-in throttle. Used by the API's <c>signIn</c> and by the UI's cookie sign-in page alike, so both write the
/// audit log's sign-in events (a lockout's entry comes from the account's save, see <see cref="AuditParticipant"/>).
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, SignInThrottle throttle, AuditLog audit, IHttpContextAccessor http)
{
    /// <summary>The account and its roles when the password is right.</summary>
    /// <exception cref="TooManySignInAttemptsException">Throttled.</exception>
    /// <exception cref="InvalidCredentialsException">Unknown user or wrong password.</exception>
    /// <exception cref="AccountLockedException">Locked out.</exception>
    public async Task<(UserAccount User, IList<string> Roles)> CheckPasswordAsync(string userName, string password, string? address, CancellationToken cancellationToken)
    {
        UserAccount? account = null;
        try
        {
            var (user, roles) = await CheckAsync(userName, password, address, found => account = found);
            await audit.WriteAsync(SignInActor(user.UserName ?? userName, user.Id, address, roles), AuditAction.SignIn, user.Id, cancellationToken);
            return (user, roles);
        }
        catch (Exception e) when (e is InvalidCredentialsException or AccountLockedException or TooManySignInAttemptsException)
        {
            var reason = e switch { AccountLockedException => "locked-out", TooManySignInAttemptsException => "throttled", _ => "invalid-credentials" };
            await audit.WriteAsync(SignInActor(userName, account?.Id, address, null), AuditAction.SignInFailed, account?.Id, CancellationToken.None, reason);
            throw;
        }
    }

    /// <summary>The actor of a sign-in: the account (or the name tried) from the caller's address and agent.</summary>
    private AuditActor SignInActor(string userName, int? userId, string? address, IList<string>? roles)
    {
        var request = AuditLog.Actor(null, http.HttpContext, AuditScope.Actor.Transport ?? (http.HttpContext is null ? null : "HTTP"), AuditScope.Actor.OperationName ?? "signIn");
        return request with
        {
            UserId = userId,
            UserName = userName.Trim(),
            Role = roles is { Count: > 0 } ? string.Join(',', roles) : null,
            RemoteAddress = address ?? request.RemoteAddress,
        };
    }

    private async Task<(UserAccount User, IList<string> Roles)> CheckAsync(string userName, string password, string? address, Action<UserAccount> found)
    {
        throttle.Attempt(userName, address);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            // Spend the time a real check takes, so the answer's timing does not tell which names exist.
            users.PasswordHasher.VerifyHashedPassword(new UserAccount(), UnknownUserHash, password);
            throw new InvalidCredentialsException();
        }

        found(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new AccountLockedException(user.LockoutEnd);
        }

        if (!result.Succeeded)
        {
            throw new InvalidCredentialsException();
        }

        user.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        return (user, await users.GetRolesAsync(user));
    }

    /// <summary>The account and roles of a user id (for refreshing tokens), or null when it is gone or locked.</summary>
    public async Task<(UserAccount User, IList<string> Roles)?> FindActiveAsync(int userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        return (user, await users.GetRolesAsync(user));
    }

    /// <summary>Changes an account's password when the current one is right and the new one meets the policy.</summary>
    /// <exception cref="WrongPasswordException">The current password is wrong (counts towards lockout).</exception>
    /// <exception cref="PasswordRejectedException">The new password breaks the policy.</exception>
    /// <exception cref="AccountLockedException">Locked out.</exception>
    public async Task<(UserAccount User, IList<string> Roles)> ChangePasswordAsync(int userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? throw new WrongPasswordException();
        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            throw new AccountLockedException(user.LockoutEnd);
        }

        if (!check.Succeeded)
        {
            throw new WrongPasswordException();
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, newPassword);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            throw new PasswordRejectedException(problems);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            throw new PasswordRejectedException(changed.Errors.Select(e => e.Description).ToList());
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (user, await users.GetRolesAsync(user));
    }

    private static readonly string UnknownUserHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString());
}
