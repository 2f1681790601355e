using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.CancellationReason).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Patient).WithMany(p => p.Appointments).HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Doctor).WithMany(d => d.Appointments).HasForeignKey(a => a.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PatientId, a.StartsAt });
        builder.HasIndex(a => new { a.StartsAt, a.Status });

        // The cheap half of "no double-booking" on every provider; the overlap half is a trigger or an
        // exclusion constraint created by SchemaManager, since partial range checks have no portable form.
        builder.HasIndex(a => new { a.DoctorId, a.StartsAt })
            .IsUnique()
            .HasFilter("status NOT IN ('Cancelled', 'NoShow')")
            .HasDatabaseName("ux_appointments_doctor_slot");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_appointments_ends_after_starts", "ends_at > starts_at");
            t.HasCheckConstraint("ck_appointments_cancel_reason", "status NOT IN ('Cancelled', 'NoShow') OR cancellation_reason IS NOT NULL");
        });
    }
}
