using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.2.2.1 Lone Anonymous Operation: an operation without a name must be the only one.</summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int operationCount;

    public override void EnterDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is OperationDefinitionNode)
            {
                operationCount++;
            }
        }
    }

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is null && operationCount > 1)
        {
            context.Report("This anonymous operation must be the only defined operation.", node);
        }
    }
}
