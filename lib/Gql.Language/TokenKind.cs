namespace Gql.Language;

/// <summary>The kinds of lexical token produced by <see cref="Lexer"/>.</summary>
public enum TokenKind
{
    /// <summary>Start of file; the lexer's initial token, never read from the source.</summary>
    StartOfFile,

    /// <summary>End of file.</summary>
    EndOfFile,

    /// <summary><c>!</c></summary>
    Bang,

    /// <summary><c>$</c></summary>
    Dollar,

    /// <summary><c>&amp;</c></summary>
    Amp,

    /// <summary><c>(</c></summary>
    ParenLeft,

    /// <summary><c>)</c></summary>
    ParenRight,

    /// <summary><c>.</c>; only produced when lexing schema coordinates.</summary>
    Dot,

    /// <summary><c>...</c></summary>
    Spread,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    EqualsSign,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>[</c></summary>
    BracketLeft,

    /// <summary><c>]</c></summary>
    BracketRight,

    /// <summary><c>{</c></summary>
    BraceLeft,

    /// <summary><c>|</c></summary>
    Pipe,

    /// <summary><c>}</c></summary>
    BraceRight,

    /// <summary>A name such as <c>field</c> or <c>query</c>.</summary>
    Name,

    /// <summary>An integer literal.</summary>
    Int,

    /// <summary>A float literal.</summary>
    Float,

    /// <summary>A quoted string literal.</summary>
    String,

    /// <summary>A triple-quoted block string literal.</summary>
    BlockString,

    /// <summary>A <c>#</c> comment.</summary>
    Comment,
}

/// <summary>Helpers for describing token kinds in messages.</summary>
public static class TokenKindExtensions
{
    /// <summary>Returns true for the punctuator kinds (<c>!</c>, <c>$</c>, <c>{</c>, ...).</summary>
    /// <param name="kind">The token kind.</param>
    /// <returns>Whether the kind is a punctuator.</returns>
    public static bool IsPunctuator(this TokenKind kind)
    {
        return kind >= TokenKind.Bang && kind <= TokenKind.BraceRight;
    }

    /// <summary>The display text graphql-js uses for a token kind, e.g. <c>&lt;EOF&gt;</c>, <c>Name</c> or <c>{</c>.</summary>
    /// <param name="kind">The token kind.</param>
    /// <returns>The display text.</returns>
    public static string GetDisplayText(this TokenKind kind)
    {
        return kind switch
        {
            TokenKind.StartOfFile => "<SOF>",
            TokenKind.EndOfFile => "<EOF>",
            TokenKind.Bang => "!",
            TokenKind.Dollar => "$",
            TokenKind.Amp => "&",
            TokenKind.ParenLeft => "(",
            TokenKind.ParenRight => ")",
            TokenKind.Dot => ".",
            TokenKind.Spread => "...",
            TokenKind.Colon => ":",
            TokenKind.EqualsSign => "=",
            TokenKind.At => "@",
            TokenKind.BracketLeft => "[",
            TokenKind.BracketRight => "]",
            TokenKind.BraceLeft => "{",
            TokenKind.Pipe => "|",
            TokenKind.BraceRight => "}",
            TokenKind.Name => "Name",
            TokenKind.Int => "Int",
            TokenKind.Float => "Float",
            TokenKind.String => "String",
            TokenKind.BlockString => "BlockString",
            TokenKind.Comment => "Comment",
            _ => kind.ToString(),
        };
    }
}
