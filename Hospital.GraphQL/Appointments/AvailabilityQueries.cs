using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Appointments;

[QueryType]
[Authorize(Roles = [Access.Appointments])]
public static class AvailabilityQueries
{
    [GraphQLDescription("The free slots in [from, to) of one doctor, or of the active doctors of a department or a specialty (name exactly one), in start order. Slots start on the department's grid (Hospital:Scheduling) in the hospital's time zone, last `duration` minutes (default: one slot) and avoid time off and bookings. At most 31 days; nothing in the past.")]
    public static Task<IReadOnlyList<FreeSlot>> GetAvailableSlotsAsync(
        [ID<Doctor>] int? doctorId,
        [ID<Department>] int? departmentId,
        [ID<Specialty>] int? specialtyId,
        DateTime from,
        DateTime to,
        [GraphQLDescription("Minutes; the department's slot length when left out.")] int? duration,
        HospitalDbContext db,
        [Service] Scheduler scheduler,
        CancellationToken cancellationToken) =>
        scheduler.FreeSlotsAsync(db, doctorId, departmentId, specialtyId, from, to, duration, cancellationToken);
}

[ObjectType<FreeSlot>]
[GraphQLDescription("A free period of one doctor: book it with bookAppointment(doctorId, startsAt, durationMinutes).")]
[Authorize(Roles = [Access.Appointments])]
public static class FreeSlotType
{
    public static void Configure(ObjectTypeConfiguration<FreeSlot> type) => type.Ignore(s => s.DoctorId);

    public static async Task<Doctor> GetDoctorAsync([Parent] FreeSlot slot, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(slot.DoctorId, cancellationToken))!;
}
