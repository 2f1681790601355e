namespace Gql.Language.Ast;

/// <content>One overridable method per node kind.</content>
public abstract partial class SyntaxVisitor
{
    /// <summary>Visits a <see cref="NameNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitName(NameNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="DocumentNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitDocument(DocumentNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="OperationDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitOperationDefinition(OperationDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="VariableDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitVariableDefinition(VariableDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="VariableNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitVariable(VariableNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="SelectionSetNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitSelectionSet(SelectionSetNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="FieldNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitField(FieldNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ArgumentNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitArgument(ArgumentNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="FragmentSpreadNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitFragmentSpread(FragmentSpreadNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InlineFragmentNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInlineFragment(InlineFragmentNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="FragmentDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitFragmentDefinition(FragmentDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="IntValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitIntValue(IntValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="FloatValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitFloatValue(FloatValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="StringValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitStringValue(StringValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="BooleanValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitBooleanValue(BooleanValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="NullValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitNullValue(NullValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="EnumValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitEnumValue(EnumValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ListValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitListValue(ListValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ObjectValueNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitObjectValue(ObjectValueNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ObjectFieldNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitObjectField(ObjectFieldNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="DirectiveNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitDirective(DirectiveNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="NamedTypeNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitNamedType(NamedTypeNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ListTypeNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitListType(ListTypeNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="NonNullTypeNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitNonNullType(NonNullTypeNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="SchemaDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitSchemaDefinition(SchemaDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="OperationTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitOperationTypeDefinition(OperationTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ScalarTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitScalarTypeDefinition(ScalarTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ObjectTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitObjectTypeDefinition(ObjectTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="FieldDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitFieldDefinition(FieldDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InputValueDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInputValueDefinition(InputValueDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InterfaceTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="UnionTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitUnionTypeDefinition(UnionTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="EnumTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitEnumTypeDefinition(EnumTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="EnumValueDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitEnumValueDefinition(EnumValueDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InputObjectTypeDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="DirectiveDefinitionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitDirectiveDefinition(DirectiveDefinitionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="SchemaExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitSchemaExtension(SchemaExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ScalarTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitScalarTypeExtension(ScalarTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ObjectTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitObjectTypeExtension(ObjectTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InterfaceTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInterfaceTypeExtension(InterfaceTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="UnionTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitUnionTypeExtension(UnionTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="EnumTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitEnumTypeExtension(EnumTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="InputObjectTypeExtensionNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitInputObjectTypeExtension(InputObjectTypeExtensionNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="TypeCoordinateNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitTypeCoordinate(TypeCoordinateNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="MemberCoordinateNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitMemberCoordinate(MemberCoordinateNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="ArgumentCoordinateNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitArgumentCoordinate(ArgumentCoordinateNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="DirectiveCoordinateNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitDirectiveCoordinate(DirectiveCoordinateNode node)
    {
        DefaultVisit(node);
    }

    /// <summary>Visits a <see cref="DirectiveArgumentCoordinateNode"/>; by default calls <see cref="DefaultVisit"/>.</summary>
    /// <param name="node">The node.</param>
    public virtual void VisitDirectiveArgumentCoordinate(DirectiveArgumentCoordinateNode node)
    {
        DefaultVisit(node);
    }
}
