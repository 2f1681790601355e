namespace Gql.Language;

/// <summary>Options for <see cref="Parser"/>. Immutable, so one instance can be shared by all requests.</summary>
public sealed class ParserOptions
{
    /// <summary>The options used when none are given: locations on, no token limit.</summary>
    public static ParserOptions Default { get; } = new ParserOptions();

    /// <summary>When true, nodes get no <see cref="Ast.SyntaxNode.Location"/>.</summary>
    public bool NoLocation { get; init; }

    /// <summary>
    /// The maximum number of significant tokens (comments excluded, EOF excluded) a document may
    /// contain; parsing stops with a syntax error beyond it. Null means unlimited. Servers parsing
    /// untrusted documents should set this (graphql-js leaves it off by default too).
    /// </summary>
    public int? MaxTokens { get; init; }

    /// <summary>
    /// When true, fragment definitions may declare variables (<c>fragment F($a: Int) on T</c>),
    /// a legacy experimental syntax the spec does not allow.
    /// </summary>
    public bool AllowLegacyFragmentVariables { get; init; }
}
