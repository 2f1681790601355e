using Microsoft.Net.Http.Headers;

namespace Hospital.GraphQL.Security;

/// <summary>
/// Browser hardening for every response of the UI and the API (including the IDE): a Content-Security-Policy, no
/// framing (clickjacking), no referrer beyond the origin, no powerful browser features; outside Development HSTS and
/// HTTPS redirection. One registration serves both hosts, whichever maps first.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The UI: Blazor Server and Radzen load scripts, styles and fonts from the app itself and talk to it over its own
    /// WebSocket. Inline scripts are allowed because Blazor's import map is an inline script; styles because Radzen
    /// sets inline styles.
    /// </summary>
    public const string UiPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The GraphQL endpoint and its IDE (Banana Cake Pop, served from our own files): the IDE's bundle evaluates code
    /// and injects styles, workers come from blobs; everything else stays on our origin.
    /// </summary>
    public const string IdePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string Key = "Hospital.SecurityHeadersAdded";

    /// <summary>Adds the headers (once per application) and, outside Development, HSTS and HTTPS redirection.</summary>
    public static WebApplication UseHospitalSecurityHeaders(this WebApplication app, string idePath = "/graphql")
    {
        if (!((IApplicationBuilder)app).Properties.TryAdd(Key, true))
        {
            return app;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = context.Request.Path.StartsWithSegments(idePath) ? IdePolicy : UiPolicy;
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            return next(context);
        });
        return app;
    }
}
