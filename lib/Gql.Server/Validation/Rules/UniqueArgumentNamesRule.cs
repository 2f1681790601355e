using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.4.2 Argument Uniqueness, for fields and directives.</summary>
internal sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        Check(context, node.Arguments);
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, DirectiveLocation location)
    {
        Check(context, node.Arguments);
    }

    private static void Check(ValidationContext context, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var (name, nodes) in GroupByName.Group(arguments, static a => a.Name))
        {
            if (nodes.Count > 1)
            {
                context.Report($"There can be only one argument named \"{name}\".", nodes);
            }
        }
    }
}
