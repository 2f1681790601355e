using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>
/// One validation rule. The walker calls the Enter methods after <see cref="ValidationContext.TypeInfo"/> has
/// entered the node and the Leave methods before it leaves it; a new instance is made per validation, so rules may
/// keep state in fields.
/// </summary>
internal abstract class ValidationRule
{
    public virtual void EnterDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void LeaveDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
    }

    public virtual void EnterNamedType(ValidationContext context, NamedTypeNode node)
    {
    }

    /// <summary>A selection set; <paramref name="parent"/> is the operation, field or fragment that holds it.</summary>
    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode node, SyntaxNode parent)
    {
    }

    public virtual void EnterField(ValidationContext context, FieldNode node)
    {
    }

    public virtual void LeaveField(ValidationContext context, FieldNode node)
    {
    }

    /// <summary>An argument of a field or directive; its value is not walked, rules that check values recurse.</summary>
    public virtual void EnterArgument(ValidationContext context, ArgumentNode node)
    {
    }

    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
    }

    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
    }

    public virtual void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
    }

    /// <summary>A directive; <paramref name="location"/> is where it is applied.</summary>
    public virtual void EnterDirective(ValidationContext context, DirectiveNode node, DirectiveLocation location)
    {
    }

    public virtual void LeaveDirective(ValidationContext context, DirectiveNode node)
    {
    }
}
