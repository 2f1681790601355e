using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Recipient).HasMaxLength(256);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.ClaimedBy).HasMaxLength(200);
        builder.HasOne(n => n.Appointment).WithMany().HasForeignKey(n => n.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Patient).WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);

        // One reminder per appointment, whoever enqueues it: the database decides (NotificationConflicts).
        builder.HasIndex(n => new { n.Kind, n.AppointmentId }).IsUnique().HasDatabaseName(NotificationConflicts.UniqueIndex);

        // The sender's search: what is due, oldest first.
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => n.PatientId);
        builder.ToTable(t => t.HasCheckConstraint("ck_notifications_attempts", "attempts >= 0"));
    }
}
