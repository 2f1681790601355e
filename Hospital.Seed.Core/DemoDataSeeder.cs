using System.Diagnostics;
using System.Security.Cryptography;
using Hospital.Data;
using Hospital.Data.Bulk;
using Hospital.Data.Entities;
using Hospital.Seed.Fakers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Seed;

/// <summary>
/// Fills a database with a synthetic hospital: the organisation, demo accounts and patients with histories.
/// The console calls it, and so do the apps on first run. Every row passes <see cref="HospitalDbContext"/>'s
/// validation and the domain rules on the way in; patients are written in batches, one transaction each, through
/// <see cref="BulkInserter"/> (each provider's fastest path).
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<HospitalDbContext> factory, SchemaManager schema, HospitalDataOptions dataOptions, TimeProvider time)
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !await db.Staff.AnyAsync(cancellationToken) && !await db.Patients.AnyAsync(cancellationToken);
    }

    /// <summary>Creates or upgrades the schema and seeds when the database holds no data; returns null when it did nothing.</summary>
    public async Task<SeedSummary?> SeedIfEmptyAsync(SeedOptions options, ISeedProgress progress, CancellationToken cancellationToken = default)
    {
        await schema.EnsureSchemaAsync(cancellationToken);
        return await IsEmptyAsync(cancellationToken) ? await SeedAsync(options, progress, cancellationToken) : null;
    }

    public async Task<SeedSummary> SeedAsync(SeedOptions options, ISeedProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Patients);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);

        // Seeding is a bulk load, not news: no outbox rows for live subscribers.
        using var quiet = Hospital.Data.Outbox.OutboxScope.Suppress();
        var stopwatch = Stopwatch.StartNew();
        if (options.Reset)
        {
            // Dropping is only for our own databases: one with tables but no schema_versions is someone else's.
            if ((await schema.GetStatusAsync(cancellationToken)).Status == SchemaStatus.Foreign)
            {
                throw new SchemaException("The database has tables but no schema_versions table: it is not a Hospital database, so --reset drops nothing.");
            }

            progress.Log("Dropping the existing schema (--reset)");
            await schema.DropAsync(cancellationToken);
        }

        var applied = await schema.EnsureSchemaAsync(cancellationToken);
        if (applied.Count > 0)
        {
            progress.Log($"Schema created or upgraded to version {SchemaManager.CurrentVersion}");
        }

        if (!await IsEmptyAsync(cancellationToken))
        {
            throw new DatabaseNotEmptyException("The database already holds hospital data; run with --reset to replace it.");
        }

        var today = options.Today ?? dataOptions.Today(time.GetUtcNow().UtcDateTime);
        var context = new SeedContext(options.Seed, today, dataOptions.TimeZone);
        progress.Log($"Seeding {options.Patients} patients with seed {options.Seed} around {today:yyyy-MM-dd} ({dataOptions.TimeZone.Id})");

        var beds = await SeedOrganisationAsync(context, options.Patients, progress, cancellationToken);
        var password = options.DemoPassword ?? GeneratePassword();
        var accounts = await SeedAccountsAsync(context, password, cancellationToken);
        var billing = new InvoiceFaker(context);
        var admissions = new AdmissionFaker(context, new VitalSignsFaker(context), billing);
        await SeedPatientsAsync(context, options, admissions, billing, beds.Count, progress, cancellationToken);
        await SetBedStatusesAsync(admissions, cancellationToken);
        await SeedWaitlistAsync(context, cancellationToken);

        var counts = await CountAsync(cancellationToken);
        progress.Log($"Done: {counts.Sum(c => c.Rows)} rows in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return new SeedSummary(counts, accounts, password, stopwatch.Elapsed);
    }

    private async Task<List<Bed>> SeedOrganisationAsync(SeedContext context, int patients, ISeedProgress progress, CancellationToken cancellationToken)
    {
        progress.Phase("Organisation", 3);
        var staff = new StaffFaker(context);
        var specialties = staff.Specialties(out var departments);
        var wards = staff.Wards(departments);
        var doctors = staff.Doctors(specialties, departments, Math.Clamp(patients / 150, 2, 6));
        var nurses = staff.Nurses(wards, perWard: 4);
        var others = staff.OtherStaff(departments);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // The head-of-department link points back at a doctor of the same department: save the cycle in two steps.
        var heads = departments.ToDictionary(d => d, d => d.HeadDoctor);
        departments.ForEach(d => d.HeadDoctor = null);
        db.Specialties.AddRange(specialties);
        db.Departments.AddRange(departments);
        db.Wards.AddRange(wards);
        db.Staff.AddRange(doctors);
        db.Staff.AddRange(nurses);
        db.Staff.AddRange(others);
        await SchemaManager.EnsureRolesAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        progress.Advance("Organisation", 1);

        foreach (var (department, head) in heads)
        {
            department.HeadDoctor = head;
        }

        await db.SaveChangesAsync(cancellationToken);
        progress.Advance("Organisation", 1);

        context.Departments.AddRange(departments);
        context.Doctors.AddRange(doctors);
        context.Nurses.AddRange(nurses);
        context.OtherStaff.AddRange(others);
        context.Wards.AddRange(wards);
        foreach (var group in doctors.GroupBy(d => d.Specialty!.Name))
        {
            context.DoctorsBySpecialty[group.Key] = group.ToList();
        }

        progress.Advance("Organisation", 1);
        progress.Log($"Organisation: {departments.Count} departments, {doctors.Count} doctors, {nurses.Count} nurses, {others.Count} other staff, {wards.Sum(w => w.Beds.Count)} beds");
        return wards.SelectMany(w => w.Beds).ToList();
    }

    private async Task<List<(string UserName, string Role)>> SeedAccountsAsync(SeedContext context, string password, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<UserAccount>();
        var links = new (string UserName, string Role, StaffMember? Staff)[]
        {
            ("admin", Roles.Admin, context.OtherStaff.OfType<Administrator>().First()),
            ("doctor", Roles.Doctor, context.DoctorsBySpecialty["Cardiology"][0]),
            ("nurse", Roles.Nurse, context.Nurses[0]),
            ("reception", Roles.Receptionist, context.OtherStaff.OfType<Receptionist>().First()),

            // Reads statistics and uses the IDE; not a member of staff.
            ("analyst", Roles.Analyst, null),
        };

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var users = new List<UserAccount>();
        foreach (var (userName, _, staff) in links)
        {
            var user = new UserAccount
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = staff?.Email,
                NormalizedEmail = staff?.Email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                StaffMemberId = staff?.Id,
                CreatedAt = context.Now,
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            users.Add(user);
        }

        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
        db.UserRoles.AddRange(users.Select((u, i) => new IdentityUserRole<int> { UserId = u.Id, RoleId = roles[links[i].Role] }));
        await db.SaveChangesAsync(cancellationToken);
        return links.Select(l => (l.UserName, l.Role)).ToList();
    }

    private async Task SeedPatientsAsync(SeedContext context, SeedOptions options, AdmissionFaker admissions, InvoiceFaker billing, int bedCount, ISeedProgress progress, CancellationToken cancellationToken)
    {
        progress.Phase("Patients", options.Patients);
        var patients = new PatientFaker(context);
        var vitals = new VitalSignsFaker(context);
        var visits = new VisitFaker(context, new ScheduleBook(context), vitals, new LabOrderFaker(context), billing);

        // Fill about seven in ten beds, but never admit more than a fifth of a small registry.
        var targetAdmitted = Math.Min((int)(bedCount * 0.7), options.Patients / 5);
        var batch = new List<Patient>(options.BatchSize);
        var bulk = new BulkInserter();
        for (var sequence = 1; sequence <= options.Patients; sequence++)
        {
            var patient = patients.Generate(sequence);
            visits.AddHistory(patient);
            if (context.Chance(0.07))
            {
                admissions.AddPast(patient);
            }

            if (admissions.CurrentAdmissions < targetAdmitted && context.Chance(Math.Min(1.0, 1.5 * targetAdmitted / Math.Max(1, options.Patients))))
            {
                admissions.TryAddCurrent(patient);
            }

            if (context.Chance(0.08))
            {
                visits.AddToday(patient);
            }

            if (context.Chance(0.35))
            {
                visits.AddFuture(patient);
            }

            batch.Add(patient);
            if (batch.Count == options.BatchSize || sequence == options.Patients)
            {
                await InsertAsync(bulk, batch, cancellationToken);
                progress.Advance("Patients", batch.Count);
                batch.Clear();
            }
        }
    }

    private async Task InsertAsync(BulkInserter bulk, List<Patient> batch, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await bulk.InsertAsync(db, batch, DateTime.UtcNow, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SetBedStatusesAsync(AdmissionFaker admissions, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var beds = await db.Beds.OrderBy(b => b.Id).ToListAsync(cancellationToken);
        admissions.SetBedStatuses(beds);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Some patients booked more than a few days out would rather come sooner: they wait for a freed slot with their doctor.</summary>
    private async Task SeedWaitlistAsync(SeedContext context, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var later = context.Now.AddDays(3);
        var bookings = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Scheduled && a.StartsAt > later)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.PatientId, a.DoctorId, a.Reason })
            .ToListAsync(cancellationToken);
        foreach (var booking in bookings.Where(_ => context.Chance(0.08)))
        {
            db.WaitlistEntries.Add(new WaitlistEntry
            {
                PatientId = booking.PatientId,
                DoctorId = booking.DoctorId,
                AppointmentId = booking.Id,
                Reason = booking.Reason,
                Notes = context.Chance(0.5) ? "Can come at an hour's notice" : null,
                CreatedAt = context.Now.AddHours(-context.Random.Int(1, 96)),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<(string Table, int Rows)>> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return
        [
            ("Specialties", await db.Specialties.CountAsync(cancellationToken)),
            ("Departments", await db.Departments.CountAsync(cancellationToken)),
            ("Staff", await db.Staff.CountAsync(cancellationToken)),
            ("Working hours", await db.WorkingHours.CountAsync(cancellationToken)),
            ("Time off", await db.TimeOff.CountAsync(cancellationToken)),
            ("User accounts", await db.Users.CountAsync(cancellationToken)),
            ("Wards", await db.Wards.CountAsync(cancellationToken)),
            ("Beds", await db.Beds.CountAsync(cancellationToken)),
            ("Patients", await db.Patients.CountAsync(cancellationToken)),
            ("Allergies", await db.Allergies.CountAsync(cancellationToken)),
            ("Conditions", await db.Conditions.CountAsync(cancellationToken)),
            ("Appointments", await db.Appointments.CountAsync(cancellationToken)),
            ("Encounters", await db.Encounters.CountAsync(cancellationToken)),
            ("Diagnoses", await db.Diagnoses.CountAsync(cancellationToken)),
            ("Vital signs", await db.VitalSigns.CountAsync(cancellationToken)),
            ("Prescriptions", await db.Prescriptions.CountAsync(cancellationToken)),
            ("Lab orders", await db.LabOrders.CountAsync(cancellationToken)),
            ("Lab results", await db.LabResults.CountAsync(cancellationToken)),
            ("Lab notes", await db.LabNotes.CountAsync(cancellationToken)),
            ("Admissions", await db.Admissions.CountAsync(cancellationToken)),
            ("Invoices", await db.Invoices.CountAsync(cancellationToken)),
            ("Invoice lines", await db.InvoiceLines.CountAsync(cancellationToken)),
            ("Payments", await db.Payments.CountAsync(cancellationToken)),
            ("Waitlist entries", await db.WaitlistEntries.CountAsync(cancellationToken)),
        ];
    }

    private static string GeneratePassword()
    {
        // Meets Identity's default policy: upper, lower, digit and symbol.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var core = RandomNumberGenerator.GetString(alphabet, 12);
        return $"H{core}a7!";
    }
}
