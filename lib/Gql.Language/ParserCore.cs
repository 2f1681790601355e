using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Gql.Language.Ast;

namespace Gql.Language;

/// <summary>
/// Recursive-descent parser; one instance per parse. Structure and error messages follow
/// graphql-js's <c>Parser</c> so behaviour can be compared one to one.
/// </summary>
internal sealed class ParserCore
{
    private readonly Lexer _lexer;
    private readonly bool _noLocation;
    private readonly int? _maxTokens;
    private readonly bool _allowLegacyFragmentVariables;
    private int _tokenCount;

    // One shared stack for building child lists: a list under construction occupies the top
    // of the stack, so nested lists simply stack up and each ends as an exact-size array.
    private readonly List<SyntaxNode> _scratch = new List<SyntaxNode>(32);

    public ParserCore(string source, ParserOptions? options)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        options ??= ParserOptions.Default;
        _lexer = new Lexer(source);
        _noLocation = options.NoLocation;
        _maxTokens = options.MaxTokens;
        _allowLegacyFragmentVariables = options.AllowLegacyFragmentVariables;
    }

    private Token Current => _lexer.Token;

    // Document

    public DocumentNode ParseDocument()
    {
        ExpectToken(TokenKind.StartOfFile);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));

        // The document spans the whole source; the SOF token has no real line/column, so use 1:1.
        Location? location = _noLocation ? null : new Location(0, _lexer.LastToken.End, 1, 1);
        return new DocumentNode(PopList<DefinitionNode>(mark), location);
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition();
        }

        // Many definitions begin with a description, so look past it for the keyword.
        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : Current;

        if (hasDescription && keywordToken.Kind == TokenKind.BraceLeft)
        {
            throw Error(Current.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                throw Error(Current.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keywordToken.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    // Operations

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Current;
        if (Peek(TokenKind.BraceLeft))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode(
                OperationType.Query,
                null,
                null,
                Array.Empty<VariableDefinitionNode>(),
                Array.Empty<DirectiveNode>(),
                selectionSet,
                Loc(start));
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        NameNode? name = null;
        if (Peek(TokenKind.Name))
        {
            name = ParseName();
        }

        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode(operation, description, name, variableDefinitions, directives, set, Loc(start));
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        switch (token.Value)
        {
            case "query":
                return OperationType.Query;
            case "mutation":
                return OperationType.Mutation;
            case "subscription":
                return OperationType.Subscription;
            default:
                throw Unexpected(token);
        }
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenLeft))
        {
            return Array.Empty<VariableDefinitionNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenRight));

        return PopList<VariableDefinitionNode>(mark);
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (ExpectOptionalToken(TokenKind.EqualsSign))
        {
            defaultValue = ParseValueLiteral(isConst: true);
        }

        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(description, variable, type, defaultValue, directives, Loc(start));
    }

    private VariableNode ParseVariable()
    {
        var start = Current;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name, Loc(start));
    }

    private SelectionSetNode ParseSelectionSet()
    {
        EnsureStack();
        var start = Current;
        ExpectToken(TokenKind.BraceLeft);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseSelection());
        }
        while (!ExpectOptionalToken(TokenKind.BraceRight));

        return new SelectionSetNode(PopList<SelectionNode>(mark), Loc(start));
    }

    private SelectionNode ParseSelection()
    {
        return Peek(TokenKind.Spread) ? ParseFragment() : ParseField();
    }

    private FieldNode ParseField()
    {
        var start = Current;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet, Loc(start));
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenLeft))
        {
            return Array.Empty<ArgumentNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseArgument(isConst));
        }
        while (!ExpectOptionalToken(TokenKind.ParenRight));

        return PopList<ArgumentNode>(mark);
    }

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value, Loc(start));
    }

    // Fragments

    private SelectionNode ParseFragment()
    {
        var start = Current;
        ExpectToken(TokenKind.Spread);

        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(name, spreadDirectives, Loc(start));
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet, Loc(start));
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();

        // Fragment variables are not part of the spec; only the legacy opt-in accepts them.
        var variableDefinitions = _allowLegacyFragmentVariables
            ? ParseVariableDefinitions()
            : Array.Empty<VariableDefinitionNode>();

        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(description, name, variableDefinitions, typeCondition, directives, selectionSet, Loc(start));
    }

    private NameNode ParseFragmentName()
    {
        if (Current.Kind == TokenKind.Name && Current.Value == "on")
        {
            throw Unexpected(Current);
        }

        return ParseName();
    }

    // Values

    public ValueNode ParseValueLiteral(bool isConst)
    {
        EnsureStack();
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode(token.Value!, Loc(token));
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode(token.Value!, Loc(token));
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                switch (token.Value)
                {
                    case "true":
                        return new BooleanValueNode(true, Loc(token));
                    case "false":
                        return new BooleanValueNode(false, Loc(token));
                    case "null":
                        return new NullValueNode(Loc(token));
                    default:
                        return new EnumValueNode(token.Value!, Loc(token));
                }

            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (Current.Kind == TokenKind.Name)
                    {
                        throw Error(token.Start, "Unexpected variable \"$" + Current.Value + "\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected(Current);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Current;
        AdvanceLexer();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString, Loc(token));
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = Current;
        ExpectToken(TokenKind.BracketLeft);
        var mark = _scratch.Count;
        while (!ExpectOptionalToken(TokenKind.BracketRight))
        {
            _scratch.Add(ParseValueLiteral(isConst));
        }

        return new ListValueNode(PopList<ValueNode>(mark), Loc(start));
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = Current;
        ExpectToken(TokenKind.BraceLeft);
        var mark = _scratch.Count;
        while (!ExpectOptionalToken(TokenKind.BraceRight))
        {
            _scratch.Add(ParseObjectField(isConst));
        }

        return new ObjectValueNode(PopList<ObjectFieldNode>(mark), Loc(start));
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value, Loc(start));
    }

    // Directives

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return Array.Empty<DirectiveNode>();
        }

        var mark = _scratch.Count;
        while (Peek(TokenKind.At))
        {
            _scratch.Add(ParseDirective(isConst));
        }

        return PopList<DirectiveNode>(mark);
    }

    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = Current;
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode(name, arguments, Loc(start));
    }

    // Types

    public TypeNode ParseTypeReference()
    {
        EnsureStack();
        var start = Current;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketLeft))
        {
            var innerType = ParseTypeReference();
            ExpectToken(TokenKind.BracketRight);
            type = new ListTypeNode(innerType, Loc(start));
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode(type, Loc(start));
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Current;
        var name = ParseName();
        return new NamedTypeNode(name, Loc(start));
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!, Loc(token));
    }

    // Type system definitions

    private bool PeekDescription()
    {
        return Peek(TokenKind.String) || Peek(TokenKind.BlockString);
    }

    private StringValueNode? ParseDescription()
    {
        return PeekDescription() ? ParseStringLiteral() : null;
    }

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceLeft);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceRight));

        return new SchemaDefinitionNode(description, directives, PopList<OperationTypeDefinitionNode>(mark), Loc(start));
    }

    private IReadOnlyList<OperationTypeDefinitionNode> ParseOptionalOperationTypeDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.BraceLeft))
        {
            return Array.Empty<OperationTypeDefinitionNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceRight));

        return PopList<OperationTypeDefinitionNode>(mark);
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Current;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type, Loc(start));
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(description, name, directives, Loc(start));
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields, Loc(start));
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        return ExpectOptionalKeyword("implements")
            ? ParseDelimitedNamedTypes(TokenKind.Amp)
            : Array.Empty<NamedTypeNode>();
    }

    /// <summary>Parses <c>Delimiter? NamedType (Delimiter NamedType)*</c>, for <c>implements</c> and union members.</summary>
    private IReadOnlyList<NamedTypeNode> ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));

        return PopList<NamedTypeNode>(mark);
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceLeft))
        {
            return Array.Empty<FieldDefinitionNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceRight));

        return PopList<FieldDefinitionNode>(mark);
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode(description, name, arguments, type, directives, Loc(start));
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions()
    {
        return ParseInputValueDefinitions(TokenKind.ParenLeft, TokenKind.ParenRight);
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return Array.Empty<InputValueDefinitionNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));

        return PopList<InputValueDefinitionNode>(mark);
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (ExpectOptionalToken(TokenKind.EqualsSign))
        {
            defaultValue = ParseValueLiteral(isConst: true);
        }

        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives, Loc(start));
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields, Loc(start));
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(description, name, directives, types, Loc(start));
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes()
    {
        return ExpectOptionalToken(TokenKind.EqualsSign)
            ? ParseDelimitedNamedTypes(TokenKind.Pipe)
            : Array.Empty<NamedTypeNode>();
    }

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(description, name, directives, values, Loc(start));
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceLeft))
        {
            return Array.Empty<EnumValueDefinitionNode>();
        }

        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseEnumValueDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceRight));

        return PopList<EnumValueDefinitionNode>(mark);
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseEnumValueName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode(description, name, directives, Loc(start));
    }

    private NameNode ParseEnumValueName()
    {
        var token = Current;
        if (token.Kind == TokenKind.Name && (token.Value == "true" || token.Value == "false" || token.Value == "null"))
        {
            throw Error(token.Start, token.Describe() + " is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceLeft, TokenKind.BraceRight);
        return new InputObjectTypeDefinitionNode(description, name, directives, fields, Loc(start));
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");

        ExpectOptionalToken(TokenKind.Pipe);
        var mark = _scratch.Count;
        do
        {
            _scratch.Add(ParseDirectiveLocation());
        }
        while (ExpectOptionalToken(TokenKind.Pipe));

        return new DirectiveDefinitionNode(description, name, arguments, repeatable, PopList<NameNode>(mark), Loc(start));
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = Current;
        var name = ParseName();
        if (DirectiveLocations.TryParse(name.Value, out _))
        {
            return name;
        }

        throw Unexpected(start);
    }

    // Type system extensions

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension();
                case "interface":
                    return ParseInterfaceTypeExtension();
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = ParseOptionalOperationTypeDefinitions();
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new SchemaExtensionNode(directives, operationTypes, Loc(start));
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new ScalarTypeExtensionNode(name, directives, Loc(start));
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new ObjectTypeExtensionNode(name, interfaces, directives, fields, Loc(start));
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new InterfaceTypeExtensionNode(name, interfaces, directives, fields, Loc(start));
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new UnionTypeExtensionNode(name, directives, types, Loc(start));
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new EnumTypeExtensionNode(name, directives, values, Loc(start));
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceLeft, TokenKind.BraceRight);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new InputObjectTypeExtensionNode(name, directives, fields, Loc(start));
    }

    // Core helpers

    /// <summary>
    /// Stops absurdly nested input (e.g. 100k brackets) with a syntax error: in .NET a stack
    /// overflow cannot be caught and would take the whole process down.
    /// </summary>
    private void EnsureStack()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw Error(Current.Start, "Document is nested too deeply. Parsing aborted.");
        }
    }

    private Location? Loc(Token start)
    {
        if (_noLocation)
        {
            return null;
        }

        return new Location(start.Start, _lexer.LastToken.End, start.Line, start.Column);
    }

    private T[] PopList<T>(int mark)
        where T : SyntaxNode
    {
        var count = _scratch.Count - mark;
        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (T)_scratch[mark + i];
        }

        _scratch.RemoveRange(mark, count);
        return result;
    }

    private bool Peek(TokenKind kind)
    {
        return _lexer.Token.Kind == kind;
    }

    public Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }

        throw Error(token.Start, "Expected " + DescribeKind(kind) + ", found " + token.Describe() + ".");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            AdvanceLexer();
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return;
        }

        throw Error(token.Start, "Expected \"" + value + "\", found " + token.Describe() + ".");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return true;
        }

        return false;
    }

    private GraphQLSyntaxException Unexpected(Token token)
    {
        return Error(token.Start, "Unexpected " + token.Describe() + ".");
    }

    private GraphQLSyntaxException Error(int position, string description)
    {
        return new GraphQLSyntaxException(_lexer.Source, position, description);
    }

    private static string DescribeKind(TokenKind kind)
    {
        return kind.IsPunctuator() ? "\"" + kind.GetDisplayText() + "\"" : kind.GetDisplayText();
    }

    private void AdvanceLexer()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EndOfFile)
        {
            _tokenCount++;
            if (_maxTokens is int max && _tokenCount > max)
            {
                throw Error(token.Start, "Document contains more than " + max + " tokens. Parsing aborted.");
            }
        }
    }
}
