using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Tests;

/// <summary>The invariants the database itself holds, run against each provider.</summary>
public abstract class DataInvariantTests(DatabaseProvider provider, DatabaseServers servers) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private TestData data = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.Create(provider, servers).WithSchemaAsync();
        await using var db = database.CreateContext();
        data = await TestData.CreateAsync(db);
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Mrn_IsUnique()
    {
        await using var db = database.CreateContext();
        db.Patients.Add(TestData.NewPatient(1, "Other", "Person"));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.Contains("mrn", error.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverlappingAppointment_IsRejectedByTheDatabase()
    {
        await using (var db = database.CreateContext())
        {
            db.Appointments.Add(data.NewAppointment(TestData.Monday9, 30));
            await db.SaveChangesAsync(Ct);
        }

        // Bypasses the domain check on purpose: the database is the last line of defence.
        await using var second = database.CreateContext();
        second.Appointments.Add(data.NewAppointment(TestData.Monday9.AddMinutes(15), 30, data.OtherPatient));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task ExactDoubleBooking_IsRejectedByTheDatabase()
    {
        await using var db = database.CreateContext();
        db.Appointments.Add(data.NewAppointment(TestData.Monday9));
        db.Appointments.Add(data.NewAppointment(TestData.Monday9, 30, data.OtherPatient));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task BackToBackAppointments_AndCancelledSlots_AreAllowed()
    {
        await using var db = database.CreateContext();
        var cancelled = data.NewAppointment(TestData.Monday9);
        cancelled.TransitionTo(AppointmentStatus.Cancelled, TestData.Monday9.AddDays(-1), "Patient request");
        db.Appointments.AddRange(cancelled, data.NewAppointment(TestData.Monday9, 30, data.OtherPatient), data.NewAppointment(TestData.Monday9.AddMinutes(30)));

        await db.SaveChangesAsync(Ct);

        Assert.Equal(3, await db.Appointments.CountAsync(Ct));
    }

    [Fact]
    public async Task ReschedulingIntoAnOccupiedSlot_IsRejectedByTheDatabase()
    {
        await using (var db = database.CreateContext())
        {
            db.Appointments.AddRange(data.NewAppointment(TestData.Monday9), data.NewAppointment(TestData.Monday9.AddHours(1), 30, data.OtherPatient));
            await db.SaveChangesAsync(Ct);
        }

        await using var edit = database.CreateContext();
        var later = await edit.Appointments.SingleAsync(a => a.PatientId == data.OtherPatient.Id, Ct);
        later.StartsAt = TestData.Monday9.AddMinutes(10);
        later.EndsAt = TestData.Monday9.AddMinutes(40);

        await Assert.ThrowsAsync<DbUpdateException>(() => edit.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task AppointmentLongerThanEightHours_IsRejectedByTheDatabase()
    {
        await using var db = database.CreateContext();
        db.Appointments.Add(data.NewAppointment(TestData.Monday9));
        await db.SaveChangesAsync(Ct);

        // Bypasses the domain check: the overlap search relies on the bound, so the database must hold it too.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Appointments.ExecuteUpdateAsync(s => s.SetProperty(a => a.EndsAt, TestData.Monday9.AddHours(8).AddMinutes(1)), Ct));
        await db.Appointments.ExecuteUpdateAsync(s => s.SetProperty(a => a.EndsAt, TestData.Monday9.AddHours(8)), Ct);
    }

    [Fact]
    public async Task LongAppointment_StillClashesWithOneLateInItsSpan()
    {
        await using (var db = database.CreateContext())
        {
            db.Appointments.Add(data.NewAppointment(TestData.Monday9, 8 * 60));
            await db.SaveChangesAsync(Ct);
        }

        await using var second = database.CreateContext();
        second.Appointments.Add(data.NewAppointment(TestData.Monday9.AddHours(7).AddMinutes(45), 30, data.OtherPatient));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task ConcurrentOverlappingBookings_OnlyOneCommits()
    {
        async Task<bool> BookAsync(int minutes, Patient patient)
        {
            await using var db = database.CreateContext();
            db.Appointments.Add(data.NewAppointment(TestData.Monday9.AddMinutes(minutes), 30, patient));
            try
            {
                await db.SaveChangesAsync(Ct);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }

        // Eight bookings that each overlap all the others, saved at once from separate connections: the database,
        // not the application's read-then-write check, decides, so exactly one wins.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => BookAsync(i * 3, i % 2 == 0 ? data.Patient : data.OtherPatient), Ct)));

        Assert.Equal(1, results.Count(booked => booked));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Appointments.CountAsync(Ct));
    }

    [Fact]
    public async Task EnsureNoOverlap_ReportsTheClashBeforeSaving()
    {
        await using var db = database.CreateContext();
        db.Appointments.Add(data.NewAppointment(TestData.Monday9));
        await db.SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<AppointmentOverlapException>(() =>
            AppointmentRules.EnsureNoOverlapAsync(db.Appointments, data.Doctor.Id, TestData.Monday9.AddMinutes(20), TestData.Monday9.AddMinutes(50), null, Ct));
        await AppointmentRules.EnsureNoOverlapAsync(db.Appointments, data.Doctor.Id, TestData.Monday9.AddMinutes(30), TestData.Monday9.AddMinutes(60), null, Ct);
    }

    [Fact]
    public async Task Bed_HoldsAtMostOneActiveAdmission()
    {
        await using var db = database.CreateContext();
        db.Admissions.Add(NewAdmission(data.Patient.Id, data.Bed.Id));
        db.Admissions.Add(NewAdmission(data.OtherPatient.Id, data.Bed.Id));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Patient_HasAtMostOneActiveAdmission()
    {
        await using var db = database.CreateContext();
        db.Admissions.Add(NewAdmission(data.Patient.Id, data.Bed.Id));
        db.Admissions.Add(NewAdmission(data.Patient.Id, data.OtherBed.Id));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task DischargedAdmissions_DoNotBlockTheBed()
    {
        await using var db = database.CreateContext();
        var past = NewAdmission(data.Patient.Id, data.Bed.Id);
        past.DischargedAt = past.AdmittedAt.AddDays(2);
        db.Admissions.AddRange(past, NewAdmission(data.OtherPatient.Id, data.Bed.Id));

        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task AdmissionRules_AdmitOccupiesTheBed_AndRefusesASecondPatient()
    {
        await using (var db = database.CreateContext())
        {
            var bed = await db.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
            await AdmissionRules.AdmitAsync(db, data.Patient.Id, bed, data.Doctor.Id, "Chest pain", TestData.Monday9, Ct);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(BedStatus.Occupied, bed.Status);
        }

        await using var again = database.CreateContext();
        var occupied = await again.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
        var other = await again.Beds.SingleAsync(b => b.Id == data.OtherBed.Id, Ct);
        await Assert.ThrowsAsync<BedNotAvailableException>(() => AdmissionRules.AdmitAsync(again, data.OtherPatient.Id, occupied, data.Doctor.Id, "x", TestData.Monday9, Ct));
        await Assert.ThrowsAsync<PatientAlreadyAdmittedException>(() => AdmissionRules.AdmitAsync(again, data.Patient.Id, other, data.Doctor.Id, "x", TestData.Monday9, Ct));
    }

    [Fact]
    public async Task StaleUpdate_FailsWithAConcurrencyError()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Patients.SingleAsync(p => p.Id == data.Patient.Id, Ct);
        var theirs = await second.Patients.SingleAsync(p => p.Id == data.Patient.Id, Ct);

        mine.Phone = "+1 555 000 1111";
        await first.SaveChangesAsync(Ct);
        theirs.Phone = "+1 555 000 2222";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.Equal(1, mine.Version);
    }

    [Fact]
    public async Task InvalidEntity_IsRejectedBeforeItReachesTheDatabase()
    {
        await using var db = database.CreateContext();
        db.Patients.Add(TestData.NewPatient(99, "", "Nobody"));

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal(["Patient.FirstName: is required"], error.Errors);
        Assert.Equal(2, await db.Patients.CountAsync(Ct));
    }

    [Fact]
    public async Task WaitlistEntry_WithoutDoctorOrDepartment_OrOfferedWithoutASlot_IsRejectedByTheDatabase()
    {
        await using var db = database.CreateContext();
        var entry = new WaitlistEntry { PatientId = data.Patient.Id, DoctorId = data.Doctor.Id, Reason = "Sooner", CreatedAt = TestData.Monday9 };
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(Ct);

        var nobody = () => db.Database.ExecuteSqlRawAsync("UPDATE waitlist_entries SET doctor_id = NULL WHERE id = {0}", [entry.Id], Ct);
        var noSlot = () => db.Database.ExecuteSqlRawAsync("UPDATE waitlist_entries SET status = 'Offered' WHERE id = {0}", [entry.Id], Ct);
        var noBooking = () => db.Database.ExecuteSqlRawAsync("UPDATE waitlist_entries SET status = 'Booked' WHERE id = {0}", [entry.Id], Ct);

        await Assert.ThrowsAnyAsync<Exception>(nobody);
        await Assert.ThrowsAnyAsync<Exception>(noSlot);
        await Assert.ThrowsAnyAsync<Exception>(noBooking);
        entry.Offer(data.Doctor.Id, TestData.Monday9.AddDays(1), TestData.Monday9.AddDays(1).AddMinutes(20), TestData.Monday9);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(WaitlistStatus.Offered, (await db.WaitlistEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, Ct)).Status);
    }

    [Fact]
    public async Task InvoicePaidBeyondTotal_IsRejectedByACheckConstraint()
    {
        await using var db = database.CreateContext();
        var invoice = new Invoice { Number = "INV-2026-000001", PatientId = data.Patient.Id, CreatedAt = TestData.Monday9 };
        invoice.Lines.Add(new InvoiceLine { Description = "Consultation", Quantity = 1, UnitPrice = 95.5m });
        BillingRules.Issue(invoice, TestData.Monday9, new DateOnly(2026, 12, 31));
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(Ct);

        // 120.00 > 95.50 numerically but not as text: the check must compare numbers on every provider.
        var update = () => db.Database.ExecuteSqlRawAsync("UPDATE invoices SET amount_paid = 120.00 WHERE id = {0}", [invoice.Id], Ct);
        await Assert.ThrowsAnyAsync<Exception>(update);
        await db.Database.ExecuteSqlRawAsync("UPDATE invoices SET amount_paid = 95.5 WHERE id = {0}", [invoice.Id], Ct);
    }

    [Fact]
    public async Task Instants_RoundTripAsUtc()
    {
        await using (var db = database.CreateContext())
        {
            db.Appointments.Add(data.NewAppointment(TestData.Monday9));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var appointment = await read.Appointments.SingleAsync(Ct);

        Assert.Equal(DateTimeKind.Utc, appointment.StartsAt.Kind);
        Assert.Equal(TestData.Monday9, appointment.StartsAt);
    }

    [Fact]
    public async Task Schema_RecordsItsVersion_AndIsNotRecreated()
    {
        var (status, version) = await database.Schema.GetStatusAsync(Ct);
        var applied = await database.Schema.EnsureSchemaAsync(Ct);

        Assert.Equal(SchemaStatus.UpToDate, status);
        Assert.Equal(SchemaManager.CurrentVersion, version);
        Assert.Empty(applied);
    }

    [Fact]
    public async Task Schema_FromANewerBuild_IsRefused()
    {
        await using (var db = database.CreateContext())
        {
            db.SchemaVersions.Add(new SchemaVersion { Version = SchemaManager.CurrentVersion + 1, Description = "future", AppliedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Schema.EnsureSchemaAsync(Ct));
        Assert.Contains("newer than this build", error.Message);
    }

    [Fact]
    public async Task Schema_OfAForeignDatabase_IsRefused()
    {
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE schema_versions", Ct);
        }

        Assert.Equal(SchemaStatus.Foreign, (await database.Schema.GetStatusAsync(Ct)).Status);
        await Assert.ThrowsAsync<SchemaException>(() => database.Schema.EnsureSchemaAsync(Ct));
    }

    [Fact]
    public async Task SchemaStep7_OnADatabaseWithoutSearchColumns_AddsThemAndFillsThemFromEachPatient()
    {
        // Arrange: the patients table as schema version 4 had it (no flags, no search columns, no email index).
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE patients SET first_name = 'Zoë', last_name = 'Ångström-Berg', phone = '+46 (8) 123 45' WHERE id = {0}", [data.Patient.Id], Ct);
            foreach (var index in new[] { "ix_patients_search_name", "ix_patients_search_name_reversed", "ix_patients_search_phone", "ix_patients_email" })
            {
                var drop = db.Database.IsMySql() ? "DROP INDEX " + index + " ON patients" : "DROP INDEX " + index;
                await db.Database.ExecuteSqlRawAsync(drop, Ct);
            }

            foreach (var column in new[] { "is_active", "is_deceased", "date_of_death", "search_name", "search_name_reversed", "search_phone" })
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE patients DROP COLUMN " + column, Ct);
            }

            await db.SchemaVersions.Where(v => v.Version >= 7).ExecuteDeleteAsync(Ct);
        }

        // Act
        var applied = await database.Schema.EnsureSchemaAsync(Ct);

        // Assert
        Assert.Equal(Enumerable.Range(7, SchemaManager.CurrentVersion - 6), applied);
        await using var check = database.CreateContext();
        var patient = await check.Patients.AsNoTracking().SingleAsync(p => p.Id == data.Patient.Id, Ct);
        Assert.Equal("angstrom berg zoe", patient.SearchName);
        Assert.Equal("zoe angstrom berg", patient.SearchNameReversed);
        Assert.Equal("46812345", patient.SearchPhone);
        Assert.True(patient.IsActive);
        Assert.False(patient.IsDeceased);
        Assert.DoesNotContain(await check.Patients.AsNoTracking().ToListAsync(Ct), p => p.SearchName.Length == 0);
        Assert.Empty(await database.Schema.EnsureSchemaAsync(Ct));
    }

    [Fact]
    public async Task SchemaStep11_OnADatabaseOfVersion10_CreatesTheOutboxAndQuartzTables_AndRerunsHarmlessly()
    {
        // Arrange: what step 11 adds, gone (a database of version 10).
        await using (var db = database.CreateContext())
        {
            foreach (var table in new[] { "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS" })
            {
                await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS " + Jobs.QuartzSchema.TablePrefix + table, Ct);
            }

            await db.Database.ExecuteSqlRawAsync("DROP TABLE notifications", Ct);
            await db.SchemaVersions.Where(v => v.Version >= 11).ExecuteDeleteAsync(Ct);
        }

        // Act: the step, then the step once more as if it had stopped half-way (MySQL cannot roll DDL back).
        var applied = await database.Schema.EnsureSchemaAsync(Ct);
        await using (var db = database.CreateContext())
        {
            await db.SchemaVersions.Where(v => v.Version >= 11).ExecuteDeleteAsync(Ct);
        }

        var again = await database.Schema.EnsureSchemaAsync(Ct);

        // Assert: the tables answer, and a second reminder for one appointment is refused by the database.
        Assert.Equal([11], applied);
        Assert.Equal([11], again);
        await using var check = database.CreateContext();
        foreach (var table in new[] { "JOB_DETAILS", "TRIGGERS", "CRON_TRIGGERS", "LOCKS", "SCHEDULER_STATE", "EXECUTION_HISTORY", "JOB_STATUS" })
        {
            Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS " + Quote(check, "Value") + " FROM " + Jobs.QuartzSchema.TablePrefix + table).SingleAsync(Ct));
        }

        var appointment = data.NewAppointment(new DateTime(2030, 1, 7, 9, 0, 0, DateTimeKind.Utc));
        check.Appointments.Add(appointment);
        await check.SaveChangesAsync(Ct);
        Notification Reminder() => new()
        {
            Kind = NotificationKind.AppointmentReminder, AppointmentId = appointment.Id, PatientId = appointment.PatientId,
            Recipient = "a@example.org", Subject = "Reminder", Body = "See you", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
        };
        check.Notifications.Add(Reminder());
        await check.SaveChangesAsync(Ct);
        check.Notifications.Add(Reminder());
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync(Ct));
        Assert.True(NotificationConflicts.IsDuplicate(refused), refused.ToString());
    }

    private static string Quote(DbContext db, string name) => db.Database.IsNpgsql() ? $"\"{name}\"" : name;

    [Fact]
    public async Task SavingAPatient_KeepsItsSearchColumnsInStepWithItsFields()
    {
        await using (var db = database.CreateContext())
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == data.Patient.Id, Ct);
            patient.FirstName = "Renée";
            patient.Phone = "+1 555 010 9999";
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.CreateContext();
        var saved = await check.Patients.AsNoTracking().SingleAsync(p => p.Id == data.Patient.Id, Ct);
        Assert.EndsWith(" renee", saved.SearchName, StringComparison.Ordinal);
        Assert.StartsWith("renee ", saved.SearchNameReversed, StringComparison.Ordinal);
        Assert.Equal("15550109999", saved.SearchPhone);
    }

    private Admission NewAdmission(int patientId, int bedId) => new()
    {
        PatientId = patientId,
        BedId = bedId,
        AttendingDoctorId = data.Doctor.Id,
        AdmittedAt = TestData.Monday9,
        Reason = "Observation",
    };
}

public sealed class SqliteDataInvariantTests(DatabaseServers servers) : DataInvariantTests(DatabaseProvider.Sqlite, servers);

public sealed class PostgresDataInvariantTests(DatabaseServers servers) : DataInvariantTests(DatabaseProvider.PostgreSql, servers);

public sealed class MariaDbDataInvariantTests(DatabaseServers servers) : DataInvariantTests(DatabaseProvider.MySql, servers);
