using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Labs;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Staff;
using Hospital.GraphQL.Wards;

namespace Hospital.GraphQL.Encounters;

[ObjectType<Encounter>]
[Authorize(Roles = [Access.Clinical])]
public static class EncounterType
{
    public static void Configure(ObjectTypeConfiguration<Encounter> type) => type
        .Description("The medical record of one visit or inpatient stay.")
        .Ignore(e => e.PatientId).Ignore(e => e.DoctorId).Ignore(e => e.AppointmentId).Ignore(e => e.AdmissionId);

    public static void ConfigureFiltering(FilterConfiguration<Encounter> filter) => filter.BindFieldsExplicitly()
        .Field(e => e.StartedAt).Field(e => e.EndedAt).Field(e => e.ChiefComplaint).Field(e => e.Doctor).Field(e => e.Patient).Field(e => e.Diagnoses);

    public static void ConfigureSorting(SortConfiguration<Encounter> sort) => sort.BindFieldsExplicitly().Field(e => e.StartedAt).Field(e => e.EndedAt);

    [NodeResolver]
    public static Task<Encounter?> GetEncounterByIdAsync(int id, EncounterByIdDataLoader encounters, CancellationToken cancellationToken) => encounters.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] Encounter encounter, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(encounter.PatientId, cancellationToken))!;

    public static async Task<Doctor> GetDoctorAsync([Parent] Encounter encounter, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(encounter.DoctorId, cancellationToken))!;

    public static async Task<Appointment?> GetAppointmentAsync([Parent] Encounter encounter, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        encounter.AppointmentId is { } id ? await appointments.LoadAsync(id, cancellationToken) : null;

    public static async Task<Admission?> GetAdmissionAsync([Parent] Encounter encounter, AdmissionByIdDataLoader admissions, CancellationToken cancellationToken) =>
        encounter.AdmissionId is { } id ? await admissions.LoadAsync(id, cancellationToken) : null;

    public static Task<Diagnosis[]> GetDiagnosesAsync([Parent] Encounter encounter, DiagnosesByEncounterIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(encounter.Id, cancellationToken);

    public static Task<VitalSigns[]> GetVitalsAsync([Parent] Encounter encounter, VitalsByEncounterIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(encounter.Id, cancellationToken);

    public static Task<Prescription[]> GetPrescriptionsAsync([Parent] Encounter encounter, PrescriptionsByEncounterIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(encounter.Id, cancellationToken);

    public static Task<LabOrder[]> GetLabOrdersAsync([Parent] Encounter encounter, LabOrdersByEncounterIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(encounter.Id, cancellationToken);
}

[ObjectType<Diagnosis>]
[Authorize(Roles = [Access.Clinical])]
public static class DiagnosisType
{
    public static void Configure(ObjectTypeConfiguration<Diagnosis> type) => type.Ignore(d => d.Encounter).Ignore(d => d.EncounterId);
}

[ObjectType<VitalSigns>]
[Authorize(Roles = [Access.Clinical])]
public static class VitalSignsType
{
    public static void Configure(ObjectTypeConfiguration<VitalSigns> type) => type.Ignore(v => v.Patient).Ignore(v => v.PatientId).Ignore(v => v.Encounter).Ignore(v => v.EncounterId).Ignore(v => v.RecordedById);

    public static async Task<StaffMember> GetRecordedByAsync([Parent] VitalSigns vitals, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) =>
        (await staff.LoadAsync(vitals.RecordedById, cancellationToken))!;
}

[ObjectType<Prescription>]
[Authorize(Roles = [Access.Clinical])]
public static class PrescriptionType
{
    public static void Configure(ObjectTypeConfiguration<Prescription> type) => type.Ignore(p => p.Patient).Ignore(p => p.PatientId).Ignore(p => p.Encounter).Ignore(p => p.EncounterId).Ignore(p => p.PrescriberId);

    public static async Task<Doctor> GetPrescriberAsync([Parent] Prescription prescription, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        (await doctors.LoadAsync(prescription.PrescriberId, cancellationToken))!;
}
