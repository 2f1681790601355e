using Gql.AspNetCore;
using Gql.Server.Execution;

namespace Hospital.GraphQL.Limits;

/// <summary>
/// The API's limits against hostile or careless clients, bound from <c>GraphQL:Limits</c>. The defaults are the
/// engine's; operators raise or lower them per deployment without a build.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL:Limits";

    private static readonly ExecutorOptions Engine = new();

    public int MaxDepth { get; set; } = Engine.MaxDepth;

    /// <summary>0 switches the cost check off.</summary>
    public int MaxCost { get; set; } = Engine.MaxCost ?? 0;

    public int MaxFields { get; set; } = Engine.MaxFields;

    public int MaxAliases { get; set; } = Engine.MaxAliases;

    public int MaxInputDepth { get; set; } = Engine.MaxInputDepth;

    public int MaxNodeIds { get; set; } = Engine.MaxNodeIds;

    public int MaxTokens { get; set; } = Engine.MaxTokens;

    /// <summary>0 switches the timeout off.</summary>
    public int ExecutionTimeoutSeconds { get; set; } = (int)(Engine.ExecutionTimeout?.TotalSeconds ?? 0);

    public long MaxRequestBytes { get; set; } = GraphQLHttpOptions.DefaultMaxRequestBodySize;

    public long MaxResponseBytes { get; set; } = GraphQLHttpOptions.DefaultMaxResponseBodySize;

    public int MaxSubscriptionsPerSocket { get; set; } = new GraphQLHttpOptions().WebSockets.MaxOperationsPerSocket;

    public int MaxSockets { get; set; } = new GraphQLHttpOptions().WebSockets.MaxConnections;

    public int MaxSocketsPerUser { get; set; } = new GraphQLHttpOptions().WebSockets.MaxConnectionsPerUser;

    /// <summary>A socket silent this long past a keep-alive ping is closed (4504); 0 waits forever.</summary>
    public int SocketKeepAliveTimeoutSeconds { get; set; } = (int)(new GraphQLHttpOptions().WebSockets.KeepAliveTimeout?.TotalSeconds ?? 0);

    /// <summary>A client that takes longer than this to take one message (a slow consumer) is cut off; 0 waits forever.</summary>
    public int SocketSendTimeoutSeconds { get; set; } = (int)(new GraphQLHttpOptions().WebSockets.SendTimeout?.TotalSeconds ?? 0);

    public int MaxEventStreamsPerUser { get; set; } = new GraphQLHttpOptions().ServerSentEvents.MaxStreamsPerUser;

    /// <summary>0 lets event streams stay open without limit.</summary>
    public int EventStreamMaxMinutes { get; set; } = (int)(new GraphQLHttpOptions().ServerSentEvents.MaxDuration?.TotalMinutes ?? 0);

    /// <summary>Browser origins besides the API's own that may open WebSockets (e.g. the UI on another host).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public static GraphQLLimits From(IConfiguration configuration) => configuration.GetSection(Section).Get<GraphQLLimits>() ?? new GraphQLLimits();

    public ExecutorOptions ToExecutorOptions(bool includeExceptionDetails) => new()
    {
        MaxDepth = MaxDepth,
        MaxCost = MaxCost > 0 ? MaxCost : null,
        MaxFields = MaxFields,
        MaxAliases = MaxAliases,
        MaxInputDepth = MaxInputDepth,
        MaxNodeIds = MaxNodeIds,
        MaxTokens = MaxTokens,
        ExecutionTimeout = ExecutionTimeoutSeconds > 0 ? TimeSpan.FromSeconds(ExecutionTimeoutSeconds) : null,
        IncludeExceptionDetails = includeExceptionDetails,
    };

    public void ApplyTo(GraphQLHttpOptions options)
    {
        options.MaxRequestBodySize = MaxRequestBytes;
        options.MaxResponseBodySize = MaxResponseBytes;
        options.WebSockets.MaxOperationsPerSocket = MaxSubscriptionsPerSocket;
        options.WebSockets.MaxConnections = MaxSockets;
        options.WebSockets.MaxConnectionsPerUser = MaxSocketsPerUser;
        options.WebSockets.KeepAliveTimeout = SocketKeepAliveTimeoutSeconds > 0 ? TimeSpan.FromSeconds(SocketKeepAliveTimeoutSeconds) : null;
        options.WebSockets.SendTimeout = SocketSendTimeoutSeconds > 0 ? TimeSpan.FromSeconds(SocketSendTimeoutSeconds) : null;
        options.ServerSentEvents.MaxStreamsPerUser = MaxEventStreamsPerUser;
        options.ServerSentEvents.MaxDuration = EventStreamMaxMinutes > 0 ? TimeSpan.FromMinutes(EventStreamMaxMinutes) : null;
        foreach (var origin in AllowedOrigins)
        {
            options.WebSockets.AllowedOrigins.Add(origin);
        }
    }
}
