namespace Gql.Server.Execution;

/// <summary>
/// How long the lists of a field are, for the cost analysis (the GraphQL cost specification's <c>@listSize</c>). Put
/// it in the field's <see cref="Types.OutputField.Metadata"/> under <see cref="MetadataKey"/>; field middleware
/// attributes that slice results (paging) set it, so the engine needs no knowledge of them.
/// </summary>
/// <param name="AssumedSize">The size when the request gives none of the <see cref="SlicingArguments"/>.</param>
public sealed record ListSize(int AssumedSize)
{
    public const string MetadataKey = "gql.listSize";

    /// <summary>Arguments whose value is the size (<c>first</c>, <c>last</c>); the first one given wins.</summary>
    public IReadOnlyList<string> SlicingArguments { get; init; } = [];

    /// <summary>
    /// A list argument whose length is the size (<c>nodes(ids:)</c>); a request whose list is longer than
    /// <see cref="ExecutorOptions.MaxNodeIds"/> is refused before it runs.
    /// </summary>
    public string? CountArgument { get; init; }

    /// <summary>The largest size a slicing argument can ask for (the field's own limit clamps it anyway).</summary>
    public int MaxSize { get; init; } = int.MaxValue;

    /// <summary>
    /// The list fields of the field's type that carry the size (a connection's <c>edges</c> and <c>nodes</c>); empty
    /// when the field itself is the list.
    /// </summary>
    public IReadOnlyList<string> SizedFields { get; init; } = [];
}
