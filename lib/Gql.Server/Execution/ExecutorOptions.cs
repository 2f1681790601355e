namespace Gql.Server.Execution;

/// <summary>Limits and behaviour of a <see cref="RequestExecutor"/>.</summary>
public sealed record ExecutorOptions
{
    /// <summary>Documents with more tokens are refused before parsing completes (defends against huge documents).</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>The deepest field nesting an operation may have, fragments expanded (the full introspection query needs 13).</summary>
    public int MaxDepth { get; init; } = 20;

    /// <summary>The highest estimated cost an operation may have (see the cost analysis); null turns the check off.</summary>
    public int? MaxCost { get; init; } = 20_000;

    /// <summary>The size the cost analysis assumes for lists that are neither paged nor given an estimate.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>How many fields an operation may select, fragments expanded (defends against alias and fragment amplification).</summary>
    public int MaxFields { get; init; } = 1_000;

    /// <summary>How many aliased fields one document may hold.</summary>
    public int MaxAliases { get; init; } = 100;

    /// <summary>
    /// The deepest nesting of an input value (objects and lists, in literals and variables): a deep <c>where</c>
    /// tree of <c>and</c>/<c>or</c> is refused here, before any resolver or database sees it.
    /// </summary>
    public int MaxInputDepth { get; init; } = 16;

    /// <summary>How many ids one <c>nodes(ids:)</c> call may ask for.</summary>
    public int MaxNodeIds { get; init; } = 100;

    /// <summary>How long one query or mutation may run before it is stopped with <c>EXECUTION_TIMEOUT</c>; null means no limit.</summary>
    public TimeSpan? ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The size the cost analysis assumes for introspection lists (<c>types</c>, <c>fields</c>, <c>args</c>): small
    /// enough that the IDE's full introspection query fits under the default <see cref="MaxCost"/>, while a query that
    /// recurses through <c>fields { type { fields ... } }</c> multiplies past it.
    /// </summary>
    public int IntrospectionListSize { get; init; } = 5;

    /// <summary>How many operations one document may define.</summary>
    public int MaxOperations { get; init; } = 20;

    /// <summary>Parsed and validated documents kept for reuse, keyed by their text.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>When true (Development only), unexpected exceptions show their message and stack trace to clients.</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>Called for every unexpected exception a resolver throws (logging).</summary>
    public Action<Exception, IReadOnlyList<object>>? OnUnexpectedError { get; init; }
}
