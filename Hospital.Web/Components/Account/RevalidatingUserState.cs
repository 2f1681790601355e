using System.Security.Claims;
using Hospital.Data.Entities;
using Hospital.GraphQL.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Components.Account;

/// <summary>
/// Checks a circuit's user against the account every minute (as the ASP.NET Core template does): a locked account,
/// a changed password or role elsewhere ends the circuit's access without waiting for the cookie to expire.
/// </summary>
internal sealed class RevalidatingUserState(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var principal = authenticationState.User;
        if (await users.GetUserAsync(principal) is not { } user || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (users.SupportsUserSecurityStamp && stamp != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Order(StringComparer.Ordinal).SequenceEqual(principal.FindAll(HospitalClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
    }
}
