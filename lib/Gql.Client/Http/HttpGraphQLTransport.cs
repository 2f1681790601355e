using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Gql.Transport;

namespace Gql.Client.Http;

/// <summary>
/// GraphQL over HTTP: POST <c>application/json</c> to the client's <see cref="HttpClient.BaseAddress"/>, accepting
/// <c>application/graphql-response+json</c> and <c>application/json</c>. Subscriptions use server-sent events
/// (graphql-sse, distinct connections mode). Failures become results with <see cref="ClientErrorCodes"/>, not exceptions.
/// </summary>
/// <remarks>
/// With an <see cref="IGraphQLCredentialsProvider"/>, every request carries <c>Authorization: Bearer &lt;token&gt;</c>.
/// When the server answers <c>401 Unauthorized</c>, the transport asks the provider for a new token
/// (<c>forceRefresh: true</c>) and sends the request once more, if it got a token other than the refused one; a second
/// 401 is the result. A 401 means the server refused the request before running it, so mutations are retried too.
/// </remarks>
public sealed class HttpGraphQLTransport : IGraphQLTransport
{
    private static readonly MediaTypeWithQualityHeaderValue GraphQLResponseJson = new(GraphQLMediaTypes.GraphQLResponseJson);
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json", 0.9);
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new(GraphQLMediaTypes.EventStream);

    private readonly Func<HttpClient> clientFactory;
    private readonly IGraphQLCredentialsProvider? credentials;

    /// <summary>Creates a transport over one <see cref="HttpClient"/> (not disposed by the transport).</summary>
    /// <param name="client">The client; its base address is the GraphQL endpoint.</param>
    public HttpGraphQLTransport(HttpClient client)
        : this(client, credentials: null)
    {
    }

    /// <summary>Creates a transport over one <see cref="HttpClient"/> (not disposed by the transport) that sends the provider's token.</summary>
    /// <param name="client">The client; its base address is the GraphQL endpoint.</param>
    /// <param name="credentials">Supplies the bearer token; null sends none.</param>
    public HttpGraphQLTransport(HttpClient client, IGraphQLCredentialsProvider? credentials)
    {
        ArgumentNullException.ThrowIfNull(client);
        clientFactory = () => client;
        this.credentials = credentials;
    }

    /// <summary>Creates a transport that takes a named client from <see cref="IHttpClientFactory"/> for every request.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="clientName">The name of the configured client.</param>
    public HttpGraphQLTransport(IHttpClientFactory factory, string clientName)
        : this(factory, clientName, credentials: null)
    {
    }

    /// <summary>
    /// Creates a transport that takes a named client from <see cref="IHttpClientFactory"/> for every request and sends
    /// the provider's token.
    /// </summary>
    /// <param name="factory">The factory.</param>
    /// <param name="clientName">The name of the configured client.</param>
    /// <param name="credentials">Supplies the bearer token; null sends none.</param>
    public HttpGraphQLTransport(IHttpClientFactory factory, string clientName, IGraphQLCredentialsProvider? credentials)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(clientName);
        clientFactory = () => factory.CreateClient(clientName);
        this.credentials = credentials;
    }

    /// <inheritdoc />
    public async Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (response, failure) = await SendAsync(request, [GraphQLResponseJson, Json], cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using (response!.RequestMessage)
        using (response)
        {
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
            {
                return NetworkError(e);
            }

            return ReadResponse(response, body);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (response, failure) = await SendAsync(request, [EventStream, GraphQLResponseJson, Json], cancellationToken).ConfigureAwait(false);
        if (failure is not null || response is null)
        {
            yield return failure!;
            yield break;
        }

        using (response.RequestMessage)
        using (response)
        {
            if (response.Content.Headers.ContentType?.MediaType != GraphQLMediaTypes.EventStream)
            {
                // A single result (e.g. a request error) instead of a stream.
                GraphQLResponse single;
                try
                {
                    single = ReadResponse(response, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
                {
                    single = NetworkError(e);
                }

                yield return single;
                yield break;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? eventName = null;
            var data = new StringBuilder();
            while (true)
            {
                string? line;
                GraphQLResponse? broken = null;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
                {
                    line = null;
                    broken = NetworkError(e);
                }

                if (broken is not null)
                {
                    yield return broken;
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                if (line.Length == 0)
                {
                    // End of one event.
                    if (eventName == GraphQLServerSentEventNames.Complete)
                    {
                        yield break;
                    }

                    if ((eventName is null or GraphQLServerSentEventNames.Next) && data.Length > 0)
                    {
                        yield return ParseEvent(data.ToString(), (int)response.StatusCode);
                    }

                    eventName = null;
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(line.AsSpan(5).TrimStart(' '));
                }
            }
        }
    }

    /// <summary>
    /// Sends the request with the current token; after a 401, once more with a refreshed one. The caller disposes the
    /// response and its <see cref="HttpResponseMessage.RequestMessage"/>.
    /// </summary>
    private async Task<(HttpResponseMessage? Response, GraphQLResponse? Failure)> SendAsync(GraphQLOperationRequest request, MediaTypeWithQualityHeaderValue[] accept, CancellationToken cancellationToken)
    {
        var client = clientFactory();
        if (credentials is null)
        {
            return await SendOnceAsync(client, request, accept, token: null, cancellationToken).ConfigureAwait(false);
        }

        var (token, tokenFailure) = await GetTokenAsync(credentials, forceRefresh: false, cancellationToken).ConfigureAwait(false);
        if (tokenFailure is not null)
        {
            return (null, tokenFailure);
        }

        var first = await SendOnceAsync(client, request, accept, token, cancellationToken).ConfigureAwait(false);
        if (first.Response is not { StatusCode: HttpStatusCode.Unauthorized } refused)
        {
            return first;
        }

        var (fresh, refreshFailure) = await GetTokenAsync(credentials, forceRefresh: true, cancellationToken).ConfigureAwait(false);
        if (refreshFailure is not null || fresh is null || fresh == token)
        {
            // Nothing new to try: the 401 stands (or the refresh's failure, which says more).
            if (refreshFailure is null)
            {
                return first;
            }

            refused.RequestMessage?.Dispose();
            refused.Dispose();
            return (null, refreshFailure);
        }

        refused.RequestMessage?.Dispose();
        refused.Dispose();
        return await SendOnceAsync(client, request, accept, fresh, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(HttpResponseMessage? Response, GraphQLResponse? Failure)> SendOnceAsync(HttpClient client, GraphQLOperationRequest request, MediaTypeWithQualityHeaderValue[] accept, string? token, CancellationToken cancellationToken)
    {
        var message = CreateMessage(request, accept);
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return (await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
        {
            message.Dispose();
            return (null, NetworkError(e));
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static async Task<(string? Token, GraphQLResponse? Failure)> GetTokenAsync(IGraphQLCredentialsProvider credentials, bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            return (await credentials.GetAccessTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, GraphQLResponse.FromError(new GraphQLClientError(
                "The access token could not be obtained: " + e.Message,
                ClientErrorCodes.CredentialsUnavailable,
                exception: e)));
        }
    }

    private static GraphQLResponse ParseEvent(string data, int status)
    {
        try
        {
            return new GraphQLResponse(JsonDocument.Parse(data), status);
        }
        catch (JsonException e)
        {
            return GraphQLResponse.FromError(new GraphQLClientError("An event of the subscription is not JSON: " + e.Message, ClientErrorCodes.InvalidResponse, exception: e), status);
        }
    }

    private static HttpRequestMessage CreateMessage(GraphQLOperationRequest request, params MediaTypeWithQualityHeaderValue[] accept)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, (Uri?)null)
        {
            Content = new ByteArrayContent(request.ToUtf8Json()),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var type in accept)
        {
            message.Headers.Accept.Add(type);
        }

        return message;
    }

    private static GraphQLResponse ReadResponse(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var isJson = mediaType is null || mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        if (isJson && body.Length > 0)
        {
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not JSON: reported below.
            }

            if (document is not null)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("data", out _) || root.TryGetProperty("errors", out _)))
                {
                    // A GraphQL response, whatever the status (graphql-response+json uses 4xx for request errors).
                    return new GraphQLResponse(document, status);
                }

                document.Dispose();
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            return GraphQLResponse.FromError(
                new GraphQLClientError(
                    $"The GraphQL server answered HTTP {status} ({response.ReasonPhrase}).",
                    ClientErrorCodes.HttpError,
                    extensions: new Dictionary<string, JsonElement> { ["statusCode"] = JsonSerializerlessElement(status) }),
                status);
        }

        return GraphQLResponse.FromError(new GraphQLClientError($"The server's answer is not a GraphQL response (media type {mediaType ?? "none"}).", ClientErrorCodes.InvalidResponse), status);
    }

    private static JsonElement JsonSerializerlessElement(int value)
    {
        using var document = JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return document.RootElement.Clone();
    }

    private static bool IsNetworkFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException;

    private static GraphQLResponse NetworkError(Exception e) =>
        GraphQLResponse.FromError(new GraphQLClientError(
            e is OperationCanceledException ? "The GraphQL request timed out." : "The GraphQL server could not be reached: " + e.Message,
            ClientErrorCodes.NetworkError,
            exception: e));
}
