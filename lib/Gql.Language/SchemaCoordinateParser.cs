using System;
using Gql.Language.Ast;

namespace Gql.Language;

/// <summary>
/// Parses schema coordinates (draft spec). Coordinates have their own tiny lexical grammar:
/// names and the punctuators <c>( ) . : @</c>, with no ignored tokens at all.
/// </summary>
internal sealed class SchemaCoordinateParser
{
    private readonly string _source;
    private readonly bool _noLocation;
    private readonly int? _maxTokens;
    private int _tokenCount;
    private Token _token;
    private Token _lastToken;

    private SchemaCoordinateParser(string source, ParserOptions options)
    {
        _source = source;
        _noLocation = options.NoLocation;
        _maxTokens = options.MaxTokens;
        _token = new Token(TokenKind.StartOfFile, 0, 0, 0, 0, null);
        _lastToken = _token;
    }

    public static SchemaCoordinateNode Parse(string source, ParserOptions options)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var parser = new SchemaCoordinateParser(source, options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var coordinate = parser.ParseCoordinate();
        parser.ExpectToken(TokenKind.EndOfFile);
        return coordinate;
    }

    private SchemaCoordinateNode ParseCoordinate()
    {
        var start = _token;
        var ofDirective = ExpectOptionalToken(TokenKind.At);
        var name = ParseName();
        NameNode? memberName = null;
        if (!ofDirective && ExpectOptionalToken(TokenKind.Dot))
        {
            memberName = ParseName();
        }

        NameNode? argumentName = null;
        if ((ofDirective || memberName is not null) && ExpectOptionalToken(TokenKind.ParenLeft))
        {
            argumentName = ParseName();
            ExpectToken(TokenKind.Colon);
            ExpectToken(TokenKind.ParenRight);
        }

        if (ofDirective)
        {
            return argumentName is null
                ? new DirectiveCoordinateNode(name, Loc(start))
                : new DirectiveArgumentCoordinateNode(name, argumentName, Loc(start));
        }

        if (memberName is not null)
        {
            return argumentName is null
                ? new MemberCoordinateNode(name, memberName, Loc(start))
                : new ArgumentCoordinateNode(name, memberName, argumentName, Loc(start));
        }

        return new TypeCoordinateNode(name, Loc(start));
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!, Loc(token));
    }

    private Location? Loc(Token start)
    {
        return _noLocation ? null : new Location(start.Start, _lastToken.End, 1, start.Column);
    }

    private Token ExpectToken(TokenKind kind)
    {
        var token = _token;
        if (token.Kind == kind)
        {
            Advance();
            return token;
        }

        var expected = kind.IsPunctuator() ? "\"" + kind.GetDisplayText() + "\"" : kind.GetDisplayText();
        throw new GraphQLSyntaxException(_source, token.Start, "Expected " + expected + ", found " + token.Describe() + ".");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_token.Kind == kind)
        {
            Advance();
            return true;
        }

        return false;
    }

    private void Advance()
    {
        _lastToken = _token;
        if (_token.Kind == TokenKind.EndOfFile)
        {
            return;
        }

        _token = ReadToken(_token.End);
        if (_token.Kind != TokenKind.EndOfFile)
        {
            _tokenCount++;
            if (_maxTokens is int max && _tokenCount > max)
            {
                throw new GraphQLSyntaxException(_source, _token.Start, "Document contains more than " + max + " tokens. Parsing aborted.");
            }
        }
    }

    private Token ReadToken(int position)
    {
        var length = _source.Length;
        if (position >= length)
        {
            return new Token(TokenKind.EndOfFile, length, length, 1, length + 1, null);
        }

        var code = _source[position];
        switch (code)
        {
            case '.':
                return Punctuator(TokenKind.Dot, position);
            case '(':
                return Punctuator(TokenKind.ParenLeft, position);
            case ')':
                return Punctuator(TokenKind.ParenRight, position);
            case ':':
                return Punctuator(TokenKind.Colon, position);
            case '@':
                return Punctuator(TokenKind.At, position);
        }

        if (CharClasses.IsNameStart(code))
        {
            var end = position + 1;
            while (end < length && CharClasses.IsNameContinue(_source[end]))
            {
                end++;
            }

            return new Token(TokenKind.Name, position, end, 1, position + 1, _source.Substring(position, end - position));
        }

        throw new GraphQLSyntaxException(_source, position, "Invalid character: " + Lexer.PrintCodePointAt(_source, position) + ".");
    }

    private static Token Punctuator(TokenKind kind, int position)
    {
        return new Token(kind, position, position + 1, 1, position + 1, null);
    }
}
