using Gql.AspNetCore.WebSockets;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Accounts;

/// <summary>The names of the hospital's authentication schemes.</summary>
public static class HospitalAuthentication
{
    /// <summary>The default scheme: a bearer token when the request has one, otherwise the UI's cookie where there is one.</summary>
    public const string Scheme = "Hospital";

    /// <summary>The UI's sign-in cookie (registered by the UI host only).</summary>
    public const string CookieScheme = "Hospital.Cookie";

    /// <summary>The <c>extensions.code</c> of the 401 answer to a bearer token that fails validation.</summary>
    public const string InvalidTokenCode = "AUTH_INVALID_TOKEN";
}

public static class HospitalAccountsExtensions
{
    /// <summary>
    /// Accounts and sign-in: ASP.NET Core Identity on <see cref="UserAccount"/> (password policy, lockout after 5
    /// failures for 15 minutes), JWT bearer authentication of the API's callers (tokens from <c>signIn</c>, checked
    /// against their session so that <c>signOut</c> ends them), the sign-in throttle, and WebSocket sign-in through the
    /// <c>connection_init</c> payload. The signing key comes from <c>Hospital:Auth:SigningKey</c>.
    /// </summary>
    /// <remarks>The key is resolved when the host starts: outside Development without one, start-up stops with <see cref="HospitalStartupException"/>.</remarks>
    public static AuthenticationBuilder AddHospitalAccounts(this IServiceCollection services)
    {
        services.AddOptions<HospitalAuthOptions>().BindConfiguration(HospitalAuthOptions.Section);
        services.AddSingleton(sp => SigningKeys.Resolve(sp.GetRequiredService<IOptions<HospitalAuthOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddHostedService<SigningKeyCheck>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<HospitalAuthOptions>, Microsoft.IdentityModel.Tokens.SymmetricSecurityKey>((options, settings, key) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = TokenValidation(settings.Value, key);
                options.Events = new JwtBearerEvents { OnTokenValidated = CheckSessionAsync };
            });

        // Identity's stores want a scoped context; it lives for the scope of one sign-in or account change.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContext());
        services.AddIdentityCore<UserAccount>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): 12 characters at least, and not the user name.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.ClaimsIdentity.UserIdClaimType = HospitalClaims.UserId;
                options.ClaimsIdentity.UserNameClaimType = HospitalClaims.UserName;
                options.ClaimsIdentity.RoleClaimType = HospitalClaims.Role;
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<HospitalDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<NotUserNamePasswordValidator>();

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<IGraphQLWebSocketInterceptor, BearerWebSocketInterceptor>();
        services.AddAuthorization();
        return services
            .AddAuthentication(HospitalAuthentication.Scheme)
            .AddPolicyScheme(HospitalAuthentication.Scheme, "Bearer token or the UI's cookie", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer();
    }

    /// <summary>Authentication and authorization middleware, once, whichever host part (API, UI) asks first.</summary>
    public static IApplicationBuilder UseHospitalAuthentication(this IApplicationBuilder app)
    {
        const string Key = "Hospital.AuthenticationAdded";
        if (!app.Properties.ContainsKey(Key))
        {
            app.Properties[Key] = true;
            app.UseAuthentication();
            app.Use(RefuseInvalidBearerTokenAsync);
            app.UseAuthorization();
        }

        return app;
    }

    /// <summary>What an access token must be: ours (issuer, audience, key, HS256 only), unexpired, with its claim types.</summary>
    internal static Microsoft.IdentityModel.Tokens.TokenValidationParameters TokenValidation(HospitalAuthOptions settings, Microsoft.IdentityModel.Tokens.SecurityKey key) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = HospitalClaims.UserName,
        RoleClaimType = HospitalClaims.Role,
    };

    /// <summary>
    /// A request with a bearer token that fails validation (expired, forged, its session signed out) is answered 401 with
    /// <c>WWW-Authenticate: Bearer error="invalid_token"</c> and a GraphQL error body, instead of running as anonymous:
    /// the caller learns to refresh or sign in again rather than reading "no data" as the truth.
    /// </summary>
    private static async Task RefuseInvalidBearerTokenAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded)
        {
            await next(context);
            return;
        }

        // The bearer handler's challenge writes the status and the WWW-Authenticate header with the failure's reason.
        await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(InvalidTokenBody, context.RequestAborted);
    }

    private static readonly string InvalidTokenBody = System.Text.Json.JsonSerializer.Serialize(new
    {
        errors = new[]
        {
            new
            {
                message = "The access token is not valid: it expired, its session ended, or it was not issued here. Refresh it or sign in again.",
                extensions = new { code = HospitalAuthentication.InvalidTokenCode },
            },
        },
    });

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return context.RequestServices.GetService<CookieSignInMarker>() is not null ? HospitalAuthentication.CookieScheme : JwtBearerDefaults.AuthenticationScheme;
    }

    private static async Task CheckSessionAsync(TokenValidatedContext context)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<TokenService>();
        if (context.Principal?.FindFirst(HospitalClaims.Session)?.Value is not { } session
            || !await tokens.IsSessionActiveAsync(session, context.HttpContext.RequestAborted))
        {
            context.Fail("The session has ended.");
        }
    }
}

/// <summary>Resolves the signing key as the host starts, so a missing one stops start-up instead of the first sign-in.</summary>
internal sealed class SigningKeyCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<Microsoft.IdentityModel.Tokens.SymmetricSecurityKey>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registered by a host that signs users in with the cookie (the UI): requests without a bearer token use it.</summary>
public sealed class CookieSignInMarker;

/// <summary>Identity's password rule that Identity lacks: the password must not contain the user name.</summary>
public sealed class NotUserNamePasswordValidator : IPasswordValidator<UserAccount>
{
    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password) =>
        Task.FromResult(password is not null && user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "The password must not contain the user name." })
            : IdentityResult.Success);
}

/// <summary>
/// Signs WebSocket connections in: the token travels in <c>connection_init</c> as
/// <c>{ "authorization": "Bearer &lt;token&gt;" }</c> (browsers cannot set headers on a WebSocket). A bad, expired or
/// signed-out token closes the socket with 4403. Without one the connection keeps the handshake's user (a bearer
/// header or the UI's cookie); an anonymous connection is refused when <c>Hospital:Auth:RequireWebSocketSignIn</c>.
/// </summary>
internal sealed class BearerWebSocketInterceptor(IOptionsMonitor<JwtBearerOptions> jwt, TokenService tokens) : IGraphQLWebSocketInterceptor
{
    private readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        var header = payload?.FirstOrDefault(p => string.Equals(p.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (header is null)
        {
            return context.User.Identity?.IsAuthenticated == true ? WebSocketConnectResult.Accept() : WebSocketConnectResult.Reject();
        }

        if (header is not string text || !text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return WebSocketConnectResult.Reject();
        }

        var result = await handler.ValidateTokenAsync(text["Bearer ".Length..].Trim(), jwt.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters);
        if (!result.IsValid
            || result.ClaimsIdentity.FindFirst(HospitalClaims.Session)?.Value is not { } session
            || !await tokens.IsSessionActiveAsync(session, cancellationToken))
        {
            return WebSocketConnectResult.Reject();
        }

        // The socket lives as long as its token: at expiry it closes with 4403 and the client signs in again with a fresh one.
        return WebSocketConnectResult.Accept(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity), expiresAt: new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
    }
}
