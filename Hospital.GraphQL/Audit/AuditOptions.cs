namespace Hospital.GraphQL.Audit;

/// <summary>The audit log's settings (<c>Hospital:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Hospital:Audit";

    /// <summary>
    /// Whether reads of patient data are logged (default true). Writes and security events are always logged; this
    /// exists so the benchmark can measure what read auditing costs.
    /// </summary>
    public bool Reads { get; set; } = true;
}
