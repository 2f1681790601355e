using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Code).HasMaxLength(16);
        builder.Property(d => d.Phone).HasMaxLength(32);
        builder.Property(d => d.Location).HasMaxLength(100);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.SpecialtyId).IsUnique();
        builder.HasOne(d => d.Specialty).WithMany().HasForeignKey(d => d.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.HeadDoctor).WithMany().HasForeignKey(d => d.HeadDoctorId).OnDelete(DeleteBehavior.SetNull);
    }
}
