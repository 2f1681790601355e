using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>5.5.2.3 Fragment Spread Is Possible: the fragment's type and the parent type can share an object type.</summary>
internal sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        var fragmentType = context.TypeInfo.Type as NamedType;
        var parentType = context.TypeInfo.ParentType;
        if (fragmentType is { IsCompositeType: true } && parentType is { IsCompositeType: true } && !context.Schema.DoTypesOverlap(fragmentType, parentType))
        {
            context.Report($"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        var name = node.Name.Value;
        var fragment = context.GetFragment(name);
        var fragmentType = fragment is null ? null : context.Schema.FindType(fragment.TypeCondition.Name.Value);
        var parentType = context.TypeInfo.ParentType;
        if (fragmentType is { IsCompositeType: true } && parentType is not null && !context.Schema.DoTypesOverlap(fragmentType, parentType))
        {
            context.Report($"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
        }
    }
}
