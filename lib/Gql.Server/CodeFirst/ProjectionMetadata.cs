namespace Gql.Server;

/// <summary>
/// Metadata keys the code-first builder writes on fields for middleware that turns a selection into a query
/// (Gql.Data's projections): which CLR property a field reads, and which ones a computed field needs.
/// </summary>
public static class ProjectionMetadata
{
    /// <summary>The CLR property a field reads.</summary>
    public const string Member = "gql.member";

    /// <summary>The CLR properties a computed field needs (string[]).</summary>
    public const string Requires = "gql.requires";
}

/// <summary>Declares the properties of the parent an extension field reads, so projections load them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAttribute(params string[] members) : Attribute
{
    public string[] Members { get; } = members;
}
