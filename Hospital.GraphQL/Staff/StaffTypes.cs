using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Wards;

namespace Hospital.GraphQL.Staff;

[ObjectType<StaffMember>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class StaffMemberType
{
    public static void Configure(ObjectTypeConfiguration<StaffMember> type) => type
        .Description("Someone employed by the hospital: doctor, nurse, receptionist, administrator or support staff.")
        .Ignore(s => s.DepartmentId)
        .Ignore(s => s.Version)
        .Requires(s => s.FullName, s => s.FirstName, s => s.LastName);

    public static void ConfigureFiltering(FilterConfiguration<StaffMember> filter) => filter.BindFieldsExplicitly()
        .Field(s => s.Kind).Field(s => s.IsActive).Field(s => s.FirstName).Field(s => s.LastName).Field(s => s.EmployeeNumber).Field(s => s.Email).Field(s => s.Department);

    public static void ConfigureSorting(SortConfiguration<StaffMember> sort) => sort.BindFieldsExplicitly()
        .Field(s => s.Kind).Field(s => s.LastName).Field(s => s.FirstName).Field(s => s.HireDate);

    public static async Task<Department?> GetDepartmentAsync([Parent] StaffMember member, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) =>
        member.DepartmentId is { } id ? await departments.LoadAsync(id, cancellationToken) : null;
}

[ObjectType<Doctor>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class DoctorType
{
    public static void Configure(ObjectTypeConfiguration<Doctor> type) => type.Ignore(d => d.SpecialtyId).Requires(d => d.FullName, d => d.FirstName, d => d.LastName);

    public static void ConfigureFiltering(FilterConfiguration<Doctor> filter) => filter.BindFieldsExplicitly()
        .Field(d => d.IsActive).Field(d => d.FirstName).Field(d => d.LastName).Field(d => d.Specialty).Field(d => d.Department).Field(d => d.YearsOfExperience).Field(d => d.ConsultationFee);

    public static void ConfigureSorting(SortConfiguration<Doctor> sort) => sort.BindFieldsExplicitly()
        .Field(d => d.LastName).Field(d => d.FirstName).Field(d => d.YearsOfExperience);

    [NodeResolver]
    public static Task<Doctor?> GetDoctorByIdAsync(int id, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) => doctors.LoadAsync(id, cancellationToken);

    public static async Task<Specialty> GetSpecialtyAsync([Parent] Doctor doctor, SpecialtyByIdDataLoader specialties, CancellationToken cancellationToken) =>
        (await specialties.LoadAsync(doctor.SpecialtyId, cancellationToken))!;

    [GraphQLDescription("Weekly working hours, local to the hospital's time zone.")]
    public static Task<WorkingHours[]> GetWorkingHoursAsync([Parent] Doctor doctor, WorkingHoursByDoctorIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(doctor.Id, cancellationToken);

    public static Task<TimeOff[]> GetTimeOffAsync([Parent] Doctor doctor, TimeOffByDoctorIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(doctor.Id, cancellationToken);

    [GraphQLDescription("The doctor's appointments, optionally between two instants.")]
    public static async Task<IEnumerable<Appointment>> GetAppointmentsAsync([Parent] Doctor doctor, AppointmentsByDoctorIdDataLoader loader, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        (await loader.LoadAsync(doctor.Id, cancellationToken)).Where(a => (from is null || a.EndsAt > from) && (to is null || a.StartsAt < to));
}

[ObjectType<Nurse>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class NurseType
{
    public static void Configure(ObjectTypeConfiguration<Nurse> type) => type.Ignore(n => n.WardId);

    [NodeResolver]
    public static Task<StaffMember?> GetNurseByIdAsync(int id, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) => staff.LoadAsync(id, cancellationToken);

    public static async Task<Ward?> GetWardAsync([Parent] Nurse nurse, WardByIdDataLoader wards, CancellationToken cancellationToken) =>
        nurse.WardId is { } id ? await wards.LoadAsync(id, cancellationToken) : null;
}

[ObjectType<Department>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class DepartmentType
{
    public static void Configure(ObjectTypeConfiguration<Department> type) => type.Ignore(d => d.SpecialtyId).Ignore(d => d.HeadDoctorId);

    public static void ConfigureFiltering(FilterConfiguration<Department> filter) => filter.BindFieldsExplicitly().Field(d => d.Name).Field(d => d.Code);

    [NodeResolver]
    public static Task<Department?> GetDepartmentByIdAsync(int id, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) => departments.LoadAsync(id, cancellationToken);

    public static async Task<Specialty?> GetSpecialtyAsync([Parent] Department department, SpecialtyByIdDataLoader specialties, CancellationToken cancellationToken) =>
        department.SpecialtyId is { } id ? await specialties.LoadAsync(id, cancellationToken) : null;

    public static async Task<Doctor?> GetHeadDoctorAsync([Parent] Department department, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        department.HeadDoctorId is { } id ? await doctors.LoadAsync(id, cancellationToken) : null;

    public static Task<StaffMember[]> GetStaffAsync([Parent] Department department, StaffByDepartmentIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(department.Id, cancellationToken);

    public static Task<Ward[]> GetWardsAsync([Parent] Department department, WardsByDepartmentIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(department.Id, cancellationToken);
}

[ObjectType<Specialty>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class SpecialtyType
{
    public static void Configure(ObjectTypeConfiguration<Specialty> type) => type.Ignore(s => s.Doctors);

    public static void ConfigureFiltering(FilterConfiguration<Specialty> filter) => filter.BindFieldsExplicitly().Field(s => s.Name).Field(s => s.Code);

    public static Task<Doctor[]> GetDoctorsAsync([Parent] Specialty specialty, DoctorsBySpecialtyIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(specialty.Id, cancellationToken);
}

[ObjectType<WorkingHours>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class WorkingHoursType
{
    public static void Configure(ObjectTypeConfiguration<WorkingHours> type) => type.Ignore(h => h.Doctor).Ignore(h => h.DoctorId);
}

[ObjectType<TimeOff>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class TimeOffType
{
    public static void Configure(ObjectTypeConfiguration<TimeOff> type) => type.Ignore(t => t.Doctor).Ignore(t => t.DoctorId);
}

[ObjectType<Receptionist>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class ReceptionistType
{
    [NodeResolver]
    public static Task<StaffMember?> GetReceptionistByIdAsync(int id, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) => staff.LoadAsync(id, cancellationToken);
}

[ObjectType<Administrator>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class AdministratorType
{
    [NodeResolver]
    public static Task<StaffMember?> GetAdministratorByIdAsync(int id, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) => staff.LoadAsync(id, cancellationToken);
}

[ObjectType<SupportStaff>]
[Authorize(Roles = [Access.StaffDirectory])]
public static class SupportStaffType
{
    [NodeResolver]
    public static Task<StaffMember?> GetSupportStaffByIdAsync(int id, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) => staff.LoadAsync(id, cancellationToken);
}
