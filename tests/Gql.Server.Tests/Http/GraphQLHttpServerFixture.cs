using Gql.AspNetCore;
using Gql.Server.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.Http;

/// <summary>
/// One server for a test class: <c>/graphql</c> with defaults, <c>/small</c> with a 256-byte body limit and
/// <c>/postonly</c> with GET switched off, all on the real executor, plus an SDL provider.
/// </summary>
public sealed class GraphQLHttpServerFixture : IAsyncLifetime
{
    private TestHost? host;

    public TestHost Host => host ?? throw new InvalidOperationException("The server has not started.");

    internal FixedSdlProvider Sdl { get; } = new();

    public async ValueTask InitializeAsync() =>
        host = await TestHost.StartAsync(
            services =>
            {
                services.AddSingleton(TestSchema.CreateExecutor());
                services.AddSingleton<ISchemaSdlProvider>(Sdl);
            },
            app =>
            {
                app.MapGraphQL();
                app.MapGraphQL("/small", o => o.MaxRequestBodySize = 256);
                app.MapGraphQL("/postonly", o =>
                {
                    o.EnableGetRequests = false;
                    o.Ide.Enable = false;
                    o.EnableSchemaRequests = false;
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
