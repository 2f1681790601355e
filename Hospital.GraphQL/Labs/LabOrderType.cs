using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Encounters;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Labs;

[ObjectType<LabOrder>]
[Authorize(Roles = [Access.Clinical])]
public static class LabOrderType
{
    public static void Configure(ObjectTypeConfiguration<LabOrder> type) => type.Ignore(o => o.PatientId).Ignore(o => o.EncounterId).Ignore(o => o.OrderedById);

    public static void ConfigureFiltering(FilterConfiguration<LabOrder> filter) => filter.BindFieldsExplicitly()
        .Field(o => o.Status).Field(o => o.Priority).Field(o => o.OrderedAt).Field(o => o.TestCode).Field(o => o.TestName).Field(o => o.Patient).Field(o => o.Results);

    public static void ConfigureSorting(SortConfiguration<LabOrder> sort) => sort.BindFieldsExplicitly().Field(o => o.OrderedAt).Field(o => o.Priority).Field(o => o.Status);

    [NodeResolver]
    public static Task<LabOrder?> GetLabOrderByIdAsync(int id, LabOrderByIdDataLoader orders, CancellationToken cancellationToken) => orders.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] LabOrder order, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(order.PatientId, cancellationToken))!;

    public static async Task<Doctor> GetOrderedByAsync([Parent] LabOrder order, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(order.OrderedById, cancellationToken))!;

    public static async Task<Encounter?> GetEncounterAsync([Parent] LabOrder order, EncounterByIdDataLoader encounters, CancellationToken cancellationToken) =>
        order.EncounterId is { } id ? await encounters.LoadAsync(id, cancellationToken) : null;

    public static Task<LabResult[]> GetResultsAsync([Parent] LabOrder order, LabResultsByLabOrderIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(order.Id, cancellationToken);

    public static Task<LabNote[]> GetNotesAsync([Parent] LabOrder order, LabNotesByLabOrderIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(order.Id, cancellationToken);
}

[ObjectType<LabResult>]
[Authorize(Roles = [Access.Clinical])]
public static class LabResultType
{
    public static void Configure(ObjectTypeConfiguration<LabResult> type) => type.Ignore(r => r.LabOrderId);

    [GraphQLDescription("The order the result answers.")]
    public static async Task<LabOrder> GetLabOrderAsync([Parent] LabResult result, LabOrderByIdDataLoader orders, CancellationToken cancellationToken) =>
        (await orders.LoadAsync(result.LabOrderId, cancellationToken))!;

    [GraphQLDescription("True when the value is outside its reference range (abnormal or critical).")]
    public static bool GetIsAbnormal([Parent] LabResult result) => result.Flag != ResultFlag.Normal;
}

[ObjectType<LabNote>]
[Authorize(Roles = [Access.Clinical])]
public static class LabNoteType
{
    public static void Configure(ObjectTypeConfiguration<LabNote> type) => type.Ignore(n => n.LabOrderId).Ignore(n => n.AuthorId);

    public static async Task<StaffMember> GetAuthorAsync([Parent] LabNote note, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) =>
        (await staff.LoadAsync(note.AuthorId, cancellationToken))!;

    [GraphQLDescription("The order the note is written on.")]
    public static async Task<LabOrder> GetLabOrderAsync([Parent] LabNote note, LabOrderByIdDataLoader orders, CancellationToken cancellationToken) =>
        (await orders.LoadAsync(note.LabOrderId, cancellationToken))!;
}
