using System;
using System.Collections.Generic;
using System.Text;

namespace Gql.Language;

/// <summary>Block string helpers: the spec's BlockStringValue() dedent and graphql-js's block string printing.</summary>
public static class BlockString
{
    /// <summary>
    /// Applies the spec's BlockStringValue() algorithm to raw block string lines: removes the
    /// common indentation of all lines but the first, then leading and trailing blank lines.
    /// </summary>
    /// <param name="lines">The raw lines (already split on line terminators).</param>
    /// <returns>The dedented lines.</returns>
    public static IReadOnlyList<string> DedentBlockStringLines(IReadOnlyList<string> lines)
    {
        if (lines is null)
        {
            throw new ArgumentNullException(nameof(lines));
        }

        Measure(lines, out var commonIndent, out var first, out var last);
        var result = new string[Math.Max(0, last + 1 - first)];
        for (var i = first; i <= last; i++)
        {
            result[i - first] = DedentLine(lines[i], i, commonIndent);
        }

        return result;
    }

    /// <summary>Interprets raw block string text (between the triple quotes, with <c>\"""</c> already unescaped).</summary>
    /// <param name="raw">The raw text.</param>
    /// <returns>The block string value.</returns>
    public static string GetValue(string raw)
    {
        if (raw is null)
        {
            throw new ArgumentNullException(nameof(raw));
        }

        return DedentAndJoin(SplitLines(raw));
    }

    internal static string DedentAndJoin(IReadOnlyList<string> lines)
    {
        Measure(lines, out var commonIndent, out var first, out var last);
        if (last < first)
        {
            return string.Empty;
        }

        if (first == last)
        {
            return DedentLine(lines[first], first, commonIndent);
        }

        var builder = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (i != first)
            {
                builder.Append('\n');
            }

            var line = lines[i];
            if (i == 0)
            {
                builder.Append(line);
            }
            else if (commonIndent < line.Length)
            {
                builder.Append(line, commonIndent, line.Length - commonIndent);
            }
        }

        return builder.ToString();
    }

    private static string DedentLine(string line, int index, int commonIndent)
    {
        if (index == 0)
        {
            return line;
        }

        return commonIndent >= line.Length ? string.Empty : line.Substring(commonIndent);
    }

    private static void Measure(IReadOnlyList<string> lines, out int commonIndent, out int first, out int last)
    {
        commonIndent = int.MaxValue;
        first = -1;
        last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhiteSpace(line);
            if (indent == line.Length)
            {
                continue; // blank lines neither set the indent nor count as content
            }

            if (first < 0)
            {
                first = i;
            }

            last = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (first < 0)
        {
            first = 0;
        }
    }

    private static int LeadingWhiteSpace(string line)
    {
        var i = 0;
        while (i < line.Length && CharClasses.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static List<string> SplitLines(string value)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n' || c == '\r')
            {
                lines.Add(value.Substring(start, i - start));
                if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(value.Substring(start));
        return lines;
    }

    /// <summary>
    /// Whether <paramref name="value"/> survives a round trip through a block string unchanged
    /// (no control characters, no leading/trailing blank lines, no common indentation).
    /// </summary>
    /// <param name="value">The string value.</param>
    /// <returns>True when it can be printed as a block string.</returns>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;

        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\u0000':
                case '\u0001':
                case '\u0002':
                case '\u0003':
                case '\u0004':
                case '\u0005':
                case '\u0006':
                case '\u0007':
                case '\u0008':
                case '\u000B':
                case '\u000C':
                case '\u000E':
                case '\u000F':
                    return false;
                case '\r':
                    return false; // \r would be normalised to \n when read back
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false; // leading blank line would be stripped
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent = hasIndent || isEmptyLine;
                    break;
                default:
                    hasCommonIndent = hasCommonIndent && hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        if (isEmptyLine)
        {
            return false; // trailing blank line would be stripped
        }

        if (hasCommonIndent && seenNonEmptyLine)
        {
            return false; // common indentation would be stripped
        }

        return true;
    }

    /// <summary>Prints a string as a block string literal exactly like graphql-js <c>printBlockString</c>.</summary>
    /// <param name="value">The string value.</param>
    /// <param name="minimize">When true, avoids the optional leading and trailing newlines.</param>
    /// <returns>The block string literal, including the triple quotes.</returns>
    public static string Print(string value, bool minimize = false)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = SplitLines(escaped);
        var isSingleLine = lines.Count == 1;

        // If every line after the first is empty or indented, the first line must move down,
        // otherwise the dedent would strip indentation the value really has.
        var forceLeadingNewLine = lines.Count > 1;
        for (var i = 1; i < lines.Count && forceLeadingNewLine; i++)
        {
            var line = lines[i];
            forceLeadingNewLine = line.Length == 0 || CharClasses.IsWhiteSpace(line[0]);
        }

        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith("\"", StringComparison.Ordinal) && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith("\\", StringComparison.Ordinal);
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;

        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);

        var skipLeadingNewLine = isSingleLine && value.Length > 0 && CharClasses.IsWhiteSpace(value[0]);

        var builder = new StringBuilder(escaped.Length + 8);
        builder.Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append("\"\"\"");
        return builder.ToString();
    }
}
