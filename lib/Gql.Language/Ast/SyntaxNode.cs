using System.Collections.Generic;

namespace Gql.Language.Ast;

/// <summary>Base class of all immutable GraphQL syntax tree nodes.</summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode(Location? location)
    {
        Location = location;
    }

    /// <summary>The node kind.</summary>
    public abstract SyntaxKind Kind { get; }

    /// <summary>Where the node was parsed from; null for synthesized nodes or when parsed with
    /// <see cref="ParserOptions.NoLocation"/>.</summary>
    public Location? Location { get; }

    /// <summary>Dispatches to the visitor method for this node's kind.</summary>
    /// <param name="visitor">The visitor.</param>
    public abstract void Accept(SyntaxVisitor visitor);

    /// <summary>Visits each direct child node, in source order, with <paramref name="visitor"/>.</summary>
    /// <param name="visitor">The visitor.</param>
    public abstract void VisitChildren(SyntaxVisitor visitor);

    /// <summary>Returns the direct child nodes in source order.</summary>
    /// <returns>The children.</returns>
    public IReadOnlyList<SyntaxNode> GetChildren()
    {
        var collector = new ChildCollector();
        VisitChildren(collector);
        return collector.Children;
    }

    /// <summary>Prints the node as GraphQL source, see <see cref="Printer.Print(SyntaxNode)"/>.</summary>
    /// <returns>The printed source.</returns>
    public override string ToString()
    {
        return Printer.Print(this);
    }

    private protected static void VisitList<T>(SyntaxVisitor visitor, IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            visitor.Visit(nodes[i]);
        }
    }

    private sealed class ChildCollector : SyntaxVisitor
    {
        public List<SyntaxNode> Children { get; } = new List<SyntaxNode>();

        public override void Visit(SyntaxNode? node)
        {
            if (node is not null)
            {
                Children.Add(node);
            }
        }
    }
}

/// <summary>The three operation types.</summary>
public enum OperationType
{
    /// <summary><c>query</c></summary>
    Query,

    /// <summary><c>mutation</c></summary>
    Mutation,

    /// <summary><c>subscription</c></summary>
    Subscription,
}

/// <summary>Helpers for <see cref="OperationType"/>.</summary>
public static class OperationTypeExtensions
{
    /// <summary>The keyword for an operation type, e.g. <c>query</c>.</summary>
    /// <param name="operation">The operation type.</param>
    /// <returns>The keyword.</returns>
    public static string ToKeyword(this OperationType operation)
    {
        return operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => throw new System.ArgumentOutOfRangeException(nameof(operation)),
        };
    }
}
