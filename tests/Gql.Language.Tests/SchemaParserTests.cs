using Gql.Language;
using Gql.Language.Ast;
using static Gql.Language.Tests.TestSupport;

namespace Gql.Language.Tests;

public sealed class SchemaParserTests
{
    private static T Single<T>(string source)
        where T : DefinitionNode
    {
        return Assert.IsType<T>(Assert.Single(Parser.Parse(source).Definitions));
    }

    private static string[] Names(IEnumerable<NamedTypeNode> types)
    {
        return types.Select(t => t.Name.Value).ToArray();
    }

    [Fact]
    public void Parse_SimpleType_HasFieldsAndLocations()
    {
        var type = Single<ObjectTypeDefinitionNode>("\ntype Hello {\n  world: String\n}");
        Assert.Equal("Hello", type.Name.Value);
        Assert.Null(type.Description);
        Assert.Empty(type.Interfaces);
        Assert.Empty(type.Directives);
        Assert.Equal(new Location(1, 31, 2, 1), type.Location);
        var field = Assert.Single(type.Fields);
        Assert.Equal("world", field.Name.Value);
        Assert.Equal("String", Assert.IsType<NamedTypeNode>(field.Type).Name.Value);
        Assert.Equal(new Location(16, 29, 3, 3), field.Location);
    }

    [Fact]
    public void Parse_TypeWithDescriptionString_KeepsDescription()
    {
        var type = Single<ObjectTypeDefinitionNode>("\n\"Description\"\ntype Hello {\n  world: String\n}");
        Assert.Equal("Description", type.Description!.Value);
        Assert.False(type.Description.Block);
        Assert.Equal(new Location(1, 14, 2, 1), type.Description.Location);
        Assert.Equal(new Location(1, 45, 2, 1), type.Location);
    }

    [Fact]
    public void Parse_TypeWithBlockDescription_DedentsDescription()
    {
        var type = Single<ObjectTypeDefinitionNode>("\n\"\"\"\nDescription\n\"\"\"\n# Even with comments between them\ntype Hello {\n  world: String\n}");
        Assert.Equal("Description", type.Description!.Value);
        Assert.True(type.Description.Block);
        Assert.Equal(new Location(1, 20, 2, 1), type.Description.Location);
    }

    [Fact]
    public void Parse_SchemaWithDescription_KeepsDescription()
    {
        var schema = Single<SchemaDefinitionNode>("\n\"\"\"\nDescription\n\"\"\"\nschema {\n  query: Foo\n}");
        Assert.Equal("Description", schema.Description!.Value);
        var operationType = Assert.Single(schema.OperationTypes);
        Assert.Equal(OperationType.Query, operationType.Operation);
        Assert.Equal("Foo", operationType.Type.Name.Value);
    }

    [Fact]
    public void Parse_SchemaWithAllRootTypesAndDirectives_KeepsThem()
    {
        var schema = Single<SchemaDefinitionNode>("schema @a { query: Q mutation: M subscription: S }");
        Assert.Equal(
            new[] { OperationType.Query, OperationType.Mutation, OperationType.Subscription },
            schema.OperationTypes.Select(o => o.Operation));
        Assert.Equal("a", schema.Directives[0].Name.Value);
    }

    [Theory]
    [InlineData("\"Description\" 123", "Syntax Error: Unexpected Int \"123\".", 1, 15)]
    [InlineData("\"Description\" extend type Hello { world: String }", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("extend \"Description\" type Hello { world: String }", "Syntax Error: Unexpected String \"Description\".", 1, 8)]
    [InlineData("extend \"Description\" interface Hello { world: String }", "Syntax Error: Unexpected String \"Description\".", 1, 8)]
    public void Parse_MisplacedDescription_IsRejected(string source, string message, int line, int column)
    {
        AssertParseError(source, message, line, column);
    }

    [Fact]
    public void Parse_SimpleExtension_HasFields()
    {
        var extension = Single<ObjectTypeExtensionNode>("\nextend type Hello {\n  world: String\n}\n");
        Assert.Equal("Hello", extension.Name.Value);
        Assert.Equal("world", Assert.Single(extension.Fields).Name.Value);
        Assert.Equal(new Location(1, 38, 2, 1), extension.Location);
    }

    [Fact]
    public void Parse_ObjectExtensionWithOnlyInterfaces_IsValid()
    {
        var extension = Single<ObjectTypeExtensionNode>("extend type Hello implements Greeting");
        Assert.Equal(new[] { "Greeting" }, Names(extension.Interfaces));
        Assert.Empty(extension.Fields);
        Assert.Equal(new Location(0, 37, 1, 1), extension.Location);
    }

    [Fact]
    public void Parse_InterfaceExtensionWithOnlyInterfaces_IsValid()
    {
        var extension = Single<InterfaceTypeExtensionNode>("extend interface Hello implements Greeting");
        Assert.Equal(new[] { "Greeting" }, Names(extension.Interfaces));
    }

    [Fact]
    public void Parse_ExtensionsFollowingEachOther_AreSeparateDefinitions()
    {
        var document = Parser.Parse("\nextend type Hello implements Greeting\n\nextend type Hello implements SecondGreeting\n\nextend interface I implements J\n");
        Assert.Equal(3, document.Definitions.Count);
    }

    [Theory]
    [InlineData("extend scalar Hello", 1, 20)]
    [InlineData("extend type Hello", 1, 18)]
    [InlineData("extend interface Hello", 1, 23)]
    [InlineData("extend union Hello", 1, 19)]
    [InlineData("extend enum Hello", 1, 18)]
    [InlineData("extend input Hello", 1, 19)]
    [InlineData("extend schema", 1, 14)]
    [InlineData("extend", 1, 7)]
    public void Parse_ExtensionWithoutAnything_IsRejected(string source, int line, int column)
    {
        AssertParseError(source, "Syntax Error: Unexpected <EOF>.", line, column);
    }

    [Fact]
    public void Parse_EmptyExtensionFollowedByAnother_IsRejectedAtTheSecond()
    {
        AssertParseError("extend type Hello\nextend type Hello", "Syntax Error: Unexpected Name \"extend\".", 2, 1);
    }

    [Fact]
    public void Parse_UnknownExtensionKind_IsRejected()
    {
        AssertParseError("extend foo Bar", "Syntax Error: Unexpected Name \"foo\".", 1, 8);
        AssertParseError("extend directive @foo @bar", "Syntax Error: Unexpected Name \"directive\".", 1, 8);
    }

    [Fact]
    public void Parse_SchemaExtension_WithOperationTypesOrDirectives()
    {
        var withTypes = Single<SchemaExtensionNode>("\nextend schema {\n  mutation: Mutation\n}");
        Assert.Equal(OperationType.Mutation, Assert.Single(withTypes.OperationTypes).Operation);
        Assert.Empty(withTypes.Directives);

        var withDirectives = Single<SchemaExtensionNode>("extend schema @directive");
        Assert.Equal("directive", Assert.Single(withDirectives.Directives).Name.Value);
        Assert.Empty(withDirectives.OperationTypes);

        var both = Single<SchemaExtensionNode>("extend schema @directive { mutation: Mutation }");
        Assert.Single(both.Directives);
        Assert.Single(both.OperationTypes);
    }

    [Fact]
    public void Parse_SchemaExtensionWithInvalidOperationType_IsRejected()
    {
        AssertParseError("extend schema { unknown: SomeType }", "Syntax Error: Unexpected Name \"unknown\".", 1, 17);
    }

    [Fact]
    public void Parse_ScalarUnionEnumInputExtensions_AreParsed()
    {
        var document = Parser.Parse(
            "extend scalar S @d\nextend union U = A | B\nextend union U @d\nextend enum E { A }\nextend enum E @d\nextend input I { a: Int }\nextend input I @d");
        Assert.Equal(
            new[]
            {
                SyntaxKind.ScalarTypeExtension, SyntaxKind.UnionTypeExtension, SyntaxKind.UnionTypeExtension,
                SyntaxKind.EnumTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeExtension,
                SyntaxKind.InputObjectTypeExtension,
            },
            document.Definitions.Select(d => d.Kind));
        var union = Assert.IsType<UnionTypeExtensionNode>(document.Definitions[1]);
        Assert.Equal(new[] { "A", "B" }, Names(union.Types));
    }

    [Fact]
    public void Parse_NonNullField_WrapsNamedType()
    {
        var type = Single<ObjectTypeDefinitionNode>("type Hello { world: String! }");
        var nonNull = Assert.IsType<NonNullTypeNode>(type.Fields[0].Type);
        Assert.Equal("String", Assert.IsType<NamedTypeNode>(nonNull.Type).Name.Value);
        Assert.Equal(new Location(20, 27, 1, 21), nonNull.Location);
    }

    [Theory]
    [InlineData("type Hello implements World { field: String }", new[] { "World" })]
    [InlineData("type Hello implements Wo & rld { field: String }", new[] { "Wo", "rld" })]
    [InlineData("type Hello implements & Wo & rld { field: String }", new[] { "Wo", "rld" })]
    public void Parse_ObjectImplementingInterfaces_ListsThem(string source, string[] interfaces)
    {
        Assert.Equal(interfaces, Names(Single<ObjectTypeDefinitionNode>(source).Interfaces));
    }

    [Theory]
    [InlineData("interface Hello implements World { field: String }", new[] { "World" })]
    [InlineData("interface Hello implements Wo & rld { field: String }", new[] { "Wo", "rld" })]
    [InlineData("interface Hello implements & Wo & rld { field: String }", new[] { "Wo", "rld" })]
    public void Parse_InterfaceImplementingInterfaces_ListsThem(string source, string[] interfaces)
    {
        Assert.Equal(interfaces, Names(Single<InterfaceTypeDefinitionNode>(source).Interfaces));
    }

    [Theory]
    [InlineData("type Hello implements Foo Bar { f: Int }", "Syntax Error: Unexpected Name \"Bar\".", 1, 27)]
    [InlineData("type Hello implements & { a: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 25)]
    [InlineData("interface Hello implements", "Syntax Error: Expected Name, found <EOF>.", 1, 27)]
    [InlineData("type Hello {}", "Syntax Error: Expected Name, found \"}\".", 1, 13)]
    [InlineData("type Hello { world: [String!] = \"x\" }", "Syntax Error: Expected Name, found \"=\".", 1, 31)]
    public void Parse_MalformedObjectOrInterface_IsRejected(string source, string message, int line, int column)
    {
        AssertParseError(source, message, line, column);
    }

    [Fact]
    public void Parse_TypesWithoutBodies_AreValid()
    {
        var document = Parser.Parse("type T\ninterface I\nunion U\nenum E\ninput In\nscalar S");
        Assert.Equal(6, document.Definitions.Count);
        Assert.Empty(Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]).Fields);
        Assert.Empty(Assert.IsType<UnionTypeDefinitionNode>(document.Definitions[2]).Types);
    }

    [Fact]
    public void Parse_Enums_KeepValuesDescriptionsAndDirectives()
    {
        var single = Single<EnumTypeDefinitionNode>("enum Hello { WORLD }");
        Assert.Equal("WORLD", Assert.Single(single.Values).Name.Value);
        Assert.Equal(new Location(13, 18, 1, 14), single.Values[0].Location);

        var many = Single<EnumTypeDefinitionNode>("enum Hello { \"d\" WO @x, RLD }");
        Assert.Equal(new[] { "WO", "RLD" }, many.Values.Select(v => v.Name.Value));
        Assert.Equal("d", many.Values[0].Description!.Value);
        Assert.Equal("x", many.Values[0].Directives[0].Name.Value);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    public void Parse_ReservedEnumValueName_IsRejected(string name)
    {
        AssertParseError(
            "enum Test { VALID, " + name + " }",
            "Syntax Error: Name \"" + name + "\" is reserved and cannot be used for an enum value.",
            1,
            20);
    }

    [Fact]
    public void Parse_FieldArguments_KeepDefaultsTypesAndDescriptions()
    {
        var type = Single<ObjectTypeDefinitionNode>(
            "type Hello { world(\"desc\" flag: Boolean, list: [String] = [\"a\"], n: Int = 2 @d, obj: In = {a: 1}): String }");
        var arguments = type.Fields[0].Arguments;
        Assert.Equal(new[] { "flag", "list", "n", "obj" }, arguments.Select(a => a.Name.Value));
        Assert.Equal("desc", arguments[0].Description!.Value);
        Assert.IsType<ListTypeNode>(arguments[1].Type);
        Assert.IsType<ListValueNode>(arguments[1].DefaultValue);
        Assert.Equal("2", Assert.IsType<IntValueNode>(arguments[2].DefaultValue).Value);
        Assert.Equal("d", arguments[2].Directives[0].Name.Value);
        Assert.IsType<ObjectValueNode>(arguments[3].DefaultValue);
    }

    [Fact]
    public void Parse_VariablesInTypeSystemConstants_AreRejected()
    {
        AssertParseError("type Hello { world(a: Int = $v): String }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 29);
        AssertParseError("scalar S @d(a: $v)", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 16);
    }

    [Theory]
    [InlineData("union Hello = World", new[] { "World" })]
    [InlineData("union Hello = Wo | Rld", new[] { "Wo", "Rld" })]
    [InlineData("union Hello = | Wo | Rld", new[] { "Wo", "Rld" })]
    [InlineData("union Hello @d = | Wo | Rld", new[] { "Wo", "Rld" })]
    public void Parse_Union_ListsMembers(string source, string[] members)
    {
        Assert.Equal(members, Names(Single<UnionTypeDefinitionNode>(source).Types));
    }

    [Theory]
    [InlineData("union Hello = |", 1, 16, "<EOF>")]
    [InlineData("union Hello = ", 1, 15, "<EOF>")]
    [InlineData("union Hello = ||World", 1, 16, "\"|\"")]
    [InlineData("union Hello = World ||| Other", 1, 22, "\"|\"")]
    [InlineData("union Hello = | World |", 1, 24, "<EOF>")]
    public void Parse_MalformedUnion_IsRejected(string source, int line, int column, string found)
    {
        AssertParseError(source, "Syntax Error: Expected Name, found " + found + ".", line, column);
    }

    [Fact]
    public void Parse_Scalar_KeepsDirectives()
    {
        var scalar = Single<ScalarTypeDefinitionNode>("scalar Hello @specifiedBy(url: \"https://example.com\")");
        Assert.Equal("Hello", scalar.Name.Value);
        Assert.Equal("specifiedBy", scalar.Directives[0].Name.Value);
    }

    [Fact]
    public void Parse_InputObject_KeepsFields()
    {
        var input = Single<InputObjectTypeDefinitionNode>("\ninput Hello {\n  world: String = \"x\" @d\n}");
        var field = Assert.Single(input.Fields);
        Assert.Equal("world", field.Name.Value);
        Assert.Equal("x", Assert.IsType<StringValueNode>(field.DefaultValue).Value);
    }

    [Fact]
    public void Parse_InputObjectFieldWithArguments_IsRejected()
    {
        AssertParseError("input Hello { world(foo: Int): String }", "Syntax Error: Expected \":\", found \"(\".", 1, 20);
    }

    [Fact]
    public void Parse_DirectiveDefinition_KeepsArgumentsAndLocations()
    {
        var directive = Single<DirectiveDefinitionNode>("\"d\" directive @foo(arg: Int = 1) on OBJECT | INTERFACE");
        Assert.Equal("foo", directive.Name.Value);
        Assert.Equal("d", directive.Description!.Value);
        Assert.False(directive.Repeatable);
        Assert.Equal("arg", Assert.Single(directive.Arguments).Name.Value);
        Assert.Equal(new[] { "OBJECT", "INTERFACE" }, directive.Locations.Select(l => l.Value));
    }

    [Fact]
    public void Parse_RepeatableDirectiveWithLeadingPipe_IsParsed()
    {
        var directive = Single<DirectiveDefinitionNode>("directive @foo repeatable on\n  | OBJECT\n  | INTERFACE");
        Assert.True(directive.Repeatable);
        Assert.Equal(2, directive.Locations.Count);
    }

    [Fact]
    public void Parse_EveryDirectiveLocation_IsAccepted()
    {
        var names = new[]
        {
            "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
            "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
            "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
        };
        var directive = Single<DirectiveDefinitionNode>("directive @all on " + string.Join(" | ", names));
        Assert.Equal(names, directive.Locations.Select(l => l.Value));
        foreach (var name in names)
        {
            Assert.True(DirectiveLocations.TryParse(name, out var location));
            Assert.Equal(name, location.ToName());
        }
    }

    [Theory]
    [InlineData("directive @foo on FIELD | INCORRECT_LOCATION", "Syntax Error: Unexpected Name \"INCORRECT_LOCATION\".", 1, 27)]
    [InlineData("directive @foo on field", "Syntax Error: Unexpected Name \"field\".", 1, 19)]
    [InlineData("directive @foo on FIELD |", "Syntax Error: Expected Name, found <EOF>.", 1, 26)]
    [InlineData("directive @foo(a: Int) repeatable on", "Syntax Error: Expected Name, found <EOF>.", 1, 37)]
    [InlineData("directive @foo", "Syntax Error: Expected \"on\", found <EOF>.", 1, 15)]
    [InlineData("directive foo on FIELD", "Syntax Error: Expected \"@\", found Name \"foo\".", 1, 11)]
    public void Parse_MalformedDirectiveDefinition_IsRejected(string source, string message, int line, int column)
    {
        AssertParseError(source, message, line, column);
    }

    [Theory]
    [InlineData("schema @d", "Syntax Error: Expected \"{\", found <EOF>.", 1, 10)]
    [InlineData("schema {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("schema { foo: Q }", "Syntax Error: Unexpected Name \"foo\".", 1, 10)]
    public void Parse_MalformedSchemaDefinition_IsRejected(string source, string message, int line, int column)
    {
        AssertParseError(source, message, line, column);
    }

    [Fact]
    public void Parse_KitchenSinkSchema_ContainsEveryDefinitionKind()
    {
        var document = Parser.Parse(KitchenSink.Schema);
        var kinds = document.Definitions.Select(d => d.Kind).Distinct().ToHashSet();
        foreach (var kind in new[]
        {
            SyntaxKind.SchemaDefinition, SyntaxKind.ScalarTypeDefinition, SyntaxKind.ObjectTypeDefinition,
            SyntaxKind.InterfaceTypeDefinition, SyntaxKind.UnionTypeDefinition, SyntaxKind.EnumTypeDefinition,
            SyntaxKind.InputObjectTypeDefinition, SyntaxKind.DirectiveDefinition, SyntaxKind.SchemaExtension,
            SyntaxKind.ScalarTypeExtension, SyntaxKind.ObjectTypeExtension, SyntaxKind.InterfaceTypeExtension,
            SyntaxKind.UnionTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeExtension,
        })
        {
            Assert.Contains(kind, kinds);
        }
    }
}
