using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

public sealed class HospitalDbContext(DbContextOptions<HospitalDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<int>, int>(options)
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
    public DbSet<Invoice> Invoices { get; init; } = null!;
    public DbSet<InvoiceLine> InvoiceLines { get; init; } = null!;
    public DbSet<Payment> Payments { get; init; } = null!;
    public DbSet<AuditEntry> AuditEntries { get; init; } = null!;
    public DbSet<SchemaVersion> SchemaVersions { get; init; } = null!;
    public DbSet<Outbox.OutboxMessage> OutboxMessages { get; init; } = null!;

    /// <summary>
    /// Validates and versions the changes, then saves. Changes others may want to hear about (see
    /// <see cref="Outbox.OutboxTopics"/>) also write outbox rows in the same transaction; see <see cref="EntityValidator"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var events = PrepareChanges();
        if (events.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        OutboxMessages.AddRange(events.Select(e => e.ToMessage()));
        base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        Outbox.OutboxSignal.Notify();
        return count;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var events = PrepareChanges();
        if (events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The entities' ids exist only after the first save; both saves commit together or not at all.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        OutboxMessages.AddRange(events.Select(e => e.ToMessage()));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        Outbox.OutboxSignal.Notify();
        return count;
    }

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
        if (Database.IsMySql())
        {
            MySqlModel.Apply(builder);
        }
    }

    private List<PendingEvent> PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var now = DateTime.UtcNow;
        List<string>? errors = null;
        var events = new List<PendingEvent>();
        var publish = !Outbox.OutboxScope.IsSuppressed;
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

            var found = EntityValidator.Validate(entry.Entity, now);
            if (found.Count > 0)
            {
                (errors ??= []).AddRange(found);
            }

            if (publish)
            {
                CollectEvents(entry, now, events);
            }
        }

        if (errors is not null)
        {
            throw new DomainValidationException(errors);
        }

        return events;
    }

    private static void CollectEvents(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, DateTime now, List<PendingEvent> events)
    {
        var added = entry.State == EntityState.Added;
        switch (entry.Entity)
        {
            case Appointment appointment:
                events.Add(new(Outbox.OutboxTopics.AppointmentChanged, () => appointment.Id, $"doctor:{appointment.DoctorId}", now));
                break;
            case Bed bed:
                events.Add(new(Outbox.OutboxTopics.BedChanged, () => bed.Id, $"ward:{bed.WardId}", now));
                break;
            case Admission admission:
                events.Add(new(Outbox.OutboxTopics.BedChanged, () => admission.BedId, null, now));
                if (!added && entry.Property(nameof(Admission.BedId)).OriginalValue is int previousBed && previousBed != admission.BedId)
                {
                    events.Add(new(Outbox.OutboxTopics.BedChanged, () => previousBed, null, now));
                }

                break;
            case LabOrder order:
                events.Add(new(Outbox.OutboxTopics.LabOrderChanged, () => order.Id, $"patient:{order.PatientId}", now));
                break;
            case LabResult result when added:
                events.Add(new(Outbox.OutboxTopics.LabResultAdded, () => result.Id, null, now));
                break;
            case LabNote note when added:
                events.Add(new(Outbox.OutboxTopics.LabNoteAdded, () => note.Id, null, now));
                break;
        }
    }

    private sealed record PendingEvent(string Topic, Func<int> EntityId, string? Scope, DateTime OccurredAt)
    {
        public Outbox.OutboxMessage ToMessage() => new() { Topic = Topic, EntityId = EntityId(), Scope = Scope, OccurredAt = OccurredAt };
    }
}
