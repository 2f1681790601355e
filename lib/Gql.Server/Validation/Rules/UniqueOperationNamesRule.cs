using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.2.1.1 Operation Name Uniqueness.</summary>
internal sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> known = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is not { } name)
        {
            return;
        }

        if (known.TryGetValue(name.Value, out var first))
        {
            context.Report($"There can be only one operation named \"{name.Value}\".", first, name);
        }
        else
        {
            known[name.Value] = name;
        }
    }
}
