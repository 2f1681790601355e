using System.Text;
using Gql.AspNetCore.Sse;
using Gql.AspNetCore.WebSockets;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gql.AspNetCore;

/// <summary>
/// Serves one GraphQL endpoint per the GraphQL-over-HTTP draft: POST with JSON bodies, GET with the query string,
/// Accept negotiation between <c>application/graphql-response+json</c> and <c>application/json</c> (with the status
/// codes each requires), <c>?sdl</c>, and the IDE for browsers; and, on the same path, event streams for requests
/// that accept <c>text/event-stream</c> and WebSocket upgrades (<c>graphql-transport-ws</c>).
/// </summary>
internal sealed partial class GraphQLHttpHandler
{
    /// <summary>The route value holding the part of the path below the endpoint (IDE files).</summary>
    public const string SubPathRouteValue = "gqlPath";

    private const string AllowedMethods = "GET, POST";

    private readonly GraphQLHttpOptions options;
    private readonly IServiceProvider rootServices;
    private readonly GraphQLWebSocketHandler? webSockets;

    // The executor and logger are singletons; looking them up once keeps DI out of the per-request path.
    private IRequestExecutor? executor;
    private ILogger? logger;
    private SdlCache? sdlCache;
    private ServerSentEventsResponder? eventStreams;

    public GraphQLHttpHandler(GraphQLHttpOptions options, IServiceProvider rootServices)
    {
        this.options = options;
        this.rootServices = rootServices;
        if (options.WebSockets.Enable)
        {
            webSockets = new GraphQLWebSocketHandler(options, rootServices, HandleHttpAsync);
        }
    }

    private ILogger Logger => logger ??= rootServices.GetService<ILoggerFactory>()?.CreateLogger("Gql.AspNetCore.GraphQLHttp") ?? NullLogger.Instance;

    public Task HandleAsync(HttpContext context)
    {
        if (webSockets is not null && string.IsNullOrEmpty(context.GetRouteValue(SubPathRouteValue) as string) && GraphQLWebSocketHandler.IsUpgradeRequest(context))
        {
            return webSockets.HandleAsync(context);
        }

        return HandleHttpAsync(context);
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        ResponseMediaType mediaType = ResponseMediaType.Json;
        try
        {
            var subPath = context.GetRouteValue(SubPathRouteValue) as string;
            if (!string.IsNullOrEmpty(subPath))
            {
                await HandleSubPathAsync(context, subPath);
                return;
            }

            var request = context.Request;
            var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if (!isGet && !HttpMethods.IsPost(request.Method))
            {
                await WriteTransportErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType, GraphQLHttpErrorCodes.MethodNotAllowed, $"The HTTP method {request.Method} is not supported; use POST (or GET for queries).", AllowedMethods);
                return;
            }

            // The same URL answers with HTML or JSON depending on Accept, so caches must key on it.
            context.Response.Headers.Vary = "Accept";
            if (isGet && options.EnableSchemaRequests && request.Query.ContainsKey("sdl"))
            {
                if (!await RefuseIntrospectionAsync(context, mediaType))
                {
                    await WriteSdlAsync(context);
                }

                return;
            }

            if (isGet && options.Ide.Enable && !request.Query.ContainsKey("query") && MediaTypes.AcceptsHtml(request.Headers.Accept))
            {
                if (!await RefuseIntrospectionAsync(context, mediaType))
                {
                    await IdeAssets.Instance.WriteIndexAsync(context, EndpointPath(context, null), options.Ide);
                }

                return;
            }

            // Errors before an event stream starts are JSON: of the type the client also accepts, else application/json.
            var negotiated = MediaTypes.Negotiate(request.Headers.Accept);
            var streaming = !HttpMethods.IsHead(request.Method) && options.ServerSentEvents.Enable && MediaTypes.PrefersEventStream(request.Headers.Accept);
            if (negotiated is null && !streaming)
            {
                await WriteTransportErrorAsync(context, StatusCodes.Status406NotAcceptable, mediaType, GraphQLHttpErrorCodes.NotAcceptable, "None of the media types in the Accept header can be produced; accept application/graphql-response+json or application/json.");
                return;
            }

            mediaType = negotiated ?? ResponseMediaType.Json;
            if (isGet && !options.EnableGetRequests)
            {
                await WriteTransportErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType, GraphQLHttpErrorCodes.MethodNotAllowed, "GraphQL requests must be sent with POST.", "POST");
                return;
            }

            var (graphQLRequest, failure) = isGet ? ReadGetRequest(request) : await ReadPostRequestAsync(context);
            if (failure is { } f)
            {
                await WriteTransportErrorAsync(context, f.Status, mediaType, f.Code, f.Message);
                return;
            }

            if (graphQLRequest!.Query is null)
            {
                await WriteTransportErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, GraphQLHttpErrorCodes.BadRequest, "The request has no \"query\" parameter.");
                return;
            }

            var requestContext = new RequestContext
            {
                Services = context.RequestServices,
                User = context.User,

                // GET must stay safe (no state changes), and a single JSON response cannot carry subscription events.
                AllowMutations = !isGet,
                AllowSubscriptions = streaming,
                Transport = streaming ? "SSE" : "HTTP",
            };
            executor ??= rootServices.GetRequiredService<IRequestExecutor>();
            ExecutionResult result;
            if (streaming)
            {
                eventStreams ??= new ServerSentEventsResponder(options.ServerSentEvents, Logger);
                var stopping = rootServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
                if (await eventStreams.RespondAsync(context, executor, graphQLRequest, requestContext, negotiated is not null, stopping) is not { } failed)
                {
                    return;
                }

                result = failed;
            }
            else
            {
                result = await executor.ExecuteAsync(graphQLRequest, requestContext, context.RequestAborted);
            }

            await WriteResultAsync(context, GraphQLHttpContextItems.StatusCode(context) ?? StatusFor(result, mediaType, isGet), mediaType, result, isGet && result.RequestError == RequestErrorKind.OperationNotAllowed ? "POST" : null, options.MaxResponseBodySize);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            LogUnexpected(Logger, e, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                // Part of a response went out already: a clean error body is impossible, so cut the connection.
                context.Abort();
                return;
            }

            context.Response.Clear();
            await WriteTransportErrorAsync(context, StatusCodes.Status500InternalServerError, mediaType, GraphQLHttpErrorCodes.InternalServerError, "Unexpected Execution Error");
        }
    }

    /// <summary>
    /// The status code for a result. <c>application/graphql-response+json</c>: 200 when execution started, 400 when the
    /// request failed before (syntax, validation, operation, variables). <c>application/json</c> (legacy clients):
    /// 200 for every well-formed request. Either way a mutation over GET is 405.
    /// </summary>
    internal static int StatusFor(ExecutionResult result, ResponseMediaType mediaType, bool isGet)
    {
        if (result.HasData)
        {
            return StatusCodes.Status200OK;
        }

        return result.RequestError switch
        {
            RequestErrorKind.OperationNotAllowed when isGet => StatusCodes.Status405MethodNotAllowed,
            RequestErrorKind.BadRequest => StatusCodes.Status400BadRequest,
            _ when mediaType == ResponseMediaType.Json => StatusCodes.Status200OK,
            null => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    private static (GraphQLRequest? Request, Failure? Failure) ReadGetRequest(HttpRequest request)
    {
        var query = request.Query;
        if (!TryGetSingle(query, "query", out var text, out var failure) ||
            !TryGetSingle(query, "operationName", out var operationName, out failure) ||
            !TryGetSingle(query, "variables", out var variablesJson, out failure) ||
            !TryGetSingle(query, "extensions", out var extensionsJson, out failure))
        {
            return (null, failure);
        }

        try
        {
            // The spec: an empty string for an optional parameter means the parameter is absent.
            var variables = string.IsNullOrEmpty(variablesJson) ? null : GraphQLJson.ParseMap(variablesJson, "variables");
            var extensions = string.IsNullOrEmpty(extensionsJson) ? null : GraphQLJson.ParseMap(extensionsJson, "extensions");
            return (new GraphQLRequest(text, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
        }
        catch (GraphQLRequestException e)
        {
            return (null, Failure.BadRequest(e.Message));
        }
    }

    private static bool TryGetSingle(IQueryCollection query, string name, out string? value, out Failure? failure)
    {
        failure = null;
        value = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            failure = Failure.BadRequest($"The \"{name}\" parameter appears more than once.");
            return false;
        }

        value = values[0];
        return true;
    }

    private async Task<(GraphQLRequest? Request, Failure? Failure)> ReadPostRequestAsync(HttpContext context)
    {
        var request = context.Request;
        if (MediaTypes.CheckRequestContentType(request.ContentType) is { } unsupported)
        {
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, GraphQLHttpErrorCodes.UnsupportedMediaType, unsupported));
        }

        var limit = options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted);
                var buffer = read.Buffer;
                if (buffer.Length > limit)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    return (null, TooLarge(limit));
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    try
                    {
                        // Parsed straight from the pipe's buffers: no copy of the body, and strings are copied out.
                        return buffer.IsEmpty
                            ? (null, Failure.BadRequest("The request body is empty."))
                            : (GraphQLJson.ParseRequest(buffer), null);
                    }
                    catch (GraphQLRequestException e)
                    {
                        return (null, Failure.BadRequest(e.Message));
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.End);
                    }
                }

                // Nothing consumed yet: ask for more data until the whole body is buffered.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits and framing errors (e.g. its MaxRequestBodySize, a broken chunked body).
            return (null, new Failure(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? GraphQLHttpErrorCodes.RequestTooLarge : GraphQLHttpErrorCodes.BadRequest, "The request body could not be read."));
        }
    }

    private static Failure TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, GraphQLHttpErrorCodes.RequestTooLarge, $"The request body is larger than the limit of {limit} bytes.");

    private async Task HandleSubPathAsync(HttpContext context, string subPath)
    {
        var method = context.Request.Method;
        if (options.Ide.Enable && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) &&
            await IdeAssets.Instance.TryWriteAssetAsync(context, subPath, EndpointPath(context, subPath), options.Ide))
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The schema's introspection rule also guards <c>?sdl</c> and the IDE: 401 for anonymous users, 403 for others it rejects.</summary>
    private async Task<bool> RefuseIntrospectionAsync(HttpContext context, ResponseMediaType mediaType)
    {
        executor ??= rootServices.GetRequiredService<IRequestExecutor>();
        if (await Gql.Server.Authorization.AuthorizationSchemaExtensions.IsIntrospectionAllowedAsync(executor.Schema, context.User, context.RequestServices))
        {
            return false;
        }

        var signedIn = context.User.Identities.Any(i => i.IsAuthenticated);
        await WriteTransportErrorAsync(context, signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, mediaType, ErrorCodes.IntrospectionNotAllowed, "Introspection is not allowed for the current user.");
        return true;
    }

    private async Task WriteSdlAsync(HttpContext context)
    {
        var response = context.Response;
        executor ??= rootServices.GetRequiredService<IRequestExecutor>();
        var schema = executor.Schema;
        var cached = sdlCache;
        if (cached is null || !ReferenceEquals(cached.Schema, schema))
        {
            // An application may print its own way; the engine's printer is the default.
            var provider = rootServices.GetService<ISchemaSdlProvider>();
            cached = new SdlCache(schema, provider is null ? SchemaPrinter.Print(schema) : provider.GetSdl(schema));
            sdlCache = cached;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        await response.WriteAsync(cached.Sdl, Encoding.UTF8, context.RequestAborted);
    }

    private static async Task WriteResultAsync(HttpContext context, int status, ResponseMediaType mediaType, ExecutionResult result, string? allow = null, long maxSize = long.MaxValue)
    {
        using var buffer = new PooledBufferWriter();
        GraphQLJson.WriteResult(buffer, result);
        if (buffer.WrittenCount > maxSize)
        {
            // The result was computed but is too large to send: the client learns why instead of a truncated body.
            var tooLarge = new ExecutionResult
            {
                HasData = true,
                Errors = [new GraphQLError($"The response would be {buffer.WrittenCount} bytes, over the limit of {maxSize}. Ask for smaller pages or fewer fields.", ErrorCodes.ResponseTooLarge)
                    .WithExtension("limit", maxSize).WithExtension("actual", (long)buffer.WrittenCount)],
            };
            await WriteResultAsync(context, status, mediaType, tooLarge, allow);
            return;
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.ContentType(mediaType);
        response.ContentLength = buffer.WrittenCount;

        // Results carry patient data: no browser or proxy may keep a copy.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (allow is not null)
        {
            response.Headers.Allow = allow;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        }
    }

    private static Task WriteTransportErrorAsync(HttpContext context, int status, ResponseMediaType mediaType, string code, string message, string? allow = null)
    {
        var result = new ExecutionResult { Errors = [new GraphQLError(message, code)] };
        return WriteResultAsync(context, status, mediaType, result, allow);
    }

    /// <summary>The endpoint's own path as the client sees it (path base included), without the IDE file part.</summary>
    private static string EndpointPath(HttpContext context, string? subPath)
    {
        var path = (context.Request.PathBase + context.Request.Path).Value ?? string.Empty;
        if (!string.IsNullOrEmpty(subPath) && path.EndsWith("/" + subPath, StringComparison.Ordinal))
        {
            path = path[..^(subPath.Length + 1)];
        }

        path = path.TrimEnd('/');
        return path.Length > 0 ? path : "/";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error while handling GraphQL request {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);

    /// <summary>A class, so that replacing it is one atomic reference write for concurrent requests.</summary>
    private sealed record SdlCache(Schema Schema, string Sdl);

    private readonly record struct Failure(int Status, string Code, string Message)
    {
        public static Failure BadRequest(string message) => new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BadRequest, message);
    }
}
