using System.Linq.Expressions;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Data;

/// <summary>
/// Adds <c>where: &lt;Type&gt;FilterInput</c> to a list field and filters the resolver's result with it, as Hot
/// Chocolate does. The resolver returns an <see cref="IQueryable{T}"/> (EF Core: the filter becomes SQL) or an
/// <see cref="IEnumerable{T}"/> (filtered in memory).
/// <para>
/// The input: <c>&lt;Type&gt;FilterInput { and: [..!] or: [..!] &lt;field&gt;: ... }</c> where each field of the object type's
/// CLR properties gets <c>StringOperationFilterInput</c> (<c>eq neq contains ncontains in nin startsWith nstartsWith
/// endsWith nendsWith</c> plus the case-insensitive <c>ieq icontains istartsWith iendsWith</c>),
/// <c>Int/Long/Float/Decimal/DateTime/Date/LocalTime/UuidOperationFilterInput</c> (<c>eq neq in nin gt ngt gte ngte lt nlt
/// lte nlte</c>), <c>BooleanOperationFilterInput</c> (<c>eq neq</c>), <c>&lt;Enum&gt;OperationFilterInput</c> (<c>eq neq in
/// nin</c>), a nested <c>&lt;Type&gt;FilterInput</c> for objects, <c>ListFilterInputTypeOf&lt;Type&gt;FilterInput</c> (<c>all none
/// some any</c>) for collections of objects and <c>List&lt;Op&gt;OperationFilterInput</c> for collections of scalars.
/// </para>
/// <para>
/// Semantics: the fields of one object are ANDed; <c>eq: null</c> is IS NULL and <c>neq: null</c> IS NOT NULL; other
/// operations refuse null (error <c>FILTER_INVALID</c>); nullable values compare their underlying value (a null
/// never matches <c>gt</c>, always matches <c>ngt</c>); empty objects and empty <c>and</c>/<c>or</c> lists filter
/// nothing. The case-insensitive operations lower-case the value once (invariant culture) and the column with
/// <see cref="string.ToLower()"/> (SQL <c>lower()</c>), so they still run in the database. An index on the column
/// is not used by them; add an expression index on <c>lower(column)</c> where that matters.
/// </para>
/// <para>
/// Which properties are offered: see <see cref="FilterConfiguration{T}"/>. With sorting and paging, declare
/// <c>[UsePaging] [UseProjection] [UseFiltering] [UseSorting]</c>: the filter goes beneath the ordering the
/// sorting applied, so the query still ends with its <c>OrderBy/ThenBy</c> calls for paging to extend.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseFilteringAttribute : FieldConfigurationAttribute
{
    /// <summary>The argument's name, <c>where</c>.</summary>
    public const string ArgumentName = "where";

    /// <summary>Field metadata key: the name of the filter input type of the field.</summary>
    public const string MetadataKey = "gql.filtering";

    public override void Configure(FieldConfigurationContext context)
    {
        var element = DataFieldSupport.ElementType(context, "UseFiltering");
        var registry = DataTypeRegistry.For(context);
        var info = FilterTypes.For(registry, element);
        if (context.Field.Arguments.Contains(ArgumentName))
        {
            throw new SchemaException([$"[UseFiltering] on {context.Member.DeclaringType?.Name}.{context.Member.Name}: the field already has an argument '{ArgumentName}'."]);
        }

        context.Field.Arguments.Add(new InputField(ArgumentName, info.Type));
        context.Field.Metadata[MetadataKey] = info.Type.Name;
        var middleware = (IDataMiddleware)Activator.CreateInstance(typeof(FilterMiddleware<>).MakeGenericType(element), info)!;
        context.Field.Middleware.Add(middleware.Wrap);
    }
}

/// <summary>A middleware over results of one element type.</summary>
internal interface IDataMiddleware
{
    FieldResolver Wrap(FieldResolver next);
}

/// <summary>Reads <c>where</c> before the resolver runs (bad input fails without touching the database), then filters its result.</summary>
internal sealed class FilterMiddleware<T>(FilterTypeInfo root) : IDataMiddleware
{
    public FieldResolver Wrap(FieldResolver next) => context =>
    {
        var predicate = context.Arguments.TryGetValue(UseFilteringAttribute.ArgumentName, out var where) ? FilterExpressionBuilder.Build<T>(root, where) : null;
        var task = next(context);
        if (predicate is null)
        {
            return task;
        }

        return task.IsCompletedSuccessfully ? ValueTask.FromResult(Apply(task.Result, predicate, context)) : Await(task, predicate, context);
    };

    private static async ValueTask<object?> Await(ValueTask<object?> task, Expression<Func<T, bool>> predicate, IResolverContext context) =>
        Apply(await task, predicate, context);

    private static object? Apply(object? result, Expression<Func<T, bool>> predicate, IResolverContext context) => result switch
    {
        null => null,
        IQueryable<T> query => QueryOrdering.WhereBeneathOrdering(query, predicate),
        IEnumerable<T> items => items.AsQueryable().Where(predicate),
        _ => throw DataFieldSupport.Unsupported(context, result, "UseFiltering"),
    };
}

internal static class DataFieldSupport
{
    /// <summary>The element type of a field's result, which must be a list of objects.</summary>
    public static Type ElementType(FieldConfigurationContext context, string attribute)
    {
        var clr = context.ClrReturnType;
        var where = $"[{attribute}] on {context.Member.DeclaringType?.Name}.{context.Member.Name}";
        if (CodeFirstSchemaBuilder.ElementType(clr) is not { } element
            || !typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(clr))
        {
            throw new SchemaException([$"{where} needs a result of IQueryable<T> or IEnumerable<T>, not {clr.Name}."]);
        }

        if (context.Builder.Output(element, null).Named is not ComplexType)
        {
            throw new SchemaException([$"{where} needs a list of objects, not of {element.Name}."]);
        }

        return element;
    }

    public static InvalidOperationException Unsupported(IResolverContext context, object result, string attribute) =>
        new($"[{attribute}] on {context.Field} got a {result.GetType().Name}; it applies to IQueryable<T> and IEnumerable<T> results only.");
}
