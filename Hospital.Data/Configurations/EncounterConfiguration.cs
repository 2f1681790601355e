using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> builder)
    {
        builder.Property(e => e.ChiefComplaint).HasMaxLength(500);
        builder.Property(e => e.Notes).HasMaxLength(8000);
        builder.Property(e => e.FollowUp).HasMaxLength(1000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Patient).WithMany(p => p.Encounters).HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Doctor).WithMany().HasForeignKey(e => e.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Appointment).WithOne(a => a.Encounter).HasForeignKey<Encounter>(e => e.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Admission).WithMany().HasForeignKey(e => e.AdmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PatientId, e.StartedAt });
        builder.HasIndex(e => new { e.DoctorId, e.StartedAt });
    }
}

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> builder)
    {
        builder.Property(d => d.IcdCode).HasMaxLength(10);
        builder.HasOne(d => d.Encounter).WithMany(e => e.Diagnoses).HasForeignKey(d => d.EncounterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.IcdCode);
        builder.HasIndex(d => d.EncounterId);
    }
}

internal sealed class VitalSignsConfiguration : IEntityTypeConfiguration<VitalSigns>
{
    public void Configure(EntityTypeBuilder<VitalSigns> builder)
    {
        builder.ToTable("vital_signs");
        builder.Property(v => v.TemperatureCelsius).HasPrecision(4, 1);
        builder.Property(v => v.WeightKg).HasPrecision(5, 1);
        builder.Property(v => v.HeightCm).HasPrecision(5, 1);
        builder.HasOne(v => v.Patient).WithMany(p => p.Vitals).HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Encounter).WithMany(e => e.Vitals).HasForeignKey(v => v.EncounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.RecordedBy).WithMany().HasForeignKey(v => v.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PatientId, v.RecordedAt });
    }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> builder)
    {
        builder.Property(p => p.Medication).HasMaxLength(200);
        builder.Property(p => p.Dose).HasMaxLength(50);
        builder.Property(p => p.Frequency).HasMaxLength(50);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Patient).WithMany(x => x.Prescriptions).HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Encounter).WithMany(e => e.Prescriptions).HasForeignKey(p => p.EncounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Prescriber).WithMany().HasForeignKey(p => p.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PatientId, p.Status });
        builder.ToTable(t => t.HasCheckConstraint("ck_prescriptions_refills", "refills BETWEEN 0 AND 12"));
    }
}
