using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Gql.Data;

/// <summary>
/// The reflection the filter and sort expression builders need, looked up once: the generic method definitions of
/// <see cref="Queryable"/>/<see cref="Enumerable"/> and the string methods every LINQ provider translates, and their
/// closed forms per element type.
/// </summary>
internal static class QueryableMethods
{
    public static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    public static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    public static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    public static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private static readonly MethodInfo WhereDefinition = Definition(typeof(Queryable), nameof(Queryable.Where), 2, typeof(Func<,>));
    private static readonly MethodInfo OrderByDefinition = Definition(typeof(Queryable), nameof(Queryable.OrderBy), 2);
    private static readonly MethodInfo OrderByDescendingDefinition = Definition(typeof(Queryable), nameof(Queryable.OrderByDescending), 2);
    private static readonly MethodInfo ThenByDefinition = Definition(typeof(Queryable), nameof(Queryable.ThenBy), 2);
    private static readonly MethodInfo ThenByDescendingDefinition = Definition(typeof(Queryable), nameof(Queryable.ThenByDescending), 2);
    private static readonly MethodInfo ContainsDefinition = Definition(typeof(Enumerable), nameof(Enumerable.Contains), 2);
    private static readonly MethodInfo AnyDefinition = Definition(typeof(Enumerable), nameof(Enumerable.Any), 1);
    private static readonly MethodInfo AnyPredicateDefinition = Definition(typeof(Enumerable), nameof(Enumerable.Any), 2);
    private static readonly MethodInfo AllDefinition = Definition(typeof(Enumerable), nameof(Enumerable.All), 2);

    private static readonly ConcurrentDictionary<(MethodInfo, Type), MethodInfo> Closed1 = new();
    private static readonly ConcurrentDictionary<(MethodInfo, Type, Type), MethodInfo> Closed2 = new();

    public static MethodInfo Where(Type element) => Close(WhereDefinition, element);

    public static MethodInfo Contains(Type element) => Close(ContainsDefinition, element);

    public static MethodInfo Any(Type element) => Close(AnyDefinition, element);

    public static MethodInfo AnyWithPredicate(Type element) => Close(AnyPredicateDefinition, element);

    public static MethodInfo All(Type element) => Close(AllDefinition, element);

    /// <summary><c>OrderBy</c>, <c>OrderByDescending</c>, <c>ThenBy</c> or <c>ThenByDescending</c> closed over the element and key type.</summary>
    public static MethodInfo Order(Type element, Type key, bool first, bool descending)
    {
        var definition = (first, descending) switch
        {
            (true, false) => OrderByDefinition,
            (true, true) => OrderByDescendingDefinition,
            (false, false) => ThenByDefinition,
            (false, true) => ThenByDescendingDefinition,
        };
        return Closed2.GetOrAdd((definition, element, key), static k => k.Item1.MakeGenericMethod(k.Item2, k.Item3));
    }

    /// <summary>Whether the call is one of <see cref="Queryable"/>'s ordering operators.</summary>
    public static bool IsOrdering(MethodCallExpression call) =>
        call.Method.DeclaringType == typeof(Queryable)
        && call.Method.Name is nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending);

    private static MethodInfo Close(MethodInfo definition, Type element) =>
        Closed1.GetOrAdd((definition, element), static k => k.Item1.MakeGenericMethod(k.Item2));

    private static MethodInfo Definition(Type declaring, string name, int parameters, Type? secondParameterDelegate = null) =>
        declaring.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
        {
            if (m.Name != name || !m.IsGenericMethodDefinition || m.GetParameters() is not { } ps || ps.Length != parameters)
            {
                return false;
            }

            if (m.GetGenericArguments().Length != (name is nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) ? 2 : 1))
            {
                return false;
            }

            if (declaring == typeof(Enumerable) && name == nameof(Enumerable.Contains))
            {
                // Contains<T>(IEnumerable<T>, T), not the MemoryExtensions/span-based ones.
                return ps[0].ParameterType.IsGenericType && ps[0].ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>);
            }

            if (secondParameterDelegate is not null)
            {
                // Where(IQueryable<T>, Expression<Func<T, bool>>), not the indexed overload.
                var lambda = ps[1].ParameterType.GetGenericArguments()[0];
                return lambda.IsGenericType && lambda.GetGenericTypeDefinition() == secondParameterDelegate;
            }

            return true;
        });
}

/// <summary>
/// Holds a filter value so that the expression reads it as <c>holder.Value</c> (a member of a constant), as a C#
/// closure would. LINQ providers turn such reads into query parameters (EF Core does), so different values share
/// one cached query plan instead of being inlined as literals.
/// </summary>
internal sealed class ValueHolder<T>(T value)
{
    private static readonly PropertyInfo ValueProperty = typeof(ValueHolder<T>).GetProperty(nameof(Value))!;

    public T Value { get; } = value;

    public static Expression Create(object? value) => Expression.Property(Expression.Constant(new ValueHolder<T>((T)value!)), ValueProperty);

    public static Expression CreateList(List<object?> values)
    {
        var list = new List<T>(values.Count);
        foreach (var value in values)
        {
            list.Add((T)value!);
        }

        return Expression.Property(Expression.Constant(new ValueHolder<List<T>>(list)), ValueHolder<List<T>>.ValueProperty);
    }
}

/// <summary>Creates <see cref="ValueHolder{T}"/> reads for a runtime type without reflection per request.</summary>
internal static class ValueHolders
{
    private static readonly ConcurrentDictionary<Type, Func<object?, Expression>> Singles = new();
    private static readonly ConcurrentDictionary<Type, Func<List<object?>, Expression>> Lists = new();

    /// <summary><c>holder.Value</c> of type <paramref name="type"/>; the value must already be of that type (or null).</summary>
    public static Expression Value(Type type, object? value) =>
        Singles.GetOrAdd(type, static t => typeof(ValueHolder<>).MakeGenericType(t).GetMethod(nameof(ValueHolder<int>.Create))!.CreateDelegate<Func<object?, Expression>>())(value);

    /// <summary><c>holder.Value</c> of type <c>List&lt;<paramref name="element"/>&gt;</c>; the values must already be of the element type.</summary>
    public static Expression List(Type element, List<object?> values) =>
        Lists.GetOrAdd(element, static t => typeof(ValueHolder<>).MakeGenericType(t).GetMethod(nameof(ValueHolder<int>.CreateList))!.CreateDelegate<Func<List<object?>, Expression>>())(values);
}
