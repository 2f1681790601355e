using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>A variable used in a value, with what the position it is used in expects.</summary>
/// <param name="Node">The variable.</param>
/// <param name="Type">The input type of the position; null when it is unknown.</param>
/// <param name="HasDefaultValue">Whether the argument or input field the variable is passed to has a default.</param>
/// <param name="ParentType">The input type of the enclosing value (for the <c>@oneOf</c> rule).</param>
internal readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasDefaultValue, GraphQLType? ParentType);

/// <summary>
/// State shared by the rules of one validation: the schema, the document, the type information of the walk, the
/// errors, and lookups several rules need (computed once and cached).
/// </summary>
internal sealed class ValidationContext
{
    private readonly int maxErrors;
    private readonly List<GraphQLError> errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> referencedFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<VariableUsage>> recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(Schema schema, DocumentNode document, int maxErrors)
    {
        Schema = schema;
        Document = document;
        TypeInfo = new TypeInfo(schema);
        this.maxErrors = maxErrors;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                // As in graphql-js, a later fragment of the same name shadows an earlier one (the duplicate is
                // reported by UniqueFragmentNames).
                fragments[fragment.Name.Value] = fragment;
            }
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>The type information of the main walk, positioned at the node the rules are called for.</summary>
    public TypeInfo TypeInfo { get; }

    public List<GraphQLError> Errors => errors;

    public void Report(string message, SyntaxNode? node)
    {
        Add(new GraphQLError(message, ErrorCodes.ValidationFailed).At(node));
    }

    public void Report(string message, SyntaxNode? first, SyntaxNode? second)
    {
        Add(new GraphQLError(message, ErrorCodes.ValidationFailed).At(first, second));
    }

    public void Report(string message, IEnumerable<SyntaxNode> nodes)
    {
        Add(new GraphQLError(message, ErrorCodes.ValidationFailed).At(nodes));
    }

    /// <summary>Stops validation with graphql-js's "Validation aborted." (a rule's work budget is spent).</summary>
    public void Abort()
    {
        errors.Add(new GraphQLError("Validation aborted.", ErrorCodes.ValidationFailed));
        throw new ValidationAbortedException();
    }

    public FragmentDefinitionNode? GetFragment(string name)
    {
        return fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads anywhere in a selection set (not following the spreads), in graphql-js's order.</summary>
    public List<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (fragmentSpreads.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = [];
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments (each once).</summary>
    public List<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (!referencedFragments.TryGetValue(operation, out var result))
        {
            result = CollectReferencedFragments([operation]);
            referencedFragments[operation] = result;
        }

        return result;
    }

    public List<FragmentDefinitionNode> CollectReferencedFragments(IReadOnlyList<OperationDefinitionNode> operations)
    {
        var result = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (collected.Add(spread.Name.Value))
                {
                    pending.Add(spread.Name.Value);
                }
            }
        }

        // Breadth-first in insertion order, as graphql-js iterates its growing Set.
        for (var i = 0; i < pending.Count; i++)
        {
            var fragment = GetFragment(pending[i]);
            if (fragment is null)
            {
                continue;
            }

            result.Add(fragment);
            foreach (var spread in GetFragmentSpreads(fragment.SelectionSet))
            {
                if (collected.Add(spread.Name.Value))
                {
                    pending.Add(spread.Name.Value);
                }
            }
        }

        return result;
    }

    /// <summary>The variables used directly in an operation or fragment (not in the fragments it spreads).</summary>
    public List<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (!variableUsages.TryGetValue(definition, out var usages))
        {
            usages = VariableUsageCollector.Collect(Schema, definition);
            variableUsages[definition] = usages;
        }

        return usages;
    }

    /// <summary>The variables an operation uses, including in every fragment it references.</summary>
    public List<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            return usages;
        }

        usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private void Add(GraphQLError error)
    {
        if (errors.Count >= maxErrors)
        {
            errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted.", ErrorCodes.ValidationFailed));
            throw new ValidationAbortedException();
        }

        errors.Add(error);
    }
}
