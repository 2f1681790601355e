using Gql.Language.Ast;

namespace Gql.Server.Execution;

/// <summary>
/// Limits checked after validation, before anything runs: how many operations a document may hold, how deeply an
/// operation may nest fields and how many fields it may select (fragments expanded), how many aliases it may use and
/// how deeply its literal input values may nest. A refused document names the limit and by how much it was broken.
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
        var fieldMemo = new Dictionary<SelectionSetNode, long>();
        foreach (var operation in operations)
        {
            var depth = Depth(operation.SelectionSet, fragments, memo, []);
            if (depth > options.MaxDepth)
            {
                var name = operation.Name is null ? "The operation" : $"The operation \"{operation.Name.Value}\"";
                errors.Add(new GraphQLError($"{name} has a depth of {depth}, over the limit of {options.MaxDepth} by {depth - options.MaxDepth}.", ErrorCodes.MaxDepthExceeded)
                    .At(operation).WithExtension("limit", options.MaxDepth).WithExtension("actual", depth));
            }

            var fields = FieldCount(operation.SelectionSet, fragments, fieldMemo, []);
            if (fields > options.MaxFields)
            {
                var name = operation.Name is null ? "The operation" : $"The operation \"{operation.Name.Value}\"";
                errors.Add(new GraphQLError($"{name} selects {fields} fields (fragments expanded), over the limit of {options.MaxFields}.", ErrorCodes.MaxFieldsExceeded)
                    .At(operation).WithExtension("limit", options.MaxFields).WithExtension("actual", (int)fields));
            }
        }

        var walker = new InputWalker();
        document.Accept(walker);
        if (walker.Aliases > options.MaxAliases)
        {
            errors.Add(new GraphQLError($"The document uses {walker.Aliases} aliases, over the limit of {options.MaxAliases}.", ErrorCodes.MaxAliasesExceeded)
                .WithExtension("limit", options.MaxAliases).WithExtension("actual", walker.Aliases));
        }

        if (walker.DeepestInput is { } deepest && walker.InputDepth > options.MaxInputDepth)
        {
            errors.Add(InputTooDeep(walker.InputDepth, options.MaxInputDepth).At(deepest));
        }

        return errors;
    }

    /// <summary>The error for an input value nested deeper than <paramref name="limit"/>.</summary>
    public static GraphQLError InputTooDeep(int depth, int limit) =>
        new GraphQLError($"An input value is nested {depth} levels deep, over the limit of {limit}.", ErrorCodes.MaxInputDepthExceeded)
            .WithExtension("limit", limit).WithExtension("actual", depth);

    /// <summary>How deeply a coerced input value (variables: dictionaries and lists) nests; scalars count 0.</summary>
    public static int InputDepth(object? value, int stopAt)
    {
        if (stopAt < 0)
        {
            return 0;
        }

        return value switch
        {
            IReadOnlyDictionary<string, object?> map => 1 + map.Values.Select(v => InputDepth(v, stopAt - 1)).DefaultIfEmpty(0).Max(),
            string => 0,
            System.Collections.IEnumerable list => 1 + list.Cast<object?>().Select(v => InputDepth(v, stopAt - 1)).DefaultIfEmpty(0).Max(),
            _ => 0,
        };
    }

    private static long FieldCount(SelectionSetNode selectionSet, Dictionary<string, FragmentDefinitionNode> fragments, Dictionary<SelectionSetNode, long> memo, HashSet<string> visiting)
    {
        if (memo.TryGetValue(selectionSet, out var known))
        {
            return known;
        }

        long count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is null ? 0 : FieldCount(field.SelectionSet, fragments, memo, visiting)),
                InlineFragmentNode inline => FieldCount(inline.SelectionSet, fragments, memo, visiting),
                FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) && visiting.Add(spread.Name.Value) =>
                    FieldCountOfFragment(fragment, fragments, memo, visiting),
                _ => 0,
            };
        }

        count = Math.Min(count, int.MaxValue);
        memo[selectionSet] = count;
        return count;
    }

    private static long FieldCountOfFragment(FragmentDefinitionNode fragment, Dictionary<string, FragmentDefinitionNode> fragments, Dictionary<SelectionSetNode, long> memo, HashSet<string> visiting)
    {
        var count = FieldCount(fragment.SelectionSet, fragments, memo, visiting);
        visiting.Remove(fragment.Name.Value);
        return count;
    }

    /// <summary>Counts aliases and finds the deepest literal input value (objects and lists) of a document.</summary>
    private sealed class InputWalker : SyntaxWalker
    {
        public int Aliases { get; private set; }

        public int InputDepth { get; private set; }

        public ValueNode? DeepestInput { get; private set; }

        public override void VisitField(FieldNode node)
        {
            if (node.Alias is not null)
            {
                Aliases++;
            }

            base.VisitField(node);
        }

        public override void VisitArgument(ArgumentNode node)
        {
            var depth = Depth(node.Value);
            if (depth > InputDepth)
            {
                InputDepth = depth;
                DeepestInput = node.Value;
            }
        }

        private static int Depth(ValueNode value) => value switch
        {
            ObjectValueNode o => 1 + o.Fields.Select(f => Depth(f.Value)).DefaultIfEmpty(0).Max(),
            ListValueNode l => 1 + l.Values.Select(Depth).DefaultIfEmpty(0).Max(),
            _ => 0,
        };
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
