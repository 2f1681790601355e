using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hospital.Data;

/// <summary>
/// SQLite stores decimals as text, and EF Core 9 refuses to sort by them ("SQLite does not support expressions of type
/// 'decimal' in ORDER BY clauses"), although it compares them correctly. Before a query is compiled, this rewrites every
/// <c>OrderBy</c>/<c>ThenBy</c> on a decimal key to sort by the key as a double: exact for the money and measurement
/// values we keep (at most 18 significant digits of which 15 order correctly), so sorting means the same as on the
/// server databases. Registered for SQLite only.
/// </summary>
internal sealed class SqliteDecimalOrdering : IQueryExpressionInterceptor
{
    public static readonly SqliteDecimalOrdering Instance = new();

    private static readonly HashSet<string> OrderingMethods =
        [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            var method = visited.Method;
            if (method.DeclaringType != typeof(Queryable) || !OrderingMethods.Contains(method.Name) || visited.Arguments.Count != 2)
            {
                return visited;
            }

            var keyType = method.GetGenericArguments()[1];
            var target = keyType == typeof(decimal) ? typeof(double) : keyType == typeof(decimal?) ? typeof(double?) : null;
            if (target is null || StripQuotes(visited.Arguments[1]) is not LambdaExpression selector)
            {
                return visited;
            }

            var asDouble = Expression.Lambda(Expression.Convert(selector.Body, target), selector.Parameters);
            var generic = method.GetGenericMethodDefinition().MakeGenericMethod(method.GetGenericArguments()[0], target);
            return Expression.Call(generic, visited.Arguments[0], Expression.Quote(asDouble));
        }

        private static Expression StripQuotes(Expression expression) =>
            expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;
    }
}
