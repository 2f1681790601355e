using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>
/// 5.3.1 Field Selections: a selected field is defined on the parent type. Suggests the types to use an inline
/// fragment on, or else similarly named fields, as graphql-js does.
/// </summary>
internal sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        var type = context.TypeInfo.ParentType;
        if (type is null || context.TypeInfo.FieldDef is not null)
        {
            return;
        }

        var fieldName = node.Name.Value;
        var suggestion = Suggestions.DidYouMean("to use an inline fragment on", GetSuggestedTypeNames(context.Schema, type, fieldName));
        if (suggestion.Length == 0)
        {
            suggestion = Suggestions.DidYouMean(GetSuggestedFieldNames(type, fieldName));
        }

        context.Report($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, node);
    }

    /// <summary>The possible types (and their interfaces) that define the field, the most widely used first.</summary>
    private static List<string> GetSuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        if (!type.IsAbstractType)
        {
            // An object type has no possible types to suggest.
            return [];
        }

        var suggested = new List<ComplexType>();
        var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possibleType in schema.GetPossibleTypes(type))
        {
            if (!possibleType.Fields.Contains(fieldName))
            {
                continue;
            }

            if (!usageCount.ContainsKey(possibleType.Name))
            {
                suggested.Add(possibleType);
            }

            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (!possibleInterface.Fields.Contains(fieldName))
                {
                    continue;
                }

                if (usageCount.TryGetValue(possibleInterface.Name, out var count))
                {
                    usageCount[possibleInterface.Name] = count + 1;
                }
                else
                {
                    suggested.Add(possibleInterface);
                    usageCount[possibleInterface.Name] = 1;
                }
            }
        }

        // A stable sort, as JavaScript's.
        var indexed = new List<(ComplexType Type, int Index)>(suggested.Count);
        for (var i = 0; i < suggested.Count; i++)
        {
            indexed.Add((suggested[i], i));
        }

        indexed.Sort((a, b) =>
        {
            var typeA = a.Type;
            var typeB = b.Type;
            var diff = usageCount[typeB.Name] - usageCount[typeA.Name];
            if (diff != 0)
            {
                return diff;
            }

            // Suggest super types first, then sub types.
            if (typeA is InterfaceType && schema.IsSubType(typeA, typeB))
            {
                return -1;
            }

            if (typeB is InterfaceType && schema.IsSubType(typeB, typeA))
            {
                return 1;
            }

            var byName = Suggestions.NaturalCompare(typeA.Name, typeB.Name);
            return byName != 0 ? byName : a.Index - b.Index;
        });
        var names = new List<string>(indexed.Count);
        foreach (var (suggestedType, _) in indexed)
        {
            names.Add(suggestedType.Name);
        }

        return names;
    }

    private static List<string> GetSuggestedFieldNames(NamedType type, string fieldName)
    {
        if (type is not ComplexType complex)
        {
            // A union defines no fields.
            return [];
        }

        var names = new List<string>(complex.Fields.Count);
        foreach (var field in complex.Fields)
        {
            names.Add(field.Name);
        }

        return Suggestions.SuggestionList(fieldName, names);
    }
}
