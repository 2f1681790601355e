using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Specialties, departments, wards with beds, and the people who work there.</summary>
internal sealed class StaffFaker(SeedContext context)
{
    private int employeeSequence;

    public List<Specialty> Specialties(out List<Department> departments)
    {
        var specialties = new List<Specialty>();
        departments = [];
        foreach (var (info, index) in ClinicalCatalog.Specialties.Select((s, i) => (s, i)))
        {
            var specialty = new Specialty { Name = info.Name, Code = info.Code, Description = info.Description };
            specialties.Add(specialty);
            departments.Add(new Department
            {
                Name = info.Name,
                Code = info.Code,
                Specialty = specialty,
                Phone = $"+1 555 01{index:D2} {context.Random.Int(1000, 9999)}",
                Location = $"Building {(char)('A' + (index % 4))}, floor {1 + (index % 5)}",
            });
        }

        departments.Add(new Department { Name = "Administration", Code = "ADMN", Phone = "+1 555 0190 1000", Location = "Building A, floor 1" });
        departments.Add(new Department { Name = "Facilities", Code = "FACL", Phone = "+1 555 0191 1000", Location = "Building D, basement" });
        return specialties;
    }

    public List<Ward> Wards(IReadOnlyList<Department> departments)
    {
        var wards = new List<Ward>();
        var floor = 1;
        foreach (var info in ClinicalCatalog.Specialties.Where(s => s.Ward is not null))
        {
            var department = departments.Single(d => d.Code == info.Code);
            var kind = info.Ward!.Value;
            var ward = new Ward { Department = department, Name = $"{info.Name} Ward", Floor = floor++ % 6 + 1, Kind = kind };
            var beds = kind == WardKind.IntensiveCare ? 10 : context.Random.Int(14, 22);
            for (var b = 1; b <= beds; b++)
            {
                ward.Beds.Add(new Bed { Label = $"{info.Code[..2]}-{b:D2}" });
            }

            wards.Add(ward);
        }

        return wards;
    }

    public List<Doctor> Doctors(IReadOnlyList<Specialty> specialties, IReadOnlyList<Department> departments, int perSpecialty)
    {
        var doctors = new List<Doctor>();
        foreach (var specialty in specialties)
        {
            var department = departments.Single(d => d.Specialty == specialty);
            for (var i = 0; i < perSpecialty; i++)
            {
                var sex = context.Random.Bool() ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
                var first = context.Faker.Name.FirstName(sex);
                var last = context.Faker.Name.LastName();
                var years = context.Random.Int(i == 0 ? 15 : 1, i == 0 ? 35 : 25);
                var doctor = new Doctor
                {
                    EmployeeNumber = NextEmployeeNumber(),
                    FirstName = first,
                    LastName = last,
                    Email = Email(first, last),
                    Phone = context.Faker.Phone.PhoneNumber("+1 555 ### ####"),
                    Department = department,
                    HireDate = context.Today.AddYears(-Math.Min(years, context.Random.Int(1, 20))).AddDays(-context.Random.Int(0, 364)),
                    Specialty = specialty,
                    LicenseNumber = $"MD-{context.Random.Int(100000, 999999)}",
                    YearsOfExperience = years,
                    ConsultationFee = 80m + (years * 4m) + (context.Random.Int(0, 8) * 5m),
                };
                AddWorkingHours(doctor, specialty.Name == "Emergency Medicine");
                AddTimeOff(doctor);
                doctors.Add(doctor);
                if (i == 0)
                {
                    department.HeadDoctor = doctor;
                }
            }
        }

        return doctors;
    }

    public List<Nurse> Nurses(IReadOnlyList<Ward> wards, int perWard)
    {
        var nurses = new List<Nurse>();
        foreach (var ward in wards)
        {
            for (var i = 0; i < perWard; i++)
            {
                var first = context.Faker.Name.FirstName();
                var last = context.Faker.Name.LastName();
                nurses.Add(new Nurse
                {
                    EmployeeNumber = NextEmployeeNumber(),
                    FirstName = first,
                    LastName = last,
                    Email = Email(first, last),
                    Phone = context.Faker.Phone.PhoneNumber("+1 555 ### ####"),
                    Department = ward.Department,
                    Ward = ward,
                    HireDate = context.Today.AddDays(-context.Random.Int(30, 365 * 25)),
                    LicenseNumber = $"RN-{context.Random.Int(100000, 999999)}",
                });
            }
        }

        return nurses;
    }

    public List<StaffMember> OtherStaff(IReadOnlyList<Department> departments)
    {
        var admin = departments.Single(d => d.Code == "ADMN");
        var facilities = departments.Single(d => d.Code == "FACL");
        var staff = new List<StaffMember>();
        for (var i = 0; i < 6; i++)
        {
            var p = NextPerson();
            staff.Add(new Receptionist { EmployeeNumber = p.Number, FirstName = p.First, LastName = p.Last, Email = p.Email, Phone = p.Phone, HireDate = p.Hired, IsActive = p.Active, Department = admin });
        }

        for (var i = 0; i < 4; i++)
        {
            var p = NextPerson();
            staff.Add(new Administrator { EmployeeNumber = p.Number, FirstName = p.First, LastName = p.Last, Email = p.Email, Phone = p.Phone, HireDate = p.Hired, IsActive = p.Active, Department = admin });
        }

        foreach (var role in ClinicalCatalog.SupportRoles)
        {
            for (var i = 0; i < 2; i++)
            {
                var p = NextPerson();
                staff.Add(new SupportStaff { EmployeeNumber = p.Number, FirstName = p.First, LastName = p.Last, Email = p.Email, Phone = p.Phone, HireDate = p.Hired, IsActive = p.Active, Department = facilities, Role = role });
            }
        }

        return staff;
    }

    private (string Number, string First, string Last, string Email, string Phone, DateOnly Hired, bool Active) NextPerson()
    {
        var number = NextEmployeeNumber();
        var first = context.Faker.Name.FirstName();
        var last = context.Faker.Name.LastName();
        return (number, first, last, Email(first, last), context.Faker.Phone.PhoneNumber("+1 555 ### ####"), context.Today.AddDays(-context.Random.Int(30, 365 * 20)), context.Chance(0.95));
    }

    private void AddWorkingHours(Doctor doctor, bool emergency)
    {
        if (emergency)
        {
            // Emergency physicians work rotating long shifts, including weekends.
            var offDays = context.Random.Shuffle(Enum.GetValues<DayOfWeek>()).Take(2).ToHashSet();
            var start = context.Random.Bool() ? new TimeOnly(7, 0) : new TimeOnly(10, 0);
            foreach (var day in Enum.GetValues<DayOfWeek>().Where(d => !offDays.Contains(d)))
            {
                doctor.WorkingHours.Add(new WorkingHours { DayOfWeek = day, StartTime = start, EndTime = start.AddHours(12) });
            }

            return;
        }

        var begin = context.Pick(new[] { new TimeOnly(7, 30), new TimeOnly(8, 0), new TimeOnly(9, 0) });
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var halfDay = context.Pick(weekdays);
        foreach (var day in weekdays)
        {
            var end = day == halfDay ? begin.AddHours(4) : begin.AddHours(8);
            doctor.WorkingHours.Add(new WorkingHours { DayOfWeek = day, StartTime = begin, EndTime = end });
        }

        if (context.Chance(0.2))
        {
            doctor.WorkingHours.Add(new WorkingHours { DayOfWeek = DayOfWeek.Saturday, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(13, 0) });
        }
    }

    private void AddTimeOff(Doctor doctor)
    {
        // A holiday in the recent past and, for some, one ahead: the scheduler must work around both.
        var pastStart = context.Today.AddDays(-context.Random.Int(30, 300));
        doctor.TimeOff.Add(TimeOffFrom(pastStart, context.Random.Int(5, 14), "Annual leave"));
        if (context.Chance(0.3))
        {
            var futureStart = context.Today.AddDays(context.Random.Int(3, 40));
            doctor.TimeOff.Add(TimeOffFrom(futureStart, context.Random.Int(2, 7), context.Pick(new[] { "Annual leave", "Conference", "Training" })));
        }
    }

    private TimeOff TimeOffFrom(DateOnly start, int days, string reason) => new()
    {
        StartsAt = context.ToUtc(start, TimeOnly.MinValue),
        EndsAt = context.ToUtc(start.AddDays(days), TimeOnly.MinValue),
        Reason = reason,
    };

    private string NextEmployeeNumber() => $"EMP-{++employeeSequence:D5}";

    private string Email(string first, string last) =>
        $"{Slug(first)}.{Slug(last)}.{employeeSequence}@staff.hospital.example";

    private static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
}
