using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Data.Paging;

/// <summary>
/// Offset paging for small lists: <c>xs(skip, take): XsCollectionSegment!</c> with <c>items</c>, <c>pageInfo</c>
/// (<c>CollectionSegmentInfo</c>) and <c>totalCount</c>, cut in the query with Skip/Take.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseOffsetPagingAttribute : FieldConfigurationAttribute
{
    public int DefaultPageSize { get; set; } = 10;

    public int MaxPageSize { get; set; } = 100;

    public override void Configure(FieldConfigurationContext context)
    {
        var field = context.Field;
        var elementType = CodeFirstSchemaBuilder.ElementType(context.ClrReturnType)
            ?? throw new SchemaException([$"[UseOffsetPaging] on {context.Member.Name} needs a list or queryable result."]);
        if (field.Type.Nullable is not ListType list)
        {
            throw new SchemaException([$"[UseOffsetPaging] on {context.Member.Name} needs a list field."]);
        }

        var options = new PagingOptions(DefaultPageSize, MaxPageSize, IncludeTotalCount: true);
        var name = char.ToUpperInvariant(field.Name[0]) + field.Name[1..] + "CollectionSegment";
        var info = context.Builder.GetOrAddType("CollectionSegmentInfo", () =>
        {
            var type = new ObjectType("CollectionSegmentInfo", "Information about the offset pagination.");
            type.Fields.Add(new OutputField("hasNextPage", new NonNullType(Scalars.Boolean), "Indicates whether more items exist following the set defined by the clients arguments.") { Resolver = c => ValueTask.FromResult<object?>(((Segment)c.Parent!).HasNextPage) });
            type.Fields.Add(new OutputField("hasPreviousPage", new NonNullType(Scalars.Boolean), "Indicates whether more items exist prior the set defined by the clients arguments.") { Resolver = c => ValueTask.FromResult<object?>(((Segment)c.Parent!).HasPreviousPage) });
            return type;
        });
        var segment = context.Builder.GetOrAddType(name, () =>
        {
            var type = new ObjectType(name, "A segment of a collection.");
            type.Fields.Add(new OutputField("pageInfo", new NonNullType(info), "Information to aid in pagination.") { Resolver = c => ValueTask.FromResult(c.Parent) });
            type.Fields.Add(new OutputField("items", new ListType(list.OfType), "A flattened list of the items.") { Resolver = c => ValueTask.FromResult<object?>(((Segment)c.Parent!).Items) });
            type.Fields.Add(new OutputField("totalCount", new NonNullType(Scalars.Int)) { Resolver = async c => (object?)await ((Segment)c.Parent!).CountAsync(c.RequestAborted) });
            return type;
        });
        context.Type = new NonNullType(segment);
        field.Arguments.Add(new InputField("skip", Scalars.Int));
        field.Arguments.Add(new InputField("take", Scalars.Int));
        field.Metadata[PagingOptions.MetadataKey] = options;
        field.Metadata[ListSize.MetadataKey] = new ListSize(DefaultPageSize) { SlicingArguments = ["take"], MaxSize = MaxPageSize, SizedFields = ["items"] };
        var page = typeof(UseOffsetPagingAttribute).GetMethod(nameof(PageAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(elementType).CreateDelegate<Func<object?, IResolverContext, PagingOptions, ValueTask<object?>>>();
        field.Middleware.Add(next => async c => await page(await next(c), c, options));
    }

    private static async ValueTask<object?> PageAsync<T>(object? result, IResolverContext context, PagingOptions options)
    {
        if (result is null)
        {
            return null;
        }

        var query = (result as Projections.ProjectedQuery<T>)?.Query ?? result as IQueryable<T> ?? ((IEnumerable<T>)result).AsQueryable();
        var skip = context.ArgumentValue<int?>("skip") ?? 0;
        var take = context.ArgumentValue<int?>("take") ?? options.DefaultPageSize;
        if (skip < 0 || take < 0 || take > options.MaxPageSize)
        {
            throw new GraphQLException($"`skip` must not be negative and `take` must be between 0 and {options.MaxPageSize}.", PagingErrors.Invalid);
        }

        var executor = context.QueryExecutor();
        var rows = await executor.ToListAsync(query.Skip(skip).Take(take + 1), context.RequestAborted);
        var more = rows.Count > take;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Segment(rows.Cast<object?>().ToList(), more, skip > 0, ct => executor.CountAsync(query, ct));
    }

    private sealed class Segment(IReadOnlyList<object?> items, bool hasNextPage, bool hasPreviousPage, Func<CancellationToken, Task<int>> count)
    {
        private Task<int>? total;

        public IReadOnlyList<object?> Items { get; } = items;
        public bool HasNextPage { get; } = hasNextPage;
        public bool HasPreviousPage { get; } = hasPreviousPage;

        public Task<int> CountAsync(CancellationToken cancellationToken) => total ??= count(cancellationToken);
    }
}
