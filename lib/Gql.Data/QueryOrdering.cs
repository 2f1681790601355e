using System.Linq.Expressions;

namespace Gql.Data;

/// <summary>
/// Reads and extends the ordering of a query from its expression: the standard
/// <c>Queryable.OrderBy/OrderByDescending/ThenBy/ThenByDescending</c> calls that <c>[UseSorting]</c> (and resolvers)
/// produce. <c>[UseFiltering]</c> keeps such a chain on top of the query (its <c>Where</c> goes beneath it), so a
/// middleware running outside them (paging) finds the ordering as the outermost calls and can append
/// <c>ThenBy</c> tie-breakers to it. A projection (<c>Select</c> into the same type) or filter put on top later is
/// looked through by <see cref="HasOrdering"/>, <see cref="GetOrdering"/> and <see cref="AppendOrdering"/>.
/// </summary>
public static class QueryOrdering
{
    /// <summary>Whether the query's outermost call is an ordering (so <c>Queryable.ThenBy</c> may be called on it directly).</summary>
    public static bool IsOrdered(IQueryable query) =>
        query.Expression is MethodCallExpression call && QueryableMethods.IsOrdering(call);

    /// <summary>
    /// Whether the query is ordered: an ordering at the top, or beneath <c>Where</c> calls and <c>Select</c> calls that
    /// keep the element type (projections into the same entity type), which do not change the order.
    /// </summary>
    public static bool HasOrdering(IQueryable query) => FindOrdering(query.Expression, query.ElementType).Ordering is not null;

    /// <summary>
    /// The keys of the query's ordering (found as <see cref="HasOrdering"/> finds it), first key first: the calls
    /// from the last <c>OrderBy</c> on (an earlier <c>OrderBy</c> is overridden by a later one). Empty when unordered.
    /// </summary>
    public static IReadOnlyList<(LambdaExpression Key, bool Descending)> GetOrdering(IQueryable query)
    {
        var keys = new List<(LambdaExpression, bool)>();
        Expression? expression = FindOrdering(query.Expression, query.ElementType).Ordering;
        while (expression is MethodCallExpression call && QueryableMethods.IsOrdering(call))
        {
            keys.Insert(0, ((LambdaExpression)StripQuote(call.Arguments[1]), call.Method.Name.EndsWith("Descending", StringComparison.Ordinal)));
            if (call.Method.Name.StartsWith("OrderBy", StringComparison.Ordinal))
            {
                break;
            }

            expression = call.Arguments[0];
        }

        return keys;
    }

    /// <summary>
    /// Adds a key to the query's ordering: <c>ThenBy</c> right on the ordering (beneath <c>Where</c> and same-type
    /// <c>Select</c> calls above it, which stay on top), or <c>OrderBy</c> at the top when the query is unordered.
    /// This is how paging adds its unique tie-breaker to the client's sort order.
    /// </summary>
    public static IQueryable<T> AppendOrdering<T, TKey>(IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending = false)
    {
        var (ordering, above) = FindOrdering(query.Expression, typeof(T));
        if (ordering is null)
        {
            var orderBy = QueryableMethods.Order(typeof(T), typeof(TKey), first: true, descending);
            return query.Provider.CreateQuery<T>(Expression.Call(orderBy, query.Expression, Expression.Quote(key)));
        }

        var thenBy = QueryableMethods.Order(typeof(T), typeof(TKey), first: false, descending);
        return query.Provider.CreateQuery<T>(Rebuild(Expression.Call(thenBy, ordering, Expression.Quote(key)), above));
    }

    /// <summary>
    /// <c>query.Where(predicate)</c>, placed beneath a trailing <c>OrderBy(..).ThenBy(..)</c> chain when there is one:
    /// <c>Where(src).OrderBy(k)</c> rather than <c>OrderBy(src, k).Where(..)</c>. Same rows, same order, and the query
    /// stays ordered at the top for <c>ThenBy</c>.
    /// </summary>
    public static IQueryable<T> WhereBeneathOrdering<T>(IQueryable<T> query, Expression<Func<T, bool>> predicate)
    {
        var chain = new Stack<MethodCallExpression>();
        var source = query.Expression;
        while (source is MethodCallExpression call && QueryableMethods.IsOrdering(call) && call.Method.GetGenericArguments()[0] == typeof(T))
        {
            chain.Push(call);
            source = call.Arguments[0];
        }

        Expression result = Expression.Call(QueryableMethods.Where(typeof(T)), source, Expression.Quote(predicate));
        while (chain.Count > 0)
        {
            var call = chain.Pop();
            result = Expression.Call(call.Method, [result, .. call.Arguments.Skip(1)]);
        }

        return query.Provider.CreateQuery<T>(result);
    }

    /// <summary>The outermost ordering call, looking through Where and same-type Select calls (returned outermost first).</summary>
    private static (MethodCallExpression? Ordering, List<MethodCallExpression> Above) FindOrdering(Expression expression, Type element)
    {
        var above = new List<MethodCallExpression>();
        while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            if (QueryableMethods.IsOrdering(call))
            {
                return (call, above);
            }

            var arguments = call.Method.GetGenericArguments();
            var transparent = call.Method.Name == nameof(Queryable.Where)
                || (call.Method.Name == nameof(Queryable.Select) && arguments.Length == 2 && arguments[0] == element && arguments[1] == element
                    && StripQuote(call.Arguments[1]) is LambdaExpression { Parameters.Count: 1 });
            if (!transparent)
            {
                break;
            }

            above.Add(call);
            expression = call.Arguments[0];
        }

        return (null, above);
    }

    /// <summary>Puts the calls that were above an ordering back on top of the new one.</summary>
    private static Expression Rebuild(Expression inner, List<MethodCallExpression> above)
    {
        for (var i = above.Count - 1; i >= 0; i--)
        {
            inner = Expression.Call(above[i].Method, [inner, .. above[i].Arguments.Skip(1)]);
        }

        return inner;
    }

    private static Expression StripQuote(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;
}
