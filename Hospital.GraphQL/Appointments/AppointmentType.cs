using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Encounters;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Appointments;

[ObjectType<Appointment>]
[Authorize(Roles = [Access.Appointments])]
public static class AppointmentType
{
    public static void Configure(ObjectTypeConfiguration<Appointment> type) => type.Ignore(a => a.PatientId).Ignore(a => a.DoctorId);

    public static void ConfigureFiltering(FilterConfiguration<Appointment> filter) => filter.BindFieldsExplicitly()
        .Field(a => a.StartsAt).Field(a => a.EndsAt).Field(a => a.Status).Field(a => a.Reason).Field(a => a.Doctor).Field(a => a.Patient);

    public static void ConfigureSorting(SortConfiguration<Appointment> sort) => sort.BindFieldsExplicitly()
        .Field(a => a.StartsAt).Field(a => a.Status).Field(a => a.Doctor).Field(a => a.Patient);

    [NodeResolver]
    public static Task<Appointment?> GetAppointmentByIdAsync(int id, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) => appointments.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] Appointment appointment, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(appointment.PatientId, cancellationToken))!;

    public static async Task<Doctor> GetDoctorAsync([Parent] Appointment appointment, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(appointment.DoctorId, cancellationToken))!;

    [GraphQLDescription("The medical record of the visit, once it was completed.")]
    public static Task<Encounter?> GetEncounterAsync([Parent] Appointment appointment, EncounterByAppointmentIdDataLoader encounters, CancellationToken cancellationToken) =>
        encounters.LoadAsync(appointment.Id, cancellationToken);

    [GraphQLDescription("The statuses this appointment may move to next.")]
    [Requires(nameof(Appointment.Status))]
    public static IReadOnlyList<AppointmentStatus> GetAllowedTransitions([Parent] Appointment appointment) => AppointmentRules.AllowedNext(appointment.Status);
}
