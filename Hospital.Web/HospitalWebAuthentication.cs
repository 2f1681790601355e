using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace Hospital.Web;

/// <summary>The UI's sign-in cookie and the user its calls to the API act for.</summary>
public static class HospitalWebAuthentication
{
    /// <summary>How long a session lasts without use (the cookie slides, and so do a remote API's kept tokens).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(10);

    /// <summary>The sign-in cookie: HTTP only, same-site lax, sent over HTTPS only when the request came that way.</summary>
    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/";
        options.Cookie.Name = "hospital.signin";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = SessionLifetime;
        options.SlidingExpiration = true;
    }

    /// <summary>
    /// The user of the scope the client serves: a component's (circuit or prerender) authentication state, else the
    /// request's user (a scope outside components, e.g. an endpoint), else nobody.
    /// </summary>
    public static async ValueTask<ClaimsPrincipal?> CurrentUserAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            return (await services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Blazor's provider has no state outside a component's scope.
            return services.GetService<IHttpContextAccessor>()?.HttpContext?.User;
        }
    }
}
