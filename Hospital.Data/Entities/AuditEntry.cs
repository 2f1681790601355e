namespace Hospital.Data.Entities;

/// <summary>
/// One access to patient data or one security event: who, what, when, which fields, from where. Append-only: the
/// database refuses UPDATE and DELETE on its table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>The acting user's roles, comma-separated.</summary>
    public string? Role { get; set; }
    public int? StaffMemberId { get; set; }
    public required AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityKey { get; set; }
    public int? PatientId { get; set; }

    /// <summary>Comma-separated selection paths read (<c>patients.nodes.lastName</c>) or property names written; never values.</summary>
    public string? Fields { get; set; }
    public required DateTime OccurredAt { get; set; }
    public string? RemoteAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>HTTP, SSE, WebSocket or InProcess.</summary>
    public string? Transport { get; set; }

    /// <summary>The GraphQL operation's name (or its type when anonymous), or the security event's source.</summary>
    public string? OperationName { get; set; }
}

/// <summary>A row per schema version applied to this database; the highest is the current version.</summary>
public sealed class SchemaVersion
{
    public int Version { get; set; }
    public required string Description { get; set; }
    public required DateTime AppliedAt { get; set; }
}
