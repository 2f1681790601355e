using Gql.Language.Ast;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>
/// 5.8.5 All Variable Usages Are Allowed: a variable's type fits every position it is used in. A nullable variable
/// may feed a non-null position when the variable or the position has a default; a variable given to a field of a
/// <c>@oneOf</c> input object must be non-null.
/// </summary>
internal sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.VariableDefinitions.Count == 0)
        {
            return;
        }

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in node.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is null)
            {
                continue;
            }

            var variableType = ValueCoercion.TypeFromAst(context.Schema, definition.Type);
            if (variableType is null)
            {
                continue;
            }

            if (!IsAllowed(context.Schema, variableType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
            {
                context.Report($"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                context.Report($"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".", definition, usage.Node);
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(schema, variableType, locationType);
    }
}
