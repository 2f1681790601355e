using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.5.1.4 Fragments Must Be Used: every fragment is spread by some operation, directly or not.</summary>
internal sealed class NoUnusedFragmentsRule : ValidationRule
{
    private readonly List<OperationDefinitionNode> operations = [];
    private readonly List<FragmentDefinitionNode> fragments = [];

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        operations.Add(node);
    }

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        fragments.Add(node);
    }

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in context.CollectReferencedFragments(operations))
        {
            used.Add(fragment.Name.Value);
        }

        foreach (var fragment in fragments)
        {
            if (!used.Contains(fragment.Name.Value))
            {
                context.Report($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
