using System.Security.Claims;
using Gql.Server.Execution;
using Gql.Server.Tests.Execution;
using static Gql.Server.Tests.Authorization.AuthorizationTestSchema;

namespace Gql.Server.Tests.Authorization;

public sealed class SubscriptionAuthorizationTests
{
    private const string Subscription = "subscription { patientChanged { name } }";
    private static readonly Schema Schema = Build();

    [Fact]
    public async Task Start_Anonymous_IsRefusedBeforeTheStreamOpens()
    {
        var effects = new SideEffects();

        var results = await CollectAllAsync(Services(effects), null);

        var result = Assert.Single(results);
        Assert.Equal("patientChanged:AUTH_NOT_AUTHENTICATED", result.Codes());
        Assert.Equal(0, effects.StreamsOpened);
    }

    [Fact]
    public async Task Start_PolicyDenies_IsRefusedBeforeTheStreamOpens()
    {
        var effects = new SideEffects();

        var results = await CollectAllAsync(Services(effects, new Shift { OnDuty = false }), User("nina", "Nurse"));

        Assert.Equal("patientChanged:AUTH_NOT_AUTHORIZED", Assert.Single(results).Codes());
        Assert.Equal(0, effects.StreamsOpened);
    }

    [Fact]
    public async Task MidStream_WhenThePolicyFlips_TheErrorIsSentAndTheStreamEnds()
    {
        var shift = new Shift();
        var ticker = new Ticker();
        var effects = new SideEffects();
        await using var stream = Subscribe(Services(effects, shift, ticker), User("nina", "Nurse"));

        await ticker.Events.Writer.WriteAsync(1, TestContext.Current.CancellationToken);
        Assert.True(await stream.MoveNextAsync());
        var allowed = stream.Current;
        shift.OnDuty = false;
        await ticker.Events.Writer.WriteAsync(2, TestContext.Current.CancellationToken);
        await ticker.Events.Writer.WriteAsync(1, TestContext.Current.CancellationToken);
        Assert.True(await stream.MoveNextAsync());
        var denied = stream.Current;
        var more = await stream.MoveNextAsync();

        Assert.Equal("""{"patientChanged":{"name":"SECRET-NAME-Alice"}}""", allowed.DataJson());
        Assert.Null(denied.Data);
        Assert.Equal("patientChanged:AUTH_NOT_AUTHORIZED", denied.Codes());
        Assert.DoesNotContain("SECRET", denied.Json(), StringComparison.Ordinal);
        Assert.False(more);
        Assert.Equal(1, effects.StreamsOpened);
    }

    [Fact]
    public async Task EventPayload_OfAGuardedType_IsDenied_ButTheStreamGoesOn()
    {
        var ticker = new Ticker();
        await using var stream = Subscribe(Services(ticker: ticker), User("visitor"));

        await ticker.Events.Writer.WriteAsync(1, TestContext.Current.CancellationToken);
        await ticker.Events.Writer.WriteAsync(2, TestContext.Current.CancellationToken);
        Assert.True(await stream.MoveNextAsync());
        var first = stream.Current;
        Assert.True(await stream.MoveNextAsync());
        var second = stream.Current;

        Assert.Equal("patientChanged:AUTH_NOT_AUTHORIZED", first.Codes());
        Assert.Equal("patientChanged:AUTH_NOT_AUTHORIZED", second.Codes());
        Assert.DoesNotContain("SECRET", first.Json() + second.Json(), StringComparison.Ordinal);
    }

    private static IAsyncEnumerator<ExecutionResult> Subscribe(IServiceProvider services, ClaimsPrincipal? user) =>
        new RequestExecutor(Schema)
            .SubscribeAsync(new GraphQLRequest(Subscription), new RequestContext { Services = services, User = user }, TestContext.Current.CancellationToken)
            .GetAsyncEnumerator(TestContext.Current.CancellationToken);

    private static async Task<List<ExecutionResult>> CollectAllAsync(IServiceProvider services, ClaimsPrincipal? user)
    {
        var results = new List<ExecutionResult>();
        await using var stream = Subscribe(services, user);
        while (await stream.MoveNextAsync())
        {
            results.Add(stream.Current);
        }

        return results;
    }
}
