using System.Net;
using System.Runtime.CompilerServices;
using Gql.AspNetCore;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gql.Server.Tests.Http;

/// <summary>Server-side failures: they become a generic 500 GraphQL error, are logged, and never leak details.</summary>
public sealed class GraphQLHttpFailureTests
{
    private const string Generic500 = """{"errors":[{"message":"Unexpected Execution Error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}""";

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Executor_exception_is_a_500_without_details(string accept)
    {
        await using var host = await TestHost.StartAsync(s => s.AddSingleton<IRequestExecutor>(new ThrowingExecutor()), app => app.MapGraphQL());

        using var response = await host.PostQueryAsync("{ hello }", accept: accept);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        var text = await response.TextAsync();
        Assert.Equal(Generic500, text);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        var logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task Missing_executor_registration_is_a_500()
    {
        await using var host = await TestHost.StartAsync(_ => { }, app => app.MapGraphQL());

        using var response = await host.PostQueryAsync("{ hello }");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(Generic500, await response.TextAsync());
    }

    [Fact]
    public async Task Sdl_without_a_provider_comes_from_the_schema_printer()
    {
        await using var host = await TestHost.StartAsync(s => s.AddSingleton(TestSchema.CreateExecutor()), app => app.MapGraphQL());

        using var response = await host.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        var sdl = await response.TextAsync();
        Assert.Contains("type Patient {", sdl, StringComparison.Ordinal);
        Assert.Contains("admit(name: String!): Patient!", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_honours_a_custom_pattern_and_path_base()
    {
        await using var host = await TestHost.StartAsync(
            s => s.AddSingleton(TestSchema.CreateExecutor()),
            app =>
            {
                app.UsePathBase("/hospital");
                app.UseRouting();
                app.MapGraphQL("/api/graphql/");
            });

        using var result = await host.PostQueryAsync("{ hello }", path: "/hospital/api/graphql");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);

        using var page = await host.GetAsync("/hospital/api/graphql/", "text/html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        if (IdeAssets.Instance.IsAvailable)
        {
            Assert.Contains("<base href=\"/hospital/api/graphql/\"/>", await page.TextAsync(), StringComparison.Ordinal);
            using var config = await host.GetAsync("/hospital/api/graphql/bcp-config.json");
            Assert.Equal("/hospital/api/graphql", (await config.JsonAsync()).GetProperty("endpoint").GetString());
        }
    }

    private sealed class ThrowingExecutor : IRequestExecutor
    {
        public Schema Schema => throw new NotSupportedException();

        public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("secret connection string and stack");

        public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(GraphQLRequest request, RequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new InvalidOperationException("secret");
#pragma warning disable CS0162 // An iterator needs a yield; this one never gets there.
            yield break;
#pragma warning restore CS0162
        }
    }
}
