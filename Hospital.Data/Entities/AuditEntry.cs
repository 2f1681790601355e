namespace Hospital.Data.Entities;

/// <summary>One access to patient data or one security event: who, what, when, which fields, from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }
    public required AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityKey { get; set; }
    public int? PatientId { get; set; }

    /// <summary>Comma-separated field names read or written.</summary>
    public string? Fields { get; set; }
    public required DateTime OccurredAt { get; set; }
    public string? RemoteAddress { get; set; }
}

/// <summary>A row per schema version applied to this database; the highest is the current version.</summary>
public sealed class SchemaVersion
{
    public int Version { get; set; }
    public required string Description { get; set; }
    public required DateTime AppliedAt { get; set; }
}
