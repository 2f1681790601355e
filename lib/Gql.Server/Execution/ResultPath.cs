using System.Collections;

namespace Gql.Server.Execution;

/// <summary>
/// A response path (spec 7.1.1.3, e.g. <c>["patients", "nodes", 3, "mrn"]</c>) as a chain of segments that share
/// their parent. Every field and list item executed gets a path; copying the parent's segments into a new list for
/// each made the cost grow with depth and was the executor's largest allocation, while the path is read only when
/// an error is reported or a resolver asks for it.
/// </summary>
public sealed class ResultPath : IReadOnlyList<object>
{
    // List indexes are boxed when read; the common ones are boxed once.
    private static readonly object[] BoxedIndexes = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    private readonly ResultPath? parent;
    private readonly string? name;
    private readonly int index;

    private ResultPath(ResultPath? parent, string? name, int index)
    {
        this.parent = parent;
        this.name = name;
        this.index = index;
        Count = parent is null ? 0 : parent.Count + 1;
    }

    /// <summary>The empty path of the operation's root selection set.</summary>
    public static ResultPath Root { get; } = new(null, null, 0);

    public int Count { get; }

    public object this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
            var node = this;
            for (var i = Count - 1; i > position; i--)
            {
                node = node.parent!;
            }

            return node.Segment;
        }
    }

    private object Segment => name ?? (index < BoxedIndexes.Length ? BoxedIndexes[index] : index);

    /// <summary>The path of a field (by response name) under this one.</summary>
    public ResultPath Append(string responseName) => new(this, responseName, 0);

    /// <summary>The path of a list item under this one.</summary>
    public ResultPath Append(int listIndex) => new(this, null, listIndex);

    public IEnumerator<object> GetEnumerator()
    {
        var segments = new object[Count];
        for (var node = this; node.parent is not null; node = node.parent)
        {
            segments[node.Count - 1] = node.Segment;
        }

        return ((IEnumerable<object>)segments).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join('/', this);
}
