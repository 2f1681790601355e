using Gql.Client;
using Hospital.Web.GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Web.Tests;

/// <summary>
/// The generated client as an outside program uses it against the running app: queries and mutations over HTTP,
/// subscriptions over the WebSocket (graphql-transport-ws), exactly as Hospital.Web does with Hospital:ApiBaseAddress.
/// </summary>
public sealed class RemoteClientTests(HospitalWebApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscription_OverWebSocket_DeliversAChangeMadeOverHttp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hospital:ApiBaseAddress"] = app.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHospitalWeb(configuration);

        // A program signs in with signIn and sends its token: as a bearer header on HTTP, in connection_init on the socket.
        var token = await app.AccessTokenAsync("nurse");
        var endpoint = new Uri(app.BaseAddress, "/graphql");
        services.AddHospitalClient()
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = endpoint;
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            })
            .UseWebSocketForSubscriptions(options =>
            {
                options.Uri = endpoint;
                options.ConnectionInitPayload = _ => ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = "Bearer " + token });
            });
        await using var provider = services.BuildServiceProvider();
        var beds = await provider.GetRequiredService<IGetBedBoardQuery>().ExecuteAsync(Ct);
        Assert.True(beds.IsSuccess, string.Join("; ", beds.Errors.Select(e => e.Message)));
        var bed = beds.Data!.Wards.SelectMany(w => w.Beds).First(b => b.Status == BedStatus.Available);
        var wardId = beds.Data.Wards.First(w => w.Beds.Any(b => b.Id == bed.Id)).Id;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(60));
        await using var events = provider.GetRequiredService<IOnBedChangedSubscription>().Watch(wardId, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = events.MoveNextAsync().AsTask();

        // The subscription is live once the server has it; keep changing the bed until the event comes through.
        var setBedStatus = provider.GetRequiredService<ISetBedStatusMutation>();
        var status = BedStatus.Cleaning;
        while (!first.IsCompleted)
        {
            var change = await setBedStatus.ExecuteAsync(bed.Id, status, stop.Token);
            Assert.True(change.IsSuccess, string.Join("; ", change.Errors.Select(e => e.Message)));
            Assert.Empty(change.Data!.SetBedStatus.Errors ?? []);
            status = status == BedStatus.Cleaning ? BedStatus.Available : BedStatus.Cleaning;
            await Task.WhenAny(first, Task.Delay(500, stop.Token));
        }

        Assert.True(await first);
        Assert.True(events.Current.IsSuccess, string.Join("; ", events.Current.Errors.Select(e => e.Message)));
        Assert.Equal(bed.Id, events.Current.Data!.BedChanged.Id);
        await setBedStatus.ExecuteAsync(bed.Id, BedStatus.Available, Ct);
    }
}
