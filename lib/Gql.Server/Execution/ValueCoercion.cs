using System.Collections;
using System.Globalization;
using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>Input coercion (spec 3.x "Input Coercion", 6.1.2 and 6.4.1): variables from JSON and literals from the document.</summary>
public static class ValueCoercion
{
    /// <summary>Resolves a type reference of the document against the schema; null when a name is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nn => TypeFromAst(schema, nn.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode n => schema.FindType(n.Name.Value),
        _ => null,
    };

    /// <summary>CoerceVariableValues: the operation's variables, defaults applied; errors say which variable and why.</summary>
    public static (Dictionary<string, object?> Values, List<GraphQLError> Errors) CoerceVariableValues(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<GraphQLError>();
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", ErrorCodes.InvalidVariables).At(definition));
                continue;
            }

            var hasValue = inputs is not null && inputs.ContainsKey(name);
            var value = hasValue ? inputs![name] : null;
            if (!hasValue && definition.DefaultValue is not null)
            {
                values[name] = ValueFromLiteral(type, definition.DefaultValue, null, out _);
                continue;
            }

            if (type.IsNonNull && (!hasValue || value is null))
            {
                var message = hasValue
                    ? $"Variable \"${name}\" of non-null type \"{type}\" must not be null."
                    : $"Variable \"${name}\" of required type \"{type}\" was not provided.";
                errors.Add(new GraphQLError(message, ErrorCodes.InvalidVariables).At(definition));
                continue;
            }

            if (!hasValue)
            {
                continue;
            }

            var problems = new List<string>();
            var coerced = CoerceInputValue(type, value, problems, []);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new GraphQLError($"Variable \"${name}\" got invalid value {Describe(value)}; {p}", ErrorCodes.InvalidVariables).At(definition)));
                continue;
            }

            values[name] = coerced;
        }

        return (values, errors);
    }

    /// <summary>Coerces a value decoded from JSON to the input type, adding a message per problem (with its path).</summary>
    public static object? CoerceInputValue(GraphQLType type, object? value, List<string> problems, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                problems.Add($"Expected non-nullable type \"{type}\" not to be null{At(path)}.");
                return null;
            }

            return CoerceInputValue(nonNull.OfType, value, problems, path);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IList items)
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        path.Add(i);
                        result.Add(CoerceInputValue(list.OfType, items[i], problems, path));
                        path.RemoveAt(path.Count - 1);
                    }

                    return result;
                }

                return new List<object?> { CoerceInputValue(list.OfType, value, problems, path) };

            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    problems.Add($"Expected type \"{input.Name}\" to be an object{At(path)}.");
                    return null;
                }

                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var key in map.Keys)
                {
                    if (!input.Fields.Contains(key))
                    {
                        problems.Add($"Field \"{key}\" is not defined by type \"{input.Name}\"{At(path)}.");
                    }
                }

                foreach (var field in input.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.DefaultValue is not null)
                        {
                            fields[field.Name] = ValueFromLiteral(field.Type, field.DefaultValue, null, out _);
                        }
                        else if (field.Type.IsNonNull)
                        {
                            problems.Add($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided{At(path)}.");
                        }

                        continue;
                    }

                    path.Add(field.Name);
                    fields[field.Name] = CoerceInputValue(field.Type, fieldValue, problems, path);
                    path.RemoveAt(path.Count - 1);
                }

                if (input.IsOneOf && (map.Count != 1 || map.Values.Single() is null))
                {
                    problems.Add(map.Count != 1
                        ? $"Exactly one key must be specified for OneOf type \"{input.Name}\"{At(path)}."
                        : $"Field \"{map.Keys.Single()}\" must be non-null{At(path)}.");
                }

                return Build(input, fields);

            case EnumType enumType:
                if (value is string s && enumType.Values.Find(s) is { } enumValue)
                {
                    return enumValue.Value;
                }

                problems.Add($"Value {Describe(value)} does not exist in \"{enumType.Name}\" enum{At(path)}.");
                return null;

            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (ScalarCoercionException e)
                {
                    problems.Add($"{e.Message}{At(path)}");
                    return null;
                }

            default:
                problems.Add($"Type \"{type}\" is not an input type.");
                return null;
        }
    }

    /// <summary>
    /// valueFromAST: the runtime value of a literal. <paramref name="missing"/> is set when the literal is a variable
    /// that was not provided, which the caller treats as "no value" rather than null.
    /// </summary>
    public static object? ValueFromLiteral(GraphQLType type, ValueNode node, IReadOnlyDictionary<string, object?>? variables, out bool missing)
    {
        missing = false;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var value))
            {
                missing = true;
                return null;
            }

            if (value is null && type.IsNonNull)
            {
                throw new GraphQLException($"Variable \"${variable.Name.Value}\" of non-null type \"{type}\" must not be null.", ErrorCodes.InvalidVariables);
            }

            return value;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                throw new GraphQLException($"Expected value of type \"{type}\", found null.", ErrorCodes.InvalidVariables);
            }

            return ValueFromLiteral(nonNull.OfType, node, variables, out missing);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        var value = ValueFromLiteral(list.OfType, item, variables, out var itemMissing);
                        if (itemMissing && list.OfType.IsNonNull)
                        {
                            throw new GraphQLException($"Expected value of type \"{list.OfType}\", found a variable that was not provided.", ErrorCodes.InvalidVariables);
                        }

                        result.Add(value);
                    }

                    return result;
                }

                return new List<object?> { ValueFromLiteral(list.OfType, node, variables, out _) };

            case InputObjectType input:
                if (node is not ObjectValueNode obj)
                {
                    throw new GraphQLException($"Expected value of type \"{input.Name}\", found {Printer.Print(node)}.", ErrorCodes.InvalidVariables);
                }

                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    var fieldNode = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    var fieldMissing = fieldNode is null;
                    object? value = null;
                    if (fieldNode is not null)
                    {
                        value = ValueFromLiteral(field.Type, fieldNode.Value, variables, out fieldMissing);
                    }

                    if (fieldMissing)
                    {
                        if (field.DefaultValue is not null)
                        {
                            fields[field.Name] = ValueFromLiteral(field.Type, field.DefaultValue, null, out _);
                        }
                        else if (field.Type.IsNonNull)
                        {
                            throw new GraphQLException($"Field \"{input.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", ErrorCodes.InvalidVariables);
                        }

                        continue;
                    }

                    fields[field.Name] = value;
                }

                if (input.IsOneOf && (fields.Count != 1 || fields.Values.Single() is null))
                {
                    throw new GraphQLException($"Exactly one key must be specified for OneOf type \"{input.Name}\".", ErrorCodes.InvalidVariables);
                }

                return Build(input, fields);

            case EnumType enumType:
                if (node is EnumValueNode enumNode && enumType.Values.Find(enumNode.Value) is { } enumValue)
                {
                    return enumValue.Value;
                }

                throw new GraphQLException($"Value {Printer.Print(node)} does not exist in \"{enumType.Name}\" enum.", ErrorCodes.InvalidVariables);

            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteral(node);
                }
                catch (ScalarCoercionException e)
                {
                    throw new GraphQLException(e.Message, ErrorCodes.InvalidVariables);
                }

            default:
                throw new GraphQLException($"Type \"{type}\" is not an input type.");
        }
    }

    /// <summary>A literal as plain .NET values (for untyped custom scalars).</summary>
    public static object LiteralToObject(ValueNode node) => node switch
    {
        IntValueNode i => long.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(v => v is NullValueNode ? null : LiteralToObject(v)).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name.Value, f => f.Value is NullValueNode ? null : (object?)LiteralToObject(f.Value)),
        _ => throw new ScalarCoercionException($"Cannot use {Printer.Print(node)} here."),
    };

    /// <summary>astFromValue for untyped values.</summary>
    public static ValueNode ObjectToLiteral(object? value) => value switch
    {
        null => new NullValueNode(),
        string s => new StringValueNode(s, false),
        bool b => new BooleanValueNode(b),
        int or long or short => new IntValueNode(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        double or float or decimal => new FloatValueNode(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        IReadOnlyDictionary<string, object?> map => new ObjectValueNode(map.Select(kv => new ObjectFieldNode(new NameNode(kv.Key), ObjectToLiteral(kv.Value))).ToList()),
        IEnumerable items => new ListValueNode(items.Cast<object?>().Select(ObjectToLiteral).ToList()),
        _ => new StringValueNode(value.ToString() ?? "", false),
    };

    /// <summary>A short rendering of a JSON-like value for error messages, in the style of graphql-js.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => "{ " + string.Join(", ", map.Select(kv => $"{kv.Key}: {Describe(kv.Value)}")) + " }",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? "",
    };

    private static object Build(InputObjectType input, Dictionary<string, object?> fields) =>
        input.Factory is null ? fields : input.Factory(fields);

    private static string At(List<object> path) =>
        path.Count == 0 ? "" : " at \"value" + string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{p}")) + "\"";
}
