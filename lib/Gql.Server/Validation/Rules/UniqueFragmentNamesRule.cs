using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.5.1.1 Fragment Name Uniqueness.</summary>
internal sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> known = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        var name = node.Name.Value;
        if (known.TryGetValue(name, out var first))
        {
            context.Report($"There can be only one fragment named \"{name}\".", first, node.Name);
        }
        else
        {
            known[name] = node.Name;
        }
    }
}
