using Gql.Server.Execution;
using Hospital.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests;

/// <summary>
/// Hospital.Web with <c>Hospital:ApiBaseAddress</c> set: a UI-only host over another host's API (here the suite's app),
/// composed as Program.cs composes it in that mode. It hosts no API and opens no database.
/// </summary>
public sealed class RemoteApiHostTests(HospitalWebApp api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebHost_WithApiBaseAddress_ServesTheUiFromTheRemoteApi_WithoutDatabaseOrEndpoint()
    {
        // Arrange: a database file the host would create if it opened its own database.
        var file = Path.Combine(Path.GetTempPath(), $"hospital-ui-only-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(HospitalWebExtensions).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
            ContentRootPath = Path.Combine(HospitalWebApp.RepositoryDirectory(), "Hospital.Web"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hospital:ApiBaseAddress"] = api.BaseAddress.ToString(),
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Hospital"] = $"Data Source={file}",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseStaticWebAssets();
        Assert.False(builder.Configuration.HostsHospitalApi());
        builder.Services.AddHospitalWeb(builder.Configuration);
        await using var web = builder.Build();
        web.MapHospitalWeb();
        await web.StartAsync(Ct);
        var address = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        // Act: the bed board in a browser, its data from the remote API.
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var context = await chromium.NewContextAsync(1280, 800);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(address, "wards").ToString());

        // Assert: the UI sends the nurse to sign in (against the API's signIn), then back to the bed board...
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Browser.UiSession.SignInOnPageAsync(page, "nurse", HospitalWebApp.DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bed board", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator(".user-menu-role")).ToHaveTextAsync("Nurse");
        await Expect(page.Locator("[data-testid=bed]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Empty(errors);

        // ...and signing out ends the session: the pages ask for sign-in again.
        await page.GotoAsync(new Uri(address, "signout").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(address, "wards").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await context.DisposeAsync();

        // ...with no API, executor or database in this host, and no /graphql endpoint.
        Assert.Null(web.Services.GetService<IRequestExecutor>());
        Assert.Null(web.Services.GetService<IDbContextFactory<HospitalDbContext>>());
        Assert.Null(web.Services.GetService<HospitalDbContext>());
        Assert.Null(web.Services.GetService<SchemaManager>());
        using var http = new HttpClient { BaseAddress = address };
        using var graphql = await http.PostAsync("graphql", System.Net.Http.Json.JsonContent.Create(new { query = "{ __typename }" }), Ct);
        Assert.NotEqual("application/graphql-response+json", graphql.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("__typename", await graphql.Content.ReadAsStringAsync(Ct));
        Assert.False(File.Exists(file), "The UI-only host created a database file.");
        await web.StopAsync(Ct);
    }
}
