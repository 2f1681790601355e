using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Gql.Language;
using Gql.Language.Ast;

namespace Gql.Language.Tests;

/// <summary>Assertion helpers shared by the test classes.</summary>
internal static class TestSupport
{
    public static GraphQLSyntaxException AssertSyntaxError(Action action, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(action);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        return error;
    }

    public static void AssertParseError(string source, string message, int line, int column)
    {
        AssertSyntaxError(() => Parser.Parse(source), message, line, column);
    }

    /// <summary>
    /// A canonical text form of a tree: kind plus every non-empty property, sorted by name.
    /// Two trees are structurally equal when their dumps are; locations are optional.
    /// </summary>
    public static string Dump(SyntaxNode? node, bool includeLocations = false)
    {
        var builder = new StringBuilder();
        Write(builder, node, includeLocations);
        return builder.ToString();
    }

    public static void AssertStructurallyEqual(SyntaxNode expected, SyntaxNode actual)
    {
        Assert.Equal(Dump(expected), Dump(actual));
    }

    private static void Write(StringBuilder builder, object? value, bool includeLocations)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                builder.Append('"');
                foreach (var c in text)
                {
                    if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\')
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                }

                builder.Append('"');
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case OperationType operation:
                builder.Append(operation.ToKeyword());
                return;
            case SyntaxNode node:
                var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
                foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name is "Kind" or "Location")
                    {
                        continue;
                    }

                    var propertyValue = property.GetValue(node);
                    if (propertyValue is null || (propertyValue is IList list && list.Count == 0))
                    {
                        continue;
                    }

                    properties[property.Name] = propertyValue;
                }

                builder.Append(node.Kind).Append('{');
                if (includeLocations && node.Location is Location location)
                {
                    builder.Append("@").Append(location.Start).Append('-').Append(location.End)
                        .Append(' ').Append(location.Line).Append(':').Append(location.Column).Append(';');
                }

                var first = true;
                foreach (var pair in properties)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(pair.Key).Append('=');
                    Write(builder, pair.Value, includeLocations);
                }

                builder.Append('}');
                return;
            case IEnumerable items:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }

                    firstItem = false;
                    Write(builder, item, includeLocations);
                }

                builder.Append(']');
                return;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }
}
