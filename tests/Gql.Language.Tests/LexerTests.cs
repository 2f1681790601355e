using Gql.Language;
using static Gql.Language.Tests.TestSupport;

namespace Gql.Language.Tests;

public sealed class LexerTests
{
    private static Token LexOne(string source)
    {
        return new Lexer(source).Advance();
    }

    private static Token LexSecond(string source)
    {
        var lexer = new Lexer(source);
        lexer.Advance();
        return lexer.Advance();
    }

    private static void AssertLexError(string source, string message, int line, int column)
    {
        AssertSyntaxError(() => LexSecond(source), message, line, column);
    }

    private static void AssertToken(Token token, TokenKind kind, int start, int end, string? value)
    {
        Assert.Equal(kind, token.Kind);
        Assert.Equal(start, token.Start);
        Assert.Equal(end, token.End);
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void Lex_StartsOnStartOfFileToken()
    {
        var lexer = new Lexer("foo");
        Assert.Equal(TokenKind.StartOfFile, lexer.Token.Kind);
        Assert.Equal(TokenKind.Name, lexer.Lookahead().Kind);
        Assert.Equal(TokenKind.StartOfFile, lexer.Token.Kind);
    }

    [Fact]
    public void Lex_UncommonControlCharacter_IsRejected()
    {
        AssertLexError("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1);
    }

    [Fact]
    public void Lex_ByteOrderMark_IsIgnored()
    {
        AssertToken(LexOne("\uFEFF foo"), TokenKind.Name, 2, 5, "foo");
    }

    [Theory]
    [InlineData("foo", 0, 1)]
    [InlineData("\nfoo", 1, 2)]
    [InlineData("\rfoo", 1, 2)]
    [InlineData("\r\nfoo", 2, 2)]
    [InlineData("\n\rfoo", 2, 3)]
    [InlineData("\r\r\n\nfoo", 4, 4)]
    [InlineData("\n\n\r\rfoo", 4, 5)]
    public void Lex_LineTerminators_AreCountedAsSpecified(string source, int start, int line)
    {
        var token = LexOne(source);
        AssertToken(token, TokenKind.Name, start, start + 3, "foo");
        Assert.Equal(line, token.Line);
        Assert.Equal(1, token.Column);
    }

    [Fact]
    public void Lex_MixedTerminators_RecordLineAndColumn()
    {
        var token = LexOne("\n \r\n \r  foo\n");
        AssertToken(token, TokenKind.Name, 8, 11, "foo");
        Assert.Equal(4, token.Line);
        Assert.Equal(3, token.Column);
    }

    [Theory]
    [InlineData("\n\n    foo\n\n\n", 6)]
    [InlineData("\t\tfoo\t\t", 2)]
    [InlineData("\n    #comment\n    foo#comment\n", 18)]
    [InlineData(",,,foo,,,", 3)]
    public void Lex_WhitespaceCommentsAndCommas_AreSkipped(string source, int start)
    {
        AssertToken(LexOne(source), TokenKind.Name, start, start + 3, "foo");
    }

    [Fact]
    public void Lex_ErrorAfterBlankLines_ReportsLineAndColumn()
    {
        AssertSyntaxError(() => LexOne("\n\n ~\n"), "Syntax Error: Unexpected character: \"~\".", 3, 2);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \0")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \0")]
    public void Lex_Strings_ResolveEscapes(string source, string expected)
    {
        AssertToken(LexOne(source), TokenKind.String, 0, source.Length, expected);
    }

    [Fact]
    public void Lex_StringsOutsideBasicPlane_KeepSurrogatePairs()
    {
        var cases = new (string Source, string Expected)[]
        {
            ("\"unescaped unicode outside BMP \U0001F600\"", "unescaped unicode outside BMP \U0001F600"),
            ("\"unescaped maximal unicode outside BMP \U0010FFFF\"", "unescaped maximal unicode outside BMP \U0010FFFF"),
            ("\"escape outside BMP \\u{1F600}\"", "escape outside BMP \U0001F600"),
            ("\"maximal escape \\u{10FFFF}\"", "maximal escape \U0010FFFF"),
            ("\"surrogate pair escape \\uD83D\\uDE00\"", "surrogate pair escape \U0001F600"),
            ("\"minimal surrogate pair escape \\uD800\\uDC00\"", "minimal surrogate pair escape \U00010000"),
            ("\"maximal surrogate pair escape \\uDBFF\\uDFFF\"", "maximal surrogate pair escape \U0010FFFF"),
        };

        foreach (var (source, expected) in cases)
        {
            AssertToken(LexOne(source), TokenKind.String, 0, source.Length, expected);
        }
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"\"", "Unterminated string.", 1, 5)]
    [InlineData("\"no end quote", "Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6)]
    [InlineData("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6)]
    [InlineData("\"bad \\uXXXF esc\"", "Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{FFFF esc\"", "Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6)]
    [InlineData("\"bad \\u{FFFF\"", "Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6)]
    [InlineData("\"too high \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11)]
    [InlineData("\"way too high \\u{12345678} esc\"", "Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15)]
    [InlineData("\"too long \\u{000000000} esc\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11)]
    [InlineData("\"bad surrogate \\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16)]
    [InlineData("\"bad surrogate \\u{DEAD} esc\"", "Invalid Unicode escape sequence: \"\\u{DEAD}\".", 1, 16)]
    [InlineData("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39)]
    [InlineData("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26)]
    [InlineData("\"bad low surrogate pair \\uD800\\uD800 esc\"", "Invalid Unicode escape sequence: \"\\uD800\".", 1, 25)]
    [InlineData("\"bad \\uD83D\\not an escape\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 6)]
    public void Lex_InvalidStrings_ReportMessageLineAndColumn(string source, string description, int line, int column)
    {
        AssertLexError(source, "Syntax Error: " + description, line, column);
    }

    [Fact]
    public void Lex_LoneSurrogatesInStrings_AreRejected()
    {
        AssertLexError("\"bad surrogate \uDEAD\"", "Syntax Error: Invalid character within String: U+DEAD.", 1, 16);
        AssertLexError("\"bad high surrogate pair \uDEAD\uDEAD\"", "Syntax Error: Invalid character within String: U+DEAD.", 1, 26);
        AssertLexError("\"bad low surrogate pair \uD800\uD800\"", "Syntax Error: Invalid character within String: U+D800.", 1, 25);
        AssertLexError("\"cannot escape half a pair \uD83D\\uDE00 esc\"", "Syntax Error: Invalid character within String: U+D83D.", 1, 28);
        AssertLexError("\"cannot escape half a pair \\uD83D\uDE00 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 28);
        AssertLexError("\"\"\"contains invalid surrogate \uDEAD\"\"\"", "Syntax Error: Invalid character within String: U+DEAD.", 1, 31);
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    public void Lex_BlockStrings_AreDedentedAndNotEscaped(string source, string expected)
    {
        AssertToken(LexOne(source), TokenKind.BlockString, 0, source.Length, expected);
    }

    [Fact]
    public void Lex_AfterMultilineBlockString_TracksLineAndColumn()
    {
        var token = LexSecond("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \n        \"\"\" second_token");
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("second_token", token.Value);
        Assert.Equal(8, token.Line);
        Assert.Equal(13, token.Column);

        var crlf = LexSecond("\"\"\" \n spans \r\n multiple \n\r \n lines\n\n \"\"\"\n second_token");
        Assert.Equal(9, crlf.Line);
        Assert.Equal(2, crlf.Column);
    }

    [Theory]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"no end quote", "Unterminated string.", 1, 16)]
    [InlineData("\"\"\"\nline one\nline two", "Unterminated string.", 3, 9)]
    public void Lex_UnterminatedBlockString_ReportsLineAndColumn(string source, string description, int line, int column)
    {
        AssertLexError(source, "Syntax Error: " + description, line, column);
    }

    [Fact]
    public void Lex_UnterminatedString_ReportsLineAndColumn()
    {
        AssertParseError("{\n  field(arg: \"oops\n}", "Syntax Error: Unterminated string.", 2, 19);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("9", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4", TokenKind.Float)]
    [InlineData("-1.123E4", TokenKind.Float)]
    [InlineData("-1.123e-4", TokenKind.Float)]
    [InlineData("-1.123e+4", TokenKind.Float)]
    [InlineData("-1.123e4567", TokenKind.Float)]
    public void Lex_Numbers_KeepSourceText(string source, TokenKind kind)
    {
        AssertToken(LexOne(source), kind, 0, source.Length, source);
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("01.23", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("+1", "Unexpected character: \"+\".", 1)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1E", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1.e1", "Invalid number, expected digit but got: \"e\".", 3)]
    [InlineData(".123", "Unexpected character: \".\".", 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 2)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1.0eA", "Invalid number, expected digit but got: \"A\".", 5)]
    [InlineData("1.0e\"", "Invalid number, expected digit but got: '\"'.", 5)]
    [InlineData("1.2e3e", "Invalid number, expected digit but got: \"e\".", 6)]
    [InlineData("1.2e3.4", "Invalid number, expected digit but got: \".\".", 6)]
    [InlineData("1.23.4", "Invalid number, expected digit but got: \".\".", 5)]
    [InlineData("0xF1", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("0x1", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("0b10", "Invalid number, expected digit but got: \"b\".", 2)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1_234", "Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1\u00DF", "Unexpected character: U+00DF.", 2)]
    [InlineData("1.23f", "Invalid number, expected digit but got: \"f\".", 5)]
    [InlineData("1.234_5", "Invalid number, expected digit but got: \"_\".", 6)]
    public void Lex_InvalidNumbers_ReportMessageAndColumn(string source, string description, int column)
    {
        AssertLexError(source, "Syntax Error: " + description, 1, column);
    }

    [Theory]
    [InlineData("!", TokenKind.Bang)]
    [InlineData("$", TokenKind.Dollar)]
    [InlineData("&", TokenKind.Amp)]
    [InlineData("(", TokenKind.ParenLeft)]
    [InlineData(")", TokenKind.ParenRight)]
    [InlineData("...", TokenKind.Spread)]
    [InlineData(":", TokenKind.Colon)]
    [InlineData("=", TokenKind.EqualsSign)]
    [InlineData("@", TokenKind.At)]
    [InlineData("[", TokenKind.BracketLeft)]
    [InlineData("]", TokenKind.BracketRight)]
    [InlineData("{", TokenKind.BraceLeft)]
    [InlineData("|", TokenKind.Pipe)]
    [InlineData("}", TokenKind.BraceRight)]
    public void Lex_Punctuators_HaveNoValue(string source, TokenKind kind)
    {
        AssertToken(LexOne(source), kind, 0, source.Length, null);
        Assert.True(kind.IsPunctuator());
    }

    [Theory]
    [InlineData("..", "Unexpected character: \".\".")]
    [InlineData("~", "Unexpected character: \"~\".")]
    [InlineData("\u0000", "Unexpected character: U+0000.")]
    [InlineData("\b", "Unexpected character: U+0008.")]
    [InlineData("\u00AA", "Unexpected character: U+00AA.")]
    [InlineData("\u0AAA", "Unexpected character: U+0AAA.")]
    [InlineData("\u203B", "Unexpected character: U+203B.")]
    public void Lex_UnknownCharacters_AreReported(string source, string description)
    {
        AssertLexError(source, "Syntax Error: " + description, 1, 1);
    }

    [Fact]
    public void Lex_CharactersOutsideBasicPlane_AreReportedByCodePoint()
    {
        AssertLexError("\U0001F600", "Syntax Error: Unexpected character: U+1F600.", 1, 1);
        AssertLexError("\uD800\uDC00", "Syntax Error: Unexpected character: U+10000.", 1, 1);
        AssertLexError("\uDBFF\uDFFF", "Syntax Error: Unexpected character: U+10FFFF.", 1, 1);
        AssertLexError("\uDEAD", "Syntax Error: Invalid character: U+DEAD.", 1, 1);
    }

    [Fact]
    public void Lex_DashInName_ReportsNumberError()
    {
        var lexer = new Lexer("a-b");
        AssertToken(lexer.Advance(), TokenKind.Name, 0, 1, "a");
        AssertSyntaxError(() => lexer.Advance(), "Syntax Error: Invalid number, expected digit but got: \"b\".", 1, 3);
    }

    [Fact]
    public void Tokenize_WithComments_ProducesEveryTokenInOrder()
    {
        var tokens = Lexer.Tokenize("{\n  #comment\n  field\n}", includeComments: true);
        Assert.Equal(
            new[] { TokenKind.BraceLeft, TokenKind.Comment, TokenKind.Name, TokenKind.BraceRight, TokenKind.EndOfFile },
            tokens.Select(t => t.Kind));
        Assert.Equal("comment", tokens[1].Value);

        var significant = Lexer.Tokenize("{\n  #comment\n  field\n}");
        Assert.Equal(4, significant.Count);
    }

    [Theory]
    [InlineData("# Comment", " Comment", 9)]
    [InlineData("# Comment\nAnother line", " Comment", 9)]
    [InlineData("# Comment\r\nAnother line", " Comment", 9)]
    [InlineData("#", "", 1)]
    public void Lex_Comments_ValueExcludesHashAndLineEnd(string source, string value, int end)
    {
        var comment = Lexer.Tokenize(source, includeComments: true)[0];
        AssertToken(comment, TokenKind.Comment, 0, end, value);
    }

    [Fact]
    public void Lex_CommentWithSupplementaryCharacter_IsAccepted()
    {
        var comment = Lexer.Tokenize("# Comment \U0001F600", includeComments: true)[0];
        Assert.Equal(" Comment \U0001F600", comment.Value);
    }

    [Fact]
    public void Lex_CommentWithLoneSurrogate_IsRejected()
    {
        AssertSyntaxError(() => Lexer.Tokenize("# Invalid surrogate \uDEAD"), "Syntax Error: Invalid character: U+DEAD.", 1, 21);
    }

    [Fact]
    public void Lex_EndOfFile_RepeatsAndHasPosition()
    {
        var lexer = new Lexer("a\n  ");
        lexer.Advance();
        var eof = lexer.Advance();
        AssertToken(eof, TokenKind.EndOfFile, 4, 4, null);
        Assert.Equal((2, 3), (eof.Line, eof.Column));
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.LastToken.Kind);
    }

    [Fact]
    public void Token_Describe_MatchesGraphQLJs()
    {
        Assert.Equal("Name \"foo\"", LexOne("foo").Describe());
        Assert.Equal("\"{\"", LexOne("{").Describe());
        Assert.Equal("<EOF>", LexOne("").Describe());
        Assert.Equal("String \"x\"", LexOne("\"x\"").Describe());
        Assert.Equal("Int \"1\"", LexOne("1").Describe());
    }
}
