using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Gql.Language;

/// <summary>
/// Turns GraphQL source text into tokens on demand. The lexer starts on a
/// <see cref="TokenKind.StartOfFile"/> token; each <see cref="Advance"/> moves to the next
/// significant token (comments and other ignored tokens are skipped).
/// </summary>
/// <remarks>Works by index arithmetic on the source string; the only allocations are token
/// values (names, numbers, strings, comments).</remarks>
public sealed class Lexer
{
    private readonly string _source;
    private StringBuilder? _builder;

    // Where the next raw read starts, and the line bookkeeping at that point.
    private int _position;
    private int _line;
    private int _lineStart;

    private bool _hasPeeked;
    private Token _peeked;

    /// <summary>Creates a lexer over <paramref name="source"/>.</summary>
    /// <param name="source">The GraphQL source text.</param>
    public Lexer(string source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _line = 1;
        _lineStart = 0;
        var startOfFile = new Token(TokenKind.StartOfFile, 0, 0, 0, 0, null);
        Token = startOfFile;
        LastToken = startOfFile;
    }

    /// <summary>The source text being lexed.</summary>
    public string Source => _source;

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before <see cref="Token"/> (the last one consumed by the parser).</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next significant token and returns it. At end of file keeps returning EOF.</summary>
    /// <returns>The new current token.</returns>
    public Token Advance()
    {
        var current = Token;
        LastToken = current;
        if (current.Kind != TokenKind.EndOfFile)
        {
            if (_hasPeeked)
            {
                _hasPeeked = false;
                Token = _peeked;
            }
            else
            {
                Token = ReadSignificantToken();
            }
        }

        return Token;
    }

    /// <summary>Returns the significant token after <see cref="Token"/> without moving.</summary>
    /// <returns>The next token.</returns>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.EndOfFile)
        {
            return Token;
        }

        if (!_hasPeeked)
        {
            _peeked = ReadSignificantToken();
            _hasPeeked = true;
        }

        return _peeked;
    }

    private Token ReadSignificantToken()
    {
        Token next;
        do
        {
            next = ReadToken();
        }
        while (next.Kind == TokenKind.Comment);

        return next;
    }

    /// <summary>Lexes a whole source into a list of tokens, ending with EOF and excluding SOF.</summary>
    /// <param name="source">The GraphQL source text.</param>
    /// <param name="includeComments">Whether to include comment tokens.</param>
    /// <returns>The tokens.</returns>
    public static IReadOnlyList<Token> Tokenize(string source, bool includeComments = false)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.ReadToken();
            if (includeComments || token.Kind != TokenKind.Comment)
            {
                tokens.Add(token);
            }
        }
        while (token.Kind != TokenKind.EndOfFile);

        return tokens;
    }

    /// <summary>Reads the next raw token (comments included) from the current read position.</summary>
    private Token ReadToken()
    {
        var body = _source;
        var length = body.Length;
        var position = _position;

        while (position < length)
        {
            var code = body[position];
            switch (code)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    if (position + 1 < length && body[position + 1] == '\n')
                    {
                        position += 2;
                    }
                    else
                    {
                        position++;
                    }

                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    return ReadComment(position);
                case '!':
                    return Punctuator(TokenKind.Bang, position, 1);
                case '$':
                    return Punctuator(TokenKind.Dollar, position, 1);
                case '&':
                    return Punctuator(TokenKind.Amp, position, 1);
                case '(':
                    return Punctuator(TokenKind.ParenLeft, position, 1);
                case ')':
                    return Punctuator(TokenKind.ParenRight, position, 1);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                    {
                        return Punctuator(TokenKind.Spread, position, 3);
                    }

                    break;
                case ':':
                    return Punctuator(TokenKind.Colon, position, 1);
                case '=':
                    return Punctuator(TokenKind.EqualsSign, position, 1);
                case '@':
                    return Punctuator(TokenKind.At, position, 1);
                case '[':
                    return Punctuator(TokenKind.BracketLeft, position, 1);
                case ']':
                    return Punctuator(TokenKind.BracketRight, position, 1);
                case '{':
                    return Punctuator(TokenKind.BraceLeft, position, 1);
                case '|':
                    return Punctuator(TokenKind.Pipe, position, 1);
                case '}':
                    return Punctuator(TokenKind.BraceRight, position, 1);
                case '"':
                    if (CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
                    {
                        return ReadBlockString(position);
                    }

                    return ReadString(position);
            }

            if (CharClasses.IsDigit(code) || code == '-')
            {
                return ReadNumber(position);
            }

            if (CharClasses.IsNameStart(code))
            {
                return ReadName(position);
            }

            string description;
            if (code == '\'')
            {
                description = "Unexpected single quote character ('), did you mean to use a double quote (\")?";
            }
            else if (!char.IsSurrogate(code) || IsSupplementaryCodePoint(position))
            {
                description = "Unexpected character: " + PrintCodePointAt(position) + ".";
            }
            else
            {
                description = "Invalid character: " + PrintCodePointAt(position) + ".";
            }

            throw Error(position, description);
        }

        _position = length;
        return new Token(TokenKind.EndOfFile, length, length, _line, 1 + length - _lineStart, null);
    }

    private Token Punctuator(TokenKind kind, int start, int size)
    {
        _position = start + size;
        return new Token(kind, start, start + size, _line, 1 + start - _lineStart, null);
    }

    private Token MakeToken(TokenKind kind, int start, int end, string? value)
    {
        _position = end;
        return new Token(kind, start, end, _line, 1 + start - _lineStart, value);
    }

    private int CharAt(int position)
    {
        return position < _source.Length ? _source[position] : -1;
    }

    private bool IsSupplementaryCodePoint(int position)
    {
        return position + 1 < _source.Length
            && char.IsHighSurrogate(_source[position])
            && char.IsLowSurrogate(_source[position + 1]);
    }

    private string PrintCodePointAt(int position)
    {
        return PrintCodePointAt(_source, position);
    }

    /// <summary>Describes the character at a position the way graphql-js does: <c>"a"</c>, <c>'"'</c>, <c>U+00DF</c> or <c>&lt;EOF&gt;</c>.</summary>
    internal static string PrintCodePointAt(string source, int position)
    {
        if (position >= source.Length)
        {
            return "<EOF>";
        }

        int code = source[position];
        if (position + 1 < source.Length && char.IsHighSurrogate(source[position]) && char.IsLowSurrogate(source[position + 1]))
        {
            code = char.ConvertToUtf32(source[position], source[position + 1]);
        }

        if (code >= 0x20 && code <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    private GraphQLSyntaxException Error(int position, string description)
    {
        return new GraphQLSyntaxException(_source, position, description);
    }

    private Token ReadComment(int start)
    {
        var body = _source;
        var length = body.Length;
        var position = start + 1;

        while (position < length)
        {
            var code = body[position];
            if (code == '\n' || code == '\r')
            {
                break;
            }

            if (!char.IsSurrogate(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                // graphql-js ends the comment here; the next read reports the bad character.
                break;
            }
        }

        return MakeToken(TokenKind.Comment, start, position, body.Substring(start + 1, position - start - 1));
    }

    private Token ReadNumber(int start)
    {
        var body = _source;
        var position = start;
        var code = CharAt(position);
        var isFloat = false;

        if (code == '-')
        {
            code = CharAt(++position);
        }

        if (code == '0')
        {
            code = CharAt(++position);
            if (CharClasses.IsDigit(code))
            {
                throw Error(position, "Invalid number, unexpected digit after 0: " + PrintCodePointAt(position) + ".");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-')
            {
                code = CharAt(++position);
            }

            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        // Numbers must not be directly followed by a dot or a name start (e.g. 0x1, 1.2.3, 123abc).
        if (code == '.' || CharClasses.IsNameStart(code))
        {
            throw Error(position, "Invalid number, expected digit but got: " + PrintCodePointAt(position) + ".");
        }

        return MakeToken(isFloat ? TokenKind.Float : TokenKind.Int, start, position, body.Substring(start, position - start));
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!CharClasses.IsDigit(firstCode))
        {
            throw Error(start, "Invalid number, expected digit but got: " + PrintCodePointAt(start) + ".");
        }

        var position = start + 1;
        while (CharClasses.IsDigit(CharAt(position)))
        {
            position++;
        }

        return position;
    }

    private Token ReadString(int start)
    {
        var body = _source;
        var length = body.Length;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;

        while (position < length)
        {
            var code = body[position];

            if (code == '"')
            {
                string text;
                if (value is null)
                {
                    text = body.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    text = value.ToString();
                }

                return MakeToken(TokenKind.String, start, position + 1, text);
            }

            if (code == '\\')
            {
                if (value is null)
                {
                    value = RentBuilder();
                }

                value.Append(body, chunkStart, position - chunkStart);
                int size;
                if (CharAt(position + 1) == 'u')
                {
                    size = CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value);
                }
                else
                {
                    size = ReadEscapedCharacter(position, value);
                }

                position += size;
                chunkStart = position;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                break;
            }

            if (!char.IsSurrogate(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, "Invalid character within String: " + PrintCodePointAt(position) + ".");
            }
        }

        throw Error(position, "Unterminated string.");
    }

    private StringBuilder RentBuilder()
    {
        var builder = _builder ??= new StringBuilder(64);
        builder.Clear();
        return builder;
    }

    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;

        // At most 8 hex digits are accepted (\u{ + 8 digits + }), as in graphql-js.
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                AppendCodePoint(value, point);
                return size;
            }

            point = (point << 4) | ReadHexDigit(code);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + size) + "\".");
    }

    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        // A leading surrogate is only valid as the first half of an escaped surrogate pair.
        if (code >= 0xD800 && code <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (trailing >= 0xDC00 && trailing <= 0xDFFF)
            {
                value.Append((char)code);
                value.Append((char)trailing);
                return 12;
            }
        }

        throw Error(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + 6) + "\".");
    }

    private int Read16BitHexCode(int position)
    {
        return (ReadHexDigit(CharAt(position)) << 12)
            | (ReadHexDigit(CharAt(position + 1)) << 8)
            | (ReadHexDigit(CharAt(position + 2)) << 4)
            | ReadHexDigit(CharAt(position + 3));
    }

    private static int ReadHexDigit(int code)
    {
        if (code >= '0' && code <= '9')
        {
            return code - '0';
        }

        if (code >= 'A' && code <= 'F')
        {
            return code - 'A' + 10;
        }

        if (code >= 'a' && code <= 'f')
        {
            return code - 'a' + 10;
        }

        return -1;
    }

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char escaped;
        switch (CharAt(position + 1))
        {
            case '"':
                escaped = '"';
                break;
            case '\\':
                escaped = '\\';
                break;
            case '/':
                escaped = '/';
                break;
            case 'b':
                escaped = '\b';
                break;
            case 'f':
                escaped = '\f';
                break;
            case 'n':
                escaped = '\n';
                break;
            case 'r':
                escaped = '\r';
                break;
            case 't':
                escaped = '\t';
                break;
            default:
                throw Error(position, "Invalid character escape sequence: \"" + Slice(position, position + 2) + "\".");
        }

        value.Append(escaped);
        return 2;
    }

    private static bool IsUnicodeScalarValue(int code)
    {
        return (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            codePoint -= 0x10000;
            builder.Append((char)(0xD800 + (codePoint >> 10)));
            builder.Append((char)(0xDC00 + (codePoint & 0x3FF)));
        }
    }

    private string Slice(int start, int end)
    {
        end = Math.Min(end, _source.Length);
        return start >= end ? string.Empty : _source.Substring(start, end - start);
    }

    private Token ReadBlockString(int start)
    {
        var body = _source;
        var length = body.Length;
        var lineStart = _lineStart;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = RentBuilder();
        var lines = new List<string>();

        while (position < length)
        {
            var code = body[position];

            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                var token = MakeToken(TokenKind.BlockString, start, position + 3, BlockString.DedentAndJoin(lines));

                // The token's own line/column were taken above; now account for the lines it spans.
                _line += lines.Count - 1;
                _lineStart = lineStart;
                return token;
            }

            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1; // keep the quotes, drop the backslash
                position += 4;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();

                if (code == '\r' && CharAt(position + 1) == '\n')
                {
                    position += 2;
                }
                else
                {
                    position++;
                }

                chunkStart = position;
                lineStart = position;
                continue;
            }

            if (!char.IsSurrogate(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, "Invalid character within String: " + PrintCodePointAt(position) + ".");
            }
        }

        throw Error(position, "Unterminated string.");
    }

    private Token ReadName(int start)
    {
        var body = _source;
        var length = body.Length;
        var position = start + 1;
        while (position < length && CharClasses.IsNameContinue(body[position]))
        {
            position++;
        }

        return MakeToken(TokenKind.Name, start, position, body.Substring(start, position - start));
    }
}
