using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Waitlist;

[ObjectType<WaitlistEntry>]
[Authorize(Roles = [Access.Appointments])]
[GraphQLDescription("A patient waiting for an earlier slot with a doctor, or with anyone of a department. A cancellation offers the freed slot to the first in line (`status: OFFERED`, `offeredStartsAt`); the front desk accepts or declines it for the patient.")]
public static class WaitlistType
{
    public static void Configure(ObjectTypeConfiguration<WaitlistEntry> type) => type
        .Ignore(e => e.PatientId).Ignore(e => e.DoctorId).Ignore(e => e.DepartmentId).Ignore(e => e.AppointmentId)
        .Ignore(e => e.OfferedDoctorId).Ignore(e => e.BookedAppointmentId).Ignore(e => e.IsOpen);

    public static void ConfigureFiltering(FilterConfiguration<WaitlistEntry> filter) => filter.BindFieldsExplicitly()
        .Field(e => e.Status).Field(e => e.CreatedAt).Field(e => e.OfferedStartsAt).Field(e => e.Doctor).Field(e => e.Department).Field(e => e.Patient);

    public static void ConfigureSorting(SortConfiguration<WaitlistEntry> sort) => sort.BindFieldsExplicitly()
        .Field(e => e.CreatedAt).Field(e => e.OfferedStartsAt).Field(e => e.Status);

    [NodeResolver]
    public static Task<WaitlistEntry?> GetWaitlistEntryByIdAsync(int id, WaitlistEntryByIdDataLoader entries, CancellationToken cancellationToken) => entries.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] WaitlistEntry entry, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(entry.PatientId, cancellationToken))!;

    [GraphQLDescription("The doctor the patient waits for; null when anyone of the department will do.")]
    public static Task<Doctor?> GetDoctorAsync([Parent] WaitlistEntry entry, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        entry.DoctorId is { } id ? doctors.LoadAsync(id, cancellationToken) : Task.FromResult<Doctor?>(null);

    [GraphQLDescription("The department the patient waits for, when not one doctor.")]
    public static Task<Department?> GetDepartmentAsync([Parent] WaitlistEntry entry, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) =>
        entry.DepartmentId is { } id ? departments.LoadAsync(id, cancellationToken) : Task.FromResult<Department?>(null);

    [GraphQLDescription("The booking the patient holds and wants earlier; accepting an offer moves it.")]
    public static Task<Appointment?> GetAppointmentAsync([Parent] WaitlistEntry entry, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        entry.AppointmentId is { } id ? appointments.LoadAsync(id, cancellationToken) : Task.FromResult<Appointment?>(null);

    [GraphQLDescription("The doctor of the slot on offer.")]
    public static Task<Doctor?> GetOfferedDoctorAsync([Parent] WaitlistEntry entry, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        entry.OfferedDoctorId is { } id ? doctors.LoadAsync(id, cancellationToken) : Task.FromResult<Doctor?>(null);

    [GraphQLDescription("The appointment an accepted offer booked (or moved).")]
    public static Task<Appointment?> GetBookedAppointmentAsync([Parent] WaitlistEntry entry, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        entry.BookedAppointmentId is { } id ? appointments.LoadAsync(id, cancellationToken) : Task.FromResult<Appointment?>(null);
}
