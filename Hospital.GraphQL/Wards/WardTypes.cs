using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Wards;

[ObjectType<Ward>]
[Authorize(Roles = [Access.Wards, Roles.Analyst])]
public static class WardType
{
    public static void Configure(ObjectTypeConfiguration<Ward> type) => type.Ignore(w => w.DepartmentId);

    public static void ConfigureFiltering(FilterConfiguration<Ward> filter) => filter.BindFieldsExplicitly().Field(w => w.Name).Field(w => w.Kind).Field(w => w.Floor);

    [NodeResolver]
    public static Task<Ward?> GetWardByIdAsync(int id, WardByIdDataLoader wards, CancellationToken cancellationToken) => wards.LoadAsync(id, cancellationToken);

    public static async Task<Department> GetDepartmentAsync([Parent] Ward ward, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) =>
        (await departments.LoadAsync(ward.DepartmentId, cancellationToken))!;

    public static Task<Bed[]> GetBedsAsync([Parent] Ward ward, BedsByWardIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(ward.Id, cancellationToken);

    public static Task<Nurse[]> GetNursesAsync([Parent] Ward ward, NursesByWardIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(ward.Id, cancellationToken);
}

[ObjectType<Bed>]
[Authorize(Roles = [Access.Wards])]
public static class BedType
{
    public static void Configure(ObjectTypeConfiguration<Bed> type) => type.Ignore(b => b.WardId);

    public static void ConfigureFiltering(FilterConfiguration<Bed> filter) => filter.BindFieldsExplicitly().Field(b => b.Label).Field(b => b.Status).Field(b => b.Ward);

    [NodeResolver]
    public static Task<Bed?> GetBedByIdAsync(int id, BedByIdDataLoader beds, CancellationToken cancellationToken) => beds.LoadAsync(id, cancellationToken);

    public static async Task<Ward> GetWardAsync([Parent] Bed bed, WardByIdDataLoader wards, CancellationToken cancellationToken) =>
        (await wards.LoadAsync(bed.WardId, cancellationToken))!;

    [GraphQLDescription("The admission occupying the bed now, if any.")]
    public static Task<Admission?> GetCurrentAdmissionAsync([Parent] Bed bed, ActiveAdmissionByBedIdDataLoader admissions, CancellationToken cancellationToken) =>
        admissions.LoadAsync(bed.Id, cancellationToken);

    [GraphQLDescription("The patient in the bed now, if any.")]
    public static async Task<Patient?> GetCurrentPatientAsync([Parent] Bed bed, ActiveAdmissionByBedIdDataLoader admissions, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        await admissions.LoadAsync(bed.Id, cancellationToken) is { } admission ? await patients.LoadAsync(admission.PatientId, cancellationToken) : null;

    public static Task<Admission[]> GetAdmissionsAsync([Parent] Bed bed, AdmissionsByBedIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(bed.Id, cancellationToken);
}

[ObjectType<Admission>]
[Authorize(Roles = [Access.Wards])]
public static class AdmissionType
{
    public static void Configure(ObjectTypeConfiguration<Admission> type) => type.Ignore(a => a.PatientId).Ignore(a => a.BedId).Ignore(a => a.AttendingDoctorId).Ignore(a => a.DischargeSummary);

    [GraphQLDescription("The moves of the stay from bed to bed, oldest first.")]
    public static Task<BedTransfer[]> GetTransfersAsync([Parent] Admission admission, BedTransfersByAdmissionIdDataLoader transfers, CancellationToken cancellationToken) =>
        transfers.LoadAsync(admission.Id, cancellationToken);

    public static void ConfigureFiltering(FilterConfiguration<Admission> filter) => filter.BindFieldsExplicitly()
        .Field(a => a.AdmittedAt).Field(a => a.DischargedAt).Field(a => a.Reason).Field(a => a.Bed).Field(a => a.Patient).Field(a => a.AttendingDoctor);

    public static void ConfigureSorting(SortConfiguration<Admission> sort) => sort.BindFieldsExplicitly().Field(a => a.AdmittedAt).Field(a => a.DischargedAt);

    [NodeResolver]
    public static Task<Admission?> GetAdmissionByIdAsync(int id, AdmissionByIdDataLoader admissions, CancellationToken cancellationToken) => admissions.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] Admission admission, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(admission.PatientId, cancellationToken))!;

    public static async Task<Bed> GetBedAsync([Parent] Admission admission, BedByIdDataLoader beds, CancellationToken cancellationToken) =>
        (await beds.LoadAsync(admission.BedId, cancellationToken))!;

    // What happened during the stay is clinical, unlike the admission itself.
    [Authorize(Roles = [Access.Clinical])]
    [Requires(nameof(Admission.DischargeSummary))]
    public static string? GetDischargeSummary([Parent] Admission admission) => admission.DischargeSummary;

    public static async Task<Doctor> GetAttendingDoctorAsync([Parent] Admission admission, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(admission.AttendingDoctorId, cancellationToken))!;
}

[ObjectType<BedTransfer>]
[Authorize(Roles = [Access.Wards])]
[GraphQLDescription("A move of an admitted patient from one bed to another.")]
public static class BedTransferType
{
    public static void Configure(ObjectTypeConfiguration<BedTransfer> type) => type
        .Ignore(t => t.Id).Ignore(t => t.AdmissionId).Ignore(t => t.Admission).Ignore(t => t.FromBedId).Ignore(t => t.ToBedId).Ignore(t => t.TransferredById);

    public static async Task<Bed> GetFromBedAsync([Parent] BedTransfer transfer, BedByIdDataLoader beds, CancellationToken cancellationToken) =>
        (await beds.LoadAsync(transfer.FromBedId, cancellationToken))!;

    public static async Task<Bed> GetToBedAsync([Parent] BedTransfer transfer, BedByIdDataLoader beds, CancellationToken cancellationToken) =>
        (await beds.LoadAsync(transfer.ToBedId, cancellationToken))!;

    [GraphQLDescription("Who moved the patient, when known.")]
    public static Task<StaffMember?> GetTransferredByAsync([Parent] BedTransfer transfer, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) =>
        transfer.TransferredById is { } id ? staff.LoadAsync(id, cancellationToken) : Task.FromResult<StaffMember?>(null);
}
