using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.5.1.3 Fragments On Composite Types: type conditions name objects, interfaces or unions.</summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && context.Schema.FindType(condition.Name.Value) is { IsCompositeType: false })
        {
            context.Report($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
        }
    }

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (context.Schema.FindType(node.TypeCondition.Name.Value) is { IsCompositeType: false })
        {
            context.Report($"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{Printer.Print(node.TypeCondition)}\".", node.TypeCondition);
        }
    }
}
