namespace Gql.Language.Ast;

/// <summary>
/// Double-dispatch visitor over syntax nodes. Every <c>VisitXxx</c> method defaults to
/// <see cref="DefaultVisit"/>, which does nothing here; derive from <see cref="SyntaxWalker"/>
/// to descend into children by default.
/// </summary>
public abstract partial class SyntaxVisitor
{
    /// <summary>Visits <paramref name="node"/> (nothing happens for null).</summary>
    /// <param name="node">The node.</param>
    public virtual void Visit(SyntaxNode? node)
    {
        node?.Accept(this);
    }

    /// <summary>Called by every <c>VisitXxx</c> method that is not overridden.</summary>
    /// <param name="node">The node.</param>
    protected virtual void DefaultVisit(SyntaxNode node)
    {
    }
}

/// <summary>
/// A visitor that walks the whole tree depth-first in source order. Override a
/// <c>VisitXxx</c> method to act on a node kind; call the base method to continue into its
/// children (code before the call runs on enter, code after it on leave).
/// </summary>
public abstract class SyntaxWalker : SyntaxVisitor
{
    /// <summary>Visits the children of <paramref name="node"/>.</summary>
    /// <param name="node">The node.</param>
    protected override void DefaultVisit(SyntaxNode node)
    {
        // Throws InsufficientExecutionStackException rather than overflowing on absurdly deep trees.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        node.VisitChildren(this);
    }
}
