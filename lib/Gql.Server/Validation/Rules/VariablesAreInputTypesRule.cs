using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Execution;

namespace Gql.Server.Validation;

/// <summary>5.8.2 Variables Are Input Types.</summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        var type = ValueCoercion.TypeFromAst(context.Schema, node.Type);
        if (type is not null && !type.IsInputType)
        {
            context.Report($"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".", node.Type);
        }
    }
}
