using System.Security.Claims;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Hospital.GraphQL.Accounts;

[QueryType]
public static class AccountQueries
{
    [GraphQLDescription("The signed-in account: user name, roles and staff member; null when signed out.")]
    [Authorize]
    public static async Task<AccountInfo?> GetMeAsync(ClaimsPrincipal? user, [Service] IServiceScopeFactory scopes)
    {
        if (user?.FindFirst(HospitalClaims.UserId)?.Value is not { } id)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        return await users.FindByIdAsync(id) is { } account ? AccountInfo.From(account, await users.GetRolesAsync(account)) : null;
    }
}
