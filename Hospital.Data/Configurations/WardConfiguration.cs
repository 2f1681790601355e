using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.HasOne(w => w.Department).WithMany(d => d.Wards).HasForeignKey(w => w.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.Name).IsUnique();
    }
}

internal sealed class BedConfiguration : IEntityTypeConfiguration<Bed>
{
    public void Configure(EntityTypeBuilder<Bed> builder)
    {
        builder.Property(b => b.Label).HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne(b => b.Ward).WithMany(w => w.Beds).HasForeignKey(b => b.WardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.WardId, b.Label }).IsUnique();
        builder.HasIndex(b => b.Status);
    }
}

internal sealed class AdmissionConfiguration : IEntityTypeConfiguration<Admission>
{
    public void Configure(EntityTypeBuilder<Admission> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.DischargeSummary).HasMaxLength(8000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsActive);
        builder.HasOne(a => a.Patient).WithMany(p => p.Admissions).HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Bed).WithMany(b => b.Admissions).HasForeignKey(a => a.BedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AttendingDoctor).WithMany().HasForeignKey(a => a.AttendingDoctorId).OnDelete(DeleteBehavior.Restrict);

        // One active admission per bed and per patient, enforced by the database on every provider with partial indexes.
        builder.HasIndex(a => a.BedId).IsUnique().HasFilter("discharged_at IS NULL").HasDatabaseName("ux_admissions_active_bed");
        builder.HasIndex(a => a.PatientId).IsUnique().HasFilter("discharged_at IS NULL").HasDatabaseName("ux_admissions_active_patient");
        builder.HasIndex(a => new { a.PatientId, a.AdmittedAt });
        builder.HasIndex(a => new { a.BedId, a.AdmittedAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_admissions_discharge_after_admit", "discharged_at IS NULL OR discharged_at >= admitted_at"));
    }
}
