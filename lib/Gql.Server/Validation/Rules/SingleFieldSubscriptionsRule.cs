using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>
/// 5.2.3.1 Single Root Field: a subscription selects exactly one root field, not an introspection field, and (draft
/// spec) without <c>@skip</c>/<c>@include</c> at the top level, since which field is selected must not depend on
/// variables. Messages as graphql-js 17 words them (16 lacks the directive check).
/// </summary>
internal sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is null)
        {
            return;
        }

        var subject = node.Name is null ? "Anonymous Subscription" : $"Subscription \"{node.Name.Value}\"";
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        var forbidden = new List<DirectiveNode>();
        Collect(context, node.SelectionSet, new HashSet<string>(StringComparer.Ordinal), grouped, order, forbidden);
        if (forbidden.Count > 0)
        {
            context.Report($"{subject} must not use `@skip` or `@include` directives in the top level selection.", forbidden);
            return;
        }

        if (order.Count > 1)
        {
            var extra = new List<SyntaxNode>();
            for (var i = 1; i < order.Count; i++)
            {
                extra.AddRange(grouped[order[i]]);
            }

            context.Report($"{subject} must select only one top level field.", extra);
        }

        foreach (var responseName in order)
        {
            var fields = grouped[responseName];
            if (fields[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                context.Report($"{subject} must not select an introspection top level field.", fields);
            }
        }
    }

    private static void Collect(
        ValidationContext context,
        SelectionSetNode selectionSet,
        HashSet<string> visitedFragments,
        Dictionary<string, List<FieldNode>> grouped,
        List<string> order,
        List<DirectiveNode> forbidden)
    {
        foreach (var selection in selectionSet.Selections)
        {
            foreach (var directive in selection.Directives)
            {
                if (directive.Name.Value is "skip" or "include")
                {
                    forbidden.Add(directive);
                }
            }

            switch (selection)
            {
                case FieldNode field:
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (!grouped.TryGetValue(responseName, out var fields))
                    {
                        fields = [];
                        grouped[responseName] = fields;
                        order.Add(responseName);
                    }

                    fields.Add(field);
                    break;
                case InlineFragmentNode inline:
                    Collect(context, inline.SelectionSet, visitedFragments, grouped, order, forbidden);
                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name.Value) && context.GetFragment(spread.Name.Value) is { } fragment)
                    {
                        Collect(context, fragment.SelectionSet, visitedFragments, grouped, order, forbidden);
                    }

                    break;
            }
        }
    }
}
