using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Language.Tests;

public sealed class VisitorTests
{
    [Fact]
    public void Walker_VisitsEveryNodeDepthFirstInSourceOrder()
    {
        var document = Parser.Parse("query Q($v: Int = 1) { a(x: $v) @d { ...F } }");
        var walker = new RecordingWalker();
        walker.Visit(document);

        Assert.Equal(
            new[]
            {
                "enter Document", "enter OperationDefinition", "enter Name", "leave Name", "enter VariableDefinition",
                "enter Variable", "enter Name", "leave Name", "leave Variable", "enter NamedType", "enter Name", "leave Name",
                "leave NamedType", "enter IntValue", "leave IntValue", "leave VariableDefinition", "enter SelectionSet",
                "enter Field", "enter Name", "leave Name", "enter Argument", "enter Name", "leave Name", "enter Variable",
                "enter Name", "leave Name", "leave Variable", "leave Argument", "enter Directive", "enter Name", "leave Name",
                "leave Directive", "enter SelectionSet", "enter FragmentSpread", "enter Name", "leave Name",
                "leave FragmentSpread", "leave SelectionSet", "leave Field", "leave SelectionSet", "leave OperationDefinition",
                "leave Document",
            },
            walker.Events);
    }

    [Fact]
    public void Walker_OverridingWithoutBaseCall_SkipsChildren()
    {
        var document = Parser.Parse("{ a { b } c }");
        var walker = new FieldNameCollector(skipChildrenOf: "a");
        walker.Visit(document);
        Assert.Equal(new[] { "a", "c" }, walker.Names);
    }

    [Fact]
    public void Walker_KitchenSinks_ReachEveryNodeOnce()
    {
        foreach (var source in new[] { KitchenSink.Query, KitchenSink.Schema })
        {
            var document = Parser.Parse(source);
            var walker = new RecordingWalker();
            walker.Visit(document);
            Assert.Equal(CountNodes(document), walker.Events.Count / 2);
        }
    }

    [Fact]
    public void Visitor_DispatchesToTheKindSpecificMethod()
    {
        var visitor = new KindVisitor();
        foreach (var node in Parser.Parse(KitchenSink.Schema).Definitions)
        {
            visitor.Visit(node);
        }

        Assert.Equal(1, visitor.Directives);
    }

    [Fact]
    public void GetChildren_ReturnsDirectChildrenInOrder()
    {
        var field = (FieldNode)((OperationDefinitionNode)Parser.Parse("{ alias: f(a: 1) @d { g } }").Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(
            new[] { SyntaxKind.Name, SyntaxKind.Name, SyntaxKind.Argument, SyntaxKind.Directive, SyntaxKind.SelectionSet },
            field.GetChildren().Select(c => c.Kind));
    }

    private static int CountNodes(SyntaxNode node)
    {
        return 1 + node.GetChildren().Sum(CountNodes);
    }

    private sealed class RecordingWalker : SyntaxWalker
    {
        public List<string> Events { get; } = new();

        public override void Visit(SyntaxNode? node)
        {
            if (node is null)
            {
                return;
            }

            Events.Add("enter " + node.Kind);
            base.Visit(node);
            Events.Add("leave " + node.Kind);
        }
    }

    private sealed class FieldNameCollector(string skipChildrenOf) : SyntaxWalker
    {
        public List<string> Names { get; } = new();

        public override void VisitField(FieldNode node)
        {
            Names.Add(node.Name.Value);
            if (node.Name.Value != skipChildrenOf)
            {
                base.VisitField(node);
            }
        }
    }

    private sealed class KindVisitor : SyntaxVisitor
    {
        public int Directives { get; private set; }

        public override void VisitDirectiveDefinition(DirectiveDefinitionNode node)
        {
            if (node.Name.Value == "auth")
            {
                Directives++;
            }
        }
    }
}
