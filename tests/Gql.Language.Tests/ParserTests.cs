using Gql.Language;
using Gql.Language.Ast;
using static Gql.Language.Tests.TestSupport;

namespace Gql.Language.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("{ a } garbage", "Syntax Error: Unexpected Name \"garbage\".", 1, 7)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("query Q(a: Int) { f }", "Syntax Error: Expected \"$\", found Name \"a\".", 1, 9)]
    [InlineData("{ f(a: 1, a: ) }", "Syntax Error: Unexpected \")\".", 1, 14)]
    [InlineData("{ f(a: $) }", "Syntax Error: Expected Name, found \")\".", 1, 9)]
    [InlineData("mutation", "Syntax Error: Expected \"{\", found <EOF>.", 1, 9)]
    [InlineData("query Q {\n  a\n  b(\n}", "Syntax Error: Expected Name, found \"}\".", 4, 1)]
    [InlineData("{ a(b: 1.0e) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 12)]
    [InlineData("query { }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ a(b) }", "Syntax Error: Expected \":\", found \")\".", 1, 6)]
    public void Parse_InvalidDocument_ReportsGraphQLJsMessageAndPosition(string source, string message, int line, int column)
    {
        AssertParseError(source, message, line, column);
    }

    [Fact]
    public void Parse_SyntaxError_ExposesOffsetAndDescription()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("query Q {\n  a\n  b(\n}"));
        Assert.Equal(19, error.Position);
        Assert.Equal("Expected Name, found \"}\".", error.Description);
    }

    [Fact]
    public void Parse_MaxTokens_AllowsDocumentsAtTheLimit()
    {
        Parser.Parse("{ foo }", new ParserOptions { MaxTokens = 3 });
        Parser.Parse("{ foo(bar: \"baz\") }", new ParserOptions { MaxTokens = 8 });
        Parser.Parse("# comments are free\n{ foo # really\n}", new ParserOptions { MaxTokens = 3 });
    }

    [Fact]
    public void Parse_MaxTokens_AbortsPastTheLimit()
    {
        AssertSyntaxError(
            () => Parser.Parse("{ foo }", new ParserOptions { MaxTokens = 2 }),
            "Syntax Error: Document contains more than 2 tokens. Parsing aborted.",
            1,
            7);
        AssertSyntaxError(
            () => Parser.Parse("{ foo(bar: \"baz\") }", new ParserOptions { MaxTokens = 7 }),
            "Syntax Error: Document contains more than 7 tokens. Parsing aborted.",
            1,
            19);
    }

    [Fact]
    public void Parse_VariablesInArguments_AreAllowed()
    {
        var document = Parser.Parse("{ field(complex: { a: { b: [ $var ] } }) }");
        var field = Assert.IsType<FieldNode>(OnlyOperation(document).SelectionSet.Selections[0]);
        var complex = Assert.IsType<ObjectValueNode>(field.Arguments[0].Value);
        var b = Assert.IsType<ObjectValueNode>(complex.Fields[0].Value).Fields[0];
        var list = Assert.IsType<ListValueNode>(b.Value);
        Assert.Equal("var", Assert.IsType<VariableNode>(list.Values[0]).Name.Value);
    }

    [Fact]
    public void Parse_VariableInDefaultValue_IsRejected()
    {
        AssertParseError(
            "query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
            "Syntax Error: Unexpected variable \"$var\" in constant value.",
            1,
            37);
    }

    [Fact]
    public void Parse_VariableInVariableDirective_IsRejected()
    {
        AssertParseError(
            "query Q($a: Int = 1 @d(x: $v)) { f }",
            "Syntax Error: Unexpected variable \"$v\" in constant value.",
            1,
            27);
    }

    [Fact]
    public void Parse_VariableDefinitionDirectives_AreParsed()
    {
        var document = Parser.Parse("query Foo($x: Boolean = false @bar) { field }");
        var definition = OnlyOperation(document).VariableDefinitions[0];
        Assert.Equal("x", definition.Variable.Name.Value);
        Assert.False(Assert.IsType<BooleanValueNode>(definition.DefaultValue).Value);
        Assert.Equal("bar", definition.Directives[0].Name.Value);
    }

    [Fact]
    public void Parse_FragmentNamedOn_IsRejected()
    {
        AssertParseError("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10);
    }

    [Fact]
    public void Parse_SpreadOfFragmentNamedOn_IsRejected()
    {
        AssertParseError("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9);
    }

    [Fact]
    public void Parse_FragmentVariables_AreRejectedByDefault()
    {
        AssertParseError("fragment F($a: Int) on T { f }", "Syntax Error: Expected \"on\", found \"(\".", 1, 11);
    }

    [Fact]
    public void Parse_FragmentVariables_AreAcceptedWithLegacyOption()
    {
        var document = Parser.Parse(
            "fragment a($v: Boolean = false) on t { f }",
            new ParserOptions { AllowLegacyFragmentVariables = true });
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[0]);
        Assert.Equal("v", fragment.VariableDefinitions[0].Variable.Name.Value);
        Assert.Equal("t", fragment.TypeCondition.Name.Value);
    }

    [Fact]
    public void Parse_MultiByteCharacters_ArePreserved()
    {
        var document = Parser.Parse(
            "# This comment has a \u0A0A multi-byte character.\n{ field(arg: \"Has a \u0A0A multi-byte character.\") }");
        var field = Assert.IsType<FieldNode>(OnlyOperation(document).SelectionSet.Selections[0]);
        Assert.Equal("Has a \u0A0A multi-byte character.", Assert.IsType<StringValueNode>(field.Arguments[0].Value).Value);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("fragment")]
    [InlineData("query")]
    [InlineData("mutation")]
    [InlineData("subscription")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("extend")]
    [InlineData("type")]
    public void Parse_Keywords_AreAllowedWhereverNamesAre(string keyword)
    {
        var fragmentName = keyword == "on" ? "a" : keyword;
        var source =
            "query " + keyword + " {\n" +
            "  ... " + fragmentName + "\n" +
            "  ... on " + keyword + " { field }\n" +
            "}\n" +
            "fragment " + fragmentName + " on Type {\n" +
            "  " + keyword + "(" + keyword + ": $" + keyword + ")\n" +
            "    @" + keyword + "(" + keyword + ": " + keyword + ")\n" +
            "}";

        var document = Parser.Parse(source);
        Assert.Equal(2, document.Definitions.Count);
    }

    [Theory]
    [InlineData("mutation { mutationField }", OperationType.Mutation, null)]
    [InlineData("subscription { subscriptionField }", OperationType.Subscription, null)]
    [InlineData("mutation Foo { mutationField }", OperationType.Mutation, "Foo")]
    [InlineData("subscription Foo { subscriptionField }", OperationType.Subscription, "Foo")]
    [InlineData("query Foo { field }", OperationType.Query, "Foo")]
    public void Parse_OperationTypes_AreRecorded(string source, OperationType operation, string? name)
    {
        var definition = OnlyOperation(Parser.Parse(source));
        Assert.Equal(operation, definition.Operation);
        Assert.Equal(name, definition.Name?.Value);
    }

    [Fact]
    public void Parse_SimpleQuery_CreatesAstWithLocations()
    {
        var source = "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n";
        var document = Parser.Parse(source);

        Assert.Equal(new Location(0, 41, 1, 1), document.Location);
        var operation = OnlyOperation(document);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
        Assert.Equal(new Location(0, 40, 1, 1), operation.Location);
        Assert.Equal(new Location(0, 40, 1, 1), operation.SelectionSet.Location);

        var node = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[0]);
        Assert.Equal(new Location(4, 38, 2, 3), node.Location);
        Assert.Null(node.Alias);
        Assert.Equal(new Location(4, 8, 2, 3), node.Name.Location);

        var argument = node.Arguments[0];
        Assert.Equal(new Location(9, 14, 2, 8), argument.Location);
        Assert.Equal("id", argument.Name.Value);
        var value = Assert.IsType<IntValueNode>(argument.Value);
        Assert.Equal("4", value.Value);
        Assert.Equal(new Location(13, 14, 2, 12), value.Location);

        var children = node.SelectionSet!.Selections;
        Assert.Equal(new Location(16, 38, 2, 15), node.SelectionSet.Location);
        Assert.Equal(new Location(22, 24, 3, 5), children[0].Location);
        Assert.Equal(new Location(30, 34, 4, 5), children[1].Location);
        Assert.Equal("name", Assert.IsType<FieldNode>(children[1]).Name.Value);
    }

    [Fact]
    public void Parse_NamelessQueryKeyword_CreatesAst()
    {
        var document = Parser.Parse("query {\n  node {\n    id\n  }\n}\n");
        var operation = OnlyOperation(document);
        Assert.Equal(new Location(0, 29, 1, 1), operation.Location);
        Assert.Null(operation.Name);
        Assert.Equal(new Location(6, 29, 1, 7), operation.SelectionSet.Location);
    }

    [Fact]
    public void Parse_NoLocationOption_LeavesLocationsNull()
    {
        var document = Parser.Parse("{ id }", new ParserOptions { NoLocation = true });
        Assert.Null(document.Location);
        var walker = new LocationCollector();
        walker.Visit(document);
        Assert.NotEmpty(walker.Nodes);
        Assert.All(walker.Nodes, node => Assert.Null(node.Location));
    }

    [Fact]
    public void Parse_FieldWithAliasArgumentsDirectivesAndSelections_KeepsEveryPart()
    {
        var field = Assert.IsType<FieldNode>(
            OnlyOperation(Parser.Parse("{ alias: field(a: 1, b: \"x\") @skip(if: $no) @other { sub } }")).SelectionSet.Selections[0]);
        Assert.Equal("alias", field.Alias!.Value);
        Assert.Equal("field", field.Name.Value);
        Assert.Equal(new[] { "a", "b" }, field.Arguments.Select(a => a.Name.Value));
        Assert.Equal(new[] { "skip", "other" }, field.Directives.Select(d => d.Name.Value));
        Assert.Single(field.SelectionSet!.Selections);
    }

    [Fact]
    public void Parse_FragmentsAndInlineFragments_AreDistinguished()
    {
        var selections = OnlyOperation(Parser.Parse("{ ...Named @d ... on T { a } ... @include(if: true) { b } ... { c } }")).SelectionSet.Selections;
        var spread = Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal("Named", spread.Name.Value);
        Assert.Equal("d", spread.Directives[0].Name.Value);

        var typed = Assert.IsType<InlineFragmentNode>(selections[1]);
        Assert.Equal("T", typed.TypeCondition!.Name.Value);

        var directiveOnly = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(directiveOnly.TypeCondition);
        Assert.Equal("include", directiveOnly.Directives[0].Name.Value);

        var bare = Assert.IsType<InlineFragmentNode>(selections[3]);
        Assert.Null(bare.TypeCondition);
        Assert.Empty(bare.Directives);
    }

    [Fact]
    public void Parse_FragmentDefinition_KeepsTypeConditionAndDirectives()
    {
        var fragment = Assert.IsType<FragmentDefinitionNode>(Parser.Parse("fragment F on User @d { id }").Definitions[0]);
        Assert.Equal("F", fragment.Name.Value);
        Assert.Equal("User", fragment.TypeCondition.Name.Value);
        Assert.Equal("d", fragment.Directives[0].Name.Value);
        Assert.Empty(fragment.VariableDefinitions);
    }

    [Fact]
    public void Parse_DescriptionsOnExecutableDefinitions_AreParsed()
    {
        var document = Parser.Parse(
            "\"Op\" query Q(\"Var\" $a: Int, \"\"\"Block\"\"\" $b: Int) { a }\n\"\"\"Frag\"\"\" fragment F on T { a }");
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal("Op", operation.Description!.Value);
        Assert.Equal("Var", operation.VariableDefinitions[0].Description!.Value);
        Assert.True(operation.VariableDefinitions[1].Description!.Block);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Frag", fragment.Description!.Value);
        Assert.Equal(new Location(0, 54, 1, 1), operation.Location);
    }

    [Fact]
    public void Parse_DescriptionOnShorthandQuery_IsRejected()
    {
        AssertParseError("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1);
    }

    [Fact]
    public void Parse_DescriptionOnExtension_IsRejected()
    {
        AssertParseError("\"desc\" extend type T @d", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1);
        AssertParseError("\"desc\" \"desc2\" query { a }", "Syntax Error: Unexpected String \"desc2\".", 1, 8);
    }

    [Fact]
    public void Parse_DocumentWithMixedDefinitions_KeepsSourceOrder()
    {
        var document = Parser.Parse("query Q { a } type T { a: Int } extend type T @d fragment F on T { a } { b }");
        Assert.Equal(
            new[] { SyntaxKind.OperationDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.ObjectTypeExtension, SyntaxKind.FragmentDefinition, SyntaxKind.OperationDefinition },
            document.Definitions.Select(d => d.Kind));
    }

    [Fact]
    public void Parse_CrLfSource_ReportsLocationsPerLine()
    {
        var document = Parser.Parse("query Q {\r\n  a\r\n  b\r\n}");
        var selections = OnlyOperation(document).SelectionSet.Selections;
        Assert.Equal((2, 3), (selections[0].Location!.Value.Line, selections[0].Location!.Value.Column));
        Assert.Equal((3, 3), (selections[1].Location!.Value.Line, selections[1].Location!.Value.Column));
    }

    [Fact]
    public void Parse_AbsurdlyDeepNesting_FailsWithSyntaxErrorInsteadOfCrashing()
    {
        var lists = "{ f(a: " + new string('[', 200_000) + ") }";
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(lists));
        Assert.Equal("Syntax Error: Document is nested too deeply. Parsing aborted.", error.Message);

        var selections = string.Concat(Enumerable.Repeat("{ a ", 200_000));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(selections));
    }

    [Fact]
    public void Parse_DeepButReasonableNesting_ParsesAndPrints()
    {
        const int depth = 300;
        var source = string.Concat(Enumerable.Repeat("{ a ", depth)) + new string('}', depth);
        var document = Parser.Parse(source);
        var printed = Printer.Print(document);
        AssertStructurallyEqual(document, Parser.Parse(printed));
    }

    [Fact]
    public void Parse_NullSource_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Parser.Parse(null!));
    }

    private static OperationDefinitionNode OnlyOperation(DocumentNode document)
    {
        return Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
    }

    private sealed class LocationCollector : SyntaxWalker
    {
        public List<SyntaxNode> Nodes { get; } = new();

        public override void Visit(SyntaxNode? node)
        {
            if (node is not null)
            {
                Nodes.Add(node);
            }

            base.Visit(node);
        }
    }
}
