using System.Collections.Concurrent;
using System.Linq.Expressions;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Data;

/// <summary>The values of <c>enum SortEnumType { ASC DESC }</c>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>
/// Adds <c>order: [&lt;Type&gt;SortInput!]</c> to a list field and orders the resolver's result by it, as Hot Chocolate
/// does: <c>&lt;Type&gt;SortInput { &lt;field&gt;: SortEnumType &lt;object&gt;: &lt;Nested&gt;SortInput }</c> with
/// <c>enum SortEnumType { ASC DESC }</c>. Each list item names exactly one field (<c>order: [{ lastName: ASC }, { id: DESC
/// }]</c>); the first becomes <c>OrderBy</c>, the rest <c>ThenBy</c>, in the given order. Without <c>order</c> (or with an
/// empty list) the resolver's own ordering stays. Items with no field or several fields fail with <c>SORT_INVALID</c>.
/// <para>
/// The result is a standard <c>Queryable.OrderBy(..).ThenBy(..)</c> chain at the top of the query (see
/// <see cref="QueryOrdering"/>): paging, declared before it (<c>[UsePaging] [UseProjection] [UseFiltering]
/// [UseSorting]</c>), appends its unique-key <c>ThenBy</c> to it. Which properties are sortable: see
/// <see cref="SortConfiguration{T}"/>; collections are not sortable.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseSortingAttribute : FieldConfigurationAttribute
{
    /// <summary>The argument's name, <c>order</c>.</summary>
    public const string ArgumentName = "order";

    /// <summary>Field metadata key: the name of the sort input type of the field.</summary>
    public const string MetadataKey = "gql.sorting";

    public override void Configure(FieldConfigurationContext context)
    {
        var element = DataFieldSupport.ElementType(context, "UseSorting");
        var registry = DataTypeRegistry.For(context);
        var info = SortTypes.For(registry, element);
        if (info.Type.Fields.Count == 0)
        {
            throw new SchemaException([$"[UseSorting] on {context.Member.DeclaringType?.Name}.{context.Member.Name}: {element.Name} has no sortable fields."]);
        }

        if (context.Field.Arguments.Contains(ArgumentName))
        {
            throw new SchemaException([$"[UseSorting] on {context.Member.DeclaringType?.Name}.{context.Member.Name}: the field already has an argument '{ArgumentName}'."]);
        }

        context.Field.Arguments.Add(new InputField(ArgumentName, new ListType(new NonNullType(info.Type))));
        context.Field.Metadata[MetadataKey] = info.Type.Name;
        var middleware = (IDataMiddleware)Activator.CreateInstance(typeof(SortMiddleware<>).MakeGenericType(element), info)!;
        context.Field.Middleware.Add(middleware.Wrap);
    }
}

/// <summary>A field of a <c>&lt;Type&gt;SortInput</c>: a leaf sorted by <c>SortEnumType</c>, or an object with a nested input.</summary>
internal sealed record SortFieldInfo(DataMember Member, SortTypeInfo? Nested);

/// <summary>A <c>&lt;Type&gt;SortInput</c>, its fields by GraphQL name, and the key selectors made from it so far.</summary>
internal sealed class SortTypeInfo(Type clrType, InputObjectType type)
{
    public Type ClrType { get; } = clrType;

    public InputObjectType Type { get; } = type;

    public Dictionary<string, SortFieldInfo> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>False while its fields are being added (a recursive model refers to it before it is done).</summary>
    public bool Complete { get; set; }

    /// <summary>Key selectors by field path (<c>doctor.lastName</c>), built once: they do not depend on the request.</summary>
    public ConcurrentDictionary<string, LambdaExpression> Keys { get; } = new(StringComparer.Ordinal);
}

internal static class SortTypes
{
    public static SortTypeInfo For(DataTypeRegistry registry, Type clrType)
    {
        if (registry.SortTypes.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var input = new InputObjectType(registry.TypeName(clrType) + "SortInput");
        var info = new SortTypeInfo(clrType, input);
        registry.SortTypes[clrType] = info;
        var sortEnum = SortEnum(registry);
        var configuration = registry.Binding(clrType, "ConfigureSorting", typeof(SortConfiguration<>));
        var members = registry.Members(clrType);
        FilterTypes.Check(configuration, clrType, members, "sort", "ConfigureSorting");
        foreach (var member in members)
        {
            if (configuration is not null && !configuration.Allows(member.Property.Name))
            {
                continue;
            }

            switch (member.Kind)
            {
                case DataMemberKind.Leaf:
                    input.Fields.Add(new InputField(member.Name, sortEnum));
                    info.Fields[member.Name] = new SortFieldInfo(member, null);
                    break;
                case DataMemberKind.Object:
                    var nested = For(registry, member.ValueType);
                    if (nested.Complete && nested.Type.Fields.Count == 0)
                    {
                        // Nothing sortable inside: an input object without fields is not allowed.
                        continue;
                    }

                    input.Fields.Add(new InputField(member.Name, nested.Type));
                    info.Fields[member.Name] = new SortFieldInfo(member, nested);
                    break;
            }
        }

        info.Complete = true;
        return info;
    }

    private static EnumType SortEnum(DataTypeRegistry registry)
    {
        if (registry.SortEnum is { } existing)
        {
            return existing;
        }

        var sortEnum = new EnumType("SortEnumType") { RuntimeType = typeof(SortDirection) };
        sortEnum.Add(new EnumValue("ASC", SortDirection.Ascending));
        sortEnum.Add(new EnumValue("DESC", SortDirection.Descending));
        registry.SortEnum = sortEnum;
        return sortEnum;
    }
}

/// <summary>Reads <c>order</c> before the resolver runs, then orders its result.</summary>
internal sealed class SortMiddleware<T>(SortTypeInfo root) : IDataMiddleware
{
    public FieldResolver Wrap(FieldResolver next) => context =>
    {
        var keys = context.Arguments.TryGetValue(UseSortingAttribute.ArgumentName, out var order) ? SortExpressionBuilder.Parse(root, order) : null;
        var task = next(context);
        if (keys is null)
        {
            return task;
        }

        return task.IsCompletedSuccessfully ? ValueTask.FromResult(Apply(task.Result, keys, context)) : Await(task, keys, context);
    };

    private static async ValueTask<object?> Await(ValueTask<object?> task, List<(LambdaExpression Key, bool Descending)> keys, IResolverContext context) =>
        Apply(await task, keys, context);

    private static object? Apply(object? result, List<(LambdaExpression Key, bool Descending)> keys, IResolverContext context) => result switch
    {
        null => null,
        IQueryable<T> query => SortExpressionBuilder.Apply(query, keys),
        IEnumerable<T> items => SortExpressionBuilder.Apply(items.AsQueryable(), keys),
        _ => throw DataFieldSupport.Unsupported(context, result, "UseSorting"),
    };
}

/// <summary>Turns a coerced <c>order</c> value into key selectors, and key selectors into <c>OrderBy/ThenBy</c> calls.</summary>
internal static class SortExpressionBuilder
{
    /// <summary>The keys in order; null when the client asked for no ordering.</summary>
    public static List<(LambdaExpression Key, bool Descending)>? Parse(SortTypeInfo root, object? order)
    {
        if (order is not IEnumerable<object?> items)
        {
            return order is null ? null : throw Invalid($"The order argument of type [{root.Type.Name}!] must be a list.");
        }

        List<(LambdaExpression, bool)>? keys = null;
        var index = 0;
        foreach (var item in items)
        {
            var info = root;
            var path = new List<SortFieldInfo>();
            var value = item;
            while (true)
            {
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    throw Invalid($"Sort item {index} must be an object of type {info.Type.Name}.");
                }

                var (name, fieldValue) = Single(map, info, index);
                var field = info.Fields.TryGetValue(name, out var f) ? f : throw Invalid($"The sort field `{name}` does not exist on {info.Type.Name}.");
                path.Add(field);
                if (fieldValue is SortDirection direction)
                {
                    (keys ??= []).Add((Key(root, path), direction == SortDirection.Descending));
                    break;
                }

                if (field.Nested is null)
                {
                    throw Invalid($"The sort field `{name}` of {info.Type.Name} takes ASC or DESC.");
                }

                info = field.Nested;
                value = fieldValue;
            }

            index++;
        }

        return keys;
    }

    public static IQueryable<T> Apply<T>(IQueryable<T> query, List<(LambdaExpression Key, bool Descending)> keys)
    {
        var expression = query.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            expression = Expression.Call(QueryableMethods.Order(typeof(T), key.ReturnType, first: i == 0, descending), expression, Expression.Quote(key));
        }

        return query.Provider.CreateQuery<T>(expression);
    }

    private static (string Name, object? Value) Single(IReadOnlyDictionary<string, object?> map, SortTypeInfo info, int index)
    {
        (string, object?)? single = null;
        var count = 0;
        foreach (var (name, value) in map)
        {
            if (value is null)
            {
                continue;
            }

            count++;
            single = (name, value);
        }

        if (count != 1 || single is null)
        {
            var names = string.Join(", ", map.Where(kv => kv.Value is not null).Select(kv => kv.Key));
            throw Invalid(count == 0
                ? $"Sort item {index} of type {info.Type.Name} sets no field; set exactly one, e.g. order: [{{ {info.Type.Fields[0].Name}: ASC }}]."
                : $"Sort item {index} of type {info.Type.Name} sets {count} fields ({names}); set exactly one field per item and list them in priority order, e.g. order: [{{ a: ASC }}, {{ b: DESC }}].");
        }

        return single.Value;
    }

    /// <summary>
    /// <c>x =&gt; x.A.B.C</c> for a path of fields, cached per path. Through nullable objects the key is
    /// <c>x.A == null ? null : x.A.B</c> (in-memory sources would throw; EF Core removes such checks in SQL).
    /// </summary>
    private static LambdaExpression Key(SortTypeInfo root, List<SortFieldInfo> path)
    {
        var name = path.Count == 1 ? path[0].Member.Name : string.Join('.', path.Select(p => p.Member.Name));
        return root.Keys.GetOrAdd(name, _ =>
        {
            var parameter = Expression.Parameter(root.ClrType, "x");
            Expression body = parameter;
            Expression? anyNull = null;
            for (var i = 0; i < path.Count; i++)
            {
                body = Expression.Property(body, path[i].Member.Property);
                if (i < path.Count - 1 && path[i].Member.IsNullable)
                {
                    var isNull = Expression.Equal(body, Expression.Constant(null, body.Type));
                    anyNull = anyNull is null ? isNull : Expression.OrElse(anyNull, isNull);
                }
            }

            if (anyNull is not null)
            {
                var keyType = body.Type.IsValueType && Nullable.GetUnderlyingType(body.Type) is null ? typeof(Nullable<>).MakeGenericType(body.Type) : body.Type;
                body = Expression.Condition(anyNull, Expression.Constant(null, keyType), body.Type == keyType ? body : Expression.Convert(body, keyType));
            }

            return Expression.Lambda(body, parameter);
        });
    }

    private static GraphQLException Invalid(string message) => new(message, DataErrorCodes.SortInvalid);
}
