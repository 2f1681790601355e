using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class LabOrderConfiguration : IEntityTypeConfiguration<LabOrder>
{
    public void Configure(EntityTypeBuilder<LabOrder> builder)
    {
        builder.Property(o => o.TestCode).HasMaxLength(20);
        builder.Property(o => o.TestName).HasMaxLength(200);
        builder.Property(o => o.CancellationReason).HasMaxLength(500);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Patient).WithMany(p => p.LabOrders).HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Encounter).WithMany(e => e.LabOrders).HasForeignKey(o => o.EncounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.OrderedBy).WithMany().HasForeignKey(o => o.OrderedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PatientId, o.OrderedAt });
        builder.HasIndex(o => new { o.Status, o.Priority });
    }
}

internal sealed class LabResultConfiguration : IEntityTypeConfiguration<LabResult>
{
    public void Configure(EntityTypeBuilder<LabResult> builder)
    {
        builder.Property(r => r.Analyte).HasMaxLength(100);
        builder.Property(r => r.Value).HasMaxLength(100);
        builder.Property(r => r.Unit).HasMaxLength(32);
        builder.Property(r => r.ReferenceRange).HasMaxLength(64);
        builder.HasOne(r => r.LabOrder).WithMany(o => o.Results).HasForeignKey(r => r.LabOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.LabOrderId);
        builder.HasIndex(r => new { r.Flag, r.ResultedAt });
    }
}

internal sealed class LabNoteConfiguration : IEntityTypeConfiguration<LabNote>
{
    public void Configure(EntityTypeBuilder<LabNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasOne(n => n.LabOrder).WithMany(o => o.Notes).HasForeignKey(n => n.LabOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.LabOrderId, n.WrittenAt });
    }
}
