namespace Hospital.Web.Components.Patients;

/// <summary>
/// Maps a grid's offset paging (skip/top) onto GraphQL cursor paging for one filter and order: remembers the cursor
/// before each page start seen so far, so moving forward or back asks for <c>first: n, after: cursor</c>, and a jump
/// to the last page asks for <c>last: n</c>. A jump past the known pages first walks to a cursor (<see cref="Nearest"/>).
/// </summary>
public sealed class CursorPages
{
    // Offset of a page start -> the cursor of the row before it (null for offset 0).
    private readonly Dictionary<int, string?> cursors = new() { [0] = null };

    /// <summary>The key (filter and order) the cursors belong to; a new key forgets them.</summary>
    public string Key { get; private set; } = "";

    public void Reset(string key)
    {
        if (key != Key)
        {
            Key = key;
            cursors.Clear();
            cursors[0] = null;
        }
    }

    /// <summary>The cursor to use as <c>after</c> for a page starting at <paramref name="offset"/>, if known.</summary>
    public bool TryGetAfter(int offset, out string? after) => cursors.TryGetValue(offset, out after);

    /// <summary>The nearest known page start at or before <paramref name="offset"/> and its <c>after</c> cursor.</summary>
    public (int Offset, string? After) Nearest(int offset)
    {
        var best = cursors.Keys.Where(k => k <= offset).Max();
        return (best, cursors[best]);
    }

    /// <summary>Records that the row before <paramref name="offset"/> has <paramref name="cursor"/>.</summary>
    public void Remember(int offset, string? cursor)
    {
        if (offset > 0 && cursor is not null)
        {
            cursors[offset] = cursor;
        }
    }
}
