using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>
/// 5.6.1 Values of Correct Type, for argument values and variable defaults: literals coerce to the expected type,
/// input objects have their required fields and no unknown ones, and <c>@oneOf</c> input objects have exactly one
/// non-null field. Scalars judge their own literals through <see cref="ScalarType.ParseLiteral"/>: a
/// <see cref="ScalarCoercionException"/> is reported with its message as is (like a GraphQLError thrown by a
/// graphql-js scalar), any other exception after "Expected value of type ...; ".
/// </summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        CheckValue(context, node.Value, context.TypeInfo.InputType);
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        if (node.DefaultValue is not null)
        {
            CheckValue(context, node.DefaultValue, context.TypeInfo.InputType);
        }
    }

    /// <summary>Checks a value whose position expects <paramref name="locationType"/> (null when unknown).</summary>
    private static void CheckValue(ValidationContext context, ValueNode node, GraphQLType? locationType)
    {
        switch (node)
        {
            case VariableNode:
                // VariablesInAllowedPosition checks variables.
                return;

            case ListValueNode list:
                // graphql-js's TypeInfo has already stepped into the item type here: a list given where no list is
                // expected is judged against the (nullable) item type.
                var listType = locationType?.Nullable;
                if (listType is not ListType listOf)
                {
                    IsValidValueNode(context, node, listType);
                    return;
                }

                foreach (var item in list.Values)
                {
                    CheckValue(context, item, listOf.OfType);
                }

                return;

            case ObjectValueNode obj:
                if (locationType?.Named is not InputObjectType input)
                {
                    IsValidValueNode(context, node, locationType);
                    return;
                }

                CheckObject(context, obj, input);
                return;

            case NullValueNode:
                if (locationType is NonNullType)
                {
                    context.Report($"Expected value of type \"{locationType}\", found null.", node);
                }

                return;

            default:
                IsValidValueNode(context, node, locationType);
                return;
        }
    }

    private static void CheckObject(ValidationContext context, ObjectValueNode node, InputObjectType type)
    {
        var fields = node.Fields;
        foreach (var fieldDef in type.Fields)
        {
            if (fieldDef.Type.IsNonNull && !fieldDef.HasDefault && Find(fields, fieldDef.Name) is null)
            {
                context.Report($"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", node);
            }
        }

        if (type.IsOneOf)
        {
            CheckOneOf(context, node, type);
        }

        foreach (var field in fields)
        {
            var fieldDef = type.Fields.Find(field.Name.Value);
            if (fieldDef is null)
            {
                var names = new List<string>(type.Fields.Count);
                foreach (var known in type.Fields)
                {
                    names.Add(known.Name);
                }

                context.Report(
                    $"Field \"{field.Name.Value}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(field.Name.Value, names)),
                    field);
            }

            CheckValue(context, field.Value, fieldDef?.Type);
        }
    }

    private static void CheckOneOf(ValidationContext context, ObjectValueNode node, InputObjectType type)
    {
        // Keys are counted once each, as graphql-js counts the keys of its field map.
        var fields = node.Fields;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            distinct.Add(field.Name.Value);
        }

        if (distinct.Count != 1)
        {
            context.Report($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        // With duplicates, graphql-js's map keeps the last field of the name.
        var value = fields[^1];
        if (value.Value is NullValueNode)
        {
            context.Report($"Field \"{type.Name}.{value.Name.Value}\" must be non-null.", node);
        }
    }

    /// <summary>Checks a literal (or a list or object where a leaf is expected) against the position's type.</summary>
    private static void IsValidValueNode(ValidationContext context, ValueNode node, GraphQLType? locationType)
    {
        if (locationType is null)
        {
            return;
        }

        var type = locationType.Named;
        switch (type)
        {
            case EnumType enumType:
                CheckEnum(context, node, enumType);
                return;
            case ScalarType scalar:
                CheckScalar(context, node, scalar, locationType);
                return;
            default:
                context.Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                return;
        }
    }

    private static void CheckEnum(ValidationContext context, ValueNode node, EnumType type)
    {
        if (node is EnumValueNode enumValue && type.Values.Find(enumValue.Value) is not null)
        {
            return;
        }

        var valueString = Printer.Print(node);
        var names = new List<string>(type.Values.Count);
        foreach (var value in type.Values)
        {
            names.Add(value.Name);
        }

        var suggestion = Suggestions.DidYouMean("the enum value", Suggestions.SuggestionList(valueString, names));
        context.Report(
            node is EnumValueNode
                ? $"Value \"{valueString}\" does not exist in \"{type.Name}\" enum." + suggestion
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {valueString}." + suggestion,
            node);
    }

    private static void CheckScalar(ValidationContext context, ValueNode node, ScalarType scalar, GraphQLType locationType)
    {
        // A composite literal with variables in it cannot be judged before the variables are known; graphql-js hands
        // custom scalars such literals with the variables missing, which its default parser accepts.
        if (node is ListValueNode or ObjectValueNode && !IsBuiltIn(scalar) && ContainsVariable(node))
        {
            return;
        }

        try
        {
            scalar.ParseLiteral(node);
        }
        catch (ScalarCoercionException e)
        {
            context.Report(e.Message, node);
        }
        catch (Exception e)
        {
            // A custom scalar may throw anything: it is an invalid value, not a server failure.
            context.Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {e.Message}", node);
        }
    }

    private static bool IsBuiltIn(ScalarType scalar)
    {
        foreach (var builtIn in Scalars.Specified)
        {
            if (ReferenceEquals(builtIn, scalar))
            {
                return true;
            }
        }

        foreach (var extended in Scalars.Extended)
        {
            if (ReferenceEquals(extended, scalar))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsVariable(ValueNode node)
    {
        switch (node)
        {
            case VariableNode:
                return true;
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    if (ContainsVariable(item))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    if (ContainsVariable(field.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static ObjectFieldNode? Find(IReadOnlyList<ObjectFieldNode> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name.Value == name)
            {
                return fields[i];
            }
        }

        return null;
    }
}
