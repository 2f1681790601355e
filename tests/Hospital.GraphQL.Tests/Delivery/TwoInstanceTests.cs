using System.Diagnostics;
using Hospital.Data;
using Hospital.Data.Outbox;
using Hospital.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Tests.Delivery;

/// <summary>Two API instances on one real PostgreSQL (started from the machine's binaries; skipped without them).</summary>
public sealed class TwoInstanceTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PostgresServer Server
    {
        get
        {
            Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
            return server;
        }
    }

    [Fact]
    public async Task AChangeThroughInstanceA_ReachesASubscriberOnInstanceB()
    {
        var connectionString = Server.ConnectionString("delivery_two");
        await using var a = await Instance.StartAsync(DatabaseProvider.PostgreSql, connectionString, "node-a");
        await using var b = await Instance.StartAsync(DatabaseProvider.PostgreSql, connectionString, "node-b");
        await Instance.EventuallyAsync(async () => await b.CursorAsync("node-b") is not null, "instance B's relay started");
        await using var listener = await b.ListenAsync(ChangeTopics.BedChanged.Name);

        // A first change finds B's listener connected (it may still be connecting right after start; the poll covers that).
        Assert.Equal(await a.ChangeABedAsync(), (await listener.NextAsync()).EntityId);

        // Measured, not asserted: the figure is written to the test output.
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var bedId = await a.ChangeABedAsync();
            var clock = Stopwatch.StartNew();
            var message = await listener.NextAsync();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(bedId, message.EntityId);
            Assert.Equal(await a.NewestEventAsync(), message.EventId);
        }

        latencies.Sort();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Commit on A to delivery on B over 20 changes: median {latencies[10]:F1} ms, max {latencies[^1]:F1} ms, min {latencies[0]:F1} ms");
    }

    [Fact]
    public async Task TwoInstancesStartingOnAnEmptyDatabase_CreateTheSchemaAndSeedOnce()
    {
        var connectionString = Server.ConnectionString("delivery_race");
        await using var a = Instance.Build(DatabaseProvider.PostgreSql, connectionString, "node-a");
        await using var b = Instance.Build(DatabaseProvider.PostgreSql, connectionString, "node-b");

        await Task.WhenAll(Task.Run(a.PrepareAsync, Ct), Task.Run(b.PrepareAsync, Ct));

        await using var db = await a.DbAsync();
        var versions = await db.SchemaVersions.Select(v => v.Version).ToListAsync(Ct);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(SchemaManager.CurrentVersion, versions.Max());
        Assert.Equal(12, await db.Patients.CountAsync(Ct));
        Assert.Equal(await db.Users.Select(u => u.UserName).Distinct().CountAsync(Ct), await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task StartUp_WaitsForTheDatabase_WithABoundedRetry()
    {
        // Nothing listens on this port: every attempt fails, and start-up gives up after the configured attempts.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(Server.ConnectionString("delivery_away")) { Port = FreePort(), Timeout = 2 }.ConnectionString;
        await using var instance = Instance.Build(DatabaseProvider.PostgreSql, connectionString, "node-a", new Dictionary<string, string?>
        {
            ["Hospital:Startup:DatabaseAttempts"] = "3",
            ["Hospital:Startup:DatabaseRetryDelay"] = "00:00:00.200",
        });
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<Npgsql.NpgsqlException>(instance.PrepareAsync);

        // Two waits between three attempts.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"Gave up after {clock.Elapsed}.");
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>Two API instances starting together on one real MariaDB (standing in for MySQL; skipped without it).</summary>
public sealed class TwoInstanceMariaDbTests(MariaDbServer server) : IClassFixture<MariaDbServer>
{
    [Fact]
    public async Task TwoInstancesStartingOnAnEmptyDatabase_CreateTheSchemaAndSeedOnce()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        var connectionString = server.ConnectionString("delivery_race");
        await using var a = Instance.Build(DatabaseProvider.MySql, connectionString, "node-a");
        await using var b = Instance.Build(DatabaseProvider.MySql, connectionString, "node-b");

        await Task.WhenAll(Task.Run(a.PrepareAsync, TestContext.Current.CancellationToken), Task.Run(b.PrepareAsync, TestContext.Current.CancellationToken));

        await using var db = await a.DbAsync();
        var versions = await db.SchemaVersions.Select(v => v.Version).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(SchemaManager.CurrentVersion, versions.Max());
        Assert.Equal(12, await db.Patients.CountAsync(TestContext.Current.CancellationToken));
    }
}
