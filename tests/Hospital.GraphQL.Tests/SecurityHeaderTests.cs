using System.Net;
using Hospital.GraphQL.Security;

namespace Hospital.GraphQL.Tests;

/// <summary>The browser-hardening headers on the API and its IDE, over HTTP.</summary>
public sealed class SecurityHeaderTests(HospitalApi api)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/graphql?sdl")]
    public async Task EveryResponse_CarriesTheHardeningHeaders(string path)
    {
        using var response = await api.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task TheIde_GetsItsOwnPolicy_AndTheRestTheUiPolicy()
    {
        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.Accept.ParseAdd("text/html");
        using var ideResponse = await api.Client.SendAsync(ide, TestContext.Current.CancellationToken);
        using var other = await api.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(SecurityHeaders.IdePolicy, Header(ideResponse, "Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.UiPolicy, Header(other, "Content-Security-Policy"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, ideResponse.StatusCode);
    }

    [Fact]
    public async Task AForeignHostHeader_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "evil.example";

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri}");
}
