using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gql.AspNetCore;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gql.Server.Tests.Http;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port (there is no TestServer package), and a client for it.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestHost(WebApplication app, Uri address, CollectingLoggerProvider logs)
    {
        this.app = app;
        Address = address;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => app.Services;

    public HttpClient Client { get; }

    /// <summary>What the server logged at warning level and above.</summary>
    public CollectingLoggerProvider Logs { get; }

    public static async Task<TestHost> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel();
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        services(builder.Services);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestHost(app, new Uri(address), logs);
    }

    /// <summary>Stops the application gracefully, as a host shutdown does.</summary>
    public Task StopAsync() => app.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string? accept = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        AddAccept(request, accept);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostQueryAsync(string query, object? variables = null, string? accept = null, string path = "/graphql") =>
        PostAsync(path, JsonSerializer.Serialize(new { query, variables }), accept);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        AddAccept(request, accept);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static void AddAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }
}

/// <summary>Reading responses in assertions.</summary>
internal static class ResponseExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<string> TextAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static string FirstErrorCode(this JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    public static string FirstErrorMessage(this JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("message").GetString()!;
}

/// <summary>Keeps log entries so tests can check that failures are logged on the server (and only there).</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>The hospital-flavoured schema the HTTP tests run against, executed by the real <see cref="RequestExecutor"/>.</summary>
internal static class TestSchema
{
    public const string Sdl = """
        type Query {
          hello(name: String): String!
          patient(id: ID!): Patient
          patients: [Patient!]!
          add(a: Int!, b: Int!): Int!
          failing: String
          echo(value: String): String
        }

        type Mutation {
          admit(name: String!): Patient!
        }

        type Patient {
          id: ID!
          name: String!
        }
        """;

    public static IRequestExecutor CreateExecutor()
    {
        var patients = new[] { new Patient("1", "Ada Lovelace"), new Patient("2", "Zoë Brontë") };
        var resolvers = new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
        {
            ["Query"] = new Dictionary<string, FieldResolver>
            {
                ["hello"] = ctx => ValueTask.FromResult<object?>($"Hello, {ctx.ArgumentValue<string>("name") ?? "world"}!"),
                ["patient"] = ctx => ValueTask.FromResult<object?>(patients.FirstOrDefault(p => p.Id == ctx.ArgumentValue<string>("id"))),
                ["patients"] = _ => ValueTask.FromResult<object?>(patients),
                ["add"] = ctx => ValueTask.FromResult<object?>(ctx.ArgumentValue<int>("a") + ctx.ArgumentValue<int>("b")),
                ["failing"] = _ => throw new GraphQLException("The ward is closed.", "WARD_CLOSED"),
                ["echo"] = ctx => ValueTask.FromResult<object?>(ctx.ArgumentValue<string>("value")),
            },
            ["Mutation"] = new Dictionary<string, FieldResolver>
            {
                ["admit"] = ctx => ValueTask.FromResult<object?>(new Patient("3", ctx.ArgumentValue<string>("name")!)),
            },
        };
        return new RequestExecutor(SchemaBuilder.FromSdl(Sdl, resolvers));
    }

    private sealed record Patient(string Id, string Name);
}

/// <summary>Stands in for the engine's SDL printer, which the application registers.</summary>
internal sealed class FixedSdlProvider : ISchemaSdlProvider
{
    public int Calls { get; private set; }

    public string GetSdl(Schema schema)
    {
        Calls++;
        return TestSchema.Sdl;
    }
}
