using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.UserName).HasMaxLength(AuditEntryLimits.UserName);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityKey).HasMaxLength(64);
        builder.Property(a => a.Fields).HasMaxLength(AuditEntryLimits.Fields);
        builder.Property(a => a.RemoteAddress).HasMaxLength(64);
        builder.Property(a => a.Role).HasMaxLength(AuditEntryLimits.Role);
        builder.Property(a => a.UserAgent).HasMaxLength(AuditEntryLimits.UserAgent);
        builder.Property(a => a.Transport).HasMaxLength(16);
        builder.Property(a => a.OperationName).HasMaxLength(AuditEntryLimits.OperationName);
        builder.HasIndex(a => new { a.Action, a.OccurredAt });
        builder.HasIndex(a => new { a.PatientId, a.OccurredAt });
        builder.HasIndex(a => new { a.UserId, a.OccurredAt });
        builder.HasIndex(a => a.OccurredAt);
    }
}

internal sealed class SchemaVersionConfiguration : IEntityTypeConfiguration<SchemaVersion>
{
    public void Configure(EntityTypeBuilder<SchemaVersion> builder)
    {
        builder.ToTable("schema_versions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Description).HasMaxLength(200);
    }
}
