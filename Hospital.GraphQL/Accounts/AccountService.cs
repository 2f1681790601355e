using Hospital.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Hospital.GraphQL.Accounts;

/// <summary>
/// Checks a user name and password with ASP.NET Core Identity (hasher, lockout after repeated failures), behind the
/// sign-in throttle. Used by the API's <c>signIn</c> and by the UI's cookie sign-in page alike.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, SignInThrottle throttle)
{
    /// <summary>The account and its roles when the password is right.</summary>
    /// <exception cref="TooManySignInAttemptsException">Throttled.</exception>
    /// <exception cref="InvalidCredentialsException">Unknown user or wrong password.</exception>
    /// <exception cref="AccountLockedException">Locked out.</exception>
    public async Task<(UserAccount User, IList<string> Roles)> CheckPasswordAsync(string userName, string password, string? address, CancellationToken cancellationToken)
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
