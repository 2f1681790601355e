using System.Security.Claims;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Components.Account;

/// <summary>Claims the UI adds to the API's: what the app bar shows.</summary>
public static class WebClaims
{
    /// <summary>The staff member's name (the user name when the account has none).</summary>
    public const string DisplayName = "display_name";

    /// <summary>With a remote API: the key of the session whose API tokens the server keeps (<see cref="RemoteSessionStore"/>).</summary>
    public const string Session = "ui_session";
}

/// <summary>Signs people in to the UI with the cookie; the sign-in page's and change-password page's work.</summary>
public interface IWebSignIn
{
    /// <summary>Checks the password and sets the sign-in cookie; returns the message to show when it fails, or null.</summary>
    Task<string?> SignInAsync(HttpContext context, string userName, string password, bool remember);

    /// <summary>Changes the signed-in user's password and renews the cookie; returns the messages to show, empty when done.</summary>
    Task<IReadOnlyList<string>> ChangePasswordAsync(HttpContext context, string currentPassword, string newPassword);

    /// <summary>Ends the session (with a remote API, its tokens there too) and removes the cookie.</summary>
    Task SignOutAsync(HttpContext context);
}

/// <summary>The UI and API in one process: Identity checks the password here, and the cookie carries the same claims as the API's tokens.</summary>
internal sealed class LocalWebSignIn(AccountService accounts, IDbContextFactory<HospitalDbContext> factory, IOptions<IdentityOptions> identity) : IWebSignIn
{
    public async Task<string?> SignInAsync(HttpContext context, string userName, string password, bool remember)
    {
        try
        {
            var (user, roles) = await accounts.CheckPasswordAsync(userName, password, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            await SignInCookieAsync(context, user, roles, remember);
            return null;
        }
        catch (InvalidCredentialsException e)
        {
            return e.Message;
        }
        catch (AccountLockedException e)
        {
            return e.Message;
        }
        catch (TooManySignInAttemptsException e)
        {
            context.Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return e.Message;
        }
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(HttpContext context, string currentPassword, string newPassword)
    {
        if (context.User.FindFirst(HospitalClaims.UserId)?.Value is not { } id)
        {
            return ["You are not signed in."];
        }

        // The API's changePassword and this page share one check (current password with lockout, then the policy).
        try
        {
            var (user, roles) = await accounts.ChangePasswordAsync(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), currentPassword, newPassword, context.RequestAborted);

            // The security stamp changed: other sessions of this account end at their next check; this one continues.
            await SignInCookieAsync(context, user, roles, remember: false);
            return [];
        }
        catch (WrongPasswordException e)
        {
            return [e.Message];
        }
        catch (AccountLockedException e)
        {
            return [e.Message];
        }
        catch (PasswordRejectedException e)
        {
            return e.Problems;
        }
    }

    public Task SignOutAsync(HttpContext context) => context.SignOutAsync(HospitalAuthentication.CookieScheme);

    private async Task SignInCookieAsync(HttpContext context, UserAccount user, IEnumerable<string> roles, bool remember)
    {
        var identityClaims = TokenService.Identity(user, roles, session: null, HospitalAuthentication.CookieScheme);
        await using (var db = await factory.CreateDbContextAsync(context.RequestAborted))
        {
            var staffName = user.StaffMemberId is { } id
                ? await db.Staff.Where(s => s.Id == id).Select(s => s.FirstName + " " + s.LastName).SingleOrDefaultAsync(context.RequestAborted)
                : null;
            identityClaims.AddClaim(new Claim(WebClaims.DisplayName, staffName ?? user.UserName ?? ""));
        }

        identityClaims.AddClaim(new Claim(identity.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp ?? ""));
        await context.SignInAsync(
            HospitalAuthentication.CookieScheme,
            new ClaimsPrincipal(identityClaims),
            new AuthenticationProperties { IsPersistent = remember });
    }
}
