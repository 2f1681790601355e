using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.8.1 Variable Uniqueness.</summary>
internal sealed class UniqueVariableNamesRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        var definitions = node.VariableDefinitions;
        if (definitions.Count < 2)
        {
            return;
        }

        foreach (var (name, nodes) in GroupByName.Group(definitions, static d => d.Variable.Name))
        {
            if (nodes.Count > 1)
            {
                context.Report($"There can be only one variable named \"${name}\".", nodes);
            }
        }
    }
}

/// <summary>Groups nodes by a name in first-appearance order (graphql-js's groupBy), keeping the name nodes.</summary>
internal static class GroupByName
{
    public static List<(string Name, List<NameNode> Nodes)> Group<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        var result = new List<(string, List<NameNode>)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (index.TryGetValue(name.Value, out var i))
            {
                result[i].Item2.Add(name);
            }
            else
            {
                index[name.Value] = result.Count;
                result.Add((name.Value, [name]));
            }
        }

        return result;
    }
}
