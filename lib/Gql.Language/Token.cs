namespace Gql.Language;

/// <summary>A lexical token: its kind, source range, 1-based start line/column and, for
/// names, numbers, strings and comments, its value.</summary>
public readonly struct Token
{
    /// <summary>Creates a token.</summary>
    /// <param name="kind">The token kind.</param>
    /// <param name="start">Offset of the first character.</param>
    /// <param name="end">Offset just past the last character.</param>
    /// <param name="line">1-based line of the first character.</param>
    /// <param name="column">1-based column of the first character.</param>
    /// <param name="value">The token's value, or null for punctuators and SOF/EOF.</param>
    public Token(TokenKind kind, int start, int end, int line, int column, string? value)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = line;
        Column = column;
        Value = value;
    }

    /// <summary>The token kind.</summary>
    public TokenKind Kind { get; }

    /// <summary>Offset of the first character in the source.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character in the source.</summary>
    public int End { get; }

    /// <summary>1-based line of the first character.</summary>
    public int Line { get; }

    /// <summary>1-based column (in UTF-16 code units) of the first character.</summary>
    public int Column { get; }

    /// <summary>For names, numbers and comments the raw text; for strings the interpreted
    /// value (escapes resolved, block strings dedented); otherwise null.</summary>
    public string? Value { get; }

    /// <summary>The description graphql-js uses in error messages, e.g. <c>Name "foo"</c> or <c>"{"</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var kindText = Kind.IsPunctuator() ? "\"" + Kind.GetDisplayText() + "\"" : Kind.GetDisplayText();
        return Value is null ? kindText : kindText + " \"" + Value + "\"";
    }

    /// <inheritdoc />
    public override string ToString()
    {
        return Describe() + " at " + Line + ":" + Column;
    }
}
