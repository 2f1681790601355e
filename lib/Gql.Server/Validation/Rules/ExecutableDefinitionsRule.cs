using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.1.1 Executable Definitions: a document to execute holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override void EnterDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                _ => "\"" + definition.Kind + "\"",
            };
            context.Report($"The {name} definition is not executable.", definition);
        }
    }
}
