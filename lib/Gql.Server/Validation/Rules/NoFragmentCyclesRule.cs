using System.Text;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>
/// 5.5.2.2 Fragment Spreads Must Not Form Cycles. A depth-first search over the spread graph that visits each
/// fragment once (linear) yet reports every cycle it closes.
/// </summary>
internal sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> spreadPath = [];
    private readonly Dictionary<string, int> spreadPathIndexByName = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        DetectCycles(context, node);
    }

    private void DetectCycles(ValidationContext context, FragmentDefinitionNode fragment)
    {
        var fragmentName = fragment.Name.Value;
        if (!visited.Add(fragmentName))
        {
            return;
        }

        var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        spreadPathIndexByName[fragmentName] = spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            spreadPath.Add(spread);
            if (!spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (context.GetFragment(spreadName) is { } target)
                {
                    DetectCycles(context, target);
                }
            }
            else
            {
                var cyclePath = spreadPath.GetRange(cycleIndex, spreadPath.Count - cycleIndex);
                var via = new StringBuilder();
                for (var i = 0; i < cyclePath.Count - 1; i++)
                {
                    via.Append(i == 0 ? "" : ", ").Append('"').Append(cyclePath[i].Name.Value).Append('"');
                }

                context.Report($"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."), cyclePath);
            }

            spreadPath.RemoveAt(spreadPath.Count - 1);
        }

        spreadPathIndexByName.Remove(fragmentName);
    }
}
