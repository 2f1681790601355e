using System.Text.Json;
using Gql.AspNetCore;
using Gql.AspNetCore.WebSockets;
using Gql.Server.Tests.Http;
using Gql.Server.Tests.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;

namespace Gql.Server.Tests.Authorization;

/// <summary>Subscriptions over graphql-transport-ws run as the user the interceptor chose from connection_init.</summary>
public sealed class WebSocketAuthorizationTests
{
    [Fact]
    public async Task InterceptorUser_IsAuthorized_AndTheStreamEndsWhenThePolicyFlips()
    {
        var shift = new Shift();
        var ticker = new Ticker();
        await using var host = await StartAsync(shift, ticker);
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host.Address, payload: new { user = "nina:Nurse" });

        await client.SubscribeAsync("1", "subscription { patientChanged { name } }");
        await WaitForSubscriberAsync(host);
        await ticker.Events.Writer.WriteAsync(1, TestContext.Current.CancellationToken);
        var allowed = await client.ReceiveAsync("next");
        shift.OnDuty = false;
        await ticker.Events.Writer.WriteAsync(2, TestContext.Current.CancellationToken);
        var denied = await client.ReceiveAsync("next");
        var complete = await client.ReceiveAsync();

        Assert.Equal("SECRET-NAME-Alice", allowed.GetProperty("payload").GetProperty("data").GetProperty("patientChanged").GetProperty("name").GetString());
        Assert.Equal("AUTH_NOT_AUTHORIZED", denied.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("SECRET", denied.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnonymousConnection_IsRefusedAtSubscribe_WithoutOpeningTheStream()
    {
        await using var host = await StartAsync(new Shift(), new Ticker());
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host.Address);

        await client.SubscribeAsync("1", "subscription { patientChanged { name } }");
        var message = await client.ReceiveAsync();

        Assert.Contains("AUTH_NOT_AUTHENTICATED", message.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, host.Services.GetRequiredService<SideEffects>().StreamsOpened);
    }

    private static async Task WaitForSubscriberAsync(TestHost host)
    {
        var effects = host.Services.GetRequiredService<SideEffects>();
        while (effects.StreamsOpened == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static Task<TestHost> StartAsync(Shift shift, Ticker ticker) => TestHost.StartAsync(
        services =>
        {
            services.AddSingleton(new SideEffects());
            services.AddSingleton(shift);
            services.AddSingleton(ticker);
            services.AddAuthorization(options =>
            {
                options.AddPolicy("OwnRecord", p => p.RequireAssertion(_ => false));
                options.AddPolicy("OnShift", p => p.RequireAssertion(_ => shift.OnDuty));
            });
            services.AddSingleton<IGraphQLWebSocketInterceptor, UserFromPayload>();
            services.AddGraphQLServer(b => b.AddType(typeof(AdminQueries)).AddType(typeof(WardSubscriptions)).AddType(typeof(PatientType)));
        },
        app => app.MapGraphQL(configure: o => o.WebSockets.KeepAliveInterval = null));

    /// <summary>Takes "name:Role" from the connection_init payload's "user", as a token would be read.</summary>
    private sealed class UserFromPayload : IGraphQLWebSocketInterceptor
    {
        public ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
        {
            if (payload?.GetValueOrDefault("user") is string user)
            {
                var parts = user.Split(':');
                return ValueTask.FromResult(WebSocketConnectResult.Accept(User(parts[0], parts[1..])));
            }

            return ValueTask.FromResult(WebSocketConnectResult.Accept());
        }
    }
}
