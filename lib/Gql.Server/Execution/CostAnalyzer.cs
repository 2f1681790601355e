using Gql.Language.Ast;
using Gql.Server.Paging;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>
/// Estimates what an operation will cost before it runs: every field costs 1, and a list field multiplies the cost of
/// what is selected below it by its expected size: <c>first</c>/<c>last</c> (or the default page size) for paged
/// fields, a declared estimate or <see cref="ExecutorOptions.DefaultListSize"/> for other lists. Introspection is free.
/// </summary>
internal static class CostAnalyzer
{
    public const string ListSizeKey = "gql.listSize";

    public static int Estimate(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables, ExecutorOptions options)
    {
        var root = schema.RootType(operation.Operation);
        return root is null ? 0 : Cost(root, operation.SelectionSet, null);

        int Cost(NamedType parent, SelectionSetNode selectionSet, int? pageSize)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode node:
                        total += FieldCost(parent, node, pageSize);
                        break;
                    case InlineFragmentNode inline:
                        total += Cost(inline.TypeCondition is { } t ? schema.FindType(t.Name.Value) ?? parent : parent, inline.SelectionSet, pageSize);
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                        total += Cost(schema.FindType(fragment.TypeCondition.Name.Value) ?? parent, fragment.SelectionSet, pageSize);
                        break;
                }
            }

            return (int)Math.Min(total, int.MaxValue);
        }

        long FieldCost(NamedType parent, FieldNode node, int? pageSize)
        {
            var name = node.Name.Value;
            if (name.StartsWith("__", StringComparison.Ordinal) || parent.Name.StartsWith("__", StringComparison.Ordinal))
            {
                return 0;
            }

            var field = (parent as ComplexType)?.Fields.Find(name);
            if (field is null)
            {
                return 0;
            }

            var paging = field.Metadata.GetValueOrDefault(PagingOptions.MetadataKey) as PagingOptions;
            var size = paging is not null ? PageSize(node, paging) : (int?)null;
            var childCost = node.SelectionSet is null ? 0 : Cost(field.Type.Named, node.SelectionSet, size);
            if (!IsList(field.Type))
            {
                return 1 + (long)childCost;
            }

            // A connection's nodes and edges are as long as the page the paged field above asked for.
            var multiplier = pageSize ?? field.Metadata.GetValueOrDefault(ListSizeKey) as int? ?? options.DefaultListSize;
            return 1 + ((long)multiplier * childCost);
        }

        int PageSize(FieldNode node, PagingOptions paging)
        {
            foreach (var argument in node.Arguments)
            {
                if (argument.Name.Value is "first" or "last")
                {
                    var value = argument.Value switch
                    {
                        IntValueNode i when int.TryParse(i.Value, out var n) => n,
                        VariableNode v when variables.TryGetValue(v.Name.Value, out var n) && n is int count => count,
                        _ => (int?)null,
                    };
                    if (value is { } size)
                    {
                        return Math.Clamp(size, 0, paging.MaxPageSize);
                    }
                }
            }

            return paging.DefaultPageSize;
        }
    }

    private static bool IsList(GraphQLType type) => type.Nullable is ListType;
}
