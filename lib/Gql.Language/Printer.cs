using System;
using System.Collections.Generic;
using System.Text;
using Gql.Language.Ast;

namespace Gql.Language;

/// <summary>Prints syntax trees back to GraphQL source, formatted exactly like graphql-js <c>print</c>.</summary>
public static class Printer
{
    // graphql-js wraps field arguments onto separate lines past this length.
    private const int MaxLineLength = 80;

    /// <summary>Prints a node (typically a <see cref="DocumentNode"/>) as GraphQL source.</summary>
    /// <param name="node">The node to print.</param>
    /// <returns>The source text.</returns>
    public static string Print(SyntaxNode node)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        var writer = new Writer();
        writer.Node(node);
        return writer.ToString();
    }

    /// <summary>Prints a string as a quoted GraphQL string literal, escaping like graphql-js <c>printString</c>.</summary>
    /// <param name="value">The string value.</param>
    /// <returns>The quoted literal.</returns>
    public static string PrintString(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var builder = new StringBuilder(value.Length + 2);
        AppendQuotedString(builder, value);
        return builder.ToString();
    }

    private static void AppendQuotedString(StringBuilder builder, string value)
    {
        builder.Append('"');
        var chunkStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = null;
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                escape = c switch
                {
                    '\b' => "\\b",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\f' => "\\f",
                    '\r' => "\\r",
                    _ => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                };
            }
            else if (c == '"')
            {
                escape = "\\\"";
            }
            else if (c == '\\')
            {
                escape = "\\\\";
            }

            if (escape is not null)
            {
                builder.Append(value, chunkStart, i - chunkStart);
                builder.Append(escape);
                chunkStart = i + 1;
            }
        }

        builder.Append(value, chunkStart, value.Length - chunkStart);
        builder.Append('"');
    }

    /// <summary>
    /// Writes nodes into one buffer. Indentation is applied as text is written: every newline
    /// is followed by the current indentation, which is how graphql-js's indent() behaves
    /// (including inside block strings).
    /// </summary>
    private sealed class Writer
    {
        private readonly StringBuilder _builder = new StringBuilder(256);
        private int _depth;

        public override string ToString()
        {
            return _builder.ToString();
        }

        private void Raw(string text)
        {
            _builder.Append(text);
        }

        private void Raw(char c)
        {
            _builder.Append(c);
        }

        private void NewLine()
        {
            _builder.Append('\n');
            _builder.Append(' ', _depth * 2);
        }

        /// <summary>Writes text that may contain newlines, indenting each following line.</summary>
        private void Text(string text)
        {
            var chunkStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _builder.Append(text, chunkStart, i - chunkStart);
                    NewLine();
                    chunkStart = i + 1;
                }
            }

            _builder.Append(text, chunkStart, text.Length - chunkStart);
        }

        private static string Render(SyntaxNode node)
        {
            var writer = new Writer();
            writer.Node(node);
            return writer.ToString();
        }

        private static string[] RenderAll<T>(IReadOnlyList<T> nodes, out bool anyMultiline, out int joinedLength)
            where T : SyntaxNode
        {
            var result = new string[nodes.Count];
            anyMultiline = false;
            joinedLength = 0;
            for (var i = 0; i < nodes.Count; i++)
            {
                var text = Render(nodes[i]);
                result[i] = text;
                if (text.IndexOf('\n') >= 0)
                {
                    anyMultiline = true;
                }

                if (text.Length != 0)
                {
                    joinedLength += (joinedLength == 0 ? 0 : 2) + text.Length;
                }
            }

            return result;
        }

        private void Join<T>(IReadOnlyList<T> nodes, string separator)
            where T : SyntaxNode
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                if (i != 0)
                {
                    Raw(separator);
                }

                Node(nodes[i]);
            }
        }

        /// <summary><c>{</c>, one indented item per line, <c>}</c>; nothing at all for an empty list.</summary>
        private void Block<T>(IReadOnlyList<T> nodes)
            where T : SyntaxNode
        {
            if (nodes.Count == 0)
            {
                return;
            }

            Raw('{');
            _depth++;
            for (var i = 0; i < nodes.Count; i++)
            {
                NewLine();
                Node(nodes[i]);
            }

            _depth--;
            NewLine();
            Raw('}');
        }

        private void SpaceThenBlock<T>(IReadOnlyList<T> nodes)
            where T : SyntaxNode
        {
            if (nodes.Count != 0)
            {
                Raw(' ');
                Block(nodes);
            }
        }

        private void SpaceThenDirectives(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count != 0)
            {
                Raw(' ');
                Join(directives, " ");
            }
        }

        private void Description(StringValueNode? description)
        {
            if (description is not null)
            {
                Node(description);
                NewLine();
            }
        }

        /// <summary>Argument definitions: one line, or one per line when any of them spans lines.</summary>
        private void ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
        {
            if (arguments.Count == 0)
            {
                return;
            }

            var rendered = RenderAll(arguments, out var anyMultiline, out _);
            if (anyMultiline)
            {
                Raw('(');
                _depth++;
                foreach (var text in rendered)
                {
                    NewLine();
                    Text(text);
                }

                _depth--;
                NewLine();
                Raw(')');
            }
            else
            {
                Raw('(');
                Raw(string.Join(", ", rendered));
                Raw(')');
            }
        }

        private void Implements(IReadOnlyList<NamedTypeNode> interfaces)
        {
            if (interfaces.Count != 0)
            {
                Raw(" implements ");
                Join(interfaces, " & ");
            }
        }

        public void Node(SyntaxNode node)
        {
            // Hand-built trees have no parser depth limit; fail catchably instead of overflowing.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (node)
            {
                case NameNode n:
                    Raw(n.Value);
                    break;
                case VariableNode n:
                    Raw('$');
                    Raw(n.Name.Value);
                    break;
                case DocumentNode n:
                    Join(n.Definitions, "\n\n");
                    break;
                case OperationDefinitionNode n:
                    OperationDefinition(n);
                    break;
                case VariableDefinitionNode n:
                    Description(n.Description);
                    Node(n.Variable);
                    Raw(": ");
                    Node(n.Type);
                    if (n.DefaultValue is not null)
                    {
                        Raw(" = ");
                        Node(n.DefaultValue);
                    }

                    SpaceThenDirectives(n.Directives);
                    break;
                case SelectionSetNode n:
                    Block(n.Selections);
                    break;
                case FieldNode n:
                    Field(n);
                    break;
                case ArgumentNode n:
                    Node(n.Name);
                    Raw(": ");
                    Node(n.Value);
                    break;
                case FragmentSpreadNode n:
                    Raw("...");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    break;
                case InlineFragmentNode n:
                    Raw("...");
                    if (n.TypeCondition is not null)
                    {
                        Raw(" on ");
                        Node(n.TypeCondition);
                    }

                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.SelectionSet.Selections);
                    break;
                case FragmentDefinitionNode n:
                    Description(n.Description);
                    Raw("fragment ");
                    Node(n.Name);
                    if (n.VariableDefinitions.Count != 0)
                    {
                        Raw('(');
                        Join(n.VariableDefinitions, ", ");
                        Raw(')');
                    }

                    Raw(" on ");
                    Node(n.TypeCondition);
                    Raw(' ');
                    if (n.Directives.Count != 0)
                    {
                        Join(n.Directives, " ");
                        Raw(' ');
                    }

                    Node(n.SelectionSet);
                    break;
                case IntValueNode n:
                    Raw(n.Value);
                    break;
                case FloatValueNode n:
                    Raw(n.Value);
                    break;
                case StringValueNode n:
                    if (n.Block)
                    {
                        Text(BlockString.Print(n.Value));
                    }
                    else
                    {
                        AppendQuotedString(_builder, n.Value);
                    }

                    break;
                case BooleanValueNode n:
                    Raw(n.Value ? "true" : "false");
                    break;
                case NullValueNode:
                    Raw("null");
                    break;
                case EnumValueNode n:
                    Raw(n.Value);
                    break;
                case ListValueNode n:
                    Raw('[');
                    Join(n.Values, ", ");
                    Raw(']');
                    break;
                case ObjectValueNode n:
                    Raw('{');
                    Join(n.Fields, ", ");
                    Raw('}');
                    break;
                case ObjectFieldNode n:
                    Node(n.Name);
                    Raw(": ");
                    Node(n.Value);
                    break;
                case DirectiveNode n:
                    Raw('@');
                    Node(n.Name);
                    if (n.Arguments.Count != 0)
                    {
                        Raw('(');
                        Join(n.Arguments, ", ");
                        Raw(')');
                    }

                    break;
                case NamedTypeNode n:
                    Node(n.Name);
                    break;
                case ListTypeNode n:
                    Raw('[');
                    Node(n.Type);
                    Raw(']');
                    break;
                case NonNullTypeNode n:
                    Node(n.Type);
                    Raw('!');
                    break;
                default:
                    TypeSystemNode(node);
                    break;
            }
        }

        private void TypeSystemNode(SyntaxNode node)
        {
            switch (node)
            {
                case SchemaDefinitionNode n:
                    Description(n.Description);
                    Raw("schema");
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.OperationTypes);
                    break;
                case OperationTypeDefinitionNode n:
                    Raw(n.Operation.ToKeyword());
                    Raw(": ");
                    Node(n.Type);
                    break;
                case ScalarTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("scalar ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    break;
                case ObjectTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("type ");
                    Node(n.Name);
                    Implements(n.Interfaces);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case FieldDefinitionNode n:
                    Description(n.Description);
                    Node(n.Name);
                    ArgumentDefinitions(n.Arguments);
                    Raw(": ");
                    Node(n.Type);
                    SpaceThenDirectives(n.Directives);
                    break;
                case InputValueDefinitionNode n:
                    Description(n.Description);
                    Node(n.Name);
                    Raw(": ");
                    Node(n.Type);
                    if (n.DefaultValue is not null)
                    {
                        Raw(" = ");
                        Node(n.DefaultValue);
                    }

                    SpaceThenDirectives(n.Directives);
                    break;
                case InterfaceTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("interface ");
                    Node(n.Name);
                    Implements(n.Interfaces);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case UnionTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("union ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    UnionMembers(n.Types);
                    break;
                case EnumTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("enum ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Values);
                    break;
                case EnumValueDefinitionNode n:
                    Description(n.Description);
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    break;
                case InputObjectTypeDefinitionNode n:
                    Description(n.Description);
                    Raw("input ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case DirectiveDefinitionNode n:
                    Description(n.Description);
                    Raw("directive @");
                    Node(n.Name);
                    ArgumentDefinitions(n.Arguments);
                    if (n.Repeatable)
                    {
                        Raw(" repeatable");
                    }

                    Raw(" on ");
                    Join(n.Locations, " | ");
                    break;
                case SchemaExtensionNode n:
                    Raw("extend schema");
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.OperationTypes);
                    break;
                case ScalarTypeExtensionNode n:
                    Raw("extend scalar ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    break;
                case ObjectTypeExtensionNode n:
                    Raw("extend type ");
                    Node(n.Name);
                    Implements(n.Interfaces);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case InterfaceTypeExtensionNode n:
                    Raw("extend interface ");
                    Node(n.Name);
                    Implements(n.Interfaces);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case UnionTypeExtensionNode n:
                    Raw("extend union ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    UnionMembers(n.Types);
                    break;
                case EnumTypeExtensionNode n:
                    Raw("extend enum ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Values);
                    break;
                case InputObjectTypeExtensionNode n:
                    Raw("extend input ");
                    Node(n.Name);
                    SpaceThenDirectives(n.Directives);
                    SpaceThenBlock(n.Fields);
                    break;
                case TypeCoordinateNode n:
                    Node(n.Name);
                    break;
                case MemberCoordinateNode n:
                    Node(n.Name);
                    Raw('.');
                    Node(n.MemberName);
                    break;
                case ArgumentCoordinateNode n:
                    Node(n.Name);
                    Raw('.');
                    Node(n.FieldName);
                    Raw('(');
                    Node(n.ArgumentName);
                    Raw(":)");
                    break;
                case DirectiveCoordinateNode n:
                    Raw('@');
                    Node(n.Name);
                    break;
                case DirectiveArgumentCoordinateNode n:
                    Raw('@');
                    Node(n.Name);
                    Raw('(');
                    Node(n.ArgumentName);
                    Raw(":)");
                    break;
                default:
                    throw new ArgumentException("Unknown syntax node: " + node.GetType().Name, nameof(node));
            }
        }

        private void UnionMembers(IReadOnlyList<NamedTypeNode> types)
        {
            if (types.Count != 0)
            {
                Raw(" = ");
                Join(types, " | ");
            }
        }

        private void OperationDefinition(OperationDefinitionNode n)
        {
            // Anonymous queries without description, variables or directives use the shorthand.
            if (n.Operation == OperationType.Query
                && n.Description is null
                && n.Name is null
                && n.VariableDefinitions.Count == 0
                && n.Directives.Count == 0)
            {
                Node(n.SelectionSet);
                return;
            }

            Description(n.Description);
            Raw(n.Operation.ToKeyword());
            if (n.Name is not null || n.VariableDefinitions.Count != 0)
            {
                Raw(' ');
                if (n.Name is not null)
                {
                    Node(n.Name);
                }

                if (n.VariableDefinitions.Count != 0)
                {
                    var rendered = RenderAll(n.VariableDefinitions, out var anyMultiline, out _);

                    // graphql-js puts multi-line variable definitions one per line without indenting them.
                    if (anyMultiline)
                    {
                        Raw('(');
                        foreach (var text in rendered)
                        {
                            NewLine();
                            Text(text);
                        }

                        NewLine();
                        Raw(')');
                    }
                    else
                    {
                        Raw('(');
                        Raw(string.Join(", ", rendered));
                        Raw(')');
                    }
                }
            }

            SpaceThenDirectives(n.Directives);
            Raw(' ');
            Node(n.SelectionSet);
        }

        private void Field(FieldNode n)
        {
            var prefixLength = n.Name.Value.Length;
            if (n.Alias is not null)
            {
                Node(n.Alias);
                Raw(": ");
                prefixLength += n.Alias.Value.Length + 2;
            }

            Node(n.Name);
            if (n.Arguments.Count != 0)
            {
                var rendered = RenderAll(n.Arguments, out _, out var joinedLength);
                if (prefixLength + joinedLength + 2 > MaxLineLength)
                {
                    Raw('(');
                    _depth++;
                    foreach (var text in rendered)
                    {
                        NewLine();
                        Text(text);
                    }

                    _depth--;
                    NewLine();
                    Raw(')');
                }
                else
                {
                    Raw('(');
                    for (var i = 0; i < rendered.Length; i++)
                    {
                        if (i != 0)
                        {
                            Raw(", ");
                        }

                        Text(rendered[i]);
                    }

                    Raw(')');
                }
            }

            SpaceThenDirectives(n.Directives);
            if (n.SelectionSet is not null)
            {
                SpaceThenBlock(n.SelectionSet.Selections);
            }
        }
    }
}
