using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.8.4 All Variables Used: in the operation or a fragment it uses.</summary>
internal sealed class NoUnusedVariablesRule : ValidationRule
{
    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.VariableDefinitions.Count == 0)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            used.Add(usage.Node.Name.Value);
        }

        foreach (var definition in node.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                context.Report(
                    node.Name is null ? $"Variable \"${name}\" is never used." : $"Variable \"${name}\" is never used in operation \"{node.Name.Value}\".",
                    definition);
            }
        }
    }
}
