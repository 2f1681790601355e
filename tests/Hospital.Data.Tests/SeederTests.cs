using System.Security.Cryptography;
using System.Text;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.Seed;
using Hospital.Testing;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit3;

namespace Hospital.Data.Tests;

/// <summary>The seeder's output, checked against the rules the system enforces, on each provider.</summary>
public abstract class SeederTests(DatabaseProvider provider, DatabaseServers servers)
{
    public static readonly SeedOptions Small = new() { Patients = 80, Seed = 42, Today = new DateOnly(2026, 11, 18), DemoPassword = "Test!Pass1", BatchSize = 25 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_SameSeed_GivesTheSameData_AndAnotherSeedDoesNot()
    {
        await using var first = TestDatabase.Create(provider, servers);
        await using var second = TestDatabase.Create(provider, servers);
        await using var other = TestDatabase.Create(provider, servers);

        await first.Seeder.SeedAsync(Small, new SilentProgress(), Ct);
        await second.Seeder.SeedAsync(Small, new SilentProgress(), Ct);
        await other.Seeder.SeedAsync(Small with { Seed = 43 }, new SilentProgress(), Ct);

        var fingerprint = await FingerprintAsync(first);
        Assert.Equal(fingerprint, await FingerprintAsync(second));
        Assert.NotEqual(fingerprint, await FingerprintAsync(other));

        // The same seed gives the same data on every provider: compare with the snapshot taken on SQLite. Snapshooter
        // names it after the class that declares the test (SeederTests), so the three providers share one file.
        fingerprint.MatchSnapshot();
    }

    [Fact]
    public async Task Seed_CreatesTheOrganisation()
    {
        await using var database = TestDatabase.Create(provider, servers);
        var summary = await database.Seeder.SeedAsync(Small, new SilentProgress(), Ct);
        await using var db = database.CreateContext();

        var specialties = await db.Specialties.Select(s => new { s.Name, Doctors = s.Doctors.Count }).ToListAsync(Ct);
        Assert.Equal(
            ["Anesthesiology", "Cardiology", "Dermatology", "ENT", "Emergency Medicine", "Gynecology", "Internal Medicine", "Neurology", "Oncology", "Ophthalmology", "Orthopedics", "Pediatrics", "Psychiatry", "Radiology", "Surgery"],
            specialties.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(specialties, s => Assert.True(s.Doctors >= 1, s.Name));
        Assert.Equal(15, await db.Departments.CountAsync(d => d.SpecialtyId != null && d.HeadDoctorId != null, Ct));
        Assert.False(await db.Wards.AnyAsync(w => !w.Nurses.Any(), Ct));
        Assert.True(await db.Staff.OfType<Receptionist>().AnyAsync(Ct));
        Assert.True(await db.Staff.OfType<Administrator>().AnyAsync(Ct));
        Assert.True(await db.Staff.OfType<SupportStaff>().AnyAsync(Ct));
        Assert.Equal(80, await db.Patients.CountAsync(Ct));

        var accountRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select r.Name).ToListAsync(Ct);
        Assert.Equal([Roles.Admin, Roles.Analyst, Roles.Doctor, Roles.Nurse, Roles.Receptionist], accountRoles.Order(StringComparer.Ordinal));
        Assert.Equal(80, summary.Counts.Single(c => c.Table == "Patients").Rows);
    }

    [Fact]
    public async Task Seed_DataKeepsEveryRule()
    {
        await using var database = TestDatabase.Create(provider, servers);
        await database.Seeder.SeedAsync(Small, new SilentProgress(), Ct);
        await using var db = database.CreateContext();
        var timeZone = TimeZoneInfo.Utc;
        var now = new DateTime(2026, 11, 18, 12, 0, 0, DateTimeKind.Utc);

        // No doctor is double-booked.
        var blocking = await db.Appointments.Where(a => a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.DoctorId, a.StartsAt, a.EndsAt }).ToListAsync(Ct);
        foreach (var doctor in blocking.GroupBy(a => a.DoctorId))
        {
            var ordered = doctor.OrderBy(a => a.StartsAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].EndsAt <= ordered[i].StartsAt, $"doctor {doctor.Key} double-booked at {ordered[i].StartsAt:u}");
            }
        }

        // Every appointment lies inside its doctor's working hours; future ones are still open.
        var doctors = await db.Doctors.Include(d => d.WorkingHours).Include(d => d.TimeOff).ToDictionaryAsync(d => d.Id, Ct);
        var appointments = await db.Appointments.Include(a => a.Encounter).ToListAsync(Ct);
        Assert.All(appointments, a =>
        {
            var d = doctors[a.DoctorId];
            Assert.True(AppointmentRules.IsWithinWorkingHours(d.WorkingHours, a.Status == AppointmentStatus.Cancelled ? [] : d.TimeOff, a.StartsAt, a.EndsAt, timeZone), $"appointment {a.Id}");
            Assert.Equal(a.Status == AppointmentStatus.Completed, a.Encounter is not null);
            if (a.StartsAt > now)
            {
                Assert.Contains(a.Status, new[] { AppointmentStatus.Scheduled, AppointmentStatus.CheckedIn });
            }
        });
        Assert.Contains(appointments, a => a.StartsAt > now);
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.Cancelled);

        // Invoices add up.
        var invoices = await db.Invoices.Include(i => i.Lines).Include(i => i.Payments).ToListAsync(Ct);
        Assert.All(invoices, i =>
        {
            Assert.Equal(i.Lines.Sum(l => l.Amount), i.Total);
            Assert.All(i.Lines, l => Assert.Equal(l.Quantity * l.UnitPrice, l.Amount));
            Assert.Equal(i.Payments.Sum(p => p.Amount), i.AmountPaid);
            Assert.True(i.AmountPaid <= i.Total);
            var expected = i.Status switch
            {
                InvoiceStatus.Paid => i.AmountPaid == i.Total,
                InvoiceStatus.PartiallyPaid => i.AmountPaid > 0 && i.AmountPaid < i.Total,
                InvoiceStatus.Issued or InvoiceStatus.Draft or InvoiceStatus.Void => i.AmountPaid == 0,
                _ => false,
            };
            Assert.True(expected, $"invoice {i.Number} is {i.Status} with {i.AmountPaid}/{i.Total}");
        });
        Assert.Contains(invoices, i => i.Status == InvoiceStatus.Paid);

        // Beds are occupied exactly when they hold an active admission.
        var beds = await db.Beds.Select(b => new { b.Status, Active = b.Admissions.Count(a => a.DischargedAt == null) }).ToListAsync(Ct);
        Assert.All(beds, b => Assert.Equal(b.Status == BedStatus.Occupied, b.Active == 1));
        Assert.Contains(beds, b => b.Status == BedStatus.Occupied);

        // Lab results exist, some abnormal; resulted orders have results, pending ones none.
        var orders = await db.LabOrders.Select(o => new { o.Status, Results = o.Results.Count }).ToListAsync(Ct);
        Assert.All(orders, o => Assert.Equal(o.Status == LabOrderStatus.Resulted, o.Results > 0));
        Assert.True(await db.LabResults.AnyAsync(r => r.Flag != ResultFlag.Normal, Ct));

        // Children are never on an adult ward or seen for adult-only problems; only women are on maternity wards.
        var admitted = await db.Admissions.Select(a => new { a.Patient!.DateOfBirth, a.Patient.Sex, a.AdmittedAt, a.Bed!.Ward!.Kind }).ToListAsync(Ct);
        Assert.All(admitted, a =>
        {
            var adult = a.DateOfBirth.AddYears(18) <= DateOnly.FromDateTime(a.AdmittedAt);
            Assert.Equal(a.Kind != WardKind.Pediatric, adult || a.Kind == WardKind.Maternity);
            Assert.True(a.Kind != WardKind.Maternity || a.Sex == Sex.Female);
        });

        // Every row passes the validator the API uses.
        var all = new List<object>();
        all.AddRange(await db.Patients.ToListAsync(Ct));
        all.AddRange(await db.VitalSigns.ToListAsync(Ct));
        all.AddRange(await db.Prescriptions.ToListAsync(Ct));
        all.AddRange(await db.Conditions.ToListAsync(Ct));
        all.AddRange(await db.Diagnoses.ToListAsync(Ct));
        Assert.All(all, e => Assert.Empty(EntityValidator.Validate(e, now)));
    }

    [Fact]
    public async Task Seed_NonEmptyDatabase_IsRefusedUnlessReset()
    {
        await using var database = TestDatabase.Create(provider, servers);
        await database.Seeder.SeedAsync(Small with { Patients = 5 }, new SilentProgress(), Ct);

        await Assert.ThrowsAsync<DatabaseNotEmptyException>(() => database.Seeder.SeedAsync(Small with { Patients = 5 }, new SilentProgress(), Ct));
        Assert.Null(await database.Seeder.SeedIfEmptyAsync(Small with { Patients = 5 }, new SilentProgress(), Ct));
        await database.Seeder.SeedAsync(Small with { Patients = 7, Reset = true }, new SilentProgress(), Ct);

        await using var db = database.CreateContext();
        Assert.Equal(7, await db.Patients.CountAsync(Ct));
    }

    /// <summary>A digest of the data that does not depend on generated keys or the provider's formatting.</summary>
    private static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var text = new StringBuilder();
        foreach (var p in await db.Patients.OrderBy(p => p.Mrn).ToListAsync(Ct))
        {
            text.AppendLine($"{p.Mrn}|{p.FirstName}|{p.LastName}|{p.DateOfBirth:O}|{p.Sex}|{p.BloodType}|{p.Phone}|{p.Address?.City}|{p.Insurance?.PolicyNumber}");
        }

        foreach (var a in await db.Appointments.OrderBy(a => a.StartsAt).ThenBy(a => a.Doctor!.EmployeeNumber)
                     .Select(a => new { a.Patient!.Mrn, a.Doctor!.EmployeeNumber, a.StartsAt, a.Status, a.Reason }).ToListAsync(Ct))
        {
            text.AppendLine($"{a.Mrn}|{a.EmployeeNumber}|{a.StartsAt:O}|{a.Status}|{a.Reason}");
        }

        foreach (var i in await db.Invoices.OrderBy(i => i.Number).Select(i => new { i.Number, i.Total, i.AmountPaid, i.Status }).ToListAsync(Ct))
        {
            text.AppendLine($"{i.Number}|{i.Total:0.00}|{i.AmountPaid:0.00}|{i.Status}");
        }

        foreach (var r in await db.LabResults.OrderBy(r => r.LabOrder!.OrderedAt).ThenBy(r => r.LabOrder!.Patient!.Mrn).ThenBy(r => r.Analyte)
                     .Select(r => new { r.LabOrder!.Patient!.Mrn, r.Analyte, r.Value, r.Flag }).ToListAsync(Ct))
        {
            text.AppendLine($"{r.Mrn}|{r.Analyte}|{r.Value}|{r.Flag}");
        }

        var counts = string.Join(",", (await db.Admissions.CountAsync(Ct), await db.VitalSigns.CountAsync(Ct), await db.Prescriptions.CountAsync(Ct), await db.Payments.CountAsync(Ct)));
        return $"{counts} {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]}";
    }
}

public sealed class SqliteSeederTests(DatabaseServers servers) : SeederTests(DatabaseProvider.Sqlite, servers);

public sealed class PostgresSeederTests(DatabaseServers servers) : SeederTests(DatabaseProvider.PostgreSql, servers);

public sealed class MariaDbSeederTests(DatabaseServers servers) : SeederTests(DatabaseProvider.MySql, servers);
