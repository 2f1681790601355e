using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>5.4.2.1 Required Arguments: non-null arguments without a default are given, on fields and directives.</summary>
internal sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    // Checked on leave, as graphql-js does, so that errors deeper in the field come first.
    public override void LeaveField(ValidationContext context, FieldNode node)
    {
        var fieldDef = context.TypeInfo.FieldDef;
        if (fieldDef is null)
        {
            return;
        }

        foreach (var argument in fieldDef.Arguments)
        {
            if (IsRequired(argument) && !IsProvided(node.Arguments, argument.Name))
            {
                context.Report($"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    public override void LeaveDirective(ValidationContext context, DirectiveNode node)
    {
        var directive = context.TypeInfo.Directive;
        if (directive is null)
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            if (IsRequired(argument) && !IsProvided(node.Arguments, argument.Name))
            {
                context.Report($"Directive \"@{directive.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    private static bool IsRequired(InputField argument)
    {
        return argument.Type.IsNonNull && !argument.HasDefault;
    }

    private static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }
}
