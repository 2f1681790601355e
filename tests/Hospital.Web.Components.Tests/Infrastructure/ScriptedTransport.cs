using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Gql.Client;

namespace Hospital.Web.Components.Tests.Infrastructure;

/// <summary>
/// The generated client's transport, answering each operation by name with the JSON a test wrote. The components and
/// the generated readers run as in the app; only the server is scripted. Requests are kept for assertions.
/// </summary>
public sealed class ScriptedTransport : IGraphQLTransport
{
    private readonly Dictionary<string, Queue<Func<GraphQLResponse>>> answers = new(StringComparer.Ordinal);
    private readonly List<SentRequest> sent = [];

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (sent)
            {
                return sent.ToList();
            }
        }
    }

    /// <summary>Answers the next call of <paramref name="operation"/> with <c>{"data": dataJson}</c>.</summary>
    public ScriptedTransport Answer(string operation, string dataJson) =>
        Enqueue(operation, () => GraphQLResponse.Parse(Encoding.UTF8.GetBytes($$$"""{"data":{{{dataJson}}}}""")));

    /// <summary>Answers the next call of <paramref name="operation"/> with GraphQL errors and no data.</summary>
    public ScriptedTransport AnswerErrors(string operation, params string[] messages) =>
        Enqueue(operation, () => GraphQLResponse.Parse(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new { data = (object?)null, errors = messages.Select(m => new { message = m }) }))));

    /// <summary>The next call of <paramref name="operation"/> fails as an unreachable server does.</summary>
    public ScriptedTransport Unreachable(string operation) =>
        Enqueue(operation, () => GraphQLResponse.FromError(new GraphQLClientError("Connection refused (127.0.0.1:5392)", ClientErrorCodes.NetworkError)));

    public Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
    {
        var name = request.OperationName ?? "";
        lock (sent)
        {
            sent.Add(new SentRequest(name, JsonDocument.Parse(request.VariablesToJson()).RootElement.Clone()));
        }

        lock (answers)
        {
            if (answers.TryGetValue(name, out var queue) && queue.Count > 0)
            {
                return Task.FromResult(queue.Dequeue()());
            }
        }

        throw new InvalidOperationException($"The test scripted no answer for {name}.");
    }

    public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // No live events in component tests: the stream stays open until the component lets it go.
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        yield break;
    }

    private ScriptedTransport Enqueue(string operation, Func<GraphQLResponse> answer)
    {
        lock (answers)
        {
            if (!answers.TryGetValue(operation, out var queue))
            {
                answers[operation] = queue = new Queue<Func<GraphQLResponse>>();
            }

            queue.Enqueue(answer);
        }

        return this;
    }
}

/// <summary>One request the component sent: the operation's name and its variables.</summary>
public sealed record SentRequest(string Operation, JsonElement Variables)
{
    public string Variable(string name) => Variables.GetProperty(name).ToString();
}
