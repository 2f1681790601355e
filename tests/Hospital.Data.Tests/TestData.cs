using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Data.Tests;

/// <summary>The least organisation a data test needs: one department with a doctor, a nurse, a ward with beds, patients.</summary>
internal sealed record TestData(Doctor Doctor, Nurse Nurse, Bed Bed, Bed OtherBed, Patient Patient, Patient OtherPatient)
{
    public static readonly DateTime Monday9 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<TestData> CreateAsync(HospitalDbContext db)
    {
        var specialty = new Specialty { Name = "Cardiology", Code = "CARD" };
        var department = new Department { Name = "Cardiology", Code = "CARD", Specialty = specialty };
        var doctor = new Doctor
        {
            EmployeeNumber = "EMP-1",
            FirstName = "Ada",
            LastName = "Heart",
            Email = "ada@staff.example",
            HireDate = new DateOnly(2020, 1, 1),
            Department = department,
            Specialty = specialty,
            LicenseNumber = "MD-1",
            YearsOfExperience = 10,
            ConsultationFee = 120m,
        };
        doctor.WorkingHours.Add(new WorkingHours { DayOfWeek = DayOfWeek.Monday, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(16, 0) });
        var ward = new Ward { Department = department, Name = "Cardiology Ward", Floor = 2, Kind = WardKind.General };
        var bed = new Bed { Label = "CA-01" };
        var otherBed = new Bed { Label = "CA-02" };
        ward.Beds.AddRange([bed, otherBed]);
        var nurse = new Nurse
        {
            EmployeeNumber = "EMP-2",
            FirstName = "Flo",
            LastName = "Care",
            Email = "flo@staff.example",
            HireDate = new DateOnly(2021, 1, 1),
            Department = department,
            Ward = ward,
            LicenseNumber = "RN-1",
        };
        var patient = NewPatient(1, "Grace", "Hopper");
        var other = NewPatient(2, "Alan", "Turing");
        db.AddRange(doctor, nurse, ward, patient, other);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new TestData(doctor, nurse, bed, otherBed, patient, other);
    }

    public static Patient NewPatient(int sequence, string first, string last) => new()
    {
        Mrn = EntityValidator.FormatMrn(sequence),
        FirstName = first,
        LastName = last,
        DateOfBirth = new DateOnly(1980, 5, 17),
        Sex = Sex.Female,
        RegisteredAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public Appointment NewAppointment(DateTime start, int minutes = 30, Patient? patient = null) => new()
    {
        PatientId = (patient ?? Patient).Id,
        DoctorId = Doctor.Id,
        StartsAt = start,
        EndsAt = start.AddMinutes(minutes),
        Reason = "Check-up",
        CreatedAt = start.AddDays(-7),
    };
}
