using System.Linq.Expressions;
using Gql.Server;
using Gql.Server.Types;

namespace Gql.Data;

/// <summary>
/// Turns a coerced <c>where</c> value into a predicate expression, once per request. The tree holds only what every
/// LINQ provider (EF Core among them) translates: member access, comparisons, <c>&amp;&amp;</c>/<c>||</c>/<c>!</c>,
/// <see cref="string.Contains(string)"/>/<see cref="string.StartsWith(string)"/>/<see cref="string.EndsWith(string)"/>/
/// <see cref="string.ToLower()"/>, <see cref="Enumerable.Contains{TSource}(IEnumerable{TSource}, TSource)"/>,
/// <c>Enumerable.Any/All</c>; values are read from holder objects so providers make them query parameters. No
/// delegates, no invocations.
/// </summary>
internal static class FilterExpressionBuilder
{
    /// <summary>The predicate for <paramref name="where"/>; null when it asks for nothing (null, <c>{}</c>, empty and/or).</summary>
    public static Expression<Func<T, bool>>? Build<T>(FilterTypeInfo root, object? where)
    {
        if (where is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Object(root, parameter, Map(where, root.Type.Name, "where"), 0);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression? Object(FilterTypeInfo info, Expression instance, IReadOnlyDictionary<string, object?> value, int depth)
    {
        Expression? result = null;
        foreach (var (name, fieldValue) in value)
        {
            Expression? condition;
            if (name is FilterTypes.And or FilterTypes.Or)
            {
                condition = Combine(name, fieldValue, info.Type.Name, item => Object(info, instance, Map(item, info.Type.Name, name), depth));
            }
            else if (info.Fields.TryGetValue(name, out var field))
            {
                condition = Field(info, field, instance, fieldValue, depth);
            }
            else
            {
                throw Invalid($"The filter field `{name}` does not exist on {info.Type.Name}.");
            }

            result = And(result, condition);
        }

        return result;
    }

    private static Expression? Field(FilterTypeInfo owner, FilterFieldInfo field, Expression instance, object? value, int depth)
    {
        var member = field.Member;
        var access = Expression.Property(instance, member.Property);
        switch (member.Kind)
        {
            case DataMemberKind.Leaf:
                return Operations(field.Operations!, access, member.ValueType, member.IsNullable, Map(value, owner.Type.Name, member.Name));

            case DataMemberKind.Object:
                var nested = Object(field.Nested!, access, Map(value, owner.Type.Name, member.Name), depth);
                return nested is null || !member.IsNullable ? nested : Expression.AndAlso(NotNull(access), nested);

            default:
                var list = Map(value, owner.Type.Name, member.Name);
                var listType = member.Kind == DataMemberKind.LeafList ? "List" + field.Operations!.Type.Name : "ListFilterInputTypeOf" + field.Nested!.Type.Name;
                Expression? result = null;
                foreach (var (op, opValue) in list)
                {
                    result = And(result, ListOperation(field, access, op, opValue, listType, depth));
                }

                return result;
        }
    }

    private static Expression? ListOperation(FilterFieldInfo field, Expression list, string op, object? value, string listType, int depth)
    {
        var member = field.Member;
        var element = member.ValueType;
        if (value is null)
        {
            throw NullNotSupported(op, listType);
        }

        if (op == FilterTypes.Any)
        {
            var any = Guard(list, member.IsNullable, Expression.Call(QueryableMethods.Any(element), list));
            return value is true ? any : Expression.Not(any);
        }

        var parameter = Expression.Parameter(element, "e" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var map = Map(value, listType, op);
        var predicate = member.Kind == DataMemberKind.LeafList
            ? Operations(field.Operations!, parameter, element, member.ElementIsNullable, map)
            : Object(field.Nested!, parameter, map, depth + 1);
        var lambda = predicate is null ? null : Expression.Lambda(predicate, parameter);
        switch (op)
        {
            case FilterTypes.Some:
            case FilterTypes.None:
                var some = Guard(list, member.IsNullable, lambda is null
                    ? Expression.Call(QueryableMethods.Any(element), list)
                    : Expression.Call(QueryableMethods.AnyWithPredicate(element), list, lambda));
                return op == FilterTypes.Some ? some : Expression.Not(some);
            case FilterTypes.All:
                return lambda is null ? null : Guard(list, member.IsNullable, Expression.Call(QueryableMethods.All(element), list, lambda));
            default:
                throw Invalid($"The list filter operation `{op}` does not exist on {listType}.");
        }
    }

    /// <summary>The operations of one operation filter input on a value, ANDed.</summary>
    private static Expression? Operations(OperationFilterInfo info, Expression member, Type valueType, bool nullable, IReadOnlyDictionary<string, object?> value)
    {
        Expression? result = null;
        foreach (var (op, operand) in value)
        {
            var condition = op is FilterTypes.And or FilterTypes.Or
                ? Combine(op, operand, info.Type.Name, item => Operations(info, member, valueType, nullable, Map(item, info.Type.Name, op)))
                : Operation(info, member, valueType, nullable, op, operand);
            result = And(result, condition);
        }

        return result;
    }

    private static Expression Operation(OperationFilterInfo info, Expression member, Type valueType, bool nullable, string op, object? operand)
    {
        var typeName = info.Type.Name;
        switch (op)
        {
            case "eq":
                return operand is null ? IsNull(member, valueType) : Expression.Equal(member, Value(valueType, operand, op, typeName));
            case "neq":
                return operand is null ? Expression.Not(IsNull(member, valueType)) : Expression.NotEqual(member, Value(valueType, operand, op, typeName));
            case "in":
                return In(member, valueType, operand, op, typeName);
            case "nin":
                return Expression.Not(In(member, valueType, operand, op, typeName));
        }

        if (info.Kind == OperationKind.Comparable)
        {
            Func<Expression, Expression, BinaryExpression>? compare = op switch
            {
                "gt" or "ngt" => Expression.GreaterThan,
                "gte" or "ngte" => Expression.GreaterThanOrEqual,
                "lt" or "nlt" => Expression.LessThan,
                "lte" or "nlte" => Expression.LessThanOrEqual,
                _ => null,
            };
            if (compare is not null)
            {
                var comparison = compare(member, Value(valueType, operand ?? throw NullNotSupported(op, typeName), op, typeName));
                return op[0] == 'n' ? Expression.Not(comparison) : comparison;
            }
        }
        else if (info.Kind == OperationKind.String)
        {
            var negate = op is "ncontains" or "nstartsWith" or "nendsWith";
            var (method, ignoreCase) = op switch
            {
                "contains" or "ncontains" => (QueryableMethods.StringContains, false),
                "startsWith" or "nstartsWith" => (QueryableMethods.StringStartsWith, false),
                "endsWith" or "nendsWith" => (QueryableMethods.StringEndsWith, false),
                "icontains" => (QueryableMethods.StringContains, true),
                "istartsWith" => (QueryableMethods.StringStartsWith, true),
                "iendsWith" => (QueryableMethods.StringEndsWith, true),
                "ieq" => (null, true),
                _ => throw Invalid($"The filter operation `{op}` does not exist on {typeName}."),
            };
            if (method is null)
            {
                // ieq: lower(column) = lower-cased value; null asks for IS NULL like eq.
                return operand is null
                    ? IsNull(member, valueType)
                    : Guard(member, nullable, Expression.Equal(Expression.Call(member, QueryableMethods.StringToLower), Text(operand, true, op, typeName)));
            }

            var text = Text(operand ?? throw NullNotSupported(op, typeName), ignoreCase, op, typeName);
            var subject = ignoreCase ? Expression.Call(member, QueryableMethods.StringToLower) : member;
            var call = Guard(member, nullable, Expression.Call(subject, method, text));
            return negate ? Expression.Not(call) : call;
        }

        throw Invalid($"The filter operation `{op}` does not exist on {typeName}.");
    }

    private static Expression In(Expression member, Type valueType, object? operand, string op, string typeName)
    {
        if (operand is not IEnumerable<object?> items)
        {
            throw operand is null ? NullNotSupported(op, typeName) : Invalid($"The provided value for filter `{op}` of type {typeName} must be a list.");
        }

        var canBeNull = CanBeNull(valueType);
        var values = new List<object?>();
        foreach (var item in items)
        {
            if (item is null)
            {
                // null in a list matches nulls, when the value can be null at all.
                if (canBeNull)
                {
                    values.Add(null);
                }

                continue;
            }

            values.Add(Convert(valueType, item, op, typeName));
        }

        return Expression.Call(QueryableMethods.Contains(valueType), ValueHolders.List(valueType, values), member);
    }

    private static Expression Value(Type valueType, object operand, string op, string typeName) =>
        ValueHolders.Value(valueType, Convert(valueType, operand, op, typeName));

    private static Expression Text(object operand, bool lower, string op, string typeName)
    {
        if (operand is not string text)
        {
            throw Invalid($"The provided value for filter `{op}` of type {typeName} must be a string.");
        }

        return ValueHolders.Value(typeof(string), lower ? text.ToLowerInvariant() : text);
    }

    /// <summary>The coerced GraphQL value as the CLR type of the member (int for short, DateTime for DateTimeOffset, ...).</summary>
    private static object? Convert(Type valueType, object operand, string op, string typeName)
    {
        try
        {
            return ArgumentConverter.Convert(operand, valueType);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            throw Invalid($"The provided value for filter `{op}` of type {typeName} is invalid: {e.Message}");
        }
    }

    private static Expression IsNull(Expression member, Type valueType) =>
        CanBeNull(valueType) ? Expression.Equal(member, Expression.Constant(null, valueType)) : Expression.Constant(false);

    private static Expression NotNull(Expression value) => Expression.NotEqual(value, Expression.Constant(null, value.Type));

    /// <summary><c>value != null &amp;&amp; condition</c> when the value may be null (in-memory sources would throw; SQL gives the same rows).</summary>
    private static Expression Guard(Expression value, bool nullable, Expression condition) =>
        nullable && CanBeNull(value.Type) ? Expression.AndAlso(NotNull(value), condition) : condition;

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static Expression? Combine(string op, object? value, string typeName, Func<object, Expression?> item)
    {
        if (value is not IEnumerable<object?> items)
        {
            throw value is null ? NullNotSupported(op, typeName) : Invalid($"The provided value for filter `{op}` of type {typeName} must be a list.");
        }

        Expression? result = null;
        foreach (var element in items)
        {
            var condition = item(element ?? throw NullNotSupported(op, typeName));
            if (condition is null)
            {
                // An empty object matches everything: it makes an `or` true and leaves an `and` unchanged.
                if (op == FilterTypes.Or)
                {
                    return null;
                }

                continue;
            }

            result = result is null ? condition : op == FilterTypes.And ? Expression.AndAlso(result, condition) : Expression.OrElse(result, condition);
        }

        return result;
    }

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private static IReadOnlyDictionary<string, object?> Map(object? value, string typeName, string field) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        null => throw NullNotSupported(field, typeName),
        _ => throw Invalid($"The provided value for filter `{field}` of type {typeName} must be an object."),
    };

    private static GraphQLException NullNotSupported(string field, string typeName) =>
        Invalid($"The provided value for filter `{field}` of type {typeName} is invalid. Null values are not supported.");

    private static GraphQLException Invalid(string message) => new(message, DataErrorCodes.FilterInvalid);
}
