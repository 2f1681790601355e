using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.7.1 Directives Are Defined, and 5.7.2 Directives Are In Valid Locations.</summary>
internal sealed class KnownDirectivesRule : ValidationRule
{
    public override void EnterDirective(ValidationContext context, DirectiveNode node, DirectiveLocation location)
    {
        var name = node.Name.Value;
        var directive = context.TypeInfo.Directive;
        if (directive is null)
        {
            context.Report($"Unknown directive \"@{name}\".", node);
            return;
        }

        var locations = directive.Locations;
        for (var i = 0; i < locations.Count; i++)
        {
            if (locations[i] == location)
            {
                return;
            }
        }

        context.Report($"Directive \"@{name}\" may not be used on {location.ToName()}.", node);
    }
}
