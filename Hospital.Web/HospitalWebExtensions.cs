using Gql.Client;
using Hospital.Web.Components;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Radzen;

namespace Hospital.Web;

public static class HospitalWebExtensions
{
    /// <summary>
    /// The staff UI: Razor components with interactive server rendering, Radzen, and the generated
    /// <c>IHospitalClient</c> over HTTP. The client talks to <c>Hospital:ApiBaseAddress</c> when set, else to this app's
    /// own first address (the co-hosted API), so any <c>--urls</c> works.
    /// </summary>
    public static IServiceCollection AddHospitalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddHospitalClient().ConfigureHttpClient((sp, client) =>
        {
            client.BaseAddress = GraphQLEndpoint(configuration["Hospital:ApiBaseAddress"] ?? OwnAddress(sp));
        });
        return services;
    }

    public static WebApplication MapHospitalWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    internal static Uri GraphQLEndpoint(string baseAddress)
    {
        var root = baseAddress.TrimEnd('/');
        return new Uri(root.EndsWith("/graphql", StringComparison.OrdinalIgnoreCase) ? root : root + "/graphql");
    }

    // The HTTP client is created on first use, after the server has bound its addresses. Wildcard hosts
    // (http://+:80, http://0.0.0.0:80, http://[::]:80) are not addresses one can call: use loopback instead.
    private static string OwnAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet: set Hospital:ApiBaseAddress.");
        return address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
