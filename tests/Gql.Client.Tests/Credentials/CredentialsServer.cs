using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Gql.Client.Tests.Infrastructure;
using Gql.Server;
using Gql.AspNetCore;
using Gql.AspNetCore.WebSockets;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Client.Tests.Credentials;

/// <summary>
/// Our engine on a real Kestrel server, guarded by bearer tokens the test issues from <see cref="TokenAuthority"/>: HTTP
/// answers 401 to an unknown or expired token (as JWT bearer authentication with an authorization requirement does),
/// WebSocket connections carry the token in <c>connection_init</c>, are rejected with 4403 when it is bad and closed
/// with 4403 when it expires. <c>me</c> and each <c>ticks</c> event tell which token the server saw.
/// </summary>
internal static class CredentialsServer
{
    private const string Sdl = """
        type Query {
          me: String
        }

        type Subscription {
          ticks(intervalMs: Int!): String!
        }
        """;

    public static Task<TestServer> StartAsync(TokenAuthority authority) =>
        TestServer.StartAsync(
            services =>
            {
                services.AddSingleton(authority);
                services.AddSingleton(CreateExecutor());
                services.AddSingleton<IGraphQLWebSocketInterceptor, TokenInterceptor>();
            },
            app =>
            {
                app.Use(async (context, next) =>
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    if (header.StartsWith("Bearer ", StringComparison.Ordinal))
                    {
                        var token = header["Bearer ".Length..];
                        authority.HttpTokens.Enqueue(token);
                        if (authority.Validate(token) is not { } valid)
                        {
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                            return;
                        }

                        context.User = valid.User;
                    }

                    await next(context);
                });
                app.MapGraphQL();
            });

    /// <summary>"token@user" of the caller, or null when anonymous.</summary>
    private static string? Who(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? $"{user.FindFirst("token")?.Value}@{user.Identity.Name}" : null;

    private static IRequestExecutor CreateExecutor()
    {
        var resolvers = new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
        {
            ["Query"] = new Dictionary<string, FieldResolver>
            {
                ["me"] = ctx => ValueTask.FromResult<object?>(Who(ctx.User)),
            },
            ["Subscription"] = new Dictionary<string, FieldResolver>
            {
                ["ticks"] = ctx => ValueTask.FromResult<object?>($"{Who(ctx.User)} {ctx.Parent}"),
            },
        };
        var schema = SchemaBuilder.FromSdl(Sdl, resolvers);
        schema.SubscriptionType!.Fields.Single(f => f.Name == "ticks").Subscriber =
            ctx => ValueTask.FromResult(TicksAsync(ctx.ArgumentValue<int>("intervalMs"), ctx.RequestAborted));
        return new RequestExecutor(schema);
    }

    private static async IAsyncEnumerable<object?> TicksAsync(int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var tick = 1; ; tick++)
        {
            yield return tick;
            await Task.Delay(intervalMs, cancellationToken);
        }
    }

    /// <summary>Accepts a valid <c>authorization: Bearer</c> in <c>connection_init</c> until the token expires; rejects anything else.</summary>
    private sealed class TokenInterceptor(TokenAuthority authority) : IGraphQLWebSocketInterceptor
    {
        public ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
        {
            var authorization = payload?.GetValueOrDefault("authorization") as string;
            authority.InitAuthorizations.Enqueue(authorization);
            if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authority.Validate(authorization["Bearer ".Length..]) is not { } valid)
            {
                Interlocked.Increment(ref authority.Rejected);
                return ValueTask.FromResult(WebSocketConnectResult.Reject());
            }

            Interlocked.Increment(ref authority.Accepted);
            return ValueTask.FromResult(WebSocketConnectResult.Accept(valid.User, expiresAt: valid.ExpiresAt));
        }
    }
}

/// <summary>
/// Issues opaque tokens and remembers what the server was shown. A token's lifetime starts when the server first sees
/// it, so a slow machine cannot expire a token before its connection is made.
/// </summary>
internal sealed class TokenAuthority
{
    private readonly ConcurrentDictionary<string, (string User, TimeSpan Lifetime)> issuedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> expiries = new(StringComparer.Ordinal);
    private int issued;

    public int Accepted;

    public int Rejected;

    /// <summary>The bearer tokens of HTTP requests, in order.</summary>
    public ConcurrentQueue<string> HttpTokens { get; } = new();

    /// <summary>The <c>authorization</c> of each <c>connection_init</c>, in order.</summary>
    public ConcurrentQueue<string?> InitAuthorizations { get; } = new();

    public string Issue(string user, TimeSpan lifetime)
    {
        var token = "tok-" + Interlocked.Increment(ref issued);
        issuedTokens[token] = (user, lifetime);
        return token;
    }

    public (ClaimsPrincipal User, DateTimeOffset ExpiresAt)? Validate(string token)
    {
        if (!issuedTokens.TryGetValue(token, out var entry))
        {
            return null;
        }

        var expiresAt = expiries.GetOrAdd(token, _ => DateTimeOffset.UtcNow + entry.Lifetime);
        if (expiresAt <= DateTimeOffset.UtcNow)
        {
            return null;
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, entry.User), new Claim("token", token)], "Bearer");
        return (new ClaimsPrincipal(identity), expiresAt);
    }
}

/// <summary>
/// A credentials provider for tests: the first call and every forced refresh take the next token from
/// <c>next</c> (given how many tokens were handed out before); other calls return the cached one.
/// </summary>
internal sealed class TestCredentials(Func<int, string?> next) : IGraphQLCredentialsProvider
{
    private readonly Lock gate = new();
    private string? current;
    private int handedOut;

    /// <summary>The <c>forceRefresh</c> argument of each call, in order.</summary>
    public ConcurrentQueue<bool> Calls { get; } = new();

    public ValueTask<string?> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Calls.Enqueue(forceRefresh);
        lock (gate)
        {
            if (handedOut == 0 || forceRefresh)
            {
                current = next(handedOut++);
            }

            return ValueTask.FromResult(current);
        }
    }
}
