using Hospital.Web.Components.Account;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Components.Tests.Account;

/// <summary>The UI's kept API tokens when it calls a remote API: refreshed ahead of expiry, once per session, and gone when the API ends the session.</summary>
public sealed class RemoteSessionStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly Clock clock = new() { Now = Start };
    private readonly RemoteSessionStore store;
    private int refreshes;

    public RemoteSessionStoreTests() =>
        store = new RemoteSessionStore(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), clock);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshToken_IsUsedAsItIs()
    {
        var key = await store.StartAsync(new RemoteTokens("access-1", "refresh-1", Start.AddMinutes(15)), Ct);

        var token = await store.AccessTokenAsync(key, forceRefresh: false, RefreshAsync, Ct);

        Assert.Equal("access-1", token);
        Assert.Equal(0, refreshes);
    }

    [Fact]
    public async Task ATokenAboutToExpire_IsRefreshedOnce_ForEveryoneAskingAtOnce()
    {
        var key = await store.StartAsync(new RemoteTokens("access-1", "refresh-1", Start.AddMinutes(15)), Ct);
        clock.Now = Start.AddMinutes(14).AddSeconds(30);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AccessTokenAsync(key, forceRefresh: false, SlowRefreshAsync, Ct)));

        Assert.All(tokens, t => Assert.Equal("access-2", t));
        Assert.Equal(1, refreshes);
        Assert.Equal("refresh-2", (await store.GetAsync(key, Ct))!.RefreshToken);
    }

    [Fact]
    public async Task ATokenTheApiRefused_IsRefreshedEvenIfItLooksFresh()
    {
        var key = await store.StartAsync(new RemoteTokens("access-1", "refresh-1", Start.AddMinutes(15)), Ct);

        var token = await store.AccessTokenAsync(key, forceRefresh: true, RefreshAsync, Ct);

        Assert.Equal("access-2", token);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task ASessionTheApiEnded_IsForgotten()
    {
        var key = await store.StartAsync(new RemoteTokens("access-1", "refresh-1", Start.AddMinutes(15)), Ct);
        clock.Now = Start.AddMinutes(20);

        var token = await store.AccessTokenAsync(key, forceRefresh: false, (_, _) => Task.FromResult<RemoteTokens?>(null), Ct);

        Assert.Null(token);
        Assert.Null(await store.GetAsync(key, Ct));
        Assert.Null(await store.AccessTokenAsync(key, forceRefresh: false, RefreshAsync, Ct));
    }

    [Fact]
    public async Task SessionKeys_AreRandomAndUnguessable()
    {
        var tokens = new RemoteTokens("a", "r", Start.AddMinutes(15));

        var keys = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.StartAsync(tokens, Ct)));

        Assert.Equal(50, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.True(k.Length >= 40, k));
    }

    private Task<RemoteTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref refreshes) + 1;
        return Task.FromResult<RemoteTokens?>(new RemoteTokens($"access-{n}", $"refresh-{n}", clock.Now.AddMinutes(15)));
    }

    private async Task<RemoteTokens?> SlowRefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await Task.Delay(50, cancellationToken);
        return await RefreshAsync(refreshToken, cancellationToken);
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
