using Gql.Language;
using Gql.Language.Ast;
using static Gql.Language.Tests.TestSupport;

namespace Gql.Language.Tests;

public sealed class PrinterTests
{
    private static string Reprint(string source, ParserOptions? options = null)
    {
        return Printer.Print(Parser.Parse(source, options));
    }

    [Fact]
    public void Print_MinimalAst_PrintsFieldName()
    {
        var field = new FieldNode(null, new NameNode("foo"), Array.Empty<ArgumentNode>(), Array.Empty<DirectiveNode>(), null);
        Assert.Equal("foo", Printer.Print(field));
    }

    [Theory]
    [InlineData("query { id, name }", "{\n  id\n  name\n}")]
    [InlineData("mutation { id, name }", "mutation {\n  id\n  name\n}")]
    [InlineData("query ($foo: TestType) @testDirective { id, name }", "query ($foo: TestType) @testDirective {\n  id\n  name\n}")]
    [InlineData("mutation ($foo: TestType) @testDirective { id, name }", "mutation ($foo: TestType) @testDirective {\n  id\n  name\n}")]
    [InlineData("subscription S { a }", "subscription S {\n  a\n}")]
    public void Print_Operations_UseShorthandOnlyForPlainAnonymousQueries(string source, string expected)
    {
        Assert.Equal(expected, Reprint(source));
    }

    [Fact]
    public void Print_VariableDirectivesAndDefaults_AreInline()
    {
        Assert.Equal(
            "query ($foo: TestType = {a: 123} @testDirective(if: true) @test) {\n  id\n}",
            Reprint("query ($foo: TestType = { a: 123 } @testDirective(if: true) @test) { id }"));
    }

    [Fact]
    public void Print_ShortArguments_StayOnOneLine()
    {
        Assert.Equal(
            "{\n  trip(wheelchair: false, smallerThan: 80, maxTransfers: 3, preferDirect: true) {\n    id\n  }\n}",
            Reprint("{trip(wheelchair: false, smallerThan: 80, maxTransfers: 3, preferDirect: true) {id}}"));
    }

    [Fact]
    public void Print_LongArguments_WrapOnePerLine()
    {
        Assert.Equal(
            "{\n  trip(\n    wheelchair: false\n    arriveBy: false\n    includePlannedCancellations: true\n    transitDistanceReluctance: 2000\n  ) {\n    dateTime\n  }\n}",
            Reprint("{trip(wheelchair: false, arriveBy: false, includePlannedCancellations: true, transitDistanceReluctance: 2000) {dateTime}}"));
    }

    [Fact]
    public void Print_LegacyFragmentVariables_ArePrinted()
    {
        var options = new ParserOptions { AllowLegacyFragmentVariables = true };
        Assert.Equal(
            "fragment Foo($a: ComplexType, $b: Boolean = false) on TestType {\n  id\n}",
            Reprint("fragment Foo($a: ComplexType, $b: Boolean = false) on TestType { id }", options));
        Assert.Equal(
            "fragment Foo($foo: TestType @test) on TestType @testDirective {\n  id\n}",
            Reprint("fragment Foo($foo: TestType @test) on TestType @testDirective { id }", options));
    }

    [Fact]
    public void Print_ArgumentDefinitionsWithDescriptions_GoOnePerLine()
    {
        Assert.Equal("type T {\n  f(\n    \"desc\"\n    a: Int\n    b: Int\n  ): Int\n}", Reprint("type T { f(\n\"desc\" a: Int, b: Int): Int }"));
        Assert.Equal("directive @d(\n  \"x\"\n  a: Int\n  b: Int\n) repeatable on FIELD", Reprint("directive @d(\"x\" a: Int, b: Int) repeatable on FIELD"));
    }

    [Fact]
    public void Print_BlockStringsInsideNestedSelections_AreIndented()
    {
        Assert.Equal(
            "{\n  a {\n    b {\n      c(d: \"\"\"\n      line1\n      line2\n      \"\"\")\n    }\n  }\n}",
            Reprint("{ a { b { c(d: \"\"\"line1\nline2\"\"\") } } }"));
        Assert.Equal(
            "type T {\n  f(\n    a: Int = \"\"\"\n    x\n    y\n    \"\"\"\n  ): Int\n}",
            Reprint("type T { f(a: Int = \"\"\"x\ny\"\"\"): Int }"));
    }

    [Fact]
    public void Print_KitchenSinkQuery_MatchesGraphQLJs()
    {
        Assert.Equal(KitchenSinkPrinted.Query, Reprint(KitchenSink.Query));
    }

    [Fact]
    public void Print_KitchenSinkSchema_MatchesGraphQLJs()
    {
        Assert.Equal(KitchenSinkPrinted.Schema, Reprint(KitchenSink.Schema));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("schema")]
    public void Print_KitchenSink_RoundTripsToAnEqualAst(string which)
    {
        var source = which == "query" ? KitchenSink.Query : KitchenSink.Schema;
        var parsed = Parser.Parse(source);
        var printed = Printer.Print(parsed);
        var reparsed = Parser.Parse(printed);

        AssertStructurallyEqual(parsed, reparsed);
        Assert.Equal(printed, Printer.Print(reparsed));
    }

    [Fact]
    public void Print_DoesNotAlterTheAst()
    {
        var document = Parser.Parse(KitchenSink.Query);
        var before = Dump(document, includeLocations: true);
        Printer.Print(document);
        Assert.Equal(before, Dump(document, includeLocations: true));
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" and backslash \\", "\"quote \\\" and backslash \\\\\"")]
    [InlineData("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\u0000\u0001\u000B\u001F", "\"\\u0000\\u0001\\u000B\\u001F\"")]
    [InlineData("\u007F\u0080\u009F\u00A0", "\"\\u007F\\u0080\\u009F\u00A0\"")]
    [InlineData("slash / and unicode \u00E9", "\"slash / and unicode \u00E9\"")]
    public void PrintString_EscapesLikeGraphQLJs(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintString(value));
    }

    [Fact]
    public void Print_StringValues_ChooseQuotedOrBlockFromTheNode()
    {
        Assert.Equal("\"a\\nb\"", Printer.Print(new StringValueNode("a\nb", false)));
        Assert.Equal("\"\"\"\na\nb\n\"\"\"", Printer.Print(new StringValueNode("a\nb", true)));
    }

    [Fact]
    public void Print_ValuesAndTypes_UseCompactForms()
    {
        Assert.Equal("{a: [1, 2.5, \"s\", ENUM, null, true, $v], b: {}}", Printer.Print(Parser.ParseValue("{a: [1 2.5 \"s\" ENUM null true $v] b: {}}")));
        Assert.Equal("[[String!]]!", Printer.Print(Parser.ParseType("[ [ String ! ] ] !")));
    }

    [Fact]
    public void Print_SynthesizedDefinitionsWithEmptyLists_OmitEmptyParts()
    {
        var type = new ObjectTypeDefinitionNode(
            null,
            new NameNode("Empty"),
            Array.Empty<NamedTypeNode>(),
            Array.Empty<DirectiveNode>(),
            Array.Empty<FieldDefinitionNode>());
        Assert.Equal("type Empty", Printer.Print(type));

        var union = new UnionTypeDefinitionNode(null, new NameNode("U"), Array.Empty<DirectiveNode>(), Array.Empty<NamedTypeNode>());
        Assert.Equal("union U", Printer.Print(union));
    }

    [Fact]
    public void Print_DescriptionsOnExecutableDefinitions_MatchGraphQLJs()
    {
        Assert.Equal("\"desc\"\nquery Q($a: Int) {\n  a\n}", Reprint("\"desc\" query Q($a: Int) { a }"));
        Assert.Equal("\"desc\"\nfragment F on T {\n  a\n}", Reprint("\"desc\" fragment F on T { a }"));
        Assert.Equal("query Q(\n\"d\"\n$a: Int\n) {\n  a\n}", Reprint("query Q(\"d\" $a: Int) { a }"));
    }

    [Fact]
    public void Print_SchemaCoordinates_MatchTheirSyntax()
    {
        foreach (var coordinate in new[] { "Type", "Type.field", "Type.field(arg:)", "@dir", "@dir(arg:)" })
        {
            Assert.Equal(coordinate, Printer.Print(Parser.ParseSchemaCoordinate(coordinate)));
        }
    }

    [Fact]
    public void ToString_PrintsTheNode()
    {
        Assert.Equal("{\n  a\n}", Parser.Parse("{a}").ToString());
    }
}
