using Gql.AspNetCore;
using Gql.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// One server for a test class, on the subscription schema: <c>/graphql</c> with keep-alives off (so that tests see
/// only the messages they cause), <c>/keepalive</c> with fast keep-alives, <c>/fastinit</c> with a short
/// <c>connection_init</c> timeout, <c>/small</c> with a 256-byte message limit, and <c>/plain</c> with WebSockets
/// and server-sent events switched off. The application does not call <c>UseWebSockets()</c>.
/// </summary>
public sealed class GraphQLSubscriptionServerFixture : IAsyncLifetime
{
    private TestHost? host;

    public TestHost Host => host ?? throw new InvalidOperationException("The server has not started.");

    public TestEventHub Events => Host.Services.GetRequiredService<TestEventHub>();

    public ScopeProbeLog Probes => Host.Services.GetRequiredService<ScopeProbeLog>();

    public async ValueTask InitializeAsync() =>
        host = await TestHost.StartAsync(
            services => services.AddSubscriptionTestSchema(),
            app =>
            {
                app.MapGraphQL(configure: o =>
                {
                    o.WebSockets.KeepAliveInterval = null;
                    o.ServerSentEvents.KeepAliveInterval = null;
                });
                app.MapGraphQL("/keepalive", o =>
                {
                    o.WebSockets.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
                    o.ServerSentEvents.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
                });
                app.MapGraphQL("/fastinit", o => o.WebSockets.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200));
                app.MapGraphQL("/small", o =>
                {
                    o.MaxRequestBodySize = 256;
                    o.WebSockets.KeepAliveInterval = null;
                });
                app.MapGraphQL("/plain", o =>
                {
                    o.WebSockets.Enable = false;
                    o.ServerSentEvents.Enable = false;
                });
            });

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
