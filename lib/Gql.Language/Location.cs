namespace Gql.Language;

/// <summary>The source range a syntax node was parsed from.</summary>
public readonly struct Location : System.IEquatable<Location>
{
    /// <summary>Creates a location.</summary>
    /// <param name="start">Offset of the node's first character.</param>
    /// <param name="end">Offset just past the node's last character.</param>
    /// <param name="line">1-based line of the first character.</param>
    /// <param name="column">1-based column of the first character.</param>
    public Location(int start, int end, int line, int column)
    {
        Start = start;
        End = end;
        Line = line;
        Column = column;
    }

    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; }

    /// <summary>Offset just past the node's last character.</summary>
    public int End { get; }

    /// <summary>1-based line of the first character.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-16 code units) of the first character.</summary>
    public int Column { get; }

    /// <inheritdoc />
    public bool Equals(Location other)
    {
        return Start == other.Start && End == other.End && Line == other.Line && Column == other.Column;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
    {
        return obj is Location other && Equals(other);
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            return (((Start * 397) ^ End) * 397 ^ Line) * 397 ^ Column;
        }
    }

    /// <summary>Equality.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(Location left, Location right)
    {
        return left.Equals(right);
    }

    /// <summary>Inequality.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Location left, Location right)
    {
        return !left.Equals(right);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        return "[" + Start + ".." + End + ") " + Line + ":" + Column;
    }
}
