using Gql.Language;
using Gql.Language.Ast;
using static Gql.Language.Tests.TestSupport;

namespace Gql.Language.Tests;

public sealed class ValueParsingTests
{
    [Fact]
    public void ParseValue_Null_ReturnsNullValueWithLocation()
    {
        var value = Assert.IsType<NullValueNode>(Parser.ParseValue("null"));
        Assert.Equal(new Location(0, 4, 1, 1), value.Location);
    }

    [Fact]
    public void ParseValue_List_KeepsItemsAndLocations()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\"]"));
        Assert.Equal(new Location(0, 11, 1, 1), list.Location);
        var number = Assert.IsType<IntValueNode>(list.Values[0]);
        Assert.Equal("123", number.Value);
        Assert.Equal(new Location(1, 4, 1, 2), number.Location);
        var text = Assert.IsType<StringValueNode>(list.Values[1]);
        Assert.Equal("abc", text.Value);
        Assert.False(text.Block);
        Assert.Equal(new Location(5, 10, 1, 6), text.Location);
    }

    [Fact]
    public void ParseValue_BlockStrings_AreFlaggedAsBlock()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[\"\"\"long\"\"\" \"short\"]"));
        var block = Assert.IsType<StringValueNode>(list.Values[0]);
        Assert.Equal("long", block.Value);
        Assert.True(block.Block);
        Assert.Equal(new Location(1, 11, 1, 2), block.Location);
        Assert.False(Assert.IsType<StringValueNode>(list.Values[1]).Block);
    }

    [Fact]
    public void ParseValue_Variables_AreAllowed()
    {
        var value = Assert.IsType<ObjectValueNode>(Parser.ParseValue("{ field: $var }"));
        var field = Assert.Single(value.Fields);
        Assert.Equal("field", field.Name.Value);
        var variable = Assert.IsType<VariableNode>(field.Value);
        Assert.Equal("var", variable.Name.Value);
        Assert.Equal(new Location(9, 13, 1, 10), variable.Location);
    }

    [Fact]
    public void ParseValue_IncompleteVariable_ReportsExpectedName()
    {
        AssertSyntaxError(() => Parser.ParseValue("$"), "Syntax Error: Expected Name, found <EOF>.", 1, 2);
    }

    [Fact]
    public void ParseValue_UnexpectedToken_IsReported()
    {
        AssertSyntaxError(() => Parser.ParseValue(":"), "Syntax Error: Unexpected \":\".", 1, 1);
        AssertSyntaxError(() => Parser.ParseValue("1 2"), "Syntax Error: Expected <EOF>, found Int \"2\".", 1, 3);
    }

    [Theory]
    [InlineData("123", SyntaxKind.IntValue)]
    [InlineData("-0", SyntaxKind.IntValue)]
    [InlineData("1.5e-3", SyntaxKind.FloatValue)]
    [InlineData("\"s\"", SyntaxKind.StringValue)]
    [InlineData("true", SyntaxKind.BooleanValue)]
    [InlineData("false", SyntaxKind.BooleanValue)]
    [InlineData("null", SyntaxKind.NullValue)]
    [InlineData("RED", SyntaxKind.EnumValue)]
    [InlineData("[]", SyntaxKind.ListValue)]
    [InlineData("{}", SyntaxKind.ObjectValue)]
    [InlineData("$v", SyntaxKind.Variable)]
    public void ParseValue_EveryLiteralKind_IsRecognised(string source, SyntaxKind kind)
    {
        Assert.Equal(kind, Parser.ParseValue(source).Kind);
    }

    [Fact]
    public void ParseValue_BooleansAndEnums_KeepValues()
    {
        Assert.True(Assert.IsType<BooleanValueNode>(Parser.ParseValue("true")).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(Parser.ParseValue("false")).Value);
        Assert.Equal("RED", Assert.IsType<EnumValueNode>(Parser.ParseValue("RED")).Value);
        Assert.Equal("1.5e-3", Assert.IsType<FloatValueNode>(Parser.ParseValue("1.5e-3")).Value);
    }

    [Fact]
    public void ParseValue_CommasAreInsignificant()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[1, 2,,, 3]"));
        Assert.Equal(new[] { "1", "2", "3" }, list.Values.Select(v => ((IntValueNode)v).Value));
    }

    [Fact]
    public void ParseValue_NestedStructures_ArePreserved()
    {
        var value = Parser.ParseValue("{a:{b:{c:[[1]]}}}");
        Assert.Equal("{a: {b: {c: [[1]]}}}", Printer.Print(value));
    }

    [Fact]
    public void ParseConstValue_Values_AreParsed()
    {
        var value = Assert.IsType<ListValueNode>(Parser.ParseConstValue("[123 \"abc\" {a: ENUM}]"));
        Assert.Equal(3, value.Values.Count);
    }

    [Fact]
    public void ParseConstValue_Variables_AreRejected()
    {
        AssertSyntaxError(() => Parser.ParseConstValue("$var"), "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 1);
        AssertSyntaxError(() => Parser.ParseConstValue("{a: [1, $v]}"), "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 9);
        AssertSyntaxError(() => Parser.ParseConstValue("$$"), "Syntax Error: Unexpected \"$\".", 1, 1);
    }

    [Fact]
    public void ParseConstValue_UnexpectedToken_IsReported()
    {
        AssertSyntaxError(() => Parser.ParseConstValue(":"), "Syntax Error: Unexpected \":\".", 1, 1);
    }

    [Theory]
    [InlineData("String")]
    [InlineData("MyType")]
    public void ParseType_NamedTypes_AreParsed(string source)
    {
        var type = Assert.IsType<NamedTypeNode>(Parser.ParseType(source));
        Assert.Equal(source, type.Name.Value);
        Assert.Equal(new Location(0, source.Length, 1, 1), type.Location);
    }

    [Fact]
    public void ParseType_ListType_WrapsNamedType()
    {
        var list = Assert.IsType<ListTypeNode>(Parser.ParseType("[MyType]"));
        Assert.Equal(new Location(0, 8, 1, 1), list.Location);
        var inner = Assert.IsType<NamedTypeNode>(list.Type);
        Assert.Equal(new Location(1, 7, 1, 2), inner.Location);
    }

    [Fact]
    public void ParseType_NonNullType_WrapsNamedType()
    {
        var nonNull = Assert.IsType<NonNullTypeNode>(Parser.ParseType("MyType!"));
        Assert.Equal(new Location(0, 7, 1, 1), nonNull.Location);
        Assert.Equal("MyType", Assert.IsType<NamedTypeNode>(nonNull.Type).Name.Value);
    }

    [Fact]
    public void ParseType_NestedTypes_AreParsed()
    {
        var list = Assert.IsType<ListTypeNode>(Parser.ParseType("[MyType!]"));
        var nonNull = Assert.IsType<NonNullTypeNode>(list.Type);
        Assert.Equal(new Location(1, 8, 1, 2), nonNull.Location);
        Assert.IsType<NamedTypeNode>(nonNull.Type);

        var deep = Assert.IsType<ListTypeNode>(Parser.ParseType("[[Int]!]"));
        Assert.IsType<ListTypeNode>(Assert.IsType<NonNullTypeNode>(deep.Type).Type);
    }

    [Theory]
    [InlineData("String!!", "Syntax Error: Expected <EOF>, found \"!\".", 1, 8)]
    [InlineData("[String", "Syntax Error: Expected \"]\", found <EOF>.", 1, 8)]
    [InlineData("a b", "Syntax Error: Expected <EOF>, found Name \"b\".", 1, 3)]
    public void ParseType_InvalidTypes_AreRejected(string source, string message, int line, int column)
    {
        AssertSyntaxError(() => Parser.ParseType(source), message, line, column);
    }

    [Fact]
    public void NonNullTypeNode_WrappingNonNull_IsRejected()
    {
        var inner = new NonNullTypeNode(new NamedTypeNode(new NameNode("A")));
        Assert.Throws<ArgumentException>(() => new NonNullTypeNode(inner));
    }

    [Theory]
    [InlineData("Type", SyntaxKind.TypeCoordinate)]
    [InlineData("Type.field", SyntaxKind.MemberCoordinate)]
    [InlineData("Type.field(arg:)", SyntaxKind.ArgumentCoordinate)]
    [InlineData("@dir", SyntaxKind.DirectiveCoordinate)]
    [InlineData("@dir(arg:)", SyntaxKind.DirectiveArgumentCoordinate)]
    public void ParseSchemaCoordinate_EveryForm_IsRecognised(string source, SyntaxKind kind)
    {
        var coordinate = Parser.ParseSchemaCoordinate(source);
        Assert.Equal(kind, coordinate.Kind);
        Assert.Equal(new Location(0, source.Length, 1, 1), coordinate.Location);
    }

    [Fact]
    public void ParseSchemaCoordinate_ArgumentCoordinate_KeepsAllNames()
    {
        var coordinate = Assert.IsType<ArgumentCoordinateNode>(Parser.ParseSchemaCoordinate("Patient.name(format:)"));
        Assert.Equal(("Patient", "name", "format"), (coordinate.Name.Value, coordinate.FieldName.Value, coordinate.ArgumentName.Value));
    }

    [Theory]
    [InlineData("Type.field.x", "Syntax Error: Expected <EOF>, found \".\".", 11)]
    [InlineData("Type. field", "Syntax Error: Invalid character: \" \".", 6)]
    [InlineData(" Type", "Syntax Error: Invalid character: \" \".", 1)]
    [InlineData("@dir.field", "Syntax Error: Expected <EOF>, found \".\".", 5)]
    [InlineData("Type(arg:)", "Syntax Error: Expected <EOF>, found \"(\".", 5)]
    [InlineData("", "Syntax Error: Expected Name, found <EOF>.", 1)]
    [InlineData("Type.field(arg)", "Syntax Error: Expected \":\", found \")\".", 15)]
    [InlineData("Type.field()", "Syntax Error: Expected Name, found \")\".", 12)]
    [InlineData("@", "Syntax Error: Expected Name, found <EOF>.", 2)]
    public void ParseSchemaCoordinate_InvalidCoordinates_AreRejected(string source, string message, int column)
    {
        AssertSyntaxError(() => Parser.ParseSchemaCoordinate(source), message, 1, column);
    }
}
