using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.3.3 Leaf Field Selections: leaves have no selection set, composite fields have a non-empty one.</summary>
internal sealed class ScalarLeafsRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        var type = context.TypeInfo.Type;
        if (type is null)
        {
            return;
        }

        var selectionSet = node.SelectionSet;
        var fieldName = node.Name.Value;
        if (type.IsLeafType)
        {
            if (selectionSet is not null)
            {
                context.Report($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (selectionSet is null)
        {
            context.Report($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", node);
        }
        else if (selectionSet.Selections.Count == 0)
        {
            context.Report($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", node);
        }
    }
}
