using System.Net;
using System.Security.Claims;
using Gql.AspNetCore;
using Gql.Server.Execution;
using Gql.Server.Tests.Execution;
using Gql.Server.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;

namespace Gql.Server.Tests.Authorization;

public sealed class IntrospectionAuthorizationTests
{
    private static readonly Schema AnalystsOnly = Build(b => b.AllowIntrospection(u => u?.IsInRole("Analyst") == true));

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ version __type(name: \"Patient\") { name } }")]
    [InlineData("query { ...F } fragment F on Query { __schema { types { name } } }")]
    public async Task Introspection_ForAUserThePredicateRejects_IsRefusedInValidation(string query)
    {
        var anonymous = await AnalystsOnly.RunAsync(query, null);
        var nurse = await AnalystsOnly.RunAsync(query, User("nina", "Nurse"));

        foreach (var result in new[] { anonymous, nurse })
        {
            Assert.False(result.HasData);
            Assert.Equal(RequestErrorKind.Validation, result.RequestError);
            Assert.All(result.Errors!, e => Assert.Equal(ErrorCodes.IntrospectionNotAllowed, e.Code));
            Assert.Equal("Introspection is not allowed for the current user.", result.Errors![0].Message);
        }
    }

    [Fact]
    public async Task Introspection_ForAllowedUsers_AndTypename_ForEveryone_StillWork()
    {
        var analyst = await AnalystsOnly.RunAsync("{ __schema { queryType { name } } }", User("ana", "Analyst"));
        var typename = await AnalystsOnly.RunAsync("{ __typename version }", null);

        Assert.Equal("""{"__schema":{"queryType":{"name":"Query"}}}""", analyst.DataJson());
        Assert.Equal("""{"__typename":"Query","version":"1.0"}""", typename.DataJson());
        Assert.Null(typename.Errors);
    }

    [Fact]
    public async Task Introspection_ByPolicy_NeedsASignedInUserWhoSatisfiesIt()
    {
        var schema = Build(b => b.AllowIntrospection("OnShift"));
        var shift = new Shift();
        var services = Services(shift: shift);

        var onShift = await schema.RunAsync("{ __type(name: \"Bed\") { name } }", User("ana"), services);
        shift.OnDuty = false;
        var offShift = await schema.RunAsync("{ __type(name: \"Bed\") { name } }", User("ana"), services);
        shift.OnDuty = true;
        var anonymous = await schema.RunAsync("{ __type(name: \"Bed\") { name } }", null, services);

        Assert.Equal("""{"__type":{"name":"Bed"}}""", onShift.DataJson());
        Assert.Equal(ErrorCodes.IntrospectionNotAllowed, offShift.Errors![0].Code);
        Assert.Equal(ErrorCodes.IntrospectionNotAllowed, anonymous.Errors![0].Code);
    }

    [Fact]
    public async Task Introspection_WithoutTheOption_IsOpenAsBefore()
    {
        var result = await Build().RunAsync("{ __schema { queryType { name } } }", null);

        Assert.Null(result.Errors);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("nina:Nurse", HttpStatusCode.Forbidden)]
    [InlineData("ana:Analyst", HttpStatusCode.OK)]
    public async Task Http_SdlAndIde_ObeyTheSamePredicate(string? user, HttpStatusCode expected)
    {
        await using var host = await StartAsync();

        var sdl = await SendAsync(host, "/graphql?sdl", "text/plain", user);
        var ide = await SendAsync(host, "/graphql", "text/html", user);
        var post = await SendAsync(host, "/graphql", "application/graphql-response+json", user, "{ __schema { queryType { name } } }");

        Assert.Equal(expected, sdl.StatusCode);
        Assert.Equal(expected, ide.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("type Query", await sdl.TextAsync());
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }
        else
        {
            Assert.Equal(ErrorCodes.IntrospectionNotAllowed, (await sdl.JsonAsync()).FirstErrorCode());
            Assert.DoesNotContain("Patient", await ide.TextAsync());
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
            Assert.Equal(ErrorCodes.IntrospectionNotAllowed, (await post.JsonAsync()).FirstErrorCode());
        }
    }

    private static Task<TestHost> StartAsync() => TestHost.StartAsync(
        services =>
        {
            services.AddSingleton(new SideEffects());
            services.AddGraphQLServer(b => b.AddType(typeof(AdminQueries)).AllowIntrospection(u => u?.IsInRole("Analyst") == true));
        },
        app =>
        {
            // Stands in for authentication: "X-Test-User: name:Role".
            app.Use((HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Headers["X-Test-User"].ToString() is { Length: > 0 } header)
                {
                    var parts = header.Split(':');
                    context.User = User(parts[0], parts[1..]);
                }

                return next(context);
            });
            app.MapGraphQL();
        });

    private static Task<HttpResponseMessage> SendAsync(TestHost host, string path, string accept, string? user, string? query = null)
    {
        var request = query is null
            ? new HttpRequestMessage(HttpMethod.Get, path)
            : new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (user is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Test-User", user);
        }

        return host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
