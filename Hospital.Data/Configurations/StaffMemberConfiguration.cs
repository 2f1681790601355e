using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff");
        builder.HasDiscriminator(s => s.Kind)
            .HasValue<Doctor>(StaffKind.Doctor)
            .HasValue<Nurse>(StaffKind.Nurse)
            .HasValue<Receptionist>(StaffKind.Receptionist)
            .HasValue<Administrator>(StaffKind.Administrator)
            .HasValue<SupportStaff>(StaffKind.Support);
        builder.Property(s => s.EmployeeNumber).HasMaxLength(16);
        builder.Property(s => s.FirstName).HasMaxLength(100);
        builder.Property(s => s.LastName).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(32);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.FullName);
        builder.HasIndex(s => s.EmployeeNumber).IsUnique();
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasIndex(s => new { s.LastName, s.FirstName });
        builder.HasIndex(s => new { s.Kind, s.IsActive });
        builder.HasOne(s => s.Department).WithMany(d => d.Staff).HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.Property(d => d.LicenseNumber).HasColumnName("license_number").HasMaxLength(32);
        builder.Property(d => d.ConsultationFee).HasPrecision(12, 2);
        builder.HasOne(d => d.Specialty).WithMany(s => s.Doctors).HasForeignKey(d => d.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_staff_years_of_experience", "years_of_experience IS NULL OR years_of_experience BETWEEN 0 AND 70"));
        builder.ToTable(t => t.HasCheckConstraint("ck_staff_consultation_fee", "consultation_fee IS NULL OR consultation_fee + 0 >= 0"));
    }
}

internal sealed class NurseConfiguration : IEntityTypeConfiguration<Nurse>
{
    public void Configure(EntityTypeBuilder<Nurse> builder)
    {
        builder.Property(n => n.LicenseNumber).HasColumnName("license_number").HasMaxLength(32);
        builder.HasOne(n => n.Ward).WithMany(w => w.Nurses).HasForeignKey(n => n.WardId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SupportStaffConfiguration : IEntityTypeConfiguration<SupportStaff>
{
    public void Configure(EntityTypeBuilder<SupportStaff> builder) => builder.Property(s => s.Role).HasMaxLength(64);
}

internal sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasOne(h => h.Doctor).WithMany(d => d.WorkingHours).HasForeignKey(h => h.DoctorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.DoctorId, h.DayOfWeek });
        builder.ToTable(t => t.HasCheckConstraint("ck_working_hours_end_after_start", "end_time > start_time"));
    }
}

internal sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(200);
        builder.HasOne(t => t.Doctor).WithMany(d => d.TimeOff).HasForeignKey(t => t.DoctorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.DoctorId, t.StartsAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_time_off_ends_after_starts", "ends_at > starts_at"));
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.HasOne(u => u.StaffMember).WithMany().HasForeignKey(u => u.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.StaffMemberId).IsUnique();
    }
}
