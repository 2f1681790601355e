using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gql.AspNetCore;

namespace Gql.Server.Tests.Http;

/// <summary>The Banana Cake Pop IDE served to browsers on the GraphQL endpoint.</summary>
public sealed partial class GraphQLIdeTests(GraphQLHttpServerFixture fixture) : IClassFixture<GraphQLHttpServerFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Browser_gets_the_ide_page()
    {
        using var response = await Host.GetAsync("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.MediaType());
        Assert.Contains("Accept", response.Headers.Vary);
        var html = await response.TextAsync();
        if (IdeAssets.Instance.IsAvailable)
        {
            // Relative asset URLs must resolve below the endpoint although the page is at "/graphql".
            Assert.Contains("<head><base href=\"/graphql/\"/>", html, StringComparison.Ordinal);
            Assert.Contains("<title>GraphQL IDE</title>", html, StringComparison.Ordinal);
            Assert.Matches(MainScript(), html);
        }
        else
        {
            Assert.Contains("install <a href=\"https://nodejs.org/\">Node.js</a> (with npm)", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Index_file_below_the_endpoint_is_the_configured_page()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");

        // The IDE's service worker precaches "index.html" and serves it for navigations later.
        using var response = await Host.GetAsync("/graphql/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<head><base href=\"/graphql/\"/>", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_with_a_query_gets_the_result_not_the_ide()
    {
        using var response = await Host.GetAsync($"/graphql?query={Uri.EscapeDataString("{ hello }")}", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType());
    }

    [Fact]
    public async Task Ide_is_not_served_when_switched_off()
    {
        using var response = await Host.GetAsync("/postonly", BrowserAccept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Ide_config_points_at_the_endpoint_with_telemetry_off()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");

        using var response = await Host.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = await response.JsonAsync();
        Assert.Equal("/graphql", config.GetProperty("endpoint").GetString());
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
        Assert.False(config.TryGetProperty("gaTrackingId", out _));
    }

    [Fact]
    public async Task Hashed_assets_are_served_with_their_content_type_and_cached_forever()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");
        using var page = await Host.GetAsync("/graphql", BrowserAccept);
        var script = MainScript().Match(await page.TextAsync()).Groups["src"].Value;

        using var response = await Host.GetAsync("/graphql/" + script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.MediaType());
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.True(response.Content.Headers.ContentLength > 100_000);

        using var css = await Host.GetAsync("/graphql/" + StyleSheet().Match(await page.TextAsync()).Groups["href"].Value);
        Assert.Equal("text/css", css.MediaType());
    }

    [Fact]
    public async Task Unhashed_assets_are_revalidated_with_their_etag()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");

        using var response = await Host.GetAsync("/graphql/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.MediaType());
        Assert.True(response.Headers.CacheControl!.NoCache);
        var etag = response.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/favicon.svg");
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task License_of_the_ide_is_served_with_the_assets()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");

        using var response = await Host.GetAsync("/graphql/LICENSE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        Assert.Contains("ChilliCream License", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_only_files_of_the_package_are_not_served()
    {
        using var response = await Host.GetAsync("/graphql/package.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Head_request_for_an_asset_has_headers_only()
    {
        Assert.SkipUnless(IdeAssets.Instance.IsAvailable, "The IDE assets were not built (npm was not available to the build).");

        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql/favicon.ico");
        using var response = await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("<script defer=\"defer\" src=\"(?<src>static/js/main\\.[0-9a-f]+\\.js)\"></script>")]
    private static partial Regex MainScript();

    [GeneratedRegex("<link href=\"(?<href>static/css/[^\"]+\\.css)\" rel=\"stylesheet\">")]
    private static partial Regex StyleSheet();
}
