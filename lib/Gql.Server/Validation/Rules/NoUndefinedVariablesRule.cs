using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.8.3 All Variable Uses Defined: in the operation and every fragment it uses.</summary>
internal sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        var usages = context.GetRecursiveVariableUsages(node);
        if (usages.Count == 0)
        {
            return;
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in node.VariableDefinitions)
        {
            defined.Add(definition.Variable.Name.Value);
        }

        foreach (var usage in usages)
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                context.Report(
                    node.Name is null ? $"Variable \"${name}\" is not defined." : $"Variable \"${name}\" is not defined by operation \"{node.Name.Value}\".",
                    usage.Node,
                    node);
            }
        }
    }
}
