using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>
/// Walks the executable definitions of a document once, in source order, keeping the type information current
/// and calling every rule for each node (graphql-js's visitInParallel with visitWithTypeInfo). Type system
/// definitions are only looked at by ExecutableDefinitions. Values are not walked: the few rules that look into
/// them recurse from the argument or default value, which saves a visit per literal for the others.
/// </summary>
internal sealed class RuleWalker(ValidationContext context, ValidationRule[] rules)
{
    private readonly TypeInfo typeInfo = context.TypeInfo;

    public void WalkDocument(DocumentNode document)
    {
        foreach (var rule in rules)
        {
            rule.EnterDocument(context, document);
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    WalkOperation(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragmentDefinition(fragment);
                    break;
            }
        }

        foreach (var rule in rules)
        {
            rule.LeaveDocument(context, document);
        }
    }

    private void WalkOperation(OperationDefinitionNode node)
    {
        typeInfo.EnterOperation(node);
        foreach (var rule in rules)
        {
            rule.EnterOperation(context, node);
        }

        foreach (var variable in node.VariableDefinitions)
        {
            WalkVariableDefinition(variable);
        }

        var location = node.Operation switch
        {
            OperationType.Mutation => DirectiveLocation.Mutation,
            OperationType.Subscription => DirectiveLocation.Subscription,
            _ => DirectiveLocation.Query,
        };
        WalkDirectives(node.Directives, location);
        WalkSelectionSet(node.SelectionSet, node);
        foreach (var rule in rules)
        {
            rule.LeaveOperation(context, node);
        }

        typeInfo.LeaveOperation();
    }

    private void WalkVariableDefinition(VariableDefinitionNode node)
    {
        typeInfo.EnterVariableDefinition(node);
        foreach (var rule in rules)
        {
            rule.EnterVariableDefinition(context, node);
        }

        WalkType(node.Type);
        WalkDirectives(node.Directives, DirectiveLocation.VariableDefinition);
        typeInfo.LeaveVariableDefinition();
    }

    private void WalkType(TypeNode node)
    {
        switch (node)
        {
            case NonNullTypeNode nonNull:
                WalkType(nonNull.Type);
                break;
            case ListTypeNode list:
                WalkType(list.Type);
                break;
            case NamedTypeNode named:
                foreach (var rule in rules)
                {
                    rule.EnterNamedType(context, named);
                }

                break;
        }
    }

    private void WalkSelectionSet(SelectionSetNode node, SyntaxNode parent)
    {
        // Deep nesting must fail with an exception, not take the process down with a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        typeInfo.EnterSelectionSet();
        foreach (var rule in rules)
        {
            rule.EnterSelectionSet(context, node, parent);
        }

        foreach (var selection in node.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    WalkFragmentSpread(spread);
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
            }
        }

        typeInfo.LeaveSelectionSet();
    }

    private void WalkField(FieldNode node)
    {
        typeInfo.EnterField(node);
        foreach (var rule in rules)
        {
            rule.EnterField(context, node);
        }

        foreach (var argument in node.Arguments)
        {
            WalkArgument(argument);
        }

        WalkDirectives(node.Directives, DirectiveLocation.Field);
        if (node.SelectionSet is not null)
        {
            WalkSelectionSet(node.SelectionSet, node);
        }

        foreach (var rule in rules)
        {
            rule.LeaveField(context, node);
        }

        typeInfo.LeaveField();
    }

    private void WalkArgument(ArgumentNode node)
    {
        typeInfo.EnterArgument(node);
        foreach (var rule in rules)
        {
            rule.EnterArgument(context, node);
        }

        typeInfo.LeaveArgument();
    }

    private void WalkFragmentSpread(FragmentSpreadNode node)
    {
        foreach (var rule in rules)
        {
            rule.EnterFragmentSpread(context, node);
        }

        WalkDirectives(node.Directives, DirectiveLocation.FragmentSpread);
    }

    private void WalkInlineFragment(InlineFragmentNode node)
    {
        typeInfo.EnterFragment(node.TypeCondition);
        foreach (var rule in rules)
        {
            rule.EnterInlineFragment(context, node);
        }

        if (node.TypeCondition is not null)
        {
            WalkType(node.TypeCondition);
        }

        WalkDirectives(node.Directives, DirectiveLocation.InlineFragment);
        WalkSelectionSet(node.SelectionSet, node);
        typeInfo.LeaveFragment();
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode node)
    {
        typeInfo.EnterFragment(node.TypeCondition);
        foreach (var rule in rules)
        {
            rule.EnterFragmentDefinition(context, node);
        }

        foreach (var variable in node.VariableDefinitions)
        {
            WalkVariableDefinition(variable);
        }

        WalkType(node.TypeCondition);
        WalkDirectives(node.Directives, DirectiveLocation.FragmentDefinition);
        WalkSelectionSet(node.SelectionSet, node);
        typeInfo.LeaveFragment();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        foreach (var directive in directives)
        {
            typeInfo.EnterDirective(directive);
            foreach (var rule in rules)
            {
                rule.EnterDirective(context, directive, location);
            }

            foreach (var argument in directive.Arguments)
            {
                WalkArgument(argument);
            }

            foreach (var rule in rules)
            {
                rule.LeaveDirective(context, directive);
            }

            typeInfo.LeaveDirective();
        }
    }
}

/// <summary>
/// Finds the variables used in one operation or fragment with the type each position expects (graphql-js's
/// getVariableUsages): a separate walk with its own type information, since a fragment's usages are needed when an
/// operation that spreads it ends, which may be before the main walk reaches the fragment.
/// </summary>
internal sealed class VariableUsageCollector
{
    private readonly TypeInfo typeInfo;
    private readonly List<VariableUsage> usages = [];

    private VariableUsageCollector(Schema schema)
    {
        typeInfo = new TypeInfo(schema);
    }

    public static List<VariableUsage> Collect(Schema schema, ExecutableDefinitionNode definition)
    {
        var collector = new VariableUsageCollector(schema);
        switch (definition)
        {
            case OperationDefinitionNode operation:
                collector.typeInfo.EnterOperation(operation);
                break;
            case FragmentDefinitionNode fragment:
                collector.typeInfo.EnterFragment(fragment.TypeCondition);
                break;
        }

        // Variable definitions are skipped: their defaults are constants, and they are not usages.
        collector.WalkDirectives(definition.Directives);
        collector.WalkSelectionSet(definition.SelectionSet);
        return collector.usages;
    }

    private void WalkSelectionSet(SelectionSetNode node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        typeInfo.EnterSelectionSet();
        foreach (var selection in node.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    typeInfo.EnterField(field);
                    WalkArguments(field.Arguments);
                    WalkDirectives(field.Directives);
                    if (field.SelectionSet is not null)
                    {
                        WalkSelectionSet(field.SelectionSet);
                    }

                    typeInfo.LeaveField();
                    break;
                case FragmentSpreadNode spread:
                    WalkDirectives(spread.Directives);
                    break;
                case InlineFragmentNode inline:
                    typeInfo.EnterFragment(inline.TypeCondition);
                    WalkDirectives(inline.Directives);
                    WalkSelectionSet(inline.SelectionSet);
                    typeInfo.LeaveFragment();
                    break;
            }
        }

        typeInfo.LeaveSelectionSet();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Arguments.Count == 0)
            {
                continue;
            }

            typeInfo.EnterDirective(directive);
            WalkArguments(directive.Arguments);
            typeInfo.LeaveDirective();
        }
    }

    private void WalkArguments(IReadOnlyList<ArgumentNode> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value is BooleanValueNode or IntValueNode or StringValueNode or EnumValueNode or NullValueNode or FloatValueNode)
            {
                // Constants hold no variables; most arguments are like that.
                continue;
            }

            typeInfo.EnterArgument(argument);
            WalkValue(argument.Value);
            typeInfo.LeaveArgument();
        }
    }

    private void WalkValue(ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
                break;
            case ListValueNode list:
                typeInfo.EnterListValue();
                foreach (var item in list.Values)
                {
                    WalkValue(item);
                }

                typeInfo.LeaveValuePosition();
                break;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    typeInfo.EnterObjectField(field);
                    WalkValue(field.Value);
                    typeInfo.LeaveValuePosition();
                }

                break;
        }
    }
}
