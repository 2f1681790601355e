using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityKey).HasMaxLength(64);
        builder.Property(a => a.Fields).HasMaxLength(2000);
        builder.Property(a => a.RemoteAddress).HasMaxLength(64);
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
