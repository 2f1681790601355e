using Gql.Client;
using Gql.Client.InProcess;
using Hospital.Data;
using Hospital.Web.Components;
using Hospital.Web.Components.Loading;
using Hospital.GraphQL;
using Hospital.GraphQL.Accounts;
using Hospital.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Radzen;

namespace Hospital.Web;

public static class HospitalWebExtensions
{
    /// <summary>
    /// Whether this process hosts the API (and so its database): yes unless <c>Hospital:ApiBaseAddress</c> names the API
    /// of another process, which the UI then calls over HTTP and WebSocket.
    /// </summary>
    public static bool HostsHospitalApi(this IConfiguration configuration) => ApiBaseAddress(configuration) is null;

    /// <summary>
    /// The staff UI: Razor components with interactive server rendering, Radzen, and the generated
    /// <c>IHospitalClient</c>. With <c>Hospital:ApiBaseAddress</c> set the client calls that API over HTTP; otherwise it
    /// calls the API this process hosts directly, in process (no HTTP, no loopback address). Subscriptions to a remote
    /// API go over a WebSocket.
    /// </summary>
    public static IServiceCollection AddHospitalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Pages prerender with their data and hand it to the circuit as persistent component state, which arrives in the
        // circuit's first message: room for QueryLoader's largest kept result (base64 of its protected JSON), beyond
        // SignalR's 32 KB default.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 3 * QueryLoader<object>.MaxKeptJsonLength);
        services.AddOptions<HospitalOptions>().Bind(configuration.GetSection(HospitalOptions.Section));
        services.AddRadzenComponents();
        services.AddCascadingAuthenticationState();
        services.TryAddSingleton(TimeProvider.System);

        // The UI reads the hospital's time zone from these; without a co-hosted API nothing here opens the database.
        services.TryAddSingleton(_ => HospitalDataOptions.FromConfiguration(configuration));
        services.AddSingleton<HospitalTime>();
        var client = services.AddHospitalClient();
        services.AddHttpContextAccessor();
        if (ApiBaseAddress(configuration) is { } apiBaseAddress)
        {
            // Queries and mutations over HTTP, subscriptions over a WebSocket per circuit (graphql-transport-ws), each
            // with the access token of the circuit's user: the UI signs people in against the API (signIn) and keeps
            // their tokens on the server, refreshing them before they expire.
            client.ConfigureHttpClient(http => http.BaseAddress = GraphQLEndpoint(apiBaseAddress))
                .UseWebSocketForSubscriptions(GraphQLEndpoint(apiBaseAddress))
                .UseCredentials(sp => sp.GetRequiredService<RemoteSessionCredentials>(), ServiceLifetime.Scoped);
            services.AddDistributedMemoryCache();
            services.AddSingleton<RemoteSessionStore>();
            services.AddScoped<RemoteSessionCredentials>();
            services.AddScoped<IWebSignIn, RemoteWebSignIn>();
            services.AddScoped<AuthenticationStateProvider, RemoteUserState>();
            services.AddAuthentication(HospitalAuthentication.CookieScheme); // no API here: the cookie is the only scheme
            services.AddAuthorization();
        }
        else
        {
            // The API in this process: Identity checks passwords, the cookie signs people in, and each request of the
            // circuit's client runs as the circuit's user, so the UI gets exactly what the API allows that user.
            services.AddSingleton<CookieSignInMarker>();
            services.AddScoped<IWebSignIn, LocalWebSignIn>();
            services.AddScoped<AuthenticationStateProvider, RevalidatingUserState>();
            client.UseInProcessTransport(HospitalWebAuthentication.CurrentUserAsync);
        }

        // The sign-in cookie (in process, the API's default scheme chooses between a bearer token and this cookie).
        services.AddAuthentication().AddCookie(HospitalAuthentication.CookieScheme, HospitalWebAuthentication.ConfigureCookie);
        return services;
    }

    public static WebApplication MapHospitalWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        Hospital.GraphQL.Security.SecurityHeaders.UseHospitalSecurityHeaders(app);
        app.UseHospitalAuthentication();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapGet("/audit/export.csv", Components.Audit.AuditCsv.ExportAsync)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Hospital.Data.Entities.Roles.Admin });
        return app;
    }

    private static string? ApiBaseAddress(IConfiguration configuration) =>
        configuration["Hospital:ApiBaseAddress"] is { Length: > 0 } address ? address : null;

    internal static Uri GraphQLEndpoint(string baseAddress)
    {
        var root = baseAddress.TrimEnd('/');
        return new Uri(root.EndsWith("/graphql", StringComparison.OrdinalIgnoreCase) ? root : root + "/graphql");
    }
}
