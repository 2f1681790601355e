using Gql.Language.Ast;
using Gql.Server.Execution;
using Gql.Server.Introspection;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>
/// Tracks, while a document is walked, the schema element each node refers to: the type of the current
/// selection, its parent composite type, the field and argument definitions, the expected input type of a value
/// and its default. A port of graphql-js's TypeInfo; the walker calls Enter before the rules see a node and Leave
/// after them.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> typeStack = [];
    private readonly List<NamedType?> parentTypeStack = [];
    private readonly List<OutputField?> fieldDefStack = [];
    private readonly List<GraphQLType?> inputTypeStack = [];
    private readonly List<ValueNode?> defaultValueStack = [];
    private readonly List<bool> hasDefaultStack = [];

    public Schema Schema { get; } = schema;

    /// <summary>The output type of the current field, fragment or operation; null when it is unknown.</summary>
    public GraphQLType? Type => typeStack.Count > 0 ? typeStack[^1] : null;

    /// <summary>The composite type whose selection set is being walked; null when it is unknown or not composite.</summary>
    public NamedType? ParentType => parentTypeStack.Count > 0 ? parentTypeStack[^1] : null;

    public OutputField? FieldDef => fieldDefStack.Count > 0 ? fieldDefStack[^1] : null;

    /// <summary>The type a value at the current position must have.</summary>
    public GraphQLType? InputType => inputTypeStack.Count > 0 ? inputTypeStack[^1] : null;

    /// <summary>The input type of the enclosing value (the list or input object the current value is in).</summary>
    public GraphQLType? ParentInputType => inputTypeStack.Count > 1 ? inputTypeStack[^2] : null;

    /// <summary>Whether the argument or input field at the current position has a default value.</summary>
    public bool HasDefaultValue => hasDefaultStack.Count > 0 && hasDefaultStack[^1];

    /// <summary>The directive definition of the directive being walked (null when unknown or outside one).</summary>
    public DirectiveType? Directive { get; private set; }

    /// <summary>The directive node being walked, known or not: its arguments are not field arguments.</summary>
    public DirectiveNode? DirectiveNode { get; private set; }

    public InputField? Argument { get; private set; }

    public void EnterOperation(OperationDefinitionNode node)
    {
        typeStack.Add(Schema.RootType(node.Operation));
    }

    public void LeaveOperation()
    {
        Pop(typeStack);
    }

    public void EnterSelectionSet()
    {
        var named = Type?.Named;
        parentTypeStack.Add(named is not null && named.IsCompositeType ? named : null);
    }

    public void LeaveSelectionSet()
    {
        Pop(parentTypeStack);
    }

    public void EnterField(FieldNode node)
    {
        var parent = ParentType;
        var fieldDef = parent is null ? null : GetFieldDef(Schema, parent, node.Name.Value);
        fieldDefStack.Add(fieldDef);
        typeStack.Add(fieldDef?.Type);
    }

    public void LeaveField()
    {
        Pop(fieldDefStack);
        Pop(typeStack);
    }

    /// <summary>Inline fragments and fragment definitions: the type condition, or the enclosing type without one.</summary>
    public void EnterFragment(NamedTypeNode? typeCondition)
    {
        GraphQLType? type = typeCondition is not null ? Schema.FindType(typeCondition.Name.Value) : Type?.Named;
        typeStack.Add(type is not null && type.IsOutputType ? type : null);
    }

    public void LeaveFragment()
    {
        Pop(typeStack);
    }

    public void EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = ValueCoercion.TypeFromAst(Schema, node.Type);
        inputTypeStack.Add(type is not null && type.IsInputType ? type : null);
    }

    public void LeaveVariableDefinition()
    {
        Pop(inputTypeStack);
    }

    public void EnterDirective(DirectiveNode node)
    {
        DirectiveNode = node;
        Directive = Schema.FindDirective(node.Name.Value);
    }

    public void LeaveDirective()
    {
        DirectiveNode = null;
        Directive = null;
    }

    public void EnterArgument(ArgumentNode node)
    {
        InputField? argDef = null;
        if (DirectiveNode is not null)
        {
            argDef = Directive?.Arguments.Find(node.Name.Value);
        }
        else
        {
            argDef = FieldDef?.Arguments.Find(node.Name.Value);
        }

        Argument = argDef;
        defaultValueStack.Add(argDef?.DefaultValue);
        hasDefaultStack.Add(argDef?.HasDefault ?? false);
        inputTypeStack.Add(argDef?.Type);
    }

    public void LeaveArgument()
    {
        Argument = null;
        Pop(defaultValueStack);
        Pop(hasDefaultStack);
        Pop(inputTypeStack);
    }

    public void EnterListValue()
    {
        var listType = InputType?.Nullable;
        var itemType = listType is ListType list ? list.OfType : listType;

        // List positions never have a default value.
        defaultValueStack.Add(null);
        hasDefaultStack.Add(false);
        inputTypeStack.Add(itemType);
    }

    public void EnterObjectField(ObjectFieldNode node)
    {
        var inputField = InputType?.Named is InputObjectType input ? input.Fields.Find(node.Name.Value) : null;
        defaultValueStack.Add(inputField?.DefaultValue);
        hasDefaultStack.Add(inputField?.HasDefault ?? false);
        inputTypeStack.Add(inputField?.Type);
    }

    /// <summary>Leaves a list value or an object field.</summary>
    public void LeaveValuePosition()
    {
        Pop(defaultValueStack);
        Pop(hasDefaultStack);
        Pop(inputTypeStack);
    }

    /// <summary>
    /// The definition of a field of <paramref name="parentType"/>, including the meta fields, which are not in the
    /// types' field collections: <c>__typename</c> on every composite type, <c>__schema</c> and <c>__type</c> on the
    /// query root only.
    /// </summary>
    public static OutputField? GetFieldDef(Schema schema, NamedType parentType, string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[1] == '_')
        {
            switch (name)
            {
                case "__schema" when ReferenceEquals(parentType, schema.QueryType):
                    return IntrospectionTypes.SchemaField;
                case "__type" when ReferenceEquals(parentType, schema.QueryType):
                    return IntrospectionTypes.TypeField;
                case "__typename" when parentType.IsCompositeType:
                    return IntrospectionTypes.TypeNameField;
            }
        }

        return parentType is ComplexType complex ? complex.Fields.Find(name) : null;
    }

    private static void Pop<T>(List<T> stack)
    {
        stack.RemoveAt(stack.Count - 1);
    }
}
