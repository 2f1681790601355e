using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Notes).HasMaxLength(1000);
        builder.Property(e => e.ClosedReason).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.IsOpen);
        builder.HasOne(e => e.Patient).WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Doctor).WithMany().HasForeignKey(e => e.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Department).WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Appointment).WithMany().HasForeignKey(e => e.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.OfferedDoctor).WithMany().HasForeignKey(e => e.OfferedDoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.BookedAppointment).WithMany().HasForeignKey(e => e.BookedAppointmentId).OnDelete(DeleteBehavior.Restrict);

        // The line: open entries in the order they joined.
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => e.PatientId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_waitlist_entries_doctor_or_department", "doctor_id IS NOT NULL OR department_id IS NOT NULL");
            t.HasCheckConstraint("ck_waitlist_entries_offer", "status <> 'Offered' OR (offered_doctor_id IS NOT NULL AND offered_starts_at IS NOT NULL AND offered_ends_at IS NOT NULL)");
            t.HasCheckConstraint("ck_waitlist_entries_booked", "status <> 'Booked' OR booked_appointment_id IS NOT NULL");
        });
    }
}
