using System.Text.Json;
using Gql.Server.Execution;

namespace Gql.Server.Tests.Execution;

internal static class ExecutionTestHelpers
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<ExecutionResult> RunAsync(this Schema schema, string query, object? variables = null, string? operationName = null, ExecutorOptions? options = null)
    {
        var executor = new RequestExecutor(schema, options);
        var vars = variables is null ? null : ToInput(JsonSerializer.SerializeToElement(variables)) as IReadOnlyDictionary<string, object?>;
        return await executor.ExecuteAsync(new GraphQLRequest(query, operationName, vars), new RequestContext { Services = EmptyServices.Instance }, TestContext.Current.CancellationToken);
    }

    public static string DataJson(this ExecutionResult result) => JsonSerializer.Serialize(result.Data, Json);

    public static string ErrorsJson(this ExecutionResult result) =>
        JsonSerializer.Serialize(result.Errors?.Select(e => new { e.Message, path = e.Path, locations = e.Locations?.Select(l => new[] { l.Line, l.Column }) }), Json);

    /// <summary>Variables as a JSON transport decodes them.</summary>
    public static object? ToInput(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToInput(p.Value)) as IReadOnlyDictionary<string, object?>,
        JsonValueKind.Array => element.EnumerateArray().Select(ToInput).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static Dictionary<string, IReadOnlyDictionary<string, FieldResolver>> Resolvers(params (string Type, string Field, FieldResolver Resolver)[] resolvers) =>
        resolvers.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, FieldResolver>)g.ToDictionary(r => r.Field, r => r.Resolver));

    public static FieldResolver Value(object? value) => _ => ValueTask.FromResult(value);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
