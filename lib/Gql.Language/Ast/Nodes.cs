using System;
using System.Collections.Generic;

namespace Gql.Language.Ast;

/// <summary>The kind of a <see cref="SyntaxNode"/>; names follow graphql-js <c>Kind</c>.</summary>
public enum SyntaxKind
{
    /// <summary>A <see cref="NameNode"/>.</summary>
    Name,

    /// <summary>A <see cref="DocumentNode"/>.</summary>
    Document,

    /// <summary>A <see cref="OperationDefinitionNode"/>.</summary>
    OperationDefinition,

    /// <summary>A <see cref="VariableDefinitionNode"/>.</summary>
    VariableDefinition,

    /// <summary>A <see cref="VariableNode"/>.</summary>
    Variable,

    /// <summary>A <see cref="SelectionSetNode"/>.</summary>
    SelectionSet,

    /// <summary>A <see cref="FieldNode"/>.</summary>
    Field,

    /// <summary>A <see cref="ArgumentNode"/>.</summary>
    Argument,

    /// <summary>A <see cref="FragmentSpreadNode"/>.</summary>
    FragmentSpread,

    /// <summary>A <see cref="InlineFragmentNode"/>.</summary>
    InlineFragment,

    /// <summary>A <see cref="FragmentDefinitionNode"/>.</summary>
    FragmentDefinition,

    /// <summary>A <see cref="IntValueNode"/>.</summary>
    IntValue,

    /// <summary>A <see cref="FloatValueNode"/>.</summary>
    FloatValue,

    /// <summary>A <see cref="StringValueNode"/>.</summary>
    StringValue,

    /// <summary>A <see cref="BooleanValueNode"/>.</summary>
    BooleanValue,

    /// <summary>A <see cref="NullValueNode"/>.</summary>
    NullValue,

    /// <summary>A <see cref="EnumValueNode"/>.</summary>
    EnumValue,

    /// <summary>A <see cref="ListValueNode"/>.</summary>
    ListValue,

    /// <summary>A <see cref="ObjectValueNode"/>.</summary>
    ObjectValue,

    /// <summary>A <see cref="ObjectFieldNode"/>.</summary>
    ObjectField,

    /// <summary>A <see cref="DirectiveNode"/>.</summary>
    Directive,

    /// <summary>A <see cref="NamedTypeNode"/>.</summary>
    NamedType,

    /// <summary>A <see cref="ListTypeNode"/>.</summary>
    ListType,

    /// <summary>A <see cref="NonNullTypeNode"/>.</summary>
    NonNullType,

    /// <summary>A <see cref="SchemaDefinitionNode"/>.</summary>
    SchemaDefinition,

    /// <summary>A <see cref="OperationTypeDefinitionNode"/>.</summary>
    OperationTypeDefinition,

    /// <summary>A <see cref="ScalarTypeDefinitionNode"/>.</summary>
    ScalarTypeDefinition,

    /// <summary>A <see cref="ObjectTypeDefinitionNode"/>.</summary>
    ObjectTypeDefinition,

    /// <summary>A <see cref="FieldDefinitionNode"/>.</summary>
    FieldDefinition,

    /// <summary>A <see cref="InputValueDefinitionNode"/>.</summary>
    InputValueDefinition,

    /// <summary>A <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    InterfaceTypeDefinition,

    /// <summary>A <see cref="UnionTypeDefinitionNode"/>.</summary>
    UnionTypeDefinition,

    /// <summary>A <see cref="EnumTypeDefinitionNode"/>.</summary>
    EnumTypeDefinition,

    /// <summary>A <see cref="EnumValueDefinitionNode"/>.</summary>
    EnumValueDefinition,

    /// <summary>A <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    InputObjectTypeDefinition,

    /// <summary>A <see cref="DirectiveDefinitionNode"/>.</summary>
    DirectiveDefinition,

    /// <summary>A <see cref="SchemaExtensionNode"/>.</summary>
    SchemaExtension,

    /// <summary>A <see cref="ScalarTypeExtensionNode"/>.</summary>
    ScalarTypeExtension,

    /// <summary>A <see cref="ObjectTypeExtensionNode"/>.</summary>
    ObjectTypeExtension,

    /// <summary>A <see cref="InterfaceTypeExtensionNode"/>.</summary>
    InterfaceTypeExtension,

    /// <summary>A <see cref="UnionTypeExtensionNode"/>.</summary>
    UnionTypeExtension,

    /// <summary>A <see cref="EnumTypeExtensionNode"/>.</summary>
    EnumTypeExtension,

    /// <summary>A <see cref="InputObjectTypeExtensionNode"/>.</summary>
    InputObjectTypeExtension,

    /// <summary>A <see cref="TypeCoordinateNode"/>.</summary>
    TypeCoordinate,

    /// <summary>A <see cref="MemberCoordinateNode"/>.</summary>
    MemberCoordinate,

    /// <summary>A <see cref="ArgumentCoordinateNode"/>.</summary>
    ArgumentCoordinate,

    /// <summary>A <see cref="DirectiveCoordinateNode"/>.</summary>
    DirectiveCoordinate,

    /// <summary>A <see cref="DirectiveArgumentCoordinateNode"/>.</summary>
    DirectiveArgumentCoordinate,
}

/// <summary>A top-level definition in a document.</summary>
public abstract class DefinitionNode : SyntaxNode
{
    private protected DefinitionNode(Location? location)
        : base(location)
    {
    }
}

/// <summary>An operation or fragment definition.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
    private protected ExecutableDefinitionNode(Location? location)
        : base(location)
    {
    }

    /// <summary>The description string, if any.</summary>
    public abstract StringValueNode? Description { get; }

    /// <summary>The variable definitions.</summary>
    public abstract IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; }

    /// <summary>The directives applied, in source order.</summary>
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The selection set.</summary>
    public abstract SelectionSetNode SelectionSet { get; }
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode : SyntaxNode
{
    private protected SelectionNode(Location? location)
        : base(location)
    {
    }

    /// <summary>The directives applied, in source order.</summary>
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A value literal or variable.</summary>
public abstract class ValueNode : SyntaxNode
{
    private protected ValueNode(Location? location)
        : base(location)
    {
    }
}

/// <summary>A type reference.</summary>
public abstract class TypeNode : SyntaxNode
{
    private protected TypeNode(Location? location)
        : base(location)
    {
    }
}

/// <summary>A schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    private protected TypeSystemDefinitionNode(Location? location)
        : base(location)
    {
    }
}

/// <summary>A named type definition.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    private protected TypeDefinitionNode(Location? location)
        : base(location)
    {
    }

    /// <summary>The description string, if any.</summary>
    public abstract StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public abstract NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A schema or type extension.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
    private protected TypeSystemExtensionNode(Location? location)
        : base(location)
    {
    }
}

/// <summary>A named type extension.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    private protected TypeExtensionNode(Location? location)
        : base(location)
    {
    }

    /// <summary>The name.</summary>
    public abstract NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A schema coordinate (draft spec), e.g. <c>Type.field(arg:)</c>.</summary>
public abstract class SchemaCoordinateNode : SyntaxNode
{
    private protected SchemaCoordinateNode(Location? location)
        : base(location)
    {
    }

    /// <summary>The name.</summary>
    public abstract NameNode Name { get; }
}

/// <summary>A name such as a field, type or argument name.</summary>
public sealed class NameNode : SyntaxNode
{
    /// <summary>Creates a <see cref="NameNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public NameNode(string value, Location? location = null)
        : base(location)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Name;

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitName(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary>A whole GraphQL document.</summary>
public sealed class DocumentNode : SyntaxNode
{
    /// <summary>Creates a <see cref="DocumentNode"/>.</summary>
    /// <param name="definitions">The definitions, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public DocumentNode(IReadOnlyList<DefinitionNode> definitions, Location? location = null)
        : base(location)
    {
        Definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Document;

    /// <summary>The definitions, in source order.</summary>
    public IReadOnlyList<DefinitionNode> Definitions { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitDocument(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        VisitList(visitor, Definitions);
    }
}

/// <summary>An operation: <c>query</c>, <c>mutation</c> or <c>subscription</c>, or the anonymous <c>{ ... }</c> shorthand.</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    /// <summary>Creates a <see cref="OperationDefinitionNode"/>.</summary>
    /// <param name="operation">The operation type.</param>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="variableDefinitions">The variable definitions.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="selectionSet">The selection set.</param>
    /// <param name="location">The source location, or null.</param>
    public OperationDefinitionNode(OperationType operation, StringValueNode? description, NameNode? name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location? location = null)
        : base(location)
    {
        Operation = operation;
        Description = description;
        Name = name;
        VariableDefinitions = variableDefinitions ?? throw new ArgumentNullException(nameof(variableDefinitions));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        SelectionSet = selectionSet ?? throw new ArgumentNullException(nameof(selectionSet));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    /// <summary>The operation type.</summary>
    public OperationType Operation { get; }

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode? Name { get; }

    /// <summary>The variable definitions.</summary>
    public override IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The selection set.</summary>
    public override SelectionSetNode SelectionSet { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitOperationDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        if (Name is not null)
        {
            visitor.Visit(Name);
        }

        VisitList(visitor, VariableDefinitions);
        VisitList(visitor, Directives);
        visitor.Visit(SelectionSet);
    }
}

/// <summary>A variable definition, e.g. <c>$id: ID! = 1 @dir</c>.</summary>
public sealed class VariableDefinitionNode : SyntaxNode
{
    /// <summary>Creates a <see cref="VariableDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="variable">The variable.</param>
    /// <param name="type">The type.</param>
    /// <param name="defaultValue">The default value, if any.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public VariableDefinitionNode(StringValueNode? description, VariableNode variable, TypeNode type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Description = description;
        Variable = variable ?? throw new ArgumentNullException(nameof(variable));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        DefaultValue = defaultValue;
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The variable.</summary>
    public VariableNode Variable { get; }

    /// <summary>The type.</summary>
    public TypeNode Type { get; }

    /// <summary>The default value, if any.</summary>
    public ValueNode? DefaultValue { get; }

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitVariableDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Variable);
        visitor.Visit(Type);
        if (DefaultValue is not null)
        {
            visitor.Visit(DefaultValue);
        }

        VisitList(visitor, Directives);
    }
}

/// <summary>A variable reference, <c>$name</c>.</summary>
public sealed class VariableNode : ValueNode
{
    /// <summary>Creates a <see cref="VariableNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="location">The source location, or null.</param>
    public VariableNode(NameNode name, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Variable;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitVariable(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
    }
}

/// <summary>A selection set, <c>{ ... }</c>.</summary>
public sealed class SelectionSetNode : SyntaxNode
{
    /// <summary>Creates a <see cref="SelectionSetNode"/>.</summary>
    /// <param name="selections">The selections, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public SelectionSetNode(IReadOnlyList<SelectionNode> selections, Location? location = null)
        : base(location)
    {
        Selections = selections ?? throw new ArgumentNullException(nameof(selections));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    /// <summary>The selections, in source order.</summary>
    public IReadOnlyList<SelectionNode> Selections { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitSelectionSet(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        VisitList(visitor, Selections);
    }
}

/// <summary>A field selection, optionally aliased.</summary>
public sealed class FieldNode : SelectionNode
{
    /// <summary>Creates a <see cref="FieldNode"/>.</summary>
    /// <param name="alias">The alias, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="arguments">The arguments, in source order.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="selectionSet">The selection set.</param>
    /// <param name="location">The source location, or null.</param>
    public FieldNode(NameNode? alias, NameNode name, IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<DirectiveNode> directives, SelectionSetNode? selectionSet, Location? location = null)
        : base(location)
    {
        Alias = alias;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        SelectionSet = selectionSet;
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Field;

    /// <summary>The alias, if any.</summary>
    public NameNode? Alias { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The arguments, in source order.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The selection set.</summary>
    public SelectionSetNode? SelectionSet { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitField(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Alias is not null)
        {
            visitor.Visit(Alias);
        }

        visitor.Visit(Name);
        VisitList(visitor, Arguments);
        VisitList(visitor, Directives);
        if (SelectionSet is not null)
        {
            visitor.Visit(SelectionSet);
        }
    }
}

/// <summary>An argument, <c>name: value</c>.</summary>
public sealed class ArgumentNode : SyntaxNode
{
    /// <summary>Creates a <see cref="ArgumentNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public ArgumentNode(NameNode name, ValueNode value, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Argument;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The value.</summary>
    public ValueNode Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitArgument(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        visitor.Visit(Value);
    }
}

/// <summary>A fragment spread, <c>...Name</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    /// <summary>Creates a <see cref="FragmentSpreadNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public FragmentSpreadNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitFragmentSpread(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Directives);
    }
}

/// <summary>An inline fragment, <c>... on Type { ... }</c> (the type condition is optional).</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    /// <summary>Creates a <see cref="InlineFragmentNode"/>.</summary>
    /// <param name="typeCondition">The type condition.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="selectionSet">The selection set.</param>
    /// <param name="location">The source location, or null.</param>
    public InlineFragmentNode(NamedTypeNode? typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location? location = null)
        : base(location)
    {
        TypeCondition = typeCondition;
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        SelectionSet = selectionSet ?? throw new ArgumentNullException(nameof(selectionSet));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    /// <summary>The type condition.</summary>
    public NamedTypeNode? TypeCondition { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The selection set.</summary>
    public SelectionSetNode SelectionSet { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInlineFragment(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (TypeCondition is not null)
        {
            visitor.Visit(TypeCondition);
        }

        VisitList(visitor, Directives);
        visitor.Visit(SelectionSet);
    }
}

/// <summary>A fragment definition. <see cref="VariableDefinitions"/> is only non-empty when legacy fragment variables were allowed.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    /// <summary>Creates a <see cref="FragmentDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="variableDefinitions">The variable definitions.</param>
    /// <param name="typeCondition">The type condition.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="selectionSet">The selection set.</param>
    /// <param name="location">The source location, or null.</param>
    public FragmentDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, NamedTypeNode typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        VariableDefinitions = variableDefinitions ?? throw new ArgumentNullException(nameof(variableDefinitions));
        TypeCondition = typeCondition ?? throw new ArgumentNullException(nameof(typeCondition));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        SelectionSet = selectionSet ?? throw new ArgumentNullException(nameof(selectionSet));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The variable definitions.</summary>
    public override IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; }

    /// <summary>The type condition.</summary>
    public NamedTypeNode TypeCondition { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The selection set.</summary>
    public override SelectionSetNode SelectionSet { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitFragmentDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, VariableDefinitions);
        visitor.Visit(TypeCondition);
        VisitList(visitor, Directives);
        visitor.Visit(SelectionSet);
    }
}

/// <summary>An integer literal; <see cref="Value"/> is the source text.</summary>
public sealed class IntValueNode : ValueNode
{
    /// <summary>Creates a <see cref="IntValueNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public IntValueNode(string value, Location? location = null)
        : base(location)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitIntValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary>A float literal; <see cref="Value"/> is the source text.</summary>
public sealed class FloatValueNode : ValueNode
{
    /// <summary>Creates a <see cref="FloatValueNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public FloatValueNode(string value, Location? location = null)
        : base(location)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitFloatValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary>A string literal; <see cref="Value"/> is the interpreted value.</summary>
public sealed class StringValueNode : ValueNode
{
    /// <summary>Creates a <see cref="StringValueNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="block">Whether the string was written as a block string.</param>
    /// <param name="location">The source location, or null.</param>
    public StringValueNode(string value, bool block, Location? location = null)
        : base(location)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Block = block;
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <summary>Whether the string was written as a block string.</summary>
    public bool Block { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitStringValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    /// <summary>Creates a <see cref="BooleanValueNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public BooleanValueNode(bool value, Location? location = null)
        : base(location)
    {
        Value = value;
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitBooleanValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    /// <summary>Creates a <see cref="NullValueNode"/>.</summary>
    /// <param name="location">The source location, or null.</param>
    public NullValueNode(Location? location = null)
        : base(location)
    {
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NullValue;

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitNullValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary>An enum value literal.</summary>
public sealed class EnumValueNode : ValueNode
{
    /// <summary>Creates a <see cref="EnumValueNode"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public EnumValueNode(string value, Location? location = null)
        : base(location)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitEnumValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
    }
}

/// <summary>A list literal, <c>[a, b]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    /// <summary>Creates a <see cref="ListValueNode"/>.</summary>
    /// <param name="values">The values, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ListValueNode(IReadOnlyList<ValueNode> values, Location? location = null)
        : base(location)
    {
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    /// <summary>The values, in source order.</summary>
    public IReadOnlyList<ValueNode> Values { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitListValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        VisitList(visitor, Values);
    }
}

/// <summary>An input object literal, <c>{a: 1}</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    /// <summary>Creates a <see cref="ObjectValueNode"/>.</summary>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ObjectValueNode(IReadOnlyList<ObjectFieldNode> fields, Location? location = null)
        : base(location)
    {
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<ObjectFieldNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitObjectValue(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        VisitList(visitor, Fields);
    }
}

/// <summary>A field of an input object literal.</summary>
public sealed class ObjectFieldNode : SyntaxNode
{
    /// <summary>Creates a <see cref="ObjectFieldNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <param name="location">The source location, or null.</param>
    public ObjectFieldNode(NameNode name, ValueNode value, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The value.</summary>
    public ValueNode Value { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitObjectField(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        visitor.Visit(Value);
    }
}

/// <summary>A directive application, <c>@name(args)</c>.</summary>
public sealed class DirectiveNode : SyntaxNode
{
    /// <summary>Creates a <see cref="DirectiveNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="arguments">The arguments, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public DirectiveNode(NameNode name, IReadOnlyList<ArgumentNode> arguments, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Directive;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The arguments, in source order.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitDirective(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Arguments);
    }
}

/// <summary>A named type reference.</summary>
public sealed class NamedTypeNode : TypeNode
{
    /// <summary>Creates a <see cref="NamedTypeNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="location">The source location, or null.</param>
    public NamedTypeNode(NameNode name, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitNamedType(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
    }
}

/// <summary>A list type reference, <c>[T]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    /// <summary>Creates a <see cref="ListTypeNode"/>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="location">The source location, or null.</param>
    public ListTypeNode(TypeNode type, Location? location = null)
        : base(location)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ListType;

    /// <summary>The type.</summary>
    public TypeNode Type { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitListType(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Type);
    }
}

/// <summary>A non-null type reference, <c>T!</c>; the inner type is a named or list type.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    /// <summary>Creates a <see cref="NonNullTypeNode"/>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="location">The source location, or null.</param>
    public NonNullTypeNode(TypeNode type, Location? location = null)
        : base(location)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        if (type is NonNullTypeNode)
        {
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(type));
        }
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    /// <summary>The type.</summary>
    public TypeNode Type { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitNonNullType(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Type);
    }
}

/// <summary>A <c>schema { ... }</c> definition.</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    /// <summary>Creates a <see cref="SchemaDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="operationTypes">The root operation types.</param>
    /// <param name="location">The source location, or null.</param>
    public SchemaDefinitionNode(StringValueNode? description, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes, Location? location = null)
        : base(location)
    {
        Description = description;
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        OperationTypes = operationTypes ?? throw new ArgumentNullException(nameof(operationTypes));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The root operation types.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitSchemaDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        VisitList(visitor, Directives);
        VisitList(visitor, OperationTypes);
    }
}

/// <summary>A root operation type, <c>query: Query</c>.</summary>
public sealed class OperationTypeDefinitionNode : SyntaxNode
{
    /// <summary>Creates a <see cref="OperationTypeDefinitionNode"/>.</summary>
    /// <param name="operation">The operation type.</param>
    /// <param name="type">The type.</param>
    /// <param name="location">The source location, or null.</param>
    public OperationTypeDefinitionNode(OperationType operation, NamedTypeNode type, Location? location = null)
        : base(location)
    {
        Operation = operation;
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    /// <summary>The operation type.</summary>
    public OperationType Operation { get; }

    /// <summary>The type.</summary>
    public NamedTypeNode Type { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitOperationTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Type);
    }
}

/// <summary>A scalar type definition.</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="ScalarTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ScalarTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitScalarTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Directives);
    }
}

/// <summary>An object type definition.</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="ObjectTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="interfaces">The implemented interfaces, in source order.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ObjectTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Interfaces = interfaces ?? throw new ArgumentNullException(nameof(interfaces));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The implemented interfaces, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitObjectTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Interfaces);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>A field definition of an object or interface type.</summary>
public sealed class FieldDefinitionNode : SyntaxNode
{
    /// <summary>Creates a <see cref="FieldDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="arguments">The arguments, in source order.</param>
    /// <param name="type">The type.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public FieldDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<InputValueDefinitionNode> arguments, TypeNode type, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The arguments, in source order.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; }

    /// <summary>The type.</summary>
    public TypeNode Type { get; }

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitFieldDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Arguments);
        visitor.Visit(Type);
        VisitList(visitor, Directives);
    }
}

/// <summary>An argument definition or input object field definition.</summary>
public sealed class InputValueDefinitionNode : SyntaxNode
{
    /// <summary>Creates a <see cref="InputValueDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="type">The type.</param>
    /// <param name="defaultValue">The default value, if any.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public InputValueDefinitionNode(StringValueNode? description, NameNode name, TypeNode type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        DefaultValue = defaultValue;
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The type.</summary>
    public TypeNode Type { get; }

    /// <summary>The default value, if any.</summary>
    public ValueNode? DefaultValue { get; }

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInputValueDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        visitor.Visit(Type);
        if (DefaultValue is not null)
        {
            visitor.Visit(DefaultValue);
        }

        VisitList(visitor, Directives);
    }
}

/// <summary>An interface type definition.</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="interfaces">The implemented interfaces, in source order.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public InterfaceTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Interfaces = interfaces ?? throw new ArgumentNullException(nameof(interfaces));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The implemented interfaces, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInterfaceTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Interfaces);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>A union type definition.</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="UnionTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="types">The member types, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public UnionTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Types = types ?? throw new ArgumentNullException(nameof(types));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The member types, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitUnionTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Types);
    }
}

/// <summary>An enum type definition.</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="EnumTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="values">The values, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public EnumTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The values, in source order.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitEnumTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Values);
    }
}

/// <summary>An enum value definition.</summary>
public sealed class EnumValueDefinitionNode : SyntaxNode
{
    /// <summary>Creates a <see cref="EnumValueDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public EnumValueDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitEnumValueDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Directives);
    }
}

/// <summary>An input object type definition.</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <summary>Creates a <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public InputObjectTypeDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    /// <summary>The description string, if any.</summary>
    public override StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInputObjectTypeDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>A directive definition; <see cref="Locations"/> holds valid directive location names.</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    /// <summary>Creates a <see cref="DirectiveDefinitionNode"/>.</summary>
    /// <param name="description">The description string, if any.</param>
    /// <param name="name">The name.</param>
    /// <param name="arguments">The arguments, in source order.</param>
    /// <param name="repeatable">Whether the directive is repeatable.</param>
    /// <param name="locations">The directive locations, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public DirectiveDefinitionNode(StringValueNode? description, NameNode name, IReadOnlyList<InputValueDefinitionNode> arguments, bool repeatable, IReadOnlyList<NameNode> locations, Location? location = null)
        : base(location)
    {
        Description = description;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Repeatable = repeatable;
        Locations = locations ?? throw new ArgumentNullException(nameof(locations));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    /// <summary>The description string, if any.</summary>
    public StringValueNode? Description { get; }

    /// <summary>The name.</summary>
    public NameNode Name { get; }

    /// <summary>The arguments, in source order.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; }

    /// <summary>Whether the directive is repeatable.</summary>
    public bool Repeatable { get; }

    /// <summary>The directive locations, in source order.</summary>
    public IReadOnlyList<NameNode> Locations { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitDirectiveDefinition(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        if (Description is not null)
        {
            visitor.Visit(Description);
        }

        visitor.Visit(Name);
        VisitList(visitor, Arguments);
        VisitList(visitor, Locations);
    }
}

/// <summary>An <c>extend schema</c> extension.</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    /// <summary>Creates a <see cref="SchemaExtensionNode"/>.</summary>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="operationTypes">The root operation types.</param>
    /// <param name="location">The source location, or null.</param>
    public SchemaExtensionNode(IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes, Location? location = null)
        : base(location)
    {
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        OperationTypes = operationTypes ?? throw new ArgumentNullException(nameof(operationTypes));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    /// <summary>The directives applied, in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The root operation types.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitSchemaExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        VisitList(visitor, Directives);
        VisitList(visitor, OperationTypes);
    }
}

/// <summary>An <c>extend scalar</c> extension.</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="ScalarTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ScalarTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitScalarTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Directives);
    }
}

/// <summary>An <c>extend type</c> extension.</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="ObjectTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="interfaces">The implemented interfaces, in source order.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public ObjectTypeExtensionNode(NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Interfaces = interfaces ?? throw new ArgumentNullException(nameof(interfaces));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The implemented interfaces, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitObjectTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Interfaces);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>An <c>extend interface</c> extension.</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="InterfaceTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="interfaces">The implemented interfaces, in source order.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public InterfaceTypeExtensionNode(NameNode name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Interfaces = interfaces ?? throw new ArgumentNullException(nameof(interfaces));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The implemented interfaces, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInterfaceTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Interfaces);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>An <c>extend union</c> extension.</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="UnionTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="types">The member types, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public UnionTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Types = types ?? throw new ArgumentNullException(nameof(types));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The member types, in source order.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitUnionTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Types);
    }
}

/// <summary>An <c>extend enum</c> extension.</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="EnumTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="values">The values, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public EnumTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The values, in source order.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitEnumTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Values);
    }
}

/// <summary>An <c>extend input</c> extension.</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    /// <summary>Creates a <see cref="InputObjectTypeExtensionNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="directives">The directives applied, in source order.</param>
    /// <param name="fields">The fields, in source order.</param>
    /// <param name="location">The source location, or null.</param>
    public InputObjectTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Directives = directives ?? throw new ArgumentNullException(nameof(directives));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The directives applied, in source order.</summary>
    public override IReadOnlyList<DirectiveNode> Directives { get; }

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitInputObjectTypeExtension(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        VisitList(visitor, Directives);
        VisitList(visitor, Fields);
    }
}

/// <summary>A schema coordinate naming a type, <c>Type</c>.</summary>
public sealed class TypeCoordinateNode : SchemaCoordinateNode
{
    /// <summary>Creates a <see cref="TypeCoordinateNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="location">The source location, or null.</param>
    public TypeCoordinateNode(NameNode name, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.TypeCoordinate;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitTypeCoordinate(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
    }
}

/// <summary>A schema coordinate naming a field, input field or enum value, <c>Type.member</c>.</summary>
public sealed class MemberCoordinateNode : SchemaCoordinateNode
{
    /// <summary>Creates a <see cref="MemberCoordinateNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="memberName">The field, input field or enum value name.</param>
    /// <param name="location">The source location, or null.</param>
    public MemberCoordinateNode(NameNode name, NameNode memberName, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        MemberName = memberName ?? throw new ArgumentNullException(nameof(memberName));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.MemberCoordinate;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The field, input field or enum value name.</summary>
    public NameNode MemberName { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitMemberCoordinate(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        visitor.Visit(MemberName);
    }
}

/// <summary>A schema coordinate naming a field argument, <c>Type.field(arg:)</c>.</summary>
public sealed class ArgumentCoordinateNode : SchemaCoordinateNode
{
    /// <summary>Creates a <see cref="ArgumentCoordinateNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="fieldName">The field name.</param>
    /// <param name="argumentName">The argument name.</param>
    /// <param name="location">The source location, or null.</param>
    public ArgumentCoordinateNode(NameNode name, NameNode fieldName, NameNode argumentName, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        FieldName = fieldName ?? throw new ArgumentNullException(nameof(fieldName));
        ArgumentName = argumentName ?? throw new ArgumentNullException(nameof(argumentName));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.ArgumentCoordinate;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The field name.</summary>
    public NameNode FieldName { get; }

    /// <summary>The argument name.</summary>
    public NameNode ArgumentName { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitArgumentCoordinate(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        visitor.Visit(FieldName);
        visitor.Visit(ArgumentName);
    }
}

/// <summary>A schema coordinate naming a directive, <c>@directive</c>.</summary>
public sealed class DirectiveCoordinateNode : SchemaCoordinateNode
{
    /// <summary>Creates a <see cref="DirectiveCoordinateNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="location">The source location, or null.</param>
    public DirectiveCoordinateNode(NameNode name, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.DirectiveCoordinate;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitDirectiveCoordinate(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
    }
}

/// <summary>A schema coordinate naming a directive argument, <c>@directive(arg:)</c>.</summary>
public sealed class DirectiveArgumentCoordinateNode : SchemaCoordinateNode
{
    /// <summary>Creates a <see cref="DirectiveArgumentCoordinateNode"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="argumentName">The argument name.</param>
    /// <param name="location">The source location, or null.</param>
    public DirectiveArgumentCoordinateNode(NameNode name, NameNode argumentName, Location? location = null)
        : base(location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ArgumentName = argumentName ?? throw new ArgumentNullException(nameof(argumentName));
    }

    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.DirectiveArgumentCoordinate;

    /// <summary>The name.</summary>
    public override NameNode Name { get; }

    /// <summary>The argument name.</summary>
    public NameNode ArgumentName { get; }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor)
    {
        visitor.VisitDirectiveArgumentCoordinate(this);
    }

    /// <inheritdoc />
    public override void VisitChildren(SyntaxVisitor visitor)
    {
        visitor.Visit(Name);
        visitor.Visit(ArgumentName);
    }
}
