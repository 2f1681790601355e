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

    /// <summary>How many operations one document may define.</summary>
    public int MaxOperations { get; init; } = 20;

    /// <summary>Parsed and validated documents kept for reuse, keyed by their text.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>When true (Development only), unexpected exceptions show their message and stack trace to clients.</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>Called for every unexpected exception a resolver throws (logging).</summary>
    public Action<Exception, IReadOnlyList<object>>? OnUnexpectedError { get; init; }
}
