using System.Security.Claims;
using Gql.Server.Authorization;

namespace Hospital.GraphQL.Accounts;

/// <summary>The signed-in account's own password.</summary>
[MutationType]
public static class PasswordMutations
{
    [GraphQLDescription("Changes the signed-in account's password. Every other session of the account ends; this one goes on.")]
    [Authorize]
    [Error<WrongPasswordException>]
    [Error<PasswordRejectedException>]
    [Error<AccountLockedException>]
    public static async Task<AccountInfo> ChangePasswordAsync(
        string currentPassword,
        string newPassword,
        ClaimsPrincipal user,
        [Service] AccountService accounts,
        [Service] TokenService tokens,
        CancellationToken cancellationToken)
    {
        var userId = int.Parse(user.FindFirst(HospitalClaims.UserId)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var (account, roles) = await accounts.ChangePasswordAsync(userId, currentPassword, newPassword, cancellationToken);
        await tokens.RevokeAllAsync(userId, cancellationToken, keepFamily: user.FindFirst(HospitalClaims.Session)?.Value);
        return AccountInfo.From(account, roles);
    }
}
