using System;
using Gql.Language.Ast;

namespace Gql.Language;

/// <summary>Parses GraphQL source text into syntax trees, following the GraphQL specification
/// (October 2021 plus the current draft) with graphql-js as the reference for error messages.</summary>
public static class Parser
{
    /// <summary>Parses a whole document (executable definitions, type system definitions and extensions).</summary>
    /// <param name="source">The GraphQL source text.</param>
    /// <param name="options">Parser options, or null for <see cref="ParserOptions.Default"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="GraphQLSyntaxException">The source is not a valid document.</exception>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        var parser = new ParserCore(source, options);
        return parser.ParseDocument();
    }

    /// <summary>Parses a single value literal, which may contain variables (like graphql-js <c>parseValue</c>).</summary>
    /// <param name="source">The source text, e.g. <c>[1, $var]</c>.</param>
    /// <param name="options">Parser options, or null for the defaults.</param>
    /// <returns>The value.</returns>
    /// <exception cref="GraphQLSyntaxException">The source is not a single value.</exception>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new ParserCore(source, options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value literal; variables are rejected (like graphql-js <c>parseConstValue</c>).</summary>
    /// <param name="source">The source text, e.g. <c>{a: [1, 2]}</c>.</param>
    /// <param name="options">Parser options, or null for the defaults.</param>
    /// <returns>The value.</returns>
    /// <exception cref="GraphQLSyntaxException">The source is not a single constant value.</exception>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null)
    {
        var parser = new ParserCore(source, options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c> (like graphql-js <c>parseType</c>).</summary>
    /// <param name="source">The source text.</param>
    /// <param name="options">Parser options, or null for the defaults.</param>
    /// <returns>The type.</returns>
    /// <exception cref="GraphQLSyntaxException">The source is not a single type reference.</exception>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new ParserCore(source, options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.EndOfFile);
        return type;
    }

    /// <summary>
    /// Parses a schema coordinate (draft spec), e.g. <c>Type</c>, <c>Type.field</c>,
    /// <c>Type.field(arg:)</c>, <c>@directive</c> or <c>@directive(arg:)</c>. Coordinates may not
    /// contain whitespace, comments or commas.
    /// </summary>
    /// <param name="source">The source text.</param>
    /// <param name="options">Parser options, or null for the defaults.</param>
    /// <returns>The coordinate.</returns>
    /// <exception cref="GraphQLSyntaxException">The source is not a schema coordinate.</exception>
    public static SchemaCoordinateNode ParseSchemaCoordinate(string source, ParserOptions? options = null)
    {
        return SchemaCoordinateParser.Parse(source, options ?? ParserOptions.Default);
    }
}
