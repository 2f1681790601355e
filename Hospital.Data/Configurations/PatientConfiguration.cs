using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.Mrn).HasMaxLength(16);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => p.Mrn).IsUnique();
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Email);

        // Search as you type seeks these (SearchText), one prefix range per index (schema step 7 added them).
        builder.Property(p => p.SearchName).HasMaxLength(201);
        builder.Property(p => p.SearchNameReversed).HasMaxLength(201);
        builder.Property(p => p.SearchPhone).HasMaxLength(32);
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => p.SearchNameReversed);
        builder.HasIndex(p => p.SearchPhone);
        builder.OwnsOne(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.Line2).HasMaxLength(200);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.Region).HasMaxLength(100);
            a.Property(x => x.PostalCode).HasMaxLength(20);
            a.Property(x => x.Country).HasMaxLength(64);
        });
        builder.OwnsOne(p => p.EmergencyContact, e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Relationship).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(32);
        });
        builder.OwnsOne(p => p.Insurance, i =>
        {
            i.Property(x => x.Payer).HasMaxLength(100);
            i.Property(x => x.PolicyNumber).HasMaxLength(50);
        });
    }
}

internal sealed class AllergyConfiguration : IEntityTypeConfiguration<Allergy>
{
    public void Configure(EntityTypeBuilder<Allergy> builder)
    {
        builder.Property(a => a.Substance).HasMaxLength(100);
        builder.Property(a => a.Reaction).HasMaxLength(200);
        builder.HasOne(a => a.Patient).WithMany(p => p.Allergies).HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PatientId, a.Substance }).IsUnique();
    }
}

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> builder)
    {
        builder.Property(c => c.IcdCode).HasMaxLength(10);
        builder.Property(c => c.Description).HasMaxLength(200);
        builder.HasOne(c => c.Patient).WithMany(p => p.Conditions).HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PatientId, c.IcdCode }).IsUnique();
        builder.HasIndex(c => c.IcdCode);
    }
}
