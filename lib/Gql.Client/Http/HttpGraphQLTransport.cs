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
public sealed class HttpGraphQLTransport : IGraphQLTransport
{
    private static readonly MediaTypeWithQualityHeaderValue GraphQLResponseJson = new(GraphQLMediaTypes.GraphQLResponseJson);
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json", 0.9);
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new(GraphQLMediaTypes.EventStream);

    private readonly Func<HttpClient> clientFactory;

    /// <summary>Creates a transport over one <see cref="HttpClient"/> (not disposed by the transport).</summary>
    /// <param name="client">The client; its base address is the GraphQL endpoint.</param>
    public HttpGraphQLTransport(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        clientFactory = () => client;
    }

    /// <summary>Creates a transport that takes a named client from <see cref="IHttpClientFactory"/> for every request.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="clientName">The name of the configured client.</param>
    public HttpGraphQLTransport(IHttpClientFactory factory, string clientName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(clientName);
        clientFactory = () => factory.CreateClient(clientName);
    }

    /// <inheritdoc />
    public async Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = CreateMessage(request, GraphQLResponseJson, Json);
        HttpResponseMessage response;
        try
        {
            response = await clientFactory().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
        {
            return NetworkError(e);
        }

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
        using var message = CreateMessage(request, EventStream, GraphQLResponseJson, Json);
        HttpResponseMessage? response = null;
        GraphQLResponse? failure = null;
        try
        {
            response = await clientFactory().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
        {
            failure = NetworkError(e);
        }

        if (failure is not null || response is null)
        {
            yield return failure!;
            yield break;
        }

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
