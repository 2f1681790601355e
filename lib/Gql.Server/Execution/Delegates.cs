using System.Security.Claims;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>Produces a field's value. Synchronous resolvers return a completed <see cref="ValueTask{T}"/>.</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Produces the source stream of a subscription root field.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscribeResolver(IResolverContext context);

/// <summary>Wraps a resolver (authorization, paging, projections, ...). Composed once per field when the schema is built.</summary>
public delegate FieldResolver FieldMiddleware(FieldResolver next);

/// <summary>What a resolver sees of the request and of its place in the result.</summary>
public interface IResolverContext
{
    Schema Schema { get; }

    /// <summary>The object type whose field is being resolved.</summary>
    ObjectType ObjectType { get; }

    OutputField Field { get; }

    /// <summary>The value of the parent object (the root value for root fields).</summary>
    object? Parent { get; }

    /// <summary>The field's coerced arguments, defaults applied.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The field nodes merged into this field (same response name).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>Path of this field in the response, e.g. <c>["patients", 3, "name"]</c>.</summary>
    IReadOnlyList<object> Path { get; }

    OperationDefinitionNode Operation { get; }

    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>Request services; scoped to the request.</summary>
    IServiceProvider Services { get; }

    ClaimsPrincipal? User { get; }

    /// <summary>State shared by all resolvers of one request (DataLoaders, the user, audit data).</summary>
    IDictionary<string, object?> RequestData { get; }

    CancellationToken RequestAborted { get; }

    /// <summary>The fields selected below this one for the given object type (all possible types when null).</summary>
    IReadOnlyList<SelectedField> GetSelections(ObjectType? type = null);

    /// <summary>The fields selected below a field further down (e.g. the <c>nodes</c> of a connection) for a type.</summary>
    IReadOnlyList<SelectedField> GetSelections(SelectedField field, ObjectType type);

    /// <summary>Adds an error at this field's path without failing the field.</summary>
    void ReportError(GraphQLError error);

    /// <summary>Disposes the object when this field has completed (its value and lists materialised), e.g. a DbContext.</summary>
    void RegisterCleanup(object disposable);
}

/// <summary>A field in a selection set after fragments, @skip and @include are applied.</summary>
public sealed record SelectedField(string ResponseName, OutputField Field, IReadOnlyList<FieldNode> Nodes);

public static class ResolverContextExtensions
{
    public static T Parent<T>(this IResolverContext context) => (T)context.Parent!;

    /// <summary>The coerced argument; a missing or null argument gives <c>default</c>.</summary>
    public static T? ArgumentValue<T>(this IResolverContext context, string name) =>
        context.Arguments.TryGetValue(name, out var value) && value is not null ? (T)value : default;

    public static T Service<T>(this IResolverContext context)
        where T : notnull =>
        (T)(context.Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered."));
}
