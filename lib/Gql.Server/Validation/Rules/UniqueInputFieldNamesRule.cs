using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.6.3 Input Object Field Uniqueness, in argument values and variable defaults.</summary>
internal sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        Check(context, node.Value);
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        if (node.DefaultValue is not null)
        {
            Check(context, node.DefaultValue);
        }
    }

    private static void Check(ValidationContext context, ValueNode value)
    {
        switch (value)
        {
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    Check(context, item);
                }

                break;
            case ObjectValueNode obj:
                Dictionary<string, NameNode>? known = obj.Fields.Count > 1 ? new(StringComparer.Ordinal) : null;
                foreach (var field in obj.Fields)
                {
                    if (known is not null)
                    {
                        if (known.TryGetValue(field.Name.Value, out var first))
                        {
                            context.Report($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                        }
                        else
                        {
                            known[field.Name.Value] = field.Name;
                        }
                    }

                    Check(context, field.Value);
                }

                break;
        }
    }
}
