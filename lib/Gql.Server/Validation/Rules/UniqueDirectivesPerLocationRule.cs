using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.7.3 Directives Are Unique Per Location, unless they are declared <c>repeatable</c>.</summary>
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        Check(context, node.Directives);
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        Check(context, node.Directives);
    }

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        Check(context, node.Directives);
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        Check(context, node.Directives);
    }

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        Check(context, node.Directives);
    }

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        Check(context, node.Directives);
    }

    private static void Check(ValidationContext context, IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count < 2)
        {
            return;
        }

        Dictionary<string, DirectiveNode>? seen = null;
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;

            // Unknown directives are KnownDirectives' business; repeatable ones may appear more than once.
            if (context.Schema.FindDirective(name) is not { IsRepeatable: false })
            {
                continue;
            }

            seen ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            if (seen.TryGetValue(name, out var first))
            {
                context.Report($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }
    }
}
