using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Tests;

/// <summary>Changes others listen for write outbox rows in the same transaction as the change, on each provider.</summary>
public abstract class OutboxTests(DatabaseProvider provider, DatabaseServers servers) : IAsyncLifetime
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
    public async Task AppointmentChanges_WriteOneRowEach_ScopedToTheDoctorAndPatient()
    {
        var before = await MaxIdAsync();
        int appointmentId;
        await using (var db = database.CreateContext())
        {
            var appointment = data.NewAppointment(TestData.Monday9);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(Ct);
            appointmentId = appointment.Id;
            appointment.TransitionTo(AppointmentStatus.CheckedIn, TestData.Monday9);
            await db.SaveChangesAsync(Ct);
        }

        var rows = await RowsAfterAsync(before);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(ChangeTopics.AppointmentChanged.Name, r.Topic);
            Assert.Equal(appointmentId, r.EntityId);
            Assert.Equal($"doctor:{data.Doctor.Id} patient:{data.Patient.Id}", r.Scope);
        });
    }

    [Fact]
    public async Task NewRows_CarryTheIdsTheDatabaseGave()
    {
        var before = await MaxIdAsync();
        await using var db = database.CreateContext();
        var order = new LabOrder { PatientId = data.Patient.Id, OrderedById = data.Doctor.Id, TestCode = "K", TestName = "Potassium", OrderedAt = TestData.Monday9 };
        db.LabOrders.Add(order);
        await db.SaveChangesAsync(Ct);
        var result = new LabResult { LabOrderId = order.Id, Analyte = "Potassium", Value = "4.1", NumericValue = 4.1m, Unit = "mmol/L", ResultedAt = TestData.Monday9.AddHours(1) };
        db.LabResults.Add(result);
        await db.SaveChangesAsync(Ct);

        var rows = await RowsAfterAsync(before);

        Assert.Equal(
            [(ChangeTopics.LabOrderChanged.Name, order.Id, $"patient:{data.Patient.Id}"), (ChangeTopics.LabResultAdded.Name, result.Id, null)],
            rows.Select(r => (r.Topic, r.EntityId, r.Scope)).ToList());
        Assert.True(order.Id > 0 && result.Id > 0);
    }

    [Fact]
    public async Task AdmittingAPatient_AnnouncesTheBed()
    {
        var before = await MaxIdAsync();
        await using var db = database.CreateContext();
        db.Admissions.Add(new Admission { PatientId = data.Patient.Id, BedId = data.Bed.Id, AttendingDoctorId = data.Doctor.Id, AdmittedAt = TestData.Monday9, Reason = "Observation" });
        await db.SaveChangesAsync(Ct);

        var rows = await RowsAfterAsync(before);

        Assert.Contains(rows, r => r.Topic == ChangeTopics.BedChanged.Name && r.EntityId == data.Bed.Id);
    }

    [Fact]
    public async Task ATransfer_AnnouncesBothBeds()
    {
        int admissionId;
        await using (var db = database.CreateContext())
        {
            var admission = new Admission { PatientId = data.Patient.Id, BedId = data.Bed.Id, AttendingDoctorId = data.Doctor.Id, AdmittedAt = TestData.Monday9, Reason = "Observation" };
            db.Admissions.Add(admission);
            await db.SaveChangesAsync(Ct);
            admissionId = admission.Id;
        }

        var before = await MaxIdAsync();
        await using (var db = database.CreateContext())
        {
            var other = new Bed { WardId = data.Bed.WardId, Label = "T-2" };
            db.Beds.Add(other);
            await db.SaveChangesAsync(Ct);
            var admission = await db.Admissions.SingleAsync(a => a.Id == admissionId, Ct);
            admission.BedId = other.Id;
            await db.SaveChangesAsync(Ct);

            var rows = await RowsAfterAsync(before);
            Assert.Equal(
                [(other.Id, $"ward:{other.WardId}"), (other.Id, null), (data.Bed.Id, null)],
                rows.Select(r => (r.EntityId, r.Scope)).ToList());
        }
    }

    [Fact]
    public async Task OneSave_InTheCallersTransaction_CommitsWithIt()
    {
        var before = await MaxIdAsync();
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Appointments.Add(data.NewAppointment(TestData.Monday9));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Empty(await RowsAfterAsync(before));
    }

    [Fact]
    public async Task AFailedSave_LeavesNoRow()
    {
        var before = await MaxIdAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
        var theirs = await second.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
        mine.Status = BedStatus.Cleaning;
        await first.SaveChangesAsync(Ct);
        theirs.Status = BedStatus.OutOfService;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        var rows = await RowsAfterAsync(before);
        Assert.Single(rows);
        Assert.Equal((ChangeTopics.BedChanged.Name, data.Bed.Id), (rows[0].Topic, rows[0].EntityId));
    }

    [Fact]
    public async Task AfterAConcurrencyFailure_TheContextsNextSave_AnnouncesNothingOfIt()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
        var theirs = await second.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct);
        mine.Status = BedStatus.Cleaning;
        await first.SaveChangesAsync(Ct);
        theirs.Status = BedStatus.OutOfService;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        var before = await MaxIdAsync();

        // The same context (as a pooled one is reused) saves something that raises no event.
        second.ChangeTracker.Clear();
        second.Set<TimeOff>().Add(new TimeOff { DoctorId = data.Doctor.Id, StartsAt = TestData.Monday9, EndsAt = TestData.Monday9.AddHours(1), Reason = "Course" });
        await second.SaveChangesAsync(Ct);

        Assert.Empty(await RowsAfterAsync(before));
        await using var check = database.CreateContext();
        Assert.Equal(BedStatus.Cleaning, (await check.Beds.SingleAsync(b => b.Id == data.Bed.Id, Ct)).Status);
        Assert.True(await check.Set<TimeOff>().AnyAsync(t => t.Reason == "Course", Ct));
    }

    [Fact]
    public async Task SuppressedWork_WritesNoRow()
    {
        var before = await MaxIdAsync();
        await using (var db = database.CreateContext())
        {
            using (OutboxScope.Suppress())
            {
                db.Appointments.Add(data.NewAppointment(TestData.Monday9));
                await db.SaveChangesAsync(Ct);
            }

            Assert.False(OutboxScope.IsSuppressed);
        }

        Assert.Empty(await RowsAfterAsync(before));
    }

    [Fact]
    public async Task Signal_WakesReaders_WhenAWriteCommits()
    {
        var wait = database.OutboxSignal.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await using var db = database.CreateContext();
        db.Appointments.Add(data.NewAppointment(TestData.Monday9));
        await db.SaveChangesAsync(Ct);

        Assert.True(await wait);
    }

    [Fact]
    public async Task AConcurrencyFailure_WritesNoEvent_AndLeavesTheContextUsable()
    {
        int id;
        await using (var db = database.CreateContext())
        {
            var appointment = data.NewAppointment(TestData.Monday9);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(Ct);
            id = appointment.Id;
        }

        var before = await MaxIdAsync();
        await using var stale = database.CreateContext();
        var mine = await stale.Appointments.SingleAsync(a => a.Id == id, Ct);
        await using (var other = database.CreateContext())
        {
            (await other.Appointments.SingleAsync(a => a.Id == id, Ct)).TransitionTo(AppointmentStatus.CheckedIn, TestData.Monday9);
            await other.SaveChangesAsync(Ct);
        }

        mine.TransitionTo(AppointmentStatus.Cancelled, TestData.Monday9, "clash");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Ct));

        // Its transaction is rolled back at once, not when the context goes back to the pool: while the stale context
        // lives, another writer of the same row is not kept waiting on its locks (MySQL kept them until the lock timeout).
        Assert.Null(stale.Database.CurrentTransaction);
        await using (var other = database.CreateContext())
        {
            var shortWait = provider switch
            {
                DatabaseProvider.MySql => "SET SESSION innodb_lock_wait_timeout = 3",
                DatabaseProvider.PostgreSql => "SET lock_timeout = '3s'",
                _ => "PRAGMA busy_timeout = 3000",
            };
            await other.Database.OpenConnectionAsync(Ct);
            await other.Database.ExecuteSqlRawAsync(shortWait, Ct);
            Assert.Equal(1, await other.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "after the clash"), Ct));
        }

        // The same context saves something that raises no event: the failed change's event must not ride along.
        stale.ChangeTracker.Clear();
        stale.Specialties.Add(new Specialty { Name = "Outbox test", Code = "OBX" + Guid.NewGuid().ToString("N")[..5] });
        await stale.SaveChangesAsync(Ct);

        var rows = await RowsAfterAsync(before);
        Assert.Single(rows);
        Assert.Equal(ChangeTopics.AppointmentChanged.Name, rows[0].Topic);
    }

    [Fact]
    public async Task UpgradeFromVersion1_CreatesTheOutboxTable()
    {
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE outbox_messages", Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM schema_versions WHERE version >= 2", Ct);
        }

        Assert.Equal((SchemaStatus.Outdated, 1), await database.Schema.GetStatusAsync(Ct));
        var applied = await database.Schema.EnsureSchemaAsync(Ct);

        Assert.Contains(2, applied);
        var before = await MaxIdAsync();
        await using (var db = database.CreateContext())
        {
            db.Appointments.Add(data.NewAppointment(TestData.Monday9));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Single(await RowsAfterAsync(before));
    }

    private async Task<long> MaxIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.MaxAsync(m => (long?)m.Id, Ct) ?? 0;
    }

    private async Task<List<OutboxMessage>> RowsAfterAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id > id).OrderBy(m => m.Id).ToListAsync(Ct);
    }
}

public sealed class SqliteOutboxTests(DatabaseServers servers) : OutboxTests(DatabaseProvider.Sqlite, servers);

public sealed class PostgresOutboxTests(DatabaseServers servers) : OutboxTests(DatabaseProvider.PostgreSql, servers);

public sealed class MariaDbOutboxTests(DatabaseServers servers) : OutboxTests(DatabaseProvider.MySql, servers);
