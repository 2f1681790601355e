namespace Hospital.Data.Audit;

/// <summary>Who acts and from where: what every audit entry of an operation repeats.</summary>
public sealed record AuditActor(
    int? UserId,
    string UserName,
    string? Role,
    int? StaffMemberId,
    string? RemoteAddress,
    string? UserAgent,
    string? Transport,
    string? OperationName)
{
    /// <summary>Changes made with no signed-in user (the seeder, start-up, background jobs).</summary>
    public static AuditActor System { get; } = new(null, "system", null, null, null, null, null, null);

    /// <summary>A new entry of this actor, its texts cut to the columns' lengths.</summary>
    /// <param name="action">What happened.</param>
    /// <param name="entityType">The entity, or the event's subject.</param>
    /// <param name="occurredAt">When (UTC).</param>
    /// <returns>The entry, not yet added to a context.</returns>
    public Entities.AuditEntry Entry(Entities.AuditAction action, string entityType, DateTime occurredAt) => new()
    {
        UserId = UserId,
        UserName = AuditEntryLimits.Cut(UserName, AuditEntryLimits.UserName)!,
        Role = AuditEntryLimits.Cut(Role, AuditEntryLimits.Role),
        StaffMemberId = StaffMemberId,
        RemoteAddress = AuditEntryLimits.Cut(RemoteAddress, 64),
        UserAgent = AuditEntryLimits.Cut(UserAgent, AuditEntryLimits.UserAgent),
        Transport = AuditEntryLimits.Cut(Transport, 16),
        OperationName = AuditEntryLimits.Cut(OperationName, AuditEntryLimits.OperationName),
        Action = action,
        EntityType = AuditEntryLimits.Cut(entityType, 64)!,
        OccurredAt = occurredAt,
    };
}

/// <summary>
/// The actor of the current async flow: set by the GraphQL layer when an operation starts, read by the
/// <see cref="AuditParticipant"/> when that operation saves, so a write's entry names the person who made it.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditActor?> Current = new();

    /// <summary>The actor of this flow, or <see cref="AuditActor.System"/> when none was set.</summary>
    public static AuditActor Actor => Current.Value ?? AuditActor.System;

    /// <summary>Sets the actor for this flow and the flows it starts (not for the caller of an async method that sets it).</summary>
    /// <param name="actor">The actor.</param>
    public static void Set(AuditActor? actor) => Current.Value = actor;
}

/// <summary>The audit table's column lengths, shared by its EF configuration and the code that fills it.</summary>
public static class AuditEntryLimits
{
    public const int UserName = 256;
    public const int Role = 128;
    public const int UserAgent = 512;
    public const int OperationName = 128;
    public const int Fields = 2000;

    /// <summary>The text cut to <paramref name="length"/> characters (ending in an ellipsis when cut).</summary>
    /// <param name="text">The text or null.</param>
    /// <param name="length">The column's length.</param>
    /// <returns>The text, at most that long.</returns>
    public static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
