using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>
/// Estimates what an operation will cost before it runs: every field costs 1, and a list field multiplies the cost of
/// what is selected below it by its expected size: <c>first</c>/<c>last</c> (or the default page size) for paged
/// fields, a declared estimate (<see cref="ListSize"/> in the field's metadata) or
/// <see cref="ExecutorOptions.DefaultListSize"/> for other lists. Introspection is costed like any other selection
/// (a recursive <c>__schema</c> walk is as expensive as a nested list query), and a subscription is costed by what it
/// selects from every event. Lists sized by a list argument (<c>nodes(ids:)</c>) longer than
/// <see cref="ExecutorOptions.MaxNodeIds"/> are reported as errors.
/// </summary>
internal static class CostAnalyzer
{
    public static int Estimate(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables, ExecutorOptions options) =>
        Analyze(schema, operation, fragments, variables, options).Cost;

    public static (int Cost, List<GraphQLError> Errors) Analyze(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables, ExecutorOptions options)
    {
        var errors = new List<GraphQLError>();
        var root = schema.RootType(operation.Operation);
        return (root is null ? 0 : Cost(root, operation.SelectionSet, null), errors);

        // sized: the size a field above gave to some of this selection's list fields (a connection's edges and nodes).
        int Cost(NamedType parent, SelectionSetNode selectionSet, (ListSize Hint, int Size)? sized)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode node:
                        total += FieldCost(parent, node, sized);
                        break;
                    case InlineFragmentNode inline:
                        total += Cost(inline.TypeCondition is { } t ? schema.FindType(t.Name.Value) ?? parent : parent, inline.SelectionSet, sized);
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                        total += Cost(schema.FindType(fragment.TypeCondition.Name.Value) ?? parent, fragment.SelectionSet, sized);
                        break;
                }
            }

            return (int)Math.Min(total, int.MaxValue);
        }

        long FieldCost(NamedType parent, FieldNode node, (ListSize Hint, int Size)? sized)
        {
            var name = node.Name.Value;
            var introspectionRoot = name switch
            {
                "__schema" => schema.FindType("__Schema"),
                "__type" => schema.FindType("__Type"),
                _ => null,
            };
            if (introspectionRoot is not null)
            {
                return 1 + (node.SelectionSet is null ? 0 : (long)Cost(introspectionRoot, node.SelectionSet, null));
            }

            var field = (parent as ComplexType)?.Fields.Find(name);
            if (field is null)
            {
                return 0;
            }

            var hint = field.Metadata.GetValueOrDefault(ListSize.MetadataKey) as ListSize;
            var size = hint is null ? (int?)null : Size(node, hint);
            var forChildren = hint is { SizedFields.Count: > 0 } ? (hint, size!.Value) : ((ListSize, int)?)null;
            var childCost = node.SelectionSet is null ? 0 : Cost(field.Type.Named, node.SelectionSet, forChildren);
            if (!IsList(field.Type))
            {
                return 1 + (long)childCost;
            }

            // A connection's nodes and edges are as long as the page the paged field above asked for.
            var multiplier = sized is { } s && s.Hint.SizedFields.Contains(name) ? s.Size
                : hint is { SizedFields.Count: 0 } ? size!.Value
                : parent.Name.StartsWith("__", StringComparison.Ordinal) ? options.IntrospectionListSize
                : options.DefaultListSize;
            return 1 + ((long)multiplier * childCost);
        }

        int Size(FieldNode node, ListSize hint)
        {
            foreach (var argument in node.Arguments)
            {
                if (argument.Name.Value == hint.CountArgument)
                {
                    var count = argument.Value switch
                    {
                        ListValueNode list => list.Values.Count,
                        VariableNode v when variables.TryGetValue(v.Name.Value, out var n) && n is System.Collections.ICollection items => items.Count,
                        _ => 1,
                    };
                    if (count > options.MaxNodeIds)
                    {
                        errors.Add(new GraphQLError($"\"{node.Name.Value}\" asks for {count} ids, over the limit of {options.MaxNodeIds}.", ErrorCodes.MaxNodeIdsExceeded)
                            .At(argument).WithExtension("limit", options.MaxNodeIds).WithExtension("actual", count));
                    }

                    return count;
                }

                if (hint.SlicingArguments.Contains(argument.Name.Value))
                {
                    var value = argument.Value switch
                    {
                        IntValueNode i when int.TryParse(i.Value, out var n) => n,
                        VariableNode v when variables.TryGetValue(v.Name.Value, out var n) && n is int count => count,
                        _ => (int?)null,
                    };
                    if (value is { } size)
                    {
                        return Math.Clamp(size, 0, hint.MaxSize);
                    }
                }
            }

            return hint.AssumedSize;
        }
    }

    private static bool IsList(GraphQLType type) => type.Nullable is ListType;
}
