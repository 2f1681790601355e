using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hospital.Data;

public sealed class HospitalDbContext(DbContextOptions<HospitalDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<Specialty> Specialties { get; init; } = null!;
    public DbSet<Department> Departments { get; init; } = null!;
    public DbSet<StaffMember> Staff { get; init; } = null!;
    public DbSet<Doctor> Doctors { get; init; } = null!;
    public DbSet<Nurse> Nurses { get; init; } = null!;
    public DbSet<WorkingHours> WorkingHours { get; init; } = null!;
    public DbSet<TimeOff> TimeOff { get; init; } = null!;
    public DbSet<Patient> Patients { get; init; } = null!;
    public DbSet<Allergy> Allergies { get; init; } = null!;
    public DbSet<Condition> Conditions { get; init; } = null!;
    public DbSet<Appointment> Appointments { get; init; } = null!;
    public DbSet<WaitlistEntry> WaitlistEntries { get; init; } = null!;
    public DbSet<Encounter> Encounters { get; init; } = null!;
    public DbSet<Diagnosis> Diagnoses { get; init; } = null!;
    public DbSet<VitalSigns> VitalSigns { get; init; } = null!;
    public DbSet<Prescription> Prescriptions { get; init; } = null!;
    public DbSet<LabOrder> LabOrders { get; init; } = null!;
    public DbSet<LabResult> LabResults { get; init; } = null!;
    public DbSet<LabNote> LabNotes { get; init; } = null!;
    public DbSet<Ward> Wards { get; init; } = null!;
    public DbSet<Bed> Beds { get; init; } = null!;
    public DbSet<Admission> Admissions { get; init; } = null!;
    public DbSet<BedTransfer> BedTransfers { get; init; } = null!;
    public DbSet<Invoice> Invoices { get; init; } = null!;
    public DbSet<InvoiceLine> InvoiceLines { get; init; } = null!;
    public DbSet<Payment> Payments { get; init; } = null!;
    public DbSet<Refund> Refunds { get; init; } = null!;
    public DbSet<AuditEntry> AuditEntries { get; init; } = null!;
    public DbSet<SchemaVersion> SchemaVersions { get; init; } = null!;
    public DbSet<Outbox.OutboxMessage> OutboxMessages { get; init; } = null!;
    public DbSet<RefreshToken> RefreshTokens { get; init; } = null!;
    public DbSet<Outbox.OutboxCursor> OutboxCursors { get; init; } = null!;
    public DbSet<Notification> Notifications { get; init; } = null!;

    /// <summary>The ASP.NET Core data protection key ring, shared by every instance on this database (<see cref="KeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; init; } = null!;

    /// <summary>
    /// Validates and versions the changes, then saves. Entities that raise changes (<see cref="Outbox.IRaisesChanges"/>)
    /// get their outbox rows in the same transaction, written by the <see cref="Outbox.OutboxParticipant"/> (and audit entries by the <see cref="Audit.AuditParticipant"/>).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException)
        {
            SaveInterceptor?.AbandonFailedSave(this);
            throw;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            SaveInterceptor?.AbandonFailedSave(this);
            throw;
        }
    }

    private Saving.SaveInterceptor? SaveInterceptor =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<Saving.SaveInterceptor>().FirstOrDefault();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        if (Database.IsSqlite() || Database.IsMySql())
        {
            // SQLite and MySQL keep no time zone: values come back Unspecified, so mark them UTC as they were written.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HospitalDbContext).Assembly);
        SnakeCaseNaming.Apply(builder);
        if (Database.IsNpgsql())
        {
            // Search columns are matched as ordinal prefix ranges (SearchText.PrefixEnd), whatever the database's locale.
            var patient = builder.Entity<Patient>();
            patient.Property(p => p.SearchName).UseCollation("C");
            patient.Property(p => p.SearchNameReversed).UseCollation("C");
            patient.Property(p => p.SearchPhone).UseCollation("C");
        }

        if (Database.IsMySql())
        {
            MySqlModel.Apply(builder);
        }
    }

    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var now = DateTime.UtcNow;
        List<string>? errors = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }

            if (entry.Entity is IHasSearchKeys searchable)
            {
                searchable.UpdateSearchKeys();
            }

            var found = EntityValidator.Validate(entry.Entity, now);
            if (found.Count > 0)
            {
                (errors ??= []).AddRange(found);
            }

            // Lengths come from the model (HasMaxLength): checked here so an over-long value is a validation error
            // naming the field on every provider, not a provider's truncation error (or silent truncation) later.
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.GetMaxLength() is { } max && property.CurrentValue is string text && text.Length > max)
                {
                    (errors ??= []).Add($"{entry.Metadata.ClrType.Name}.{property.Metadata.Name}: must be at most {max} characters (got {text.Length})");
                }
            }
        }

        if (errors is not null)
        {
            throw new DomainValidationException(errors);
        }
    }
}
