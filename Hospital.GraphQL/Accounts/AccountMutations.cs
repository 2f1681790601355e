using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Hospital.GraphQL.Audit;
using Microsoft.AspNetCore.Http;

namespace Hospital.GraphQL.Accounts;

/// <summary>Sign-in for programs: tokens in, tokens out.</summary>
[MutationType]
[AllowAnonymous]
public static class AccountMutations
{
    [GraphQLDescription("Signs in with a user name and password and starts a session (an access token and a refresh token).")]
    [Error<InvalidCredentialsException>]
    [Error<AccountLockedException>]
    [Error<TooManySignInAttemptsException>]
    public static async Task<SignInPayload> SignInAsync(
        string userName,
        string password,
        [Service] AccountService accounts,
        [Service] TokenService tokens,
        [Service] IHttpContextAccessor http,
        CancellationToken cancellationToken)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        try
        {
            var (user, roles) = await accounts.CheckPasswordAsync(userName, password, address, cancellationToken);
            var issued = await tokens.StartSessionAsync(user, roles, address, cancellationToken);
            return new SignInPayload(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt, AccountInfo.From(user, roles));
        }
        catch (TooManySignInAttemptsException e) when (http.HttpContext is { Response.HasStarted: false } context)
        {
            // GraphQL over HTTP answers 200 for an executed operation; a throttled sign-in says 429 like any rate limit.
            context.Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Gql.AspNetCore.GraphQLHttpContextItems.SetStatusCode(context, StatusCodes.Status429TooManyRequests);
            throw;
        }
    }

    [GraphQLDescription("Exchanges a refresh token for new tokens. Each refresh token works once; presenting a used one ends its session.")]
    [Error<InvalidRefreshTokenException>]
    public static async Task<RefreshAccessTokenPayload> RefreshAccessTokenAsync(
        string refreshToken,
        [Service] AccountService accounts,
        [Service] TokenService tokens,
        [Service] AuditLog audit,
        [Service] IHttpContextAccessor http,
        CancellationToken cancellationToken)
    {
        if (await tokens.ConsumeAsync(refreshToken, cancellationToken) is not { } used
            || await accounts.FindActiveAsync(used.User.Id) is not { } account)
        {
            throw new InvalidRefreshTokenException();
        }

        var issued = await tokens.ContinueSessionAsync(account.User, account.Roles, used.Used.Family, http.HttpContext?.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var actor = AuditScope.Actor with { UserId = account.User.Id, UserName = account.User.UserName ?? "", Role = string.Join(',', account.Roles), StaffMemberId = account.User.StaffMemberId };
        await audit.WriteAsync(actor, AuditAction.TokenRefresh, account.User.Id, CancellationToken.None);
        return new RefreshAccessTokenPayload(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt, AccountInfo.From(account.User, account.Roles));
    }

    [GraphQLDescription("Ends the session of this refresh token: it and the session's access tokens stop working.")]
    public static async Task<SignOutPayload> SignOutAsync(string refreshToken, [Service] TokenService tokens, [Service] AuditLog audit, CancellationToken cancellationToken)
    {
        var revoked = await tokens.RevokeAsync(refreshToken, cancellationToken);
        await audit.WriteAsync(AuditScope.Actor, AuditAction.SignOut, AuditScope.Actor.UserId, CancellationToken.None, revoked ? "revoked" : "unknown-token");
        return new(revoked);
    }
}
