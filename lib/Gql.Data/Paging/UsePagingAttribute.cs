using Gql.Language.Ast;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Data.Paging;

/// <summary>
/// Turns a list field into a Relay cursor connection: <c>xs(first, after, last, before): XsConnection!</c> with
/// <c>nodes</c>, <c>edges { cursor node }</c>, <c>pageInfo</c> and <c>totalCount</c>. Over an <see cref="IQueryable{T}"/>
/// the page is cut in the query (keyset seek on the ordering keys, with the entity's <c>Id</c> as tie-breaker), never
/// in memory. Put it first: <c>[UsePaging] [UseProjection] [UseFiltering] [UseSorting]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UsePagingAttribute : FieldConfigurationAttribute
{
    /// <summary>Page size when the client gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The largest <c>first</c>/<c>last</c> a client may ask for.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Offers <c>totalCount</c> (counted only when selected).</summary>
    public bool IncludeTotalCount { get; set; } = true;

    public override void Configure(FieldConfigurationContext context)
    {
        var field = context.Field;
        var elementType = CodeFirstSchemaBuilder.ElementType(context.ClrReturnType)
            ?? throw new SchemaException([$"[UsePaging] on {context.Member.Name} needs a list or queryable result."]);
        if (field.Type.Nullable is not ListType list)
        {
            throw new SchemaException([$"[UsePaging] on {context.Member.Name} needs a list field."]);
        }

        var options = new PagingOptions(DefaultPageSize, MaxPageSize, IncludeTotalCount);
        var baseName = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
        var connection = ConnectionTypes.Connection(context.Builder, baseName, list.OfType, options);
        context.Type = new NonNullType(connection);
        field.Arguments.Add(new InputField("first", Scalars.Int, "Returns the first _n_ elements from the list."));
        field.Arguments.Add(new InputField("after", Scalars.String, "Returns the elements in the list that come after the specified cursor."));
        field.Arguments.Add(new InputField("last", Scalars.Int, "Returns the last _n_ elements from the list."));
        field.Arguments.Add(new InputField("before", Scalars.String, "Returns the elements in the list that come before the specified cursor."));
        field.Metadata[PagingOptions.MetadataKey] = options;
        field.Metadata[ListSize.MetadataKey] = new ListSize(DefaultPageSize) { SlicingArguments = ["first", "last"], MaxSize = MaxPageSize, SizedFields = ["edges", "nodes"] };
        var page = typeof(Pager).GetMethod(nameof(Pager.PageAsync))!.MakeGenericMethod(elementType).CreateDelegate<Func<object?, IResolverContext, PagingOptions, ValueTask<object?>>>();
        field.Middleware.Add(next => async resolverContext =>
        {
            var result = await next(resolverContext);
            return await page(result, resolverContext, options);
        });
    }
}

/// <summary>Paging settings of a field (projections look for them to see through the connection).</summary>
public sealed record PagingOptions(int DefaultPageSize, int MaxPageSize, bool IncludeTotalCount)
{
    public const string MetadataKey = "gql.paging";
}

/// <summary>The connection, edge and page-info types of paged fields.</summary>
internal static class ConnectionTypes
{
    public static ObjectType Connection(CodeFirstSchemaBuilder builder, string baseName, GraphQLType nodeType, PagingOptions options)
    {
        var name = baseName + "Connection";
        if (builder.HasGeneratedType(name) && builder.GetOrAddType<ObjectType>(name, () => throw new InvalidOperationException()).Fields.Find("nodes") is { } nodes
            && !GraphQLType.AreEqual(((ListType)nodes.Type.Nullable).OfType, nodeType))
        {
            // Two paged fields of the same name over different types: name the second after its node type.
            baseName = nodeType.Named.Name + baseName;
            name = baseName + "Connection";
        }

        return builder.GetOrAddType(name, () =>
        {
            var pageInfo = builder.GetOrAddType("PageInfo", PageInfo);
            var edge = builder.GetOrAddType(baseName + "Edge", () =>
            {
                var type = new ObjectType(baseName + "Edge", "An edge in a connection.");
                type.Fields.Add(new OutputField("cursor", new NonNullType(Scalars.String), "A cursor for use in pagination.") { Resolver = c => ValueTask.FromResult<object?>(((Edge)c.Parent!).Cursor) });
                type.Fields.Add(new OutputField("node", nodeType, "The item at the end of the edge.") { Resolver = c => ValueTask.FromResult(((Edge)c.Parent!).Node) });
                return type;
            });
            var connection = new ObjectType(name, "A connection to a list of items.");
            connection.Fields.Add(new OutputField("pageInfo", new NonNullType(pageInfo), "Information to aid in pagination.") { Resolver = c => ValueTask.FromResult<object?>(((Connection)c.Parent!).PageInfo) });
            connection.Fields.Add(new OutputField("edges", new ListType(new NonNullType(edge)), "A list of edges.") { Resolver = c => ValueTask.FromResult<object?>(((Connection)c.Parent!).Edges) });
            connection.Fields.Add(new OutputField("nodes", new ListType(nodeType), "A flattened list of the nodes.") { Resolver = c => ValueTask.FromResult<object?>(((Connection)c.Parent!).Nodes) });
            if (options.IncludeTotalCount)
            {
                connection.Fields.Add(new OutputField("totalCount", new NonNullType(Scalars.Int), "Identifies the total count of items in the connection.")
                {
                    Resolver = async c => (object?)await ((Connection)c.Parent!).CountAsync(c.RequestAborted),
                });
            }

            return connection;
        });
    }

    private static ObjectType PageInfo()
    {
        var type = new ObjectType("PageInfo", "Information about pagination in a connection.");
        type.Fields.Add(new OutputField("hasNextPage", new NonNullType(Scalars.Boolean), "Indicates whether more edges exist following the set defined by the clients arguments.") { Resolver = c => ValueTask.FromResult<object?>(((PageInfo)c.Parent!).HasNextPage) });
        type.Fields.Add(new OutputField("hasPreviousPage", new NonNullType(Scalars.Boolean), "Indicates whether more edges exist prior the set defined by the clients arguments.") { Resolver = c => ValueTask.FromResult<object?>(((PageInfo)c.Parent!).HasPreviousPage) });
        type.Fields.Add(new OutputField("startCursor", Scalars.String, "When paginating backwards, the cursor to continue.") { Resolver = c => ValueTask.FromResult<object?>(((PageInfo)c.Parent!).StartCursor) });
        type.Fields.Add(new OutputField("endCursor", Scalars.String, "When paginating forwards, the cursor to continue.") { Resolver = c => ValueTask.FromResult<object?>(((PageInfo)c.Parent!).EndCursor) });
        return type;
    }
}

/// <summary>One page of a connection. <see cref="CountAsync"/> runs only when <c>totalCount</c> is selected.</summary>
public sealed class Connection(IReadOnlyList<Edge> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    private Task<int>? total;

    public IReadOnlyList<Edge> Edges { get; } = edges;

    public IReadOnlyList<object?> Nodes => Edges.Select(e => e.Node).ToList();

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> CountAsync(CancellationToken cancellationToken) => total ??= count(cancellationToken);
}

public sealed record Edge(string Cursor, object? Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
