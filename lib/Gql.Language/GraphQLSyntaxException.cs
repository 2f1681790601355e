using System;

namespace Gql.Language;

/// <summary>Thrown by the lexer and parser for source text that is not valid GraphQL.</summary>
/// <remarks>The message matches graphql-js (<c>Syntax Error: Expected Name, found &lt;EOF&gt;.</c>)
/// so clients see the same errors whichever server implementation they talk to.</remarks>
public sealed class GraphQLSyntaxException : Exception
{
    /// <summary>Creates the exception for an error at <paramref name="position"/> in <paramref name="source"/>.</summary>
    /// <param name="source">The full source text, used to compute line and column.</param>
    /// <param name="position">Offset of the error.</param>
    /// <param name="description">The error description without the "Syntax Error: " prefix.</param>
    public GraphQLSyntaxException(string source, int position, string description)
        : base("Syntax Error: " + description)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        Description = description;
        Position = position;
        var (line, column) = GetLineAndColumn(source, position);
        Line = line;
        Column = column;
    }

    /// <summary>The error description without the "Syntax Error: " prefix.</summary>
    public string Description { get; }

    /// <summary>Offset of the error in the source.</summary>
    public int Position { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-16 code units) of the error.</summary>
    public int Column { get; }

    /// <summary>Computes the 1-based line and column of an offset, treating \n, \r\n and \r as line terminators.</summary>
    /// <param name="source">The source text.</param>
    /// <param name="position">The offset.</param>
    /// <returns>The line and column.</returns>
    public static (int Line, int Column) GetLineAndColumn(string source, int position)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        // Mirrors graphql-js getLocation: a terminator counts when it starts before the position.
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return (line, position + 1 - lineStart);
    }
}
