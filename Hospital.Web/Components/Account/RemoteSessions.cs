using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Gql.Client;
using Hospital.GraphQL.Accounts;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Caching.Distributed;

namespace Hospital.Web.Components.Account;

/// <summary>The API's tokens for one signed-in UI session.</summary>
public sealed record RemoteTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// The API's tokens of each UI session when the UI calls a remote API (<c>Hospital:ApiBaseAddress</c>). They stay on the
/// server, in the distributed cache (in memory unless the host configures a shared one, which several UI instances
/// need); the sign-in cookie carries only the session's random key. Refresh tokens rotate, so one session refreshes
/// at a time and every circuit and request of the session uses the newest tokens.
/// </summary>
public sealed class RemoteSessionStore(IDistributedCache cache, TimeProvider clock)
{
    private const string Prefix = "hospital:ui-session:";
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshing = new(StringComparer.Ordinal);

    /// <summary>Keeps a new session's tokens and returns its key.</summary>
    public async Task<string> StartAsync(RemoteTokens tokens, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await SaveAsync(key, tokens, cancellationToken);
        return key;
    }

    /// <summary>The session's tokens, or null when it has ended.</summary>
    public async Task<RemoteTokens?> GetAsync(string key, CancellationToken cancellationToken) =>
        await cache.GetAsync(Prefix + key, cancellationToken) is { } bytes ? JsonSerializer.Deserialize<RemoteTokens>(bytes) : null;

    /// <summary>Forgets the session.</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(Prefix + key, cancellationToken);
        refreshing.TryRemove(key, out _);
    }

    /// <summary>
    /// The session's access token: the kept one while it has more than a minute left (and the server has not refused
    /// it), else a new one from <paramref name="refresh"/>. Null when the session has ended (signed out, or the API no
    /// longer accepts its refresh token, which then ends it here too).
    /// </summary>
    public async Task<string?> AccessTokenAsync(string key, bool forceRefresh, Func<string, CancellationToken, Task<RemoteTokens?>> refresh, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken) is not { } seen)
        {
            return null;
        }

        if (!forceRefresh && seen.ExpiresAt - clock.GetUtcNow() > RefreshAhead)
        {
            return seen.AccessToken;
        }

        var gate = refreshing.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await GetAsync(key, cancellationToken) is not { } current)
            {
                return null;
            }

            // Another circuit of the session refreshed while this one waited: its tokens are the newest.
            if (current.RefreshToken != seen.RefreshToken || (!forceRefresh && current.ExpiresAt - clock.GetUtcNow() > RefreshAhead))
            {
                return current.AccessToken;
            }

            if (await refresh(current.RefreshToken, cancellationToken) is not { } next)
            {
                await RemoveAsync(key, cancellationToken);
                return null;
            }

            await SaveAsync(key, next, cancellationToken);
            return next.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private Task SaveAsync(string key, RemoteTokens tokens, CancellationToken cancellationToken) =>
        cache.SetAsync(
            Prefix + key,
            JsonSerializer.SerializeToUtf8Bytes(tokens),
            new DistributedCacheEntryOptions { SlidingExpiration = HospitalWebAuthentication.SessionLifetime },
            cancellationToken);
}

/// <summary>
/// The generated client's credentials in a UI that calls a remote API: the access token of the session whose circuit
/// (or request) the client serves, refreshed before it expires and when the API refuses it.
/// </summary>
internal sealed class RemoteSessionCredentials(IServiceProvider services, RemoteSessionStore store) : IGraphQLCredentialsProvider
{
    // Set for the calls of one flow: the token they send instead of the session's (null: none).
    private static readonly AsyncLocal<Override?> Given = new();

    /// <summary>Calls made until the result is disposed go without a token (signing in, refreshing, signing out).</summary>
    public static IDisposable Anonymous() => WithToken(null);

    /// <summary>Calls made until the result is disposed send <paramref name="accessToken"/> (a session being started).</summary>
    public static IDisposable WithToken(string? accessToken)
    {
        Given.Value = new Override(accessToken);
        return new Restore();
    }

    public async ValueTask<string?> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (Given.Value is { } given)
        {
            return given.Token;
        }

        if ((await HospitalWebAuthentication.CurrentUserAsync(services, cancellationToken))?.FindFirst(WebClaims.Session)?.Value is not { } key)
        {
            return null;
        }

        return await store.AccessTokenAsync(key, forceRefresh, RefreshAsync, cancellationToken);
    }

    private async Task<RemoteTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using (Anonymous())
        {
            var result = await services.GetRequiredService<IRefreshAccessTokenMutation>().ExecuteAsync(refreshToken, cancellationToken);
            if (result.Data?.RefreshAccessToken is { AccessToken: { } access, RefreshToken: { } next, ExpiresAt: { } expires })
            {
                return new RemoteTokens(access, next, expires);
            }

            if (result.Data?.RefreshAccessToken.Errors is { Count: > 0 })
            {
                return null; // the API ended the session
            }

            throw new InvalidOperationException($"The API could not refresh the session: {ErrorText.Describe(result.Errors)}");
        }
    }

    private sealed record Override(string? Token);

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Given.Value = null;
    }
}

/// <summary>Signs people in to the UI against the remote API's <c>signIn</c>, keeping its tokens in the session store.</summary>
internal sealed class RemoteWebSignIn(
    ISignInMutation signIn,
    ISignOutMutation signOut,
    IMeQuery me,
    IChangePasswordMutation changePassword,
    RemoteSessionStore store) : IWebSignIn
{
    public async Task<string?> SignInAsync(HttpContext context, string userName, string password, bool remember)
    {
        IOperationResult<ISignInResult> result;
        using (RemoteSessionCredentials.Anonymous())
        {
            result = await signIn.ExecuteAsync(userName, password, context.RequestAborted);
        }

        if (result.Data?.SignIn is not { } payload)
        {
            return $"Signing in is not possible right now: {ErrorText.Describe(result.Errors)}";
        }

        if (payload.Errors is { Count: > 0 } errors)
        {
            return string.Join(" ", errors.Select(ErrorText.Message));
        }

        IOperationResult<IMeResult> account;
        using (RemoteSessionCredentials.WithToken(payload.AccessToken!))
        {
            account = await me.ExecuteAsync(context.RequestAborted);
        }

        if (account.Data?.Me is not { } user)
        {
            return $"Signing in is not possible right now: {ErrorText.Describe(account.Errors)}";
        }

        var key = await store.StartAsync(new RemoteTokens(payload.AccessToken!, payload.RefreshToken!, payload.ExpiresAt!.Value), context.RequestAborted);
        var identity = new ClaimsIdentity(HospitalAuthentication.CookieScheme, HospitalClaims.UserName, HospitalClaims.Role);
        identity.AddClaim(new Claim(HospitalClaims.UserName, user.UserName));
        identity.AddClaims(user.Roles.Select(role => new Claim(HospitalClaims.Role, role)));
        identity.AddClaim(new Claim(WebClaims.DisplayName, user.StaffMember?.FullName ?? user.UserName));
        if (user.StaffMember is { } staff && StaffAccess.KeyOf(staff.Id) is { } staffKey)
        {
            identity.AddClaim(new Claim(HospitalClaims.StaffMemberId, staffKey));
        }
        identity.AddClaim(new Claim(WebClaims.Session, key));
        await context.SignInAsync(HospitalAuthentication.CookieScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = remember });
        return null;
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(HttpContext context, string currentPassword, string newPassword)
    {
        var result = await changePassword.ExecuteAsync(currentPassword, newPassword, context.RequestAborted);
        if (result.Data?.ChangePassword is not { } payload)
        {
            return [ErrorText.Describe(result.Errors)];
        }

        return payload.Errors is { Count: > 0 } errors
            ? errors.SelectMany(e => e is IChangePassword_ChangePassword_Errors_PasswordRejectedError rejected ? rejected.Problems : [ErrorText.Message(e)]).ToList()
            : [];
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.User.FindFirst(WebClaims.Session)?.Value is { } key)
        {
            if (await store.GetAsync(key, context.RequestAborted) is { } tokens)
            {
                using (RemoteSessionCredentials.Anonymous())
                {
                    await signOut.ExecuteAsync(tokens.RefreshToken, context.RequestAborted);
                }
            }

            await store.RemoveAsync(key, context.RequestAborted);
        }

        await context.SignOutAsync(HospitalAuthentication.CookieScheme);
    }
}

/// <summary>A circuit's user in a UI over a remote API: signed out once the session's tokens are gone (signed out, revoked).</summary>
internal sealed class RemoteUserState(ILoggerFactory loggerFactory, RemoteSessionStore store)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.FindFirst(WebClaims.Session)?.Value is { } key && await store.GetAsync(key, cancellationToken) is not null;
}
