using System.Net;
using Gql.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.Http;

/// <summary>Transport limits over real HTTP.</summary>
public sealed class GraphQLHttpLimitTests
{
    [Fact]
    public async Task Response_OverTheSizeCap_IsReplacedByATypedError()
    {
        await using var host = await TestHost.StartAsync(s => s.AddSingleton(TestSchema.CreateExecutor()), app => app.MapGraphQL(configure: o => o.MaxResponseBodySize = 200));
        var echo = new string('x', 500);

        using var large = await host.PostQueryAsync("query ($v: String) { echo(value: $v) }", new { v = echo });
        using var small = await host.PostQueryAsync("{ hello }");

        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        var text = await large.TextAsync();
        Assert.DoesNotContain(echo, text);
        Assert.Equal("RESPONSE_TOO_LARGE", (await large.JsonAsync()).FirstErrorCode());
        Assert.Contains("Hello, world!", await small.TextAsync());
    }
}
