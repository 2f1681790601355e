using Gql.Language;

namespace Gql.Server;

/// <summary>An error in a response: message, source locations, response path and extensions (with <c>code</c>).</summary>
public sealed record GraphQLError
{
    public GraphQLError(string message, string? code = null)
    {
        Message = message;
        if (code is not null)
        {
            Extensions = new Dictionary<string, object?> { ["code"] = code };
        }
    }

    public string Message { get; init; }

    public IReadOnlyList<(int Line, int Column)>? Locations { get; init; }

    public IReadOnlyList<object>? Path { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public string? Code => Extensions?.GetValueOrDefault("code") as string;

    public GraphQLError At(params IEnumerable<Language.Ast.SyntaxNode?> nodes) => this with
    {
        Locations = nodes.Where(n => n?.Location is not null).Select(n => (n!.Location!.Value.Line, n.Location.Value.Column)).ToList() is { Count: > 0 } l ? l : Locations,
    };

    public GraphQLError WithPath(IReadOnlyList<object> path) => this with { Path = path };

    public GraphQLError WithExtension(string key, object? value)
    {
        var extensions = new Dictionary<string, object?>(Extensions ?? new Dictionary<string, object?>()) { [key] = value };
        return this with { Extensions = extensions };
    }

    public static GraphQLError FromSyntax(GraphQLSyntaxException e) =>
        new GraphQLError(e.Message, ErrorCodes.SyntaxError) { Locations = [(e.Line, e.Column)] };
}

/// <summary>Thrown by resolvers to fail a field with one or more client-visible errors.</summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null)
        : this(new GraphQLError(message, code))
    {
    }

    public GraphQLException(params GraphQLError[] errors)
        : base(errors[0].Message) => Errors = errors;

    public IReadOnlyList<GraphQLError> Errors { get; }
}

/// <summary>The error codes the engine reports in <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string SyntaxError = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string InvalidVariables = "BAD_USER_INPUT";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string Unexpected = "INTERNAL_SERVER_ERROR";
    public const string NonNullViolation = "NON_NULL_VIOLATION";
    public const string InvalidLeafValue = "INVALID_LEAF_VALUE";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string IntrospectionNotAllowed = "INTROSPECTION_NOT_ALLOWED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string MaxOperationsExceeded = "MAX_OPERATIONS_EXCEEDED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxInputDepthExceeded = "MAX_INPUT_DEPTH_EXCEEDED";
    public const string MaxNodeIdsExceeded = "MAX_NODE_IDS_EXCEEDED";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
}
