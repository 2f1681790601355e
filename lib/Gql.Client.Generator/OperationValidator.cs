using System;
using System.Collections.Generic;
using System.Linq;
using Gql.Language;
using Gql.Language.Ast;
using Microsoft.CodeAnalysis;
using SyntaxNode = Gql.Language.Ast.SyntaxNode;

namespace Gql.Client.Generator;

/// <summary>One problem found in a GraphQL file, with a 0-based span in its text.</summary>
internal sealed class Problem
{
    public Problem(DiagnosticDescriptor descriptor, string message, string filePath, int start, int end)
    {
        Descriptor = descriptor;
        Message = message;
        FilePath = filePath;
        Start = start;
        End = Math.Max(start, end);
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Message { get; }

    public string FilePath { get; }

    public int Start { get; }

    public int End { get; }
}

/// <summary>A parsed operations file.</summary>
internal sealed class OperationFile
{
    public OperationFile(string path, string text, DocumentNode document)
    {
        Path = path;
        Text = text;
        Document = document;
    }

    public string Path { get; }

    public string Text { get; }

    public DocumentNode Document { get; }
}

/// <summary>
/// The most common checks of the GraphQL validation rules, enough to catch operations that no longer fit the schema
/// at build time (full validation runs on the server). Messages follow graphql-js.
/// </summary>
internal sealed class OperationValidator
{
    private readonly SchemaModel schema;
    private readonly List<Problem> problems = new List<Problem>();
    private readonly Dictionary<string, (FragmentDefinitionNode Node, OperationFile File)> fragments;
    private OperationFile file = null!;
    private HashSet<string>? declaredVariables;
    private string? operationName;

    public OperationValidator(SchemaModel schema, Dictionary<string, (FragmentDefinitionNode Node, OperationFile File)> fragments)
    {
        this.schema = schema;
        this.fragments = fragments;
    }

    public static List<Problem> Validate(SchemaModel schema, IReadOnlyList<OperationFile> files, out Dictionary<string, (FragmentDefinitionNode Node, OperationFile File)> fragments)
    {
        fragments = new Dictionary<string, (FragmentDefinitionNode, OperationFile)>(StringComparer.Ordinal);
        var validator = new OperationValidator(schema, fragments);
        var operations = new Dictionary<string, OperationDefinitionNode>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            validator.file = f;
            foreach (var definition in f.Document.Definitions)
            {
                switch (definition)
                {
                    case FragmentDefinitionNode fragment:
                        if (fragments.ContainsKey(fragment.Name.Value))
                        {
                            validator.Report(Diagnostics.DuplicateName, $"There can be only one fragment named \"{fragment.Name.Value}\".", fragment.Name);
                        }
                        else
                        {
                            fragments[fragment.Name.Value] = (fragment, f);
                        }

                        break;
                    case OperationDefinitionNode operation when operation.Name is not null:
                        if (operations.ContainsKey(operation.Name.Value))
                        {
                            validator.Report(Diagnostics.DuplicateName, $"There can be only one operation named \"{operation.Name.Value}\".", operation.Name);
                        }
                        else
                        {
                            operations[operation.Name.Value] = operation;
                        }

                        break;
                    case OperationDefinitionNode operation:
                        validator.Report(Diagnostics.AnonymousOperation, "Operations of a generated client must have a name, e.g. \"query GetPatients { ... }\".", operation, operation.SelectionSet.Location?.Start);
                        break;
                    case ExecutableDefinitionNode:
                        break;
                    default:
                        validator.Report(Diagnostics.UnsupportedDefinition, "Operation files may only hold operations and fragments; type definitions belong in schema.graphql.", definition);
                        break;
                }
            }
        }

        foreach (var f in files)
        {
            validator.file = f;
            foreach (var definition in f.Document.Definitions)
            {
                if (definition is OperationDefinitionNode operation)
                {
                    validator.ValidateOperation(operation);
                }
                else if (definition is FragmentDefinitionNode fragment && fragments.TryGetValue(fragment.Name.Value, out var known) && known.Node == fragment)
                {
                    validator.ValidateFragment(fragment);
                }
            }
        }

        return validator.problems
            .GroupBy(p => (p.Descriptor.Id, p.FilePath, p.Start, p.Message))
            .Select(g => g.First())
            .ToList();
    }

    private void ValidateOperation(OperationDefinitionNode operation)
    {
        operationName = operation.Name?.Value;
        var rootName = schema.RootTypeName(operation.Operation);
        var root = rootName is null ? null : schema.Find(rootName);
        declaredVariables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in operation.VariableDefinitions)
        {
            declaredVariables.Add(variable.Variable.Name.Value);
            var typeName = SchemaModel.NamedType(variable.Type);
            var type = schema.Find(typeName);
            if (type is null)
            {
                Report(Diagnostics.InvalidVariableType, $"Unknown type \"{typeName}\" of variable \"${variable.Variable.Name.Value}\".", variable.Type);
            }
            else if (!type.IsInput)
            {
                Report(Diagnostics.InvalidVariableType, $"Variable \"${variable.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(variable.Type)}\".", variable.Type);
            }
        }

        if (root is null)
        {
            Report(Diagnostics.SchemaError, $"Schema is not configured to execute {operation.Operation.ToKeyword()} operation.", operation, operation.SelectionSet.Location?.Start);
        }
        else
        {
            ValidateSelectionSet(operation.SelectionSet, root, new HashSet<string>(StringComparer.Ordinal));
        }

        declaredVariables = null;
        operationName = null;
    }

    private void ValidateFragment(FragmentDefinitionNode fragment)
    {
        var typeName = fragment.TypeCondition.Name.Value;
        var type = schema.Find(typeName);
        if (type is null)
        {
            Report(Diagnostics.UnknownType, $"Unknown type \"{typeName}\".", fragment.TypeCondition);
            return;
        }

        if (!type.IsComposite)
        {
            Report(Diagnostics.FragmentTypeMismatch, $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{typeName}\".", fragment.TypeCondition);
            return;
        }

        ValidateSelectionSet(fragment.SelectionSet, type, new HashSet<string>(StringComparer.Ordinal) { fragment.Name.Value });
    }

    private void ValidateSelectionSet(SelectionSetNode set, TypeDef parent, HashSet<string> fragmentPath)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var selection in set.Selections)
        {
            ValidateDirectives(selection.Directives);
            switch (selection)
            {
                case FieldNode field:
                    ValidateField(field, parent, fragmentPath);
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (seen.TryGetValue(responseName, out var other) && other != field.Name.Value)
                    {
                        Report(Diagnostics.FieldConflict, $"Fields \"{responseName}\" conflict because \"{other}\" and \"{field.Name.Value}\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", field, field.Name.Location?.End);
                    }
                    else
                    {
                        seen[responseName] = field.Name.Value;
                    }

                    break;
                case InlineFragmentNode inline:
                    var target = parent;
                    if (inline.TypeCondition is not null)
                    {
                        var conditionName = inline.TypeCondition.Name.Value;
                        var condition = schema.Find(conditionName);
                        if (condition is null)
                        {
                            Report(Diagnostics.UnknownType, $"Unknown type \"{conditionName}\".", inline.TypeCondition);
                            break;
                        }

                        if (!condition.IsComposite)
                        {
                            Report(Diagnostics.FragmentTypeMismatch, $"Fragment cannot condition on non composite type \"{conditionName}\".", inline.TypeCondition);
                            break;
                        }

                        if (!schema.Overlaps(parent, condition))
                        {
                            Report(Diagnostics.FragmentTypeMismatch, $"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{conditionName}\".", inline, inline.TypeCondition.Location?.End);
                            break;
                        }

                        target = condition;
                    }

                    ValidateSelectionSet(inline.SelectionSet, target, fragmentPath);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!fragments.TryGetValue(name, out var fragment))
                    {
                        Report(Diagnostics.UnknownFragment, $"Unknown fragment \"{name}\".", spread, spread.Name.Location?.End);
                        break;
                    }

                    if (fragmentPath.Contains(name))
                    {
                        Report(Diagnostics.FragmentCycle, $"Cannot spread fragment \"{name}\" within itself.", spread, spread.Name.Location?.End);
                        break;
                    }

                    var fragmentType = schema.Find(fragment.Node.TypeCondition.Name.Value);
                    if (fragmentType is null || !fragmentType.IsComposite)
                    {
                        break; // Reported at the fragment.
                    }

                    if (!schema.Overlaps(parent, fragmentType))
                    {
                        Report(Diagnostics.FragmentTypeMismatch, $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragmentType.Name}\".", spread, spread.Name.Location?.End);
                        break;
                    }

                    // Follow the fragment for cycles and variables only; its own body is validated once, at its definition.
                    fragmentPath.Add(name);
                    CheckSpreadBody(fragment.Node.SelectionSet, fragmentPath);
                    fragmentPath.Remove(name);
                    break;
            }
        }
    }

    private void CheckSpreadBody(SelectionSetNode set, HashSet<string> fragmentPath)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode { SelectionSet: { } child }:
                    CheckSpreadBody(child, fragmentPath);
                    break;
                case InlineFragmentNode inline:
                    CheckSpreadBody(inline.SelectionSet, fragmentPath);
                    break;
                case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                    if (fragmentPath.Contains(spread.Name.Value))
                    {
                        var saved = file;
                        file = fragment.File;
                        Report(Diagnostics.FragmentCycle, $"Cannot spread fragment \"{spread.Name.Value}\" within itself.", spread, spread.Name.Location?.End);
                        file = saved;
                        break;
                    }

                    fragmentPath.Add(spread.Name.Value);
                    CheckSpreadBody(fragment.Node.SelectionSet, fragmentPath);
                    fragmentPath.Remove(spread.Name.Value);
                    break;
            }
        }
    }

    private void ValidateField(FieldNode field, TypeDef parent, HashSet<string> fragmentPath)
    {
        var name = field.Name.Value;
        var definition = schema.FindField(parent, name);
        if (definition is null)
        {
            Report(Diagnostics.UnknownField, $"Cannot query field \"{name}\" on type \"{parent.Name}\".", field, field.Name.Location?.End);
            return;
        }

        foreach (var argument in field.Arguments)
        {
            if (!definition.Arguments.Any(a => a.Name.Value == argument.Name.Value))
            {
                Report(Diagnostics.UnknownArgument, $"Unknown argument \"{argument.Name.Value}\" on field \"{parent.Name}.{name}\".", argument, argument.Name.Location?.End);
            }

            ValidateValue(argument.Value);
        }

        foreach (var argument in definition.Arguments)
        {
            if (argument.Type is NonNullTypeNode && argument.DefaultValue is null && !field.Arguments.Any(a => a.Name.Value == argument.Name.Value))
            {
                Report(Diagnostics.MissingArgument, $"Field \"{name}\" argument \"{argument.Name.Value}\" of type \"{Printer.Print(argument.Type)}\" is required, but it was not provided.", field, field.Name.Location?.End);
            }
        }

        var typeName = SchemaModel.NamedType(definition.Type);
        var type = schema.Find(typeName);
        if (type is null)
        {
            Report(Diagnostics.SchemaError, $"The schema has no type \"{typeName}\" (the type of \"{parent.Name}.{name}\").", field, field.Name.Location?.End);
            return;
        }

        if (type.IsLeaf && field.SelectionSet is not null)
        {
            Report(Diagnostics.LeafWithSelection, $"Field \"{name}\" must not have a selection since type \"{Printer.Print(definition.Type)}\" has no subfields.", field, field.Name.Location?.End);
        }
        else if (type.IsComposite && field.SelectionSet is null)
        {
            Report(Diagnostics.MissingSelection, $"Field \"{name}\" of type \"{Printer.Print(definition.Type)}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field, field.Name.Location?.End);
        }
        else if (type.IsComposite && field.SelectionSet is not null)
        {
            ValidateSelectionSet(field.SelectionSet, type, fragmentPath);
        }
    }

    private void ValidateDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            foreach (var argument in directive.Arguments)
            {
                ValidateValue(argument.Value);
            }
        }
    }

    private void ValidateValue(ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable when declaredVariables is not null && !declaredVariables.Contains(variable.Name.Value):
                Report(Diagnostics.UndefinedVariable, $"Variable \"${variable.Name.Value}\" is not defined by operation \"{operationName}\".", variable);
                break;
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    ValidateValue(item);
                }

                break;
            case ObjectValueNode obj:
                foreach (var item in obj.Fields)
                {
                    ValidateValue(item.Value);
                }

                break;
        }
    }

    private void Report(DiagnosticDescriptor descriptor, string message, SyntaxNode node, int? end = null)
    {
        var location = node.Location;
        var start = location?.Start ?? 0;
        problems.Add(new Problem(descriptor, message, file.Path, start, end ?? location?.End ?? start));
    }
}
