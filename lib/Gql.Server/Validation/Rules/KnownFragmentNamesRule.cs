using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.5.2.1 Fragment Spread Target Defined.</summary>
internal sealed class KnownFragmentNamesRule : ValidationRule
{
    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.GetFragment(node.Name.Value) is null)
        {
            context.Report($"Unknown fragment \"{node.Name.Value}\".", node.Name);
        }
    }
}
