using Gql.Language.Ast;

namespace Gql.Server.Execution;

/// <summary>
/// Limits checked after validation, before anything runs: how many operations a document may hold and how deeply an
/// operation may nest fields (fragments expanded). A refused document names the limit and by how much it was broken.
/// </summary>
internal static class DocumentLimits
{
    public static List<GraphQLError> Check(DocumentNode document, ExecutorOptions options)
    {
        var errors = new List<GraphQLError>();
        var operations = document.Definitions.OfType<OperationDefinitionNode>().ToList();
        if (operations.Count > options.MaxOperations)
        {
            errors.Add(new GraphQLError($"The document has {operations.Count} operations, over the limit of {options.MaxOperations}.", ErrorCodes.MaxOperationsExceeded)
                .WithExtension("limit", options.MaxOperations).WithExtension("actual", operations.Count));
        }

        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().GroupBy(f => f.Name.Value).ToDictionary(g => g.Key, g => g.First());
        var memo = new Dictionary<SelectionSetNode, int>();
        foreach (var operation in operations)
        {
            var depth = Depth(operation.SelectionSet, fragments, memo, []);
            if (depth > options.MaxDepth)
            {
                var name = operation.Name is null ? "The operation" : $"The operation \"{operation.Name.Value}\"";
                errors.Add(new GraphQLError($"{name} has a depth of {depth}, over the limit of {options.MaxDepth} by {depth - options.MaxDepth}.", ErrorCodes.MaxDepthExceeded)
                    .At(operation).WithExtension("limit", options.MaxDepth).WithExtension("actual", depth));
            }
        }

        return errors;
    }

    private static int Depth(SelectionSetNode selectionSet, Dictionary<string, FragmentDefinitionNode> fragments, Dictionary<SelectionSetNode, int> memo, HashSet<string> visiting)
    {
        if (memo.TryGetValue(selectionSet, out var known))
        {
            return known;
        }

        var max = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var depth = selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is null ? 0 : Depth(field.SelectionSet, fragments, memo, visiting)),
                InlineFragmentNode inline => Depth(inline.SelectionSet, fragments, memo, visiting),
                FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) && visiting.Add(spread.Name.Value) =>
                    DepthOfFragment(fragment, fragments, memo, visiting),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }

        memo[selectionSet] = max;
        return max;
    }

    private static int DepthOfFragment(FragmentDefinitionNode fragment, Dictionary<string, FragmentDefinitionNode> fragments, Dictionary<SelectionSetNode, int> memo, HashSet<string> visiting)
    {
        var depth = Depth(fragment.SelectionSet, fragments, memo, visiting);
        visiting.Remove(fragment.Name.Value);
        return depth;
    }
}
