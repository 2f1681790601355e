using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.4.1 Argument Names: every argument of a field or directive is defined by it.</summary>
internal sealed class KnownArgumentNamesRule : ValidationRule
{
    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        var typeInfo = context.TypeInfo;

        // Directive arguments are checked in EnterDirective.
        if (typeInfo.DirectiveNode is not null || typeInfo.Argument is not null)
        {
            return;
        }

        var fieldDef = typeInfo.FieldDef;
        var parentType = typeInfo.ParentType;
        if (fieldDef is null || parentType is null)
        {
            return;
        }

        var names = new List<string>(fieldDef.Arguments.Count);
        foreach (var argument in fieldDef.Arguments)
        {
            names.Add(argument.Name);
        }

        var argName = node.Name.Value;
        context.Report(
            $"Unknown argument \"{argName}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(argName, names)),
            node);
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, DirectiveLocation location)
    {
        var directive = context.TypeInfo.Directive;
        if (directive is null || node.Arguments.Count == 0)
        {
            return;
        }

        foreach (var argument in node.Arguments)
        {
            var argName = argument.Name.Value;
            if (directive.Arguments.Contains(argName))
            {
                continue;
            }

            var names = new List<string>(directive.Arguments.Count);
            foreach (var known in directive.Arguments)
            {
                names.Add(known.Name);
            }

            context.Report(
                $"Unknown argument \"{argName}\" on directive \"@{directive.Name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(argName, names)),
                argument);
        }
    }
}
