using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Gql.Server;
using Gql.Server.Execution;

namespace Gql.Data.Paging;

/// <summary>
/// Cuts one page out of a query. Keyset ("seek") paging when every ordering key is a non-nullable member: the cursor
/// holds the row's key values and the next page is <c>WHERE (k1, k2, ...) &gt; (v1, v2, ...)</c>, so pages stay
/// correct while rows are inserted or deleted. Otherwise (computed or nullable keys) the cursor is an offset.
/// Either way the order is made total by the entity's <c>Id</c>, so every row is seen exactly once.
/// </summary>
public static class Pager
{
    private static readonly ConcurrentDictionary<string, Delegate> CompiledKeys = new();

    public static async ValueTask<object?> PageAsync<T>(object? result, IResolverContext context, PagingOptions options)
    {
        if (result is null)
        {
            return null;
        }

        var projected = result as Projections.ProjectedQuery<T>;
        var query = projected?.Query ?? result as IQueryable<T> ?? ((IEnumerable<T>)result).AsQueryable();
        var first = context.ArgumentValue<int?>("first");
        var last = context.ArgumentValue<int?>("last");
        var after = context.ArgumentValue<string>("after");
        var before = context.ArgumentValue<string>("before");
        if (first is not null && last is not null)
        {
            throw new GraphQLException("Pass either `first` or `last`, not both.", PagingErrors.Invalid);
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is < 0 || value > options.MaxPageSize)
            {
                throw new GraphQLException($"`{name}` must be between 0 and {options.MaxPageSize}, not {value}.", PagingErrors.Invalid);
            }
        }

        var backward = last is not null;
        var size = first ?? last ?? options.DefaultPageSize;
        var executor = context.QueryExecutor();
        var keys = Ordering<T>.Of(query);
        var ordered = keys.Apply(query);
        var unpaged = query;
        Task<int> Count(CancellationToken ct) => executor.CountAsync(unpaged, ct);

        if (keys.IsKeyset)
        {
            var filtered = ordered;
            if (after is not null)
            {
                filtered = filtered.Where(keys.Seek(Cursor.DecodeKeys(after, keys), forward: true));
            }

            if (before is not null)
            {
                filtered = filtered.Where(keys.Seek(Cursor.DecodeKeys(before, keys), forward: false));
            }

            var page = backward ? keys.Apply(filtered, reverse: true).Take(size + 1) : filtered.Take(size + 1);
            var rows = await executor.ToListAsync(Project(page, projected, keys), context.RequestAborted);
            var more = rows.Count > size;
            if (more)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            if (backward)
            {
                rows.Reverse();
            }

            var edges = rows.Select(r => new Edge(Cursor.EncodeKeys(keys.Values(r)), r)).ToList();
            var info = new PageInfo(
                HasNextPage: backward ? before is not null : more,
                HasPreviousPage: backward ? more : after is not null,
                edges.FirstOrDefault()?.Cursor,
                edges.LastOrDefault()?.Cursor);
            return new Connection(edges, info, Count);
        }

        // Offset cursors: positions in the total order.
        var start = after is not null ? Cursor.DecodeOffset(after) + 1 : 0;
        var end = before is not null ? Cursor.DecodeOffset(before) : (int?)null;
        if (backward)
        {
            end ??= await executor.CountAsync(unpaged, context.RequestAborted);
            start = Math.Max(start, end.Value - size);
        }

        var take = end is { } e ? Math.Min(size, Math.Max(0, e - start)) : size;
        var slice = await executor.ToListAsync(Project(ordered.Skip(start).Take(take + 1), projected, keys), context.RequestAborted);
        var hasMore = slice.Count > take;
        if (hasMore)
        {
            slice.RemoveAt(slice.Count - 1);
        }

        var offsetEdges = slice.Select((r, i) => new Edge(Cursor.EncodeOffset(start + i), r)).ToList();
        var offsetInfo = new PageInfo(
            HasNextPage: backward ? end is not null && before is not null : hasMore,
            HasPreviousPage: start > 0,
            offsetEdges.FirstOrDefault()?.Cursor,
            offsetEdges.LastOrDefault()?.Cursor);
        return new Connection(offsetEdges, offsetInfo, Count);
    }

    /// <summary>Applies a deferred projection last, keeping the members the cursor needs.</summary>
    private static IQueryable<T> Project<T>(IQueryable<T> page, Projections.ProjectedQuery<T>? projected, Ordering<T> keys) =>
        projected?.Projection(keys.Keys.Select(k => k.Key.Body).OfType<MemberExpression>().Select(m => m.Member.Name)) is { } projection
            ? page.Select(projection)
            : page;

    /// <summary>The ordering of a query as (key selector, descending) pairs, completed with the unique key.</summary>
    private sealed class Ordering<T>
    {
        private Ordering(List<(LambdaExpression Key, bool Descending)> keys, bool hadOrder, bool isKeyset)
        {
            Keys = keys;
            HadOrder = hadOrder;
            IsKeyset = isKeyset;
        }

        public List<(LambdaExpression Key, bool Descending)> Keys { get; }

        public bool HadOrder { get; }

        public bool IsKeyset { get; }

        public static Ordering<T> Of(IQueryable<T> query)
        {
            var keys = new List<(LambdaExpression, bool)>();
            var expression = query.Expression;

            // Walk OrderBy(...).ThenBy(...) from the outside in; stop at the first OrderBy (earlier orderings are overridden).
            while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
            {
                var name = call.Method.Name;
                if (name is nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) or nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending))
                {
                    keys.Insert(0, ((LambdaExpression)StripQuotes(call.Arguments[1]), name.EndsWith("Descending", StringComparison.Ordinal)));
                    if (name.StartsWith("OrderBy", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
                else if (keys.Count > 0)
                {
                    break;
                }

                expression = call.Arguments[0];
            }

            var hadOrder = keys.Count > 0;
            var id = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance);
            if (id is not null && !keys.Exists(k => IsMember(k.Item1, id)))
            {
                var parameter = Expression.Parameter(typeof(T), "x");
                keys.Add((Expression.Lambda(Expression.Property(parameter, id), parameter), false));
            }

            var keyset = id is not null && keys.TrueForAll(k => IsSeekable(k.Item1));
            return new Ordering<T>(keys, hadOrder, keyset);
        }

        /// <summary>The query ordered by all keys (reversed for backward pages).</summary>
        public IQueryable<T> Apply(IQueryable<T> query, bool reverse = false)
        {
            if (Keys.Count == 0)
            {
                return query;
            }

            IOrderedQueryable<T>? ordered = null;
            var source = query;
            if (HadOrder && !reverse)
            {
                // The query already ends with the client's ordering: only the tie-breakers are missing.
                ordered = (IOrderedQueryable<T>)query;
                foreach (var (key, descending) in Keys.Skip(OrderedCount(query)))
                {
                    ordered = ThenBy(ordered, key, descending);
                }

                return ordered;
            }

            foreach (var (key, descending) in Keys)
            {
                var down = descending ^ reverse;
                ordered = ordered is null ? OrderBy(source, key, down) : ThenBy(ordered, key, down);
            }

            return ordered!;
        }

        /// <summary><c>(k1, k2, ...) &gt; (v1, v2, ...)</c> in the page direction, per key direction, as OR of ANDs.</summary>
        public Expression<Func<T, bool>> Seek(object?[] values, bool forward)
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            Expression? any = null;
            for (var i = 0; i < Keys.Count; i++)
            {
                Expression? all = null;
                for (var j = 0; j < i; j++)
                {
                    all = And(all, Expression.Equal(Body(j, parameter), Constant(values[j], Keys[j].Key.ReturnType)));
                }

                var after = forward ^ Keys[i].Descending;
                all = And(all, Compare(Body(i, parameter), Constant(values[i], Keys[i].Key.ReturnType), after));
                any = any is null ? all : Expression.OrElse(any, all!);
            }

            return Expression.Lambda<Func<T, bool>>(any!, parameter);
        }

        public object?[] Values(T row)
        {
            var values = new object?[Keys.Count];
            for (var i = 0; i < Keys.Count; i++)
            {
                var key = Keys[i].Key;
                var compiled = (Func<T, object?>)CompiledKeys.GetOrAdd(typeof(T).FullName + "|" + key, _ =>
                    Expression.Lambda<Func<T, object?>>(Expression.Convert(key.Body, typeof(object)), key.Parameters).Compile());
                values[i] = compiled(row);
            }

            return values;
        }

        private Expression Body(int index, ParameterExpression parameter) =>
            new Rebind(Keys[index].Key.Parameters[0], parameter).Visit(Keys[index].Key.Body);

        private static int OrderedCount(IQueryable<T> query)
        {
            var count = 0;
            var expression = query.Expression;
            while (expression is MethodCallExpression { Method.Name: "ThenBy" or "ThenByDescending" or "OrderBy" or "OrderByDescending" } call)
            {
                count++;
                if (call.Method.Name.StartsWith("OrderBy", StringComparison.Ordinal))
                {
                    break;
                }

                expression = call.Arguments[0];
            }

            return count;
        }
    }

    private static Expression StripQuotes(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } q ? q.Operand : e;

    private static bool IsMember(LambdaExpression key, PropertyInfo property) =>
        key.Body is MemberExpression m && m.Member == property && m.Expression is ParameterExpression;

    /// <summary>Keyset seeks need keys that are plain member chains of non-nullable, comparable types.</summary>
    private static bool IsSeekable(LambdaExpression key)
    {
        if (key.Body is not MemberExpression member)
        {
            return false;
        }

        var type = key.ReturnType;
        if (Nullable.GetUnderlyingType(type) is not null || type == typeof(bool))
        {
            return false;
        }

        if (type == typeof(string))
        {
            return member.Member is PropertyInfo p && new NullabilityInfoContext().Create(p).ReadState == NullabilityState.NotNull;
        }

        // Enums are left out: stored by name they sort by name in SQL but by value in memory, so a seek could disagree.
        return type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid);
    }

    private static Expression? And(Expression? left, Expression right) => left is null ? right : Expression.AndAlso(left, right);

    /// <summary>A member of a captured object, as a closure would be: EF Core sends it as a parameter, not inlined SQL text.</summary>
    private static Expression Constant(object? value, Type type) =>
        Expression.Convert(Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value)), type);

    private static Expression Compare(Expression left, Expression right, bool greater)
    {
        var type = left.Type;
        if (type == typeof(string) || type == typeof(Guid))
        {
            var compare = type == typeof(string)
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right)
                : Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);
            return greater ? Expression.GreaterThan(compare, Expression.Constant(0)) : Expression.LessThan(compare, Expression.Constant(0));
        }

        return greater ? Expression.GreaterThan(left, right) : Expression.LessThan(left, right);
    }

    private static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> source, LambdaExpression key, bool descending) =>
        (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key)));

    private static IOrderedQueryable<T> ThenBy<T>(IOrderedQueryable<T> source, LambdaExpression key, bool descending) =>
        (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy), [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key)));

    private sealed class Box(object? value)
    {
        public object? Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>Opaque cursors: base64 of "k:" + JSON key values, or "o:" + offset.</summary>
    private static class Cursor
    {
        public static string EncodeOffset(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

        public static int DecodeOffset(string cursor) =>
            Decode(cursor) is ['o', ':', .. var rest] && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : throw Invalid(cursor);

        public static string EncodeKeys(object?[] values)
        {
            var json = JsonSerializer.Serialize(values.Select(v => v switch
            {
                DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
                TimeOnly t => t.ToString("O", CultureInfo.InvariantCulture),
                Enum e => e.ToString(),
                _ => v,
            }));
            return Convert.ToBase64String(Encoding.UTF8.GetBytes("k:" + json));
        }

        public static object?[] DecodeKeys<T>(string cursor, Ordering<T> ordering)
        {
            if (Decode(cursor) is not ['k', ':', .. var json])
            {
                throw Invalid(cursor);
            }

            try
            {
                var elements = JsonSerializer.Deserialize<JsonElement[]>(json);
                if (elements is null || elements.Length != ordering.Keys.Count)
                {
                    throw Invalid(cursor);
                }

                return elements.Select((e, i) => Read(e, ordering.Keys[i].Key.ReturnType)).ToArray();
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
            {
                // A cursor from another ordering (or tampered with) cannot be used.
                throw Invalid(cursor);
            }
        }

        private static object? Read(JsonElement element, Type type) => type switch
        {
            _ when type == typeof(string) => element.GetString(),
            _ when type == typeof(int) => element.GetInt32(),
            _ when type == typeof(long) => element.GetInt64(),
            _ when type == typeof(short) => element.GetInt16(),
            _ when type == typeof(double) => element.GetDouble(),
            _ when type == typeof(decimal) => element.GetDecimal(),
            _ when type == typeof(Guid) => element.GetGuid(),
            _ when type == typeof(DateTime) => DateTime.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ when type == typeof(DateOnly) => DateOnly.Parse(element.GetString()!, CultureInfo.InvariantCulture),
            _ when type == typeof(TimeOnly) => TimeOnly.Parse(element.GetString()!, CultureInfo.InvariantCulture),
            _ when type.IsEnum => Enum.Parse(type, element.GetString()!),
            _ => throw new InvalidOperationException($"Cannot read a {type.Name} cursor key."),
        };

        private static string Decode(string cursor)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            }
            catch (FormatException)
            {
                throw Invalid(cursor);
            }
        }

        private static GraphQLException Invalid(string cursor) => new($"The cursor \"{cursor}\" is not valid for this list.", PagingErrors.InvalidCursor);
    }
}

public static class PagingErrors
{
    public const string Invalid = "PAGING_INVALID";
    public const string InvalidCursor = "PAGING_INVALID_CURSOR";
}
