using System.Text;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>
/// 5.3.2 Field Selection Merging: fields with the same response name can be merged (same field and arguments unless
/// their parents are different object types, compatible return types, and mergeable sub-selections).
/// <para>
/// A port of graphql-js's algorithm, which avoids the spec's exponential FieldsInSetCanMerge: each selection set's
/// fields are collected once per parent type and cached, fragments are compared with fields and with each other
/// once (memoised by name pair and by exclusivity), and only fields that share a response name are compared. A work
/// budget caps pathological documents with "Validation aborted.".
/// </para>
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private readonly PairSet comparedFragmentPairs = new();
    private readonly Dictionary<(NamedType?, SelectionSetNode), CollectResult> cachedCollectResults = [];
    private readonly Dictionary<ValueNode, string> stringifiedValues = new(ReferenceEqualityComparer.Instance);
    private int remainingBudget = MaxComplexityBudget;
    private ValidationContext context = null!;

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode node, SyntaxNode parent)
    {
        // An inline fragment's fields are compared as part of the enclosing selection set.
        if (parent is InlineFragmentNode)
        {
            return;
        }

        var selections = node.Selections;
        if (selections.Count <= 1 && (selections.Count == 0 || selections[0] is not InlineFragmentNode))
        {
            return;
        }

        this.context = context;
        var conflicts = FindConflictsWithinSelectionSet(context.TypeInfo.ParentType, node);
        foreach (var conflict in conflicts)
        {
            var nodes = new List<SyntaxNode>(conflict.Fields1.Count + conflict.Fields2.Count);
            nodes.AddRange(conflict.Fields1);
            nodes.AddRange(conflict.Fields2);
            context.Report(
                $"Fields \"{MaybeAbbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                nodes);
        }
    }

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var result = CollectFields(parentType, selectionSet);

        // (A) Conflicts within the fields of this selection set (including its inline fragments).
        CollectConflictsWithin(conflicts, result.Grouped);

        // Fragments are compared with the fields and with each other only when there is something to compare.
        var fragmentNames = result.FragmentNames;
        if (fragmentNames.Count != 0 && (result.Grouped.Count != 0 || fragmentNames.Count > 1))
        {
            for (var i = 0; i < fragmentNames.Count; i++)
            {
                // (B) The fields against each fragment.
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, result, fragmentNames[i]);

                // (C) Each fragment against the following ones.
                for (var j = i + 1; j < fragmentNames.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, CollectResult result, string fragmentName)
    {
        SpendBudget(1);
        if (result.Grouped.Count == 0)
        {
            return;
        }

        // Memoised per collected field set; a non-exclusive comparison also covers the exclusive one.
        result.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (result.ComparedFragments.TryGetValue(fragmentName, out var compared) && (!compared || areMutuallyExclusive))
        {
            return;
        }

        result.ComparedFragments[fragmentName] = areMutuallyExclusive;
        var fragment = context.GetFragment(fragmentName);
        if (fragment is null)
        {
            return;
        }

        var result2 = CollectFragmentFields(fragment);

        // A fragment is not compared with itself.
        if (ReferenceEquals(result, result2))
        {
            return;
        }

        // (D) The fields against the fragment's fields.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result, result2);

        // (E) The fields against the fragments the fragment spreads.
        foreach (var referenced in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        SpendBudget(2);
        if (fragmentName1 == fragmentName2)
        {
            return;
        }

        if (comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }

        comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        var fragment1 = context.GetFragment(fragmentName1);
        var fragment2 = context.GetFragment(fragmentName2);
        if (fragment1 is null || fragment2 is null)
        {
            return;
        }

        var result1 = CollectFragmentFields(fragment1);
        var result2 = CollectFragmentFields(fragment2);

        // (F) The two fragments' fields.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);

        // (G) Each fragment against the fragments the other spreads.
        foreach (var referenced in result2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced);
        }

        foreach (var referenced in result1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var result1 = CollectFields(parentType1, selectionSet1);
        var result2 = CollectFields(parentType2, selectionSet2);

        // (H) The two sets of fields.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);

        // (I) Each set of fields against the other's fragments.
        foreach (var fragmentName2 in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result1, fragmentName2);
        }

        foreach (var fragmentName1 in result1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result2, fragmentName1);
        }

        // (J) Each fragment of one against each fragment of the other.
        foreach (var fragmentName1 in result1.FragmentNames)
        {
            foreach (var fragmentName2 in result2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, OrderedDictionary<string, List<FieldDetail>> grouped)
    {
        foreach (var (responseName, fields) in grouped)
        {
            if (fields.Count <= 1)
            {
                continue;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectResult result1, CollectResult result2)
    {
        if (result1.Grouped.Count == 0 || result2.Grouped.Count == 0)
        {
            return;
        }

        foreach (var overlap in GetOverlappingFields(result1, result2))
        {
            foreach (var field1 in overlap.Fields1)
            {
                foreach (var field2 in overlap.Fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, overlap.ResponseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private List<Overlap> GetOverlappingFields(CollectResult result1, CollectResult result2)
    {
        result1.OverlappingFields ??= new Dictionary<CollectResult, List<Overlap>>(ReferenceEqualityComparer.Instance);
        if (result1.OverlappingFields.TryGetValue(result2, out var cached))
        {
            return cached;
        }

        var overlaps = new List<Overlap>();
        foreach (var (responseName, fields1) in result1.Grouped)
        {
            SpendBudget(1);
            if (result2.Grouped.TryGetValue(responseName, out var fields2))
            {
                overlaps.Add(new Overlap(responseName, fields1, fields2));
            }
        }

        result1.OverlappingFields[result2] = overlaps;
        return overlaps;
    }

    /// <summary>Whether two fields of the same response name conflict, including in their sub-selections.</summary>
    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetail field1, FieldDetail field2)
    {
        var node1 = field1.Node;
        var node2 = field2.Node;
        var def1 = field1.Definition;
        var def2 = field2.Definition;

        // Fields on two different object types can never both apply: only their shapes must agree.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        SpendBudget(2);

        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && SameType(def1?.Type, def2?.Type) && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!areMutuallyExclusive)
        {
            var info1 = GetFieldInfo(field1);
            var info2 = GetFieldInfo(field2);
            if (!info1.Comparisons.TryGetValue(info2, out var reason))
            {
                var name1 = node1.Name.Value;
                var name2 = node2.Name.Value;
                reason = name1 != name2
                    ? $"\"{MaybeAbbreviate(name1)}\" and \"{MaybeAbbreviate(name2)}\" are different fields"
                    : SameArguments(info1.Arguments, info2.Arguments) ? null : "they have differing arguments";
                info1.Comparisons[info2] = reason;
            }

            if (reason is not null)
            {
                return new Conflict(responseName, reason, [node1], [node2]);
            }
        }

        var type1 = def1?.Type;
        var type2 = def2?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            var info1 = GetFieldInfo(field1);
            var info2 = GetFieldInfo(field2);
            info1.TypeString ??= type1.ToString();
            info2.TypeString ??= type2.ToString();
            return new Conflict(responseName, $"they return conflicting types \"{info1.TypeString}\" and \"{info2.TypeString}\"", [node1], [node2]);
        }

        // The sub-selections must merge too.
        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive,
                GetFieldInfo(field1).NamedType,
                selectionSet1,
                GetFieldInfo(field2).NamedType,
                selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }

        return null;
    }

    private static FieldInfo GetFieldInfo(FieldDetail field)
    {
        return field.Info ??= new FieldInfo(field.Definition?.Type.Named, field.Node.Arguments);
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            SpendBudget(1);
            ArgumentNode? argument2 = null;

            // graphql-js looks the name up in a map, where a repeated argument name keeps the last one.
            for (var i = arguments2.Count - 1; i >= 0; i--)
            {
                if (arguments2[i].Name.Value == argument1.Name.Value)
                {
                    argument2 = arguments2[i];
                    break;
                }
            }

            if (argument2 is null || StringifyValue(argument1.Value) != StringifyValue(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A canonical form of a value: object fields sorted by name, so field order does not matter.</summary>
    private string StringifyValue(ValueNode value)
    {
        if (stringifiedValues.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var builder = new StringBuilder();
        Stringify(builder, value);
        var result = builder.ToString();
        stringifiedValues[value] = result;
        return result;
    }

    private static void Stringify(StringBuilder builder, ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                builder.Append('$').Append(variable.Name.Value);
                break;
            case ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>(obj.Fields);
                fields.Sort(static (a, b) => string.CompareOrdinal(a.Name.Value, b.Name.Value));
                builder.Append('{');
                foreach (var field in fields)
                {
                    builder.Append(field.Name.Value).Append(':');
                    Stringify(builder, field.Value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case ListValueNode list:
                builder.Append('[');
                foreach (var item in list.Values)
                {
                    Stringify(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            case StringValueNode s:
                // As graphql-js, a block string differs from a plain one with the same value.
                builder.Append(s.Block ? "B" : "S").Append(Gql.Language.Printer.PrintString(s.Value));
                break;
            case IntValueNode i:
                builder.Append("I:").Append(i.Value);
                break;
            case FloatValueNode f:
                builder.Append("F:").Append(f.Value);
                break;
            case BooleanValueNode b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case EnumValueNode e:
                builder.Append("E:").Append(e.Value);
                break;
            case NullValueNode:
                builder.Append("null");
                break;
        }
    }

    /// <summary>Two return types conflict when no value could satisfy both (lists, non-null, or different leaves).</summary>
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        SpendBudget(1);
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (type1.IsLeafType || type2.IsLeafType)
        {
            return !SameType(type1, type2);
        }

        return false;
    }

    private static bool SameType(GraphQLType? type1, GraphQLType? type2)
    {
        if (type1 is null || type2 is null)
        {
            return type1 is null && type2 is null;
        }

        return ReferenceEquals(type1, type2) || GraphQLType.AreEqual(type1, type2);
    }

    /// <summary>The fields of a selection set by response name (inline fragments flattened) and the fragments it spreads.</summary>
    private CollectResult CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (cachedCollectResults.TryGetValue((parentType, selectionSet), out var cached))
        {
            return cached;
        }

        var result = new CollectResult();
        var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
        CollectFieldsImpl(parentType, selectionSet, result, fragmentNames);
        cachedCollectResults[(parentType, selectionSet)] = result;
        return result;
    }

    private CollectResult CollectFragmentFields(FragmentDefinitionNode fragment)
    {
        return CollectFields(context.Schema.FindType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
    }

    private void CollectFieldsImpl(NamedType? parentType, SelectionSetNode selectionSet, CollectResult result, HashSet<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var fieldDef = parentType is ComplexType complex ? complex.Fields.Find(field.Name.Value) : null;
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (!result.Grouped.TryGetValue(responseName, out var list))
                    {
                        list = [];
                        result.Grouped.Add(responseName, list);
                    }

                    list.Add(new FieldDetail(parentType, field, fieldDef, field.Arguments.Count == 0 && field.SelectionSet is null));
                    break;
                case FragmentSpreadNode spread:
                    if (fragmentNames.Add(spread.Name.Value))
                    {
                        result.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : context.Schema.FindType(inline.TypeCondition.Name.Value);
                    CollectFieldsImpl(inlineType, inline.SelectionSet, result, fragmentNames);
                    break;
            }
        }
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? "" : " and ")
                .Append("subfields \"").Append(MaybeAbbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(
            responseName,
            MaybeAbbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, first: true),
            CollectConflictNodes(node2, conflicts, first: false));
    }

    /// <summary>The enclosing field and the nodes of the sub-conflicts, capped so error locations stay bounded.</summary>
    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            var remaining = MaxConflictNodes - nodes.Count;

            // Take from the end, so the innermost fields that actually conflict are kept.
            var take = Math.Min(remaining, side.Count);
            for (var i = side.Count - take; i < side.Count; i++)
            {
                nodes.Add(side[i]);
            }

            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static string MaybeAbbreviate(string text)
    {
        return text.Length > MaxConflictDetailLength ? string.Concat(text.AsSpan(0, MaxConflictDetailLength), "...") : text;
    }

    private void SpendBudget(int cost)
    {
        remainingBudget -= cost;
        if (remainingBudget < 0)
        {
            context.Abort();
        }
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed record Overlap(string ResponseName, List<FieldDetail> Fields1, List<FieldDetail> Fields2);

    private sealed class FieldDetail(NamedType? parentType, FieldNode node, OutputField? definition, bool isSimpleLeaf)
    {
        public NamedType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public OutputField? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = isSimpleLeaf;

        public FieldInfo? Info { get; set; }
    }

    /// <summary>What is only worth computing for fields that overlap with another: their comparisons, named type and arguments.</summary>
    private sealed class FieldInfo(NamedType? namedType, IReadOnlyList<ArgumentNode> arguments)
    {
        public Dictionary<FieldInfo, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);

        public NamedType? NamedType { get; } = namedType;

        public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

        public string? TypeString { get; set; }
    }

    private sealed class CollectResult
    {
        public OrderedDictionary<string, List<FieldDetail>> Grouped { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public Dictionary<string, bool>? ComparedFragments { get; set; }

        public Dictionary<CollectResult, List<Overlap>>? OverlappingFields { get; set; }
    }

    /// <summary>Fragment pairs already compared, unordered, remembering whether the comparison was mutually exclusive.</summary>
    private sealed class PairSet
    {
        private readonly Dictionary<string, Dictionary<string, bool>> data = new(StringComparer.Ordinal);

        public bool Has(string a, string b, bool areMutuallyExclusive)
        {
            return HasOrdered(a, b, areMutuallyExclusive) || HasOrdered(b, a, areMutuallyExclusive);
        }

        public void Add(string a, string b, bool areMutuallyExclusive)
        {
            if (!data.TryGetValue(a, out var map))
            {
                map = new Dictionary<string, bool>(StringComparer.Ordinal);
                data[a] = map;
            }

            map[b] = areMutuallyExclusive;
        }

        private bool HasOrdered(string a, string b, bool areMutuallyExclusive)
        {
            if (!data.TryGetValue(a, out var map) || !map.TryGetValue(b, out var result))
            {
                return false;
            }

            // A non-exclusive comparison covers an exclusive one too.
            return areMutuallyExclusive || areMutuallyExclusive == result;
        }
    }
}
